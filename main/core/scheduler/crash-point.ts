/** Places in the refresh path where a test may make the process die, to prove nothing is lost when it does. */
export type CrashPoint = 'refresh-received';

/**
 * Test-only hook: with the environment variable CTM_TEST_CRASH_AT set to `point`, the process kills itself with
 * SIGKILL right there (as a power cut or `kill -9` would). Inert unless that variable is set; nothing else reads it.
 * Used by test/integration/refresh/rotation-crash.test.ts to stop `ctm token` between receiving a rotated refresh
 * token and storing it.
 */
export function crashPoint(point: CrashPoint): void {
  if (process.env.CTM_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
