/**
 * Places where a test may make the process die, to prove nothing is lost when it does: in the refresh path
 * (`refresh-received`: a rotated refresh token received, not stored) and at every step of a vault write (sign-in,
 * refresh, sign-out, first-use migration), in the order they happen.
 */
export type CrashPoint =
  | 'refresh-received'
  | 'session-save-started'
  | 'refresh-item-written'
  | 'session-committed'
  | 'session-stored'
  | 'forget-committed'
  | 'cache-rebuilt';

/** Every crash point of a vault write, for tests that kill at each in turn. */
export const VAULT_CRASH_POINTS: readonly CrashPoint[] = [
  'session-save-started',
  'refresh-item-written',
  'session-committed',
  'session-stored',
  'forget-committed',
  'cache-rebuilt',
];

/** Called at each crash point; the real one does nothing, a crash test's kills the process there. */
export type CrashHook = (point: CrashPoint) => void;

/** The hook of every run that is not a crash test. */
export const noCrash: CrashHook = () => undefined;

/**
 * Test-only: the hook a process entry (ctm, the app, test/support/vault-child.ts) builds from its environment. With
 * CTM_TEST_CRASH_AT set to a point, the process kills itself with SIGKILL right there (as a power cut or `kill -9`
 * would); without it, `noCrash`. Read once at start, never in the middle of a write. Used by
 * test/integration/refresh/rotation-crash.test.ts and test/integration/keychain/vault-crash.test.ts.
 */
export function crashHookFrom(env: NodeJS.ProcessEnv): CrashHook {
  const at = env.CTM_TEST_CRASH_AT;
  if (!at) return noCrash;
  return (point) => {
    if (point === at) process.kill(process.pid, 'SIGKILL');
  };
}
