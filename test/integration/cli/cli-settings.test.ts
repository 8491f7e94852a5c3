import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

describe.skipIf(!HAS_KEYRING)(
  'ctm settings and ctm profile default: everything without the app (emulator, real keyring)',
  () => {
    let app: AppFixture;
    const ctm = (args: string[], stdin = '', env: Record<string, string> = {}) =>
      runCtm(args, { ...app.env, ...env }, stdin);
    const settingsPath = () => join(app.configDir, 'settings.json');
    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed());
      await ctm([
        'profile',
        'add',
        'dev',
        '--user-pool-id',
        TEST_POOL,
        '--client-id',
        PUBLIC_CLIENT,
        '--username',
        'alice',
        '--auth-flow',
        'USER_PASSWORD_AUTH',
        '--endpoint',
        app.emulator.endpoint,
      ]);
      expect((await ctm(['login', 'dev', '--password-stdin'], `${ALICE_PASSWORD}\n`)).code).toBe(0);
    });
    afterAll(async () => app?.close());

    it('sets, shows and clears the default profile, which ctm token then uses without a name', async () => {
      expect(await ctm(['profile', 'default'])).toMatchObject({
        code: 1,
        stderr: 'No default profile. Set one with: ctm profile default dev\n',
      });
      expect((await ctm(['token'])).stderr).toMatch(/choose a default profile: ctm profile default dev\n/);
      expect((await ctm(['profile', 'default', 'dev'])).code).toBe(0);
      expect(await ctm(['profile', 'default'])).toMatchObject({ code: 0, stdout: 'dev\n' });
      const token = await ctm(['token']);
      expect(token.code).toBe(0);
      expect(token.stdout).toBe((await ctm(['token', 'dev'])).stdout);
      expect((await ctm(['profile', 'default', 'nope'])).code).toBe(2);
      expect((await ctm(['profile', 'default', '--clear'])).code).toBe(0);
      expect((await ctm(['profile', 'default'])).code).toBe(1);
    });

    it('shows every setting with its valid values, sets one by any spelling, and refuses a value out of range', async () => {
      const shown = await ctm(['settings']);
      expect(shown.stdout).toMatch(
        /^NAME\s+VALUE\s+WHAT IT IS\nclipboardClearSeconds\s+60\s+seconds a copied token stays on the clipboard \(5 to 3600\)\n/,
      );
      expect((await ctm(['settings', 'clipboard-clear-seconds', '30'])).stderr).toBe(
        'clipboardClearSeconds is now 30.\n',
      );
      expect(await ctm(['settings', 'ClipboardClearSeconds'])).toMatchObject({ code: 0, stdout: '30\n' });
      expect(JSON.parse(readFileSync(settingsPath(), 'utf8'))).toMatchObject({
        version: 1,
        settings: { clipboardClearSeconds: 30 },
      });
      const low = await ctm(['settings', 'clipboardClearSeconds', '2']);
      expect(low).toMatchObject({
        code: 2,
        stderr: 'ctm: Invalid settings: clipboard clear time: at least 5 seconds\n',
      });
      expect(await ctm(['settings', 'clipbord-clear-seconds', '20'])).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(
          /No setting "clipbord-clear-seconds".*Did you mean clipboardClearSeconds\?/,
        ) as unknown,
      });
      expect(JSON.parse((await ctm(['settings', '--json'])).stdout)).toMatchObject({
        clipboardClearSeconds: 30,
        defaultProfile: null,
      });
    });

    it('reports a hand-edited settings.json with a mistake by line and column, leaves it in place, and writes nothing over it', async () => {
      const broken = '{\n  "version": 1,\n  "settings": { "clipboardClearSeconds": 30, }\n}\n';
      writeFileSync(settingsPath(), broken);
      const shown = await ctm(['settings']);
      expect(shown.code).toBe(0);
      expect(shown.stderr).toMatch(
        /^warning: .*settings\.json line 3 column 46: .*\(not valid JSON\)\. Fix it in a text editor \(it was left as it is; the defaults are used meanwhile\)\.\n$/,
      );
      const set = await ctm(['settings', 'clipboardClearSeconds', '40']);
      expect(set.code).toBe(1);
      expect(set.stderr).toMatch(/settings\.json line 3 column 46/);
      const token = await ctm(['token']);
      expect(token.code).toBe(1);
      expect(token.stderr).toMatch(/^ctm: .*settings\.json line 3 column 46/);
      expect(readFileSync(settingsPath(), 'utf8')).toBe(broken);
      writeFileSync(settingsPath(), '{ "clipboardClearSeconds": 45 }');
      expect((await ctm(['settings'])).stderr).toMatch(
        /expected \{"version": 1, "settings": \{"clipboardClearSeconds": 60, \.\.\.\}\}/,
      );
      writeFileSync(settingsPath(), '{ "version": 1, "settings": { "clipboardClearSeconds": 45 } }');
      expect(await ctm(['settings', 'clipboardClearSeconds'])).toMatchObject({ code: 0, stdout: '45\n', stderr: '' });
    });
  },
);
