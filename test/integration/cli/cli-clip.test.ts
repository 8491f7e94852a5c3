import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../../main/cli/clipboard/run-tool.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING, hasCommand, systemComponent } from '../../support/system-components.ts';
import { commandLineOf, processesWith, startXvfb, type Xvfb } from '../../support/xvfb.ts';

const HAS_X_CLIPBOARD = systemComponent('Xvfb and xclip', hasCommand('Xvfb') && hasCommand('xclip'), 'apt-get install xvfb xclip');
// The shortest clipboard time settings.json accepts (app-settings.ts): the clearer's wait is real, not faked.
const CLEAR_SECONDS = 5;

describe.skipIf(!HAS_KEYRING || !HAS_X_CLIPBOARD)('ctm token --clip on X11 (xclip under Xvfb, the real keyring and emulator)', () => {
  let app: AppFixture;
  let x: Xvfb;
  let env: Record<string, string>;
  const clipboard = async (): Promise<string> => (await runTool({ command: 'xclip', args: ['-selection', 'clipboard', '-out'] }, '', 'reader', env)).stdout;
  const clearers = (): number[] => processesWith('__clip-clear', `CTM_CONFIG_DIR=${app.configDir}\0`);
  // The clearer's own end is the event to wait for: polled, with no deadline of ours (the test's timeout is the limit).
  const clearerDone = async (): Promise<void> => {
    while (clearers().length > 0) await sleep(100);
  };

  beforeAll(async () => {
    x = await startXvfb();
    app = await startAppFixture(skeletonSeed());
    env = { ...app.env, DISPLAY: x.display };
    const profile = ['--user-pool-id', TEST_POOL, '--client-id', PUBLIC_CLIENT, '--username', 'alice', '--auth-flow', 'USER_PASSWORD_AUTH', '--endpoint', app.emulator.endpoint];
    await runCtm(['profile', 'add', 'dev', ...profile], env);
    await runCtm(['login', 'dev', '--password-stdin'], env, ALICE_PASSWORD);
    writeFileSync(join(app.configDir, 'settings.json'), JSON.stringify({ version: 1, settings: { clipboardClearSeconds: CLEAR_SECONDS } }));
  });
  afterAll(async () => {
    await app?.close();
    await x?.stop();
  });

  it('copies the token instead of printing it, returns at once, and clears the clipboard after the settings delay', async () => {
    const token = (await runCtm(['token', 'dev'], env)).stdout.trim();
    const run = await runCtm(['token', 'dev', '--clip'], env);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toContain(`Access token of dev copied; the clipboard clears in ${CLEAR_SECONDS} s`);
    expect(run.stderr).not.toContain(token);
    expect(await clipboard()).toBe(token);
    // ctm has returned while its detached clearer still waits, and the clearer was not given the token as an argument.
    const [clearer] = clearers();
    expect(clearer).toBeDefined();
    expect(commandLineOf(clearer!)).not.toContain(token);
    await clearerDone();
    expect(await clipboard()).toBe('');
  }, 60_000);

  it('copies the format asked for, and leaves the clipboard alone when something else was copied meanwhile', async () => {
    const header = (await runCtm(['token', 'dev', '--format', 'header'], env)).stdout.trim();
    expect((await runCtm(['token', 'dev', '--format', 'header', '--clip'], env)).code).toBe(0);
    expect(await clipboard()).toBe(header);
    expect((await runTool({ command: 'xclip', args: ['-selection', 'clipboard', '-in'] }, 'copied by the user', 'writer', env)).ok).toBe(true);
    await clearerDone();
    expect(await clipboard()).toBe('copied by the user');
  }, 60_000);

  it('names what to install when there is no clipboard tool, with exit code 2 and no token anywhere', async () => {
    const noTool = await runCtm(['token', 'dev', '--clip'], { ...env, PATH: '/nonexistent' });
    expect(noTool).toMatchObject({ code: 2, stdout: '' });
    expect(noTool.stderr).toBe('ctm: --clip on X11 needs xclip: install it (e.g. apt-get install xclip) or print the token instead.\n');
    const { DISPLAY: _display, ...headless } = env;
    const noSession = await runCtm(['token', 'dev', '--clip'], headless);
    expect(noSession).toMatchObject({ code: 2, stdout: '' });
    expect(noSession.stderr).toContain('--clip needs a graphical session');
  });
});
