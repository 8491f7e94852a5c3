import { asCtmError, BadInputError } from '../../errors.ts';
import { managedLogin } from '../../oauth/managed-login.ts';
import { refreshOAuthSession, revokeOAuthSession } from '../../oauth/oauth-session.ts';
import type { Profile } from '../../profiles/profile.ts';
import type { TokenSet } from '../../tokens/token-set.ts';
import type { Revocation } from '../sign-out.ts';
import { oauthContext } from './oauth-context.ts';
import type { FlowKind, FlowServices, FlowStart, SignInFlow, StartRequest } from './sign-in-flow.ts';

/** Managed login: the system browser at /oauth2/authorize (code + PKCE), grant_type=refresh_token, /oauth2/revoke. */
export const managedLoginKind: FlowKind = {
  signIn: 'browser',
  renewsWithoutSession: false,
  passwordRequired: () => false,
  create: (profile, services) => new ManagedLoginFlow(profile, services),
};

class ManagedLoginFlow implements SignInFlow {
  private readonly profile: Profile;
  private readonly services: FlowServices;

  constructor(profile: Profile, services: FlowServices) {
    this.profile = profile;
    this.services = services;
  }

  async start({ open, signal, timeoutMs }: StartRequest): Promise<FlowStart> {
    const { profile } = this;
    if (!open)
      throw new BadInputError(
        `Profile "${profile.name}" signs in through managed login in the browser: run ctm login ${profile.name}`,
      );
    const tokens = await managedLogin({
      ...(await oauthContext(profile, this.services)),
      open,
      signal,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    return { kind: 'tokens', tokens };
  }

  async renew(session: TokenSet | undefined): Promise<TokenSet> {
    return refreshOAuthSession(await oauthContext(this.profile, this.services), session);
  }

  /** /oauth2/revoke; like the API's sign-out, a failure is a warning, not an error. */
  async signOut(session: TokenSet): Promise<Revocation> {
    try {
      await revokeOAuthSession(await oauthContext(this.profile, this.services), session);
      return { revoked: true };
    } catch (error) {
      return {
        revoked: false,
        problem: `the refresh token was not revoked at the server and stays valid until it expires (${asCtmError(error).message.replace(/\.$/, '')})`,
      };
    }
  }
}
