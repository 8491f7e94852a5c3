import { cachedToken } from './cached-token.ts';

/**
 * The first thing the `ctm` launcher loads: answers a cached `ctm token` on its own, and otherwise hands over to the
 * full CLI (cli-main), which the launcher loads only then. Resolves to the exit code, or undefined to hand over.
 */
export function runFast(): Promise<number | undefined> {
  // stdin is looked up only if asked for: creating the stream costs start-up time the cached path does not need.
  const terminal = { get stdin() { return process.stdin; }, stdout: process.stdout, stderr: process.stderr };
  return cachedToken(process.argv.slice(2), terminal).catch(() => undefined);
}
