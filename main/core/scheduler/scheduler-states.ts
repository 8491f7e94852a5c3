import type { ProfileStatus } from '../sessions/session-state.ts';
import type { RefreshScheduler } from './refresh-scheduler.ts';

/**
 * Statuses with the scheduler's states where it has one (the app, where it runs: its retries and refusals show);
 * a renewal under way in this process shows as renewing whatever the scheduler last said.
 */
export function withSchedulerStates(
  statuses: ProfileStatus[],
  scheduler: Pick<RefreshScheduler, 'stateOf'>,
): ProfileStatus[] {
  return statuses.map((status) => {
    const owned = status.state === 'renewing' ? undefined : scheduler.stateOf(status.profile.id);
    if (!owned) return status;
    const { problem: _problem, ...rest } = status;
    const problem =
      owned.state === 'retrying' || owned.state === 'needs-sign-in' ? (owned.message ?? status.problem) : undefined;
    return { ...rest, state: owned.state, ...(problem ? { problem } : {}) };
  });
}
