import { CognitoClient } from '../../cognito/cognito-client.ts';
import { cognitoEndpoint } from '../../cognito/endpoint.ts';
import { asCtmError } from '../../errors.ts';
import type { Profile } from '../../profiles/profile.ts';
import type { TokenSet } from '../../tokens/token-set.ts';
import { refreshSession, RefreshRefusedError } from '../refresh-session.ts';
import { SignInConversation } from '../sign-in-conversation.ts';
import { revokeAtServer, type Revocation } from '../sign-out.ts';
import type { FlowKind, FlowServices, FlowStart, SignInFlow, StartRequest } from './sign-in-flow.ts';

/** The user-pool API: InitiateAuth (SRP, password, custom, choice-based), challenges, refresh tokens, RevokeToken. */
export const userPoolApi: FlowKind = {
  signIn: 'password',
  renewsWithoutSession: false,
  passwordRequired: (profile) =>
    profile.authFlow === 'USER_PASSWORD_AUTH' ||
    profile.authFlow === 'USER_SRP_AUTH' ||
    (profile.authFlow === 'USER_AUTH' &&
      (profile.preferredChallenge === 'PASSWORD' || profile.preferredChallenge === 'PASSWORD_SRP')),
  create: (profile, services) => new UserPoolFlow(profile, services),
};

/** The user-pool flow over another wire client (the administrator kind's signed one, main/core/aws/admin-flow.ts). */
export function createUserPoolFlow(profile: Profile, services: FlowServices, client: CognitoClient): SignInFlow {
  return new UserPoolFlow(profile, services, client);
}

class UserPoolFlow implements SignInFlow {
  private readonly profile: Profile;
  private readonly services: FlowServices;
  private readonly client: CognitoClient;

  constructor(profile: Profile, services: FlowServices, client?: CognitoClient) {
    this.profile = profile;
    this.services = services;
    this.client =
      client ?? new CognitoClient(services.transport, cognitoEndpoint(profile.region, profile.endpoint, profile.fips));
  }

  async start({ credentials }: StartRequest): Promise<FlowStart> {
    const { profile, services } = this;
    const devices = services.devices(credentials.username ?? profile.username, await services.lastUser());
    const clientSecret = await services.clientSecret();
    const conversation = new SignInConversation({
      profile,
      client: this.client,
      now: services.now,
      devices,
      ...(clientSecret ? { clientSecret } : {}),
    });
    const outcome = await conversation.start(credentials);
    return outcome.kind === 'challenge' ? { ...outcome, conversation } : outcome;
  }

  async renew(session: TokenSet | undefined): Promise<TokenSet> {
    const { profile, services } = this;
    if (!session) throw new RefreshRefusedError('it is not signed in');
    const clientSecret = await services.clientSecret();
    return refreshSession({
      profile,
      session,
      client: this.client,
      now: services.now,
      ...(clientSecret ? { clientSecret } : {}),
      rememberFallback: services.rememberRefreshFallback,
      // The pool no longer knows the session's device: forget it (a failure only leaves a stale entry).
      forgetDevice: () =>
        services
          .devices(profile.username, session.userId)
          .forget()
          .catch(() => undefined),
    });
  }

  async signOut(session: TokenSet, options: { global: boolean; renew: () => Promise<TokenSet> }): Promise<Revocation> {
    const clientSecret = await this.services.clientSecret().catch(() => undefined);
    let current = session;
    if (options.global && session.expiresAt <= this.services.now() && session.refreshToken) {
      // GlobalSignOut needs a live access token: renew an expired one first (a refused refresh leaves nothing to revoke).
      try {
        current = await options.renew();
      } catch (error) {
        return {
          revoked: false,
          problem: `Cognito did not sign the user out on other devices (${asCtmError(error).message.replace(/\.$/, '')})`,
        };
      }
    }
    return revokeAtServer({
      client: this.client,
      clientId: this.profile.clientId,
      ...(clientSecret ? { clientSecret } : {}),
      session: current,
      global: options.global,
      refresh: options.renew,
    });
  }
}
