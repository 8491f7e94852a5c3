import { cachedToken } from './cached-token.ts';
import { exitNow } from './process-exit.ts';
import { syncOutput } from './sync-output.ts';

/**
 * The first thing the `ctm` launcher loads: answers a cached `ctm token` on its own, and otherwise hands over to the
 * full CLI (cli-main), which the launcher loads only then. Resolves to the exit code, or undefined to hand over.
 */
export function runFast(): Promise<number | undefined> {
  // Written with writeSync: no stdout or stderr stream is created, so nothing is left to flush at exit.
  const out = { stdout: syncOutput(1), stderr: syncOutput(2) };
  const argv = process.argv.slice(2);
  // credential_process runs before every AWS CLI command: its cached answer is served here too (loaded only for it).
  const answer =
    argv[0] === 'aws-credentials'
      ? import('./cached-aws-credentials.ts').then((m) => m.cachedAwsCredentials(argv, out))
      : cachedToken(argv, out);
  return answer.then(
    (code) => {
      // An answer (a token, or the keychain's timeout message) ends ctm at once, even while a keychain call hangs.
      if (code !== undefined) exitNow(code);
      return code;
    },
    () => undefined,
  );
}
