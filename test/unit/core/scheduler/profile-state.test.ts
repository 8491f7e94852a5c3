import { describe, expect, it } from 'vitest';
import { profileState, type StateFacts } from '../../../../main/core/scheduler/profile-state.ts';
import { SignInRequiredError } from '../../../../main/core/errors.ts';
import { CtmError } from '../../../../main/core/errors.ts';
import { SchedulerKit } from './scheduler-test-kit.ts';

const NOW = 1_000_000;
const facts = (more: Partial<StateFacts>): StateFacts => ({
  expiresAt: NOW + 60_000,
  renewable: true,
  autoRefresh: true,
  renewing: false,
  ...more,
});

describe('one state model for a profile (signed out, fresh, renewing, retrying, needs sign-in, off)', () => {
  it('decides each state from what is known of the session', () => {
    expect(profileState(facts({ expiresAt: undefined }), NOW)).toBe('signed-out');
    expect(profileState(facts({}), NOW)).toBe('fresh');
    expect(profileState(facts({ expiresAt: NOW - 1 }), NOW)).toBe('fresh'); // renewed at its next use, or by the scheduler now
    expect(profileState(facts({ renewing: true }), NOW)).toBe('renewing');
    expect(profileState(facts({ failure: 'failed' }), NOW)).toBe('retrying');
    expect(profileState(facts({ failure: 'refused', expiresAt: undefined }), NOW)).toBe('needs-sign-in');
    expect(profileState(facts({ autoRefresh: false }), NOW)).toBe('off');
    expect(profileState(facts({ renewable: false }), NOW)).toBe('off');
    expect(profileState(facts({ renewable: false, expiresAt: NOW - 1 }), NOW)).toBe('needs-sign-in');
  });

  it('a running renewal shows as renewing whatever failed before', () => {
    expect(profileState(facts({ renewing: true, failure: 'refused' }), NOW)).toBe('renewing');
  });
});

describe('the scheduler owns the state: renewals that failed elsewhere (FAKE timers) show in it', () => {
  it('a refused renewal from the window makes the profile need a sign-in, and nothing is retried', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('dev');
    await kit.scheduler.start();
    kit.deleteSession(p.id); // the SessionService forgets a refused session before it reports the failure
    kit.failElsewhere(p.id, new SignInRequiredError('dev', 'the refresh token was revoked'));
    expect(kit.scheduler.stateOf(p.id)).toMatchObject({
      state: 'needs-sign-in',
      message: expect.stringMatching(/revoked/),
    });
    expect(kit.scheduler.stateOf(p.id)?.nextRefreshAt).toBeUndefined();
  });

  it('a renewal from the window that failed for a passing reason is retried by the scheduler', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('dev');
    await kit.scheduler.start();
    kit.failElsewhere(p.id, new CtmError('network', 'Cognito could not be reached.'));
    expect(kit.scheduler.stateOf(p.id)).toMatchObject({ state: 'retrying', attempt: 1 });
    await kit.clock.advance(kit.scheduler.stateOf(p.id)!.nextRefreshAt! - kit.clock.now());
    await kit.clock.advance(1_000);
    expect(kit.refreshCalls).toEqual([p.id]);
    expect(kit.scheduler.stateOf(p.id)?.state).toBe('fresh');
  });

  it('ignores a failure of a renewal it runs itself (that one reports itself)', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('dev', 2 * 3_600_000);
    await kit.scheduler.start();
    expect(kit.scheduler.stateOf(p.id)?.state).toBe('renewing');
    kit.failElsewhere(p.id, new CtmError('network', 'Cognito could not be reached.'));
    expect(kit.scheduler.stateOf(p.id)?.state).toBe('renewing');
  });
});
