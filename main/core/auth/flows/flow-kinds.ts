import type { Profile } from '../../profiles/profile.ts';
import { clientCredentialsKind } from './client-credentials-flow.ts';
import { managedLoginKind } from './managed-login-flow.ts';
import type { FlowKind, FlowServices, SignInFlow, SignInMethod } from './sign-in-flow.ts';
import { userPoolApi } from './user-pool-flow.ts';
import { adminApi } from '../../aws/admin-flow.ts';

/**
 * The one place that maps a profile's auth flow to its kind of sign-in; everything else asks the kind.
 * A new kind is a module beside this one (a FlowKind) and its rows here.
 */
const KINDS: Record<Profile['authFlow'], FlowKind> = {
  USER_SRP_AUTH: userPoolApi,
  USER_PASSWORD_AUTH: userPoolApi,
  CUSTOM_AUTH: userPoolApi,
  USER_AUTH: userPoolApi,
  // The administrator API (AdminInitiateAuth, IAM-signed); ADMIN_NO_SRP_AUTH is its retired name, refused with advice.
  ADMIN_USER_PASSWORD_AUTH: adminApi,
  ADMIN_NO_SRP_AUTH: userPoolApi,
  MANAGED_LOGIN: managedLoginKind,
  CLIENT_CREDENTIALS: clientCredentialsKind,
};

/** The kind of sign-in a profile uses. */
export function flowKind(profile: Pick<Profile, 'authFlow'>): FlowKind {
  return KINDS[profile.authFlow];
}

/** The flow of a profile, ready to start, renew or sign out. */
export function flowFor(profile: Profile, services: FlowServices): SignInFlow {
  return flowKind(profile).create(profile, services);
}

/** What the screens need to know of a profile's sign-in: how it is done, and whether a password must come first. */
export function signInNeeds(profile: Profile): { signIn: SignInMethod; passwordRequired: boolean } {
  const kind = flowKind(profile);
  return { signIn: kind.signIn, passwordRequired: kind.passwordRequired(profile) };
}
