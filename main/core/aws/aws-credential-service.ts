import type { Clock } from '../clock.ts';
import { CognitoServiceError } from '../cognito/cognito-errors.ts';
import type { CognitoTransport } from '../cognito/transport.ts';
import { BadInputError, CtmError } from '../errors.ts';
import type { SecretStore } from '../keychain/secret-store.ts';
import type { Profile } from '../profiles/profile.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';
import type { ProfileId } from '../profiles/profile-id.ts';
import type { TokenSet } from '../tokens/token-set.ts';
import { credentialsFresh, type AwsCredentials } from './aws-credentials.ts';
import { AwsCredentialCache, credentialsFor } from './credential-cache.ts';
import { IdentityClient } from './identity-client.ts';
import { identityEndpoint, identityPoolRegion, loginsKey } from './identity-pool.ts';

/** What the credential service needs from the rest of the core. */
export interface AwsCredentialDeps {
  profiles: Pick<ProfileStore, 'byId'>;
  /** Valid user-pool tokens of a profile (renewed first when fewer than minTtlMs are left). */
  tokens(profileId: ProfileId, options: { minTtlMs: number }): Promise<TokenSet>;
  secretStore: SecretStore;
  configDir: string;
  transport: CognitoTransport;
  clock: Clock;
}

/** The ID token must outlive the two calls that use it by this much. */
const ID_TOKEN_MIN_TTL_MS = 60_000;

/**
 * Identity-pool credentials of a profile (the "enhanced" flow: GetId once, then GetCredentialsForIdentity with the
 * profile's ID token), cached sealed like the access tokens and renewed 5 minutes before they expire with a fresh ID
 * token. Concurrent callers of one profile share one renewal.
 */
export class AwsCredentialService {
  private readonly deps: AwsCredentialDeps;
  private readonly cache: AwsCredentialCache;
  private readonly inflight = new Map<ProfileId, Promise<AwsCredentials>>();

  constructor(deps: AwsCredentialDeps) {
    this.deps = deps;
    this.cache = new AwsCredentialCache(deps.secretStore, deps.configDir);
  }

  /** Valid credentials for a profile, renewed first when fewer than `minTtlMs` (or 5 minutes) are left. */
  async credentials(profileId: ProfileId, options: { minTtlMs?: number } = {}): Promise<AwsCredentials> {
    const profile = await this.deps.profiles.byId(profileId);
    const pool = requireIdentityPool(profile);
    const cached = credentialsFor(await this.cache.read(profile.id), pool, profile.roleArn);
    if (cached && credentialsFresh(cached, this.deps.clock.now(), options.minTtlMs)) return cached;
    const running = this.inflight.get(profile.id);
    if (running) return running;
    const renewal = this.renew(profile, pool).finally(() => this.inflight.delete(profile.id));
    this.inflight.set(profile.id, renewal);
    return renewal;
  }

  /** The cached credentials of a profile as they are (fresh or not), without any network call; the token agent serves these. */
  async cached(profile: Profile): Promise<AwsCredentials | undefined> {
    return profile.identityPoolId
      ? credentialsFor(await this.cache.read(profile.id), profile.identityPoolId, profile.roleArn)
      : undefined;
  }

  /** Forgets a profile's credentials and identity id (sign-out, a removed profile, another identity pool). */
  forget(profileId: string): void {
    this.cache.remove(profileId);
  }

  private async renew(profile: Profile, identityPoolId: string): Promise<AwsCredentials> {
    const tokens = await this.deps.tokens(profile.id, { minTtlMs: ID_TOKEN_MIN_TTL_MS });
    if (!tokens.idToken)
      throw new CtmError(
        'service',
        `Profile "${profile.name}" signed in without an ID token, which the identity pool needs (sign in with the openid scope).`,
      );
    const logins = { [loginsKey(profile.region, profile.userPoolId)]: tokens.idToken };
    const client = new IdentityClient(this.deps.transport, identityEndpoint({ ...profile, identityPoolId }));
    const file = await this.cache.read(profile.id);
    // The identity id is remembered per profile and pool (the enhanced flow's GetId runs once).
    const remembered = file.identityPoolId === identityPoolId ? file.identityId : undefined;
    let identityId = remembered;
    const fetchCredentials = async (id: string) =>
      client.call('GetCredentialsForIdentity', {
        IdentityId: id,
        Logins: logins,
        ...(profile.roleArn ? { CustomRoleArn: profile.roleArn } : {}),
      });
    let answer;
    try {
      identityId ??= await this.identityId(client, identityPoolId, logins);
      answer = await fetchCredentials(identityId);
    } catch (error) {
      // A remembered identity that was deleted, or belongs to another pool or user: ask for the current one, once.
      if (
        !(error instanceof CognitoServiceError) ||
        remembered === undefined ||
        !['ResourceNotFoundException', 'NotAuthorizedException'].includes(error.type)
      )
        throw error;
      identityId = await this.identityId(client, identityPoolId, logins);
      answer = await fetchCredentials(identityId);
    }
    const c = answer.Credentials;
    if (!c?.AccessKeyId || !c.SecretKey || !c.SessionToken || typeof c.Expiration !== 'number')
      throw new CtmError('service', 'cognito-identity answered without complete credentials.');
    const now = this.deps.clock.now();
    const credentials: AwsCredentials = {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretKey,
      sessionToken: c.SessionToken,
      expiresAt: c.Expiration * 1000,
      issuedAt: now,
      identityId: answer.IdentityId ?? identityId,
      region: identityPoolRegion(identityPoolId),
    };
    await this.cache.write(profile.id, {
      version: 1,
      identityPoolId,
      ...(profile.roleArn ? { roleArn: profile.roleArn } : {}),
      identityId: credentials.identityId,
      credentials,
    });
    return credentials;
  }

  private async identityId(
    client: IdentityClient,
    identityPoolId: string,
    logins: Record<string, string>,
  ): Promise<string> {
    const answer = await client.call('GetId', { IdentityPoolId: identityPoolId, Logins: logins });
    if (!answer.IdentityId) throw new CtmError('service', 'cognito-identity answered GetId without an IdentityId.');
    return answer.IdentityId;
  }
}

/** The profile's identity pool id, or a message saying how to add one. */
export function requireIdentityPool(profile: Profile): string {
  if (!profile.identityPoolId)
    throw new BadInputError(
      `Profile "${profile.name}" has no identity pool. Add one: ctm profile edit ${profile.name} --identity-pool-id <region>:<id>`,
    );
  return profile.identityPoolId;
}
