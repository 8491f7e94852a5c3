import { cachedToken } from './cached-token.ts';
import { exitWhenFlushed } from './process-exit.ts';

/**
 * The first thing the `ctm` launcher loads: answers a cached `ctm token` on its own, and otherwise hands over to the
 * full CLI (cli-main), which the launcher loads only then. Resolves to the exit code, or undefined to hand over.
 */
export function runFast(): Promise<number | undefined> {
  // stdin is looked up only if asked for: creating the stream costs start-up time the cached path does not need.
  const terminal = { get stdin() { return process.stdin; }, stdout: process.stdout, stderr: process.stderr };
  return cachedToken(process.argv.slice(2), terminal).then(
    (code) => {
      // An answer (a token, or the keychain's timeout message) ends ctm at once, even while a keychain call hangs.
      if (code !== undefined) exitWhenFlushed(code);
      return code;
    },
    () => undefined,
  );
}
