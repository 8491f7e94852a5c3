import type { AgentAwsCredentials } from '../agent/agent-protocol.ts';
import type { Core } from '../core.ts';

/**
 * What the token agent serves for `ctm aws-credentials`: a profile's cached identity-pool credentials as the sealed
 * file holds them (read afresh, so a renewal by another process is seen). Never renews: ctm does, when they are stale.
 */
export function cachedAwsCredentialSource(core: Core): (profile: string) => Promise<AgentAwsCredentials | undefined> {
  return async (name) => {
    const profile = await core.profiles.get(name);
    const credentials = await core.awsCredentials.cached(profile);
    return credentials ? { profileId: profile.id, profileName: profile.name, ...credentials } : undefined;
  };
}
