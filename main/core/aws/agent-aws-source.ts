import type { AgentAwsCredentials } from '../agent/agent-protocol.ts';
import type { Profile } from '../profiles/profile.ts';
import { profileRef, type ProfileRef } from '../profiles/profile-id.ts';
import type { AwsCredentials } from './aws-credentials.ts';

/** What the agent reads of the core for AWS credentials (Core fits it). */
export interface AgentAwsParts {
  resolveProfile(ref: ProfileRef): Promise<Profile>;
  cachedAwsCredentials(profile: Profile): Promise<AwsCredentials | undefined>;
}

/**
 * What the token agent serves for `ctm aws-credentials`: a profile's cached identity-pool credentials as the sealed
 * file holds them (read afresh, so a renewal by another process is seen). Never renews: ctm does, when they are stale.
 */
export function cachedAwsCredentialSource(
  core: AgentAwsParts,
): (profile: string) => Promise<AgentAwsCredentials | undefined> {
  return async (name) => {
    const profile = await core.resolveProfile(profileRef(name));
    const credentials = await core.cachedAwsCredentials(profile);
    return credentials ? { profileId: profile.id, profileName: profile.name, ...credentials } : undefined;
  };
}
