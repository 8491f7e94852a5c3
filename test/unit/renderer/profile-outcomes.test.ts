import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../../main/ipc/contract.ts';
import { holdsSession, removalSaid, savedSaid } from '../../../renderer/profile-outcomes.ts';

const view = (state: ProfileView['state'], signIn: ProfileView['signIn'] = 'password'): ProfileView => ({
  id: 'id-1',
  name: 'dev-api',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Abc',
  clientId: 'c1',
  authFlow: 'USER_SRP_AUTH',
  signIn,
  hasClientSecret: true,
  autoRefresh: true,
  state,
});
const input = { name: 'dev-api', region: 'us-east-1', userPoolId: 'us-east-1_Abc', clientId: 'c2' };

// The window's words after an edit or a delete, as ctm profile edit / remove say them.
describe('what the window says an edit or a delete did', () => {
  it('says an edit signed the profile out only when it had a session', () => {
    expect(savedSaid(view('fresh'), input, view('signed-out'))).toBe(
      'Saved dev-api. It was signed in: it is signed out now (its tokens were for the old pool, client, endpoint or secret); sign in again.',
    );
    expect(savedSaid(view('signed-out'), input, view('signed-out'))).toBe('Saved dev-api.');
    expect(savedSaid(view('fresh'), input, view('fresh'))).toBe('Saved dev-api.');
    expect(savedSaid(view('fresh'), { ...input, removeClientSecret: true }, view('signed-out'))).toBe(
      'Saved dev-api: its client secret is removed from the keychain, and it is signed out.',
    );
    expect(savedSaid(view('signed-out'), { ...input, removeClientSecret: true }, view('signed-out'))).toBe(
      'Saved dev-api: its client secret is removed from the keychain.',
    );
  });

  it('offers revocation only for a session from a sign-in, and says what a delete left valid', () => {
    expect([view('fresh'), view('needs-sign-in'), view('signed-out'), view('fresh', 'none')].map(holdsSession)).toEqual(
      [true, true, false, false],
    );
    expect(removalSaid(view('fresh'), 'here')).toMatch(/refresh token stays valid at Cognito until it expires\.$/);
    expect(removalSaid(view('signed-out'), 'here')).toBe('Deleted dev-api.');
    expect(removalSaid(view('fresh'), 'revoke')).toBe('Deleted dev-api; its refresh token is revoked at Cognito.');
  });
});
