import { idOf } from '../../support/profile-ids.ts';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { CTM } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { BOB_PASSWORD, refreshProfile, refreshSeed, SHORT_CLIENT } from '../refresh/refresh-test-kit.ts';

const TIMEOUT_MS = 1_000;
/** A liveness bound, not a speed target: a ctm still running this long after its keychain timeout did not exit on its own. */
const GIVE_UP_MS = TIMEOUT_MS + 5_000;

/** Runs ctm; if it is still alive at GIVE_UP_MS, kills it (then `code` is null and `killedByTest` is true). */
function runCtmWithBound(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string; killedByTest: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CTM, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killedByTest = false;
    const bound = setTimeout(() => {
      killedByTest = true;
      child.kill('SIGKILL');
    }, GIVE_UP_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(bound);
      resolve({ code, stdout, stderr, killedByTest });
    });
  });
}

// The real gnome-keyring of a private session is frozen (SIGSTOP) while `ctm` asks it for something: keytar's native
// call then hangs inside libsecret (D-Bus' own timeout is 25 s per call). ctm must print its message at the keychain
// timeout (CTM_KEYCHAIN_TIMEOUT_MS) and end by itself, whatever the native call is still doing.
describe.skipIf(!HAS_KEYRING)(
  'ctm with a frozen keychain ends on its own after its message (real gnome-keyring, SIGSTOP)',
  () => {
    let app: AppFixture;
    beforeAll(async () => {
      app = await startAppFixture(refreshSeed(3600), { privateKeyring: true });
      await app.core.addProfile(refreshProfile('short', SHORT_CLIENT, app.emulator.endpoint));
      await app.core.signIn(await idOf(app.core, 'short'), { password: BOB_PASSWORD });
    });
    afterAll(async () => {
      try {
        process.kill(app.keyring.keyringPid, 'SIGCONT');
      } catch {
        /* gone */
      }
      await app?.close();
    });

    for (const args of [['token', 'short'], ['status']]) {
      it(`ctm ${args.join(' ')}: says the keychain does not answer and exits with code 1, not killed`, async () => {
        process.kill(app.keyring.keyringPid, 'SIGSTOP');
        try {
          const run = await runCtmWithBound(args, { ...app.env, CTM_KEYCHAIN_TIMEOUT_MS: String(TIMEOUT_MS) });
          expect(run.stderr).toMatch(/did not answer a read within 1 s.*Nothing stored was changed/);
          expect(run.stdout).toBe('');
          expect(run.killedByTest).toBe(false);
          expect(run.code).toBe(1);
        } finally {
          process.kill(app.keyring.keyringPid, 'SIGCONT');
        }
      });
    }
  },
);
