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
export const VAULT_CRASH_POINTS: readonly CrashPoint[] = ['session-save-started', 'refresh-item-written', 'session-committed', 'session-stored', 'forget-committed', 'cache-rebuilt'];

/**
 * Test-only hook: with the environment variable CTM_TEST_CRASH_AT set to `point`, the process kills itself with
 * SIGKILL right there (as a power cut or `kill -9` would). Inert unless that variable is set; nothing else reads it.
 * Used by test/integration/refresh/rotation-crash.test.ts and test/integration/keychain/vault-crash.test.ts.
 */
export function crashPoint(point: CrashPoint): void {
  if (process.env.CTM_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
