// What the window says after an edit or a delete, in the words ctm profile edit / remove use. Pure, so unit-testable.
import type { ProfileInput, ProfileView } from '../main/ipc/contract.ts';

/** How a profile goes: its refresh token revoked at Cognito first (the sign-out path), or forgotten here only. */
export type Removal = 'revoke' | 'here';

/** Whether deleting the profile would leave a refresh token valid at Cognito: it holds a session from a sign-in. */
export function holdsSession(profile: ProfileView): boolean {
  return profile.signIn !== 'none' && profile.state !== 'signed-out';
}

/** What the window says once the profile is gone: whether its refresh token was revoked, or stays valid. */
export function removalSaid(profile: ProfileView, how: Removal): string {
  if (how === 'revoke') return `Deleted ${profile.name}; its refresh token is revoked at Cognito.`;
  if (holdsSession(profile))
    return `Deleted ${profile.name}; it is signed out on this computer only, and its refresh token stays valid at Cognito until it expires.`;
  return `Deleted ${profile.name}.`;
}

/** What an edit did: saved, and where a client secret went, whether the profile was signed out. */
export function savedSaid(before: ProfileView, input: ProfileInput, saved: ProfileView): string {
  // Core forgets a session whose tokens were for the old pool, client, endpoint or secret: said only when there was one.
  const signedOut = before.state !== 'signed-out' && saved.state === 'signed-out';
  if (input.removeClientSecret)
    return `Saved ${saved.name}: its client secret is removed from the keychain${signedOut ? ', and it is signed out' : ''}.`;
  return signedOut
    ? `Saved ${saved.name}. It was signed in: it is signed out now (its tokens were for the old pool, client, endpoint or secret); sign in again.`
    : `Saved ${saved.name}.`;
}
