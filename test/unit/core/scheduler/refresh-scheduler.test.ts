import { describe, expect, it } from 'vitest';
import { CognitoNetworkError, CognitoServiceError } from '../../../../main/core/cognito/cognito-errors.ts';
import { KeychainError, SignInRequiredError } from '../../../../main/core/errors.ts';
import { SchedulerKit, tokens } from './scheduler-test-kit.ts';

const HOUR = 3_600_000;
const MIN = 60_000;

describe('RefreshScheduler (fake clock, fake refresh)', () => {
  it('restores every profile from ONE bulk keychain read and renews at once what is already due', async () => {
    const kit = new SchedulerKit();
    const fresh = kit.signedIn('fresh', 0);
    const stale = kit.signedIn('stale', 2 * HOUR);
    await kit.scheduler.start();
    await kit.clock.advance(1_000);
    expect(kit.bulkReads).toBe(1);
    expect(kit.refreshCalls).toEqual([stale.id]);
    expect(kit.scheduler.stateOf(fresh.id)?.state).toBe('fresh');
    expect(kit.scheduler.stateOf(stale.id)?.state).toBe('fresh');
  });

  it('arms ONE timer, for the earliest due refresh, with a margin that scales with the lifetime', async () => {
    const kit = new SchedulerKit();
    kit.signedIn('hour', 0, HOUR);
    kit.signedIn('five-minutes', 0, 5 * MIN);
    kit.signedIn('day', 0, 24 * HOUR);
    await kit.scheduler.start();
    expect(kit.clock.armed).toBe(1);
    // random = 0.5: the margin is the on-demand margin (30 s for 5 min) plus a quarter: 37.5 s before expiry.
    expect(kit.clock.nextTimerAt).toBe(kit.clock.now() + 5 * MIN - 37_500);
    const due = Object.fromEntries(kit.snapshot().map((s) => [s.profileName, s.expiresAt! - s.nextRefreshAt!]));
    expect(due).toEqual({ hour: 375_000, 'five-minutes': 37_500, day: 375_000 });
  });

  it('adds jitter, so profiles signed in together do not renew in the same second', async () => {
    const low = new SchedulerKit({ random: () => 0 });
    const high = new SchedulerKit({ random: () => 0.999 });
    for (const kit of [low, high]) {
      kit.signedIn('a', 0, HOUR);
      await kit.scheduler.start();
    }
    expect(high.clock.nextTimerAt! - low.clock.nextTimerAt!).toBeLessThan(-140_000);
  });

  it('renews each profile before expiry, again and again, without polling in between', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('a', 0, HOUR);
    await kit.scheduler.start();
    await kit.clock.advance(3 * HOUR);
    expect(kit.refreshCalls.length).toBe(3);
    expect(kit.sessions.get(p.id)!.expiresAt).toBeGreaterThan(kit.clock.now());
    expect(kit.clock.armed).toBe(1);
  });

  it('holds the in-flight cap in a storm of 50 expired profiles, and renews them all', async () => {
    const kit = new SchedulerKit({ maxInFlight: 4 });
    for (let i = 0; i < 50; i++) kit.signedIn(`p${i}`, 2 * HOUR);
    await kit.scheduler.start();
    await kit.clock.advance(10_000);
    expect(kit.refreshCalls.length).toBe(50);
    expect(kit.maxRunning).toBe(4);
    expect(kit.running).toBe(0);
    expect(kit.snapshot().every((s) => s.state === 'fresh')).toBe(true);
  });

  it('lets tokens expire for a profile whose autoRefresh switch is off, and resumes when it is switched on', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('manual', 0, HOUR, false);
    await kit.scheduler.start();
    await kit.clock.advance(2 * HOUR);
    expect(kit.refreshCalls).toEqual([]);
    expect(kit.scheduler.stateOf(p.id)?.state).toBe('off');
    expect(kit.clock.armed).toBe(0);
    kit.editProfile('manual', { autoRefresh: true });
    await kit.clock.advance(1_000);
    expect(kit.refreshCalls).toEqual([p.id]);
  });

  it.each([
    ['a network error', new CognitoNetworkError('Could not reach the endpoint (ECONNRESET).')],
    ['an HTTP 500', new CognitoServiceError('InternalErrorException', 'HTTP 500', 500)],
    ['TooManyRequestsException', new CognitoServiceError('TooManyRequestsException', 'Rate exceeded', 400)],
    ['LimitExceededException', new CognitoServiceError('LimitExceededException', 'Limit exceeded', 400)],
    ['a keychain timeout', new KeychainError('The OS keychain did not answer a write within 10 s.')],
  ])('retries %s with capped exponential backoff, keeping the session', async (_label, error) => {
    const kit = new SchedulerKit({ random: () => 0.5 });
    const p = kit.signedIn('a', 2 * HOUR);
    const before = kit.sessions.get(p.id);
    kit.onRefresh = async () => {
      throw error;
    };
    await kit.scheduler.start();
    await kit.clock.advance(0);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const state = kit.scheduler.stateOf(p.id)!;
      expect(state.state).toBe('retrying');
      waits.push(state.nextRefreshAt! - kit.clock.now());
      await kit.clock.advance(state.nextRefreshAt! - kit.clock.now());
    }
    // equal jitter at random 0.5: three quarters of 2 s, 4 s, 8 s ... capped at 5 min.
    expect(waits).toEqual([1_500, 3_000, 6_000, 12_000, 24_000, 48_000, 96_000, 192_000, 225_000]);
    expect(kit.sessions.get(p.id)).toBe(before);
    expect(kit.scheduler.stateOf(p.id)?.message).toBe(error.message);
  });

  it('marks a profile sign-in required on a definite refusal and plans nothing more for it', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('a', 2 * HOUR);
    kit.onRefresh = async (id) => {
      kit.deleteSession(id); // SessionService removes the refresh token before throwing
      throw new SignInRequiredError('a', 'Cognito refused the refresh token (Refresh Token has been revoked)');
    };
    await kit.scheduler.start();
    await kit.clock.advance(HOUR);
    expect(kit.refreshCalls).toEqual([p.id]);
    expect(kit.statesOf(p.id)).toEqual(['fresh', 'renewing', 'needs-sign-in']);
    expect(kit.clock.armed).toBe(0);
  });

  it('picks up a new sign-in and schedules its refresh', async () => {
    const kit = new SchedulerKit();
    kit.profiles.push({ ...(await import('./scheduler-test-kit.ts')).profileNamed('later') });
    await kit.scheduler.start();
    expect(kit.scheduler.stateOf('id-later')?.state).toBe('signed-out');
    kit.saveSession('id-later', tokens(kit.clock.now(), HOUR));
    expect(kit.scheduler.stateOf('id-later')?.state).toBe('fresh');
    expect(kit.clock.armed).toBe(1);
  });

  it('catches up after the wall clock jumps past a due time without the timer firing (sleep, clock change)', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('a', 0, HOUR);
    await kit.scheduler.start();
    kit.clock.jump(2 * HOUR);
    await kit.scheduler.catchUp('clock-jump');
    await kit.clock.advance(1_000);
    expect(kit.refreshCalls).toEqual([p.id]);
    expect(kit.bulkReads).toBe(2);
  });

  it('retries a failing profile at once on wake instead of waiting out its backoff', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('a', 2 * HOUR);
    kit.onRefresh = async () => {
      throw new CognitoNetworkError('Could not reach the endpoint (ENOTFOUND).');
    };
    await kit.scheduler.start();
    await kit.clock.advance(0);
    for (let i = 0; i < 5; i++) await kit.clock.advance(kit.scheduler.stateOf(p.id)!.nextRefreshAt! - kit.clock.now());
    expect(kit.scheduler.stateOf(p.id)?.attempt).toBe(6);
    kit.onRefresh = async (id) => {
      const renewed = tokens(kit.clock.now(), HOUR);
      kit.saveSession(id, renewed);
      return renewed;
    };
    await kit.scheduler.catchUp('wake');
    await kit.clock.advance(10);
    expect(kit.scheduler.stateOf(p.id)?.state).toBe('fresh');
    expect(kit.scheduler.stateOf(p.id)?.attempt).toBeUndefined();
  });

  it('burns no retries while offline and renews as soon as the network is back', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('a', 0, HOUR);
    await kit.scheduler.start();
    await kit.scheduler.setOnline(false);
    expect(kit.clock.armed).toBe(0);
    await kit.clock.advance(2 * HOUR);
    expect(kit.refreshCalls).toEqual([]);
    await kit.scheduler.setOnline(true);
    await kit.clock.advance(1_000);
    expect(kit.refreshCalls).toEqual([p.id]);
  });

  it('tells subscribers each state change, and stops when they unsubscribe', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('a', 2 * HOUR);
    const seen: string[] = [];
    const unsubscribe = kit.scheduler.onChange((c) => seen.push(`${c.profileName}:${c.state}`));
    await kit.scheduler.start();
    await kit.clock.advance(1_000);
    unsubscribe();
    kit.deleteSession(p.id);
    expect(seen).toEqual(['a:fresh', 'a:renewing', 'a:fresh']);
    expect(kit.statesOf(p.id).at(-1)).toBe('signed-out');
  });

  it('forgets a removed profile and disarms the timer when nothing is left to do', async () => {
    const kit = new SchedulerKit();
    kit.signedIn('a', 0, HOUR);
    await kit.scheduler.start();
    kit.profiles.splice(0);
    kit.editProfile('none', {}); // any change notification with the new (empty) list
    expect(kit.scheduler.stateOf('id-a')).toBeUndefined();
    expect(kit.clock.armed).toBe(0);
  });

  it('stop() disarms the timer and ignores later changes', async () => {
    const kit = new SchedulerKit();
    const p = kit.signedIn('a', 0, HOUR);
    await kit.scheduler.start();
    kit.scheduler.stop();
    kit.saveSession(p.id, tokens(kit.clock.now() - 2 * HOUR, HOUR));
    await kit.clock.advance(HOUR);
    expect(kit.clock.armed).toBe(0);
    expect(kit.refreshCalls).toEqual([]);
  });
});
