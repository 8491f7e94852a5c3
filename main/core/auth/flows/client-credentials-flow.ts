import { requestClientCredentials } from '../../oauth/oauth-session.ts';
import type { Profile } from '../../profiles/profile.ts';
import type { TokenSet } from '../../tokens/token-set.ts';
import type { Revocation } from '../sign-out.ts';
import { oauthContext } from './oauth-context.ts';
import type { FlowKind, FlowServices, FlowStart, SignInFlow } from './sign-in-flow.ts';

/** Client credentials: no person; "signing in" and renewing both ask the token endpoint for the profile's scopes. */
export const clientCredentialsKind: FlowKind = {
  signIn: 'none',
  renewsWithoutSession: true,
  passwordRequired: () => false,
  create: (profile, services) => new ClientCredentialsFlow(profile, services),
};

class ClientCredentialsFlow implements SignInFlow {
  private readonly profile: Profile;
  private readonly services: FlowServices;

  constructor(profile: Profile, services: FlowServices) {
    this.profile = profile;
    this.services = services;
  }

  async start(): Promise<FlowStart> {
    return { kind: 'tokens', tokens: await this.renew() };
  }

  async renew(): Promise<TokenSet> {
    return requestClientCredentials(await oauthContext(this.profile, this.services));
  }

  /** There is no refresh token to revoke: forgetting the access token here is the whole sign-out. */
  async signOut(): Promise<Revocation> {
    return { revoked: true };
  }
}
