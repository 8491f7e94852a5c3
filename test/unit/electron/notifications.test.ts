import { describe, expect, it } from 'vitest';
import { noticesFor } from '../../../main/electron/notifications.ts';
import type { ProfileView } from '../../../main/ipc/contract.ts';

const p = (state: ProfileView['state'], problem?: string): ProfileView => ({
  id: 'id-dev',
  name: 'dev',
  region: 'us-east-1',
  userPoolId: 'us-east-1_P',
  clientId: 'c',
  authFlow: 'USER_SRP_AUTH',
  signIn: 'password',
  hasClientSecret: false,
  autoRefresh: true,
  state,
  ...(problem ? { problem } : {}),
});

describe('notifications for state changes', () => {
  it('announces a profile that now needs a sign-in', () => {
    expect(noticesFor([p('fresh')], [p('needs-sign-in', 'the refresh token was revoked')])).toEqual([
      { title: 'dev needs a sign-in', body: 'the refresh token was revoked' },
    ]);
  });

  it('announces a refresh that fails', () => {
    expect(noticesFor([p('fresh')], [p('retrying', 'Cognito could not be reached.')])).toEqual([
      { title: 'Refreshing dev keeps failing', body: 'Cognito could not be reached.' },
    ]);
  });

  it('stays quiet at start-up, for a state that persists, and for good news', () => {
    expect(noticesFor(undefined, [p('retrying')])).toEqual([]);
    expect(noticesFor([p('retrying')], [p('retrying')])).toEqual([]);
    expect(noticesFor([p('needs-sign-in')], [p('fresh')])).toEqual([]);
  });
});
