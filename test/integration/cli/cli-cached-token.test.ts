import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { skeletonSeed } from '../../support/seeds-inline.ts';
import { addSignedInAlice } from '../../support/ctm-signed-in.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

// The built launcher and the cached-path bundle only, without cli-main.cjs: whatever this bin answers, it answered
// without loading the full CLI (validator, Cognito client, other commands).
describe.skipIf(!HAS_KEYRING)(
  'ctm token, cached path: answered by cli-fast alone, the full CLI for everything else',
  () => {
    let app: AppFixture;
    let fastOnly: string;
    const ctm = (args: string[], env: Record<string, string> = {}) => runCtm(args, { ...app.env, ...env });
    const fast = (args: string[], env: Record<string, string> = {}) => {
      const run = spawnSync(process.execPath, [join(fastOnly, 'cli.cjs'), ...args], {
        env: { PATH: process.env.PATH ?? '', ...app.env, ...env },
        encoding: 'utf8',
      });
      return { code: run.status, stdout: run.stdout, stderr: run.stderr };
    };
    const profilesPath = () => join(app.configDir, 'profiles.json');

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed());
      await addSignedInAlice('dev', app.emulator.endpoint, app.env);
      // Inside the project (out/), so that keytar resolves from its node_modules as it does for the real bin.
      fastOnly = mkdtempSync(join(process.cwd(), 'out', 'fast-only-'));
      for (const file of ['cli.cjs', 'cli-fast.cjs']) copyFileSync(join(dirname(CTM), file), join(fastOnly, file));
    });
    afterAll(async () => {
      rmSync(fastOnly, { recursive: true, force: true });
      await app?.close();
    });

    it('prints the cached token, in any format, by name or CTM_PROFILE, with no network call and no full CLI', async () => {
      const expected = (await ctm(['token', 'dev'])).stdout;
      const requests = app.emulator.requests.length;
      expect(fast(['token', 'dev'])).toEqual({ code: 0, stdout: expected, stderr: '' });
      expect(fast(['token'], { CTM_PROFILE: 'dev' }).stdout).toBe(expected);
      expect(fast(['token', 'dev', '--format', 'fish']).stdout).toBe(
        (await ctm(['token', 'dev', '--format', 'fish'])).stdout,
      );
      expect(fast(['token', 'dev', '--type', 'id', '--json']).stdout).toBe(
        (await ctm(['token', 'dev', '--type', 'id', '--json'])).stdout,
      );
      expect(app.emulator.requests.length).toBe(requests);
    });

    it('hands over to the full CLI for what it does not serve: a refresh, help, other commands, bad flags', () => {
      for (const args of [
        ['token', 'dev', '--min-ttl', '3599.999'],
        ['token', 'dev', '--help'],
        ['status'],
        ['token', 'dev', '--format', 'xml'],
        ['token', 'nobody'],
      ]) {
        expect(fast(args).stderr, args.join(' ')).toMatch(/Cannot find module '\.\/cli-main\.cjs'/);
      }
    });

    it('does not trust a hand-edited profiles file: the full CLI validates it first (and then the fast path serves again)', async () => {
      const original = readFileSync(profilesPath(), 'utf8');
      try {
        writeFileSync(profilesPath(), original.replace('"name": "dev"', '"name": "dev!"'));
        expect(fast(['token', 'dev!']).stderr).toMatch(/Cannot find module/);
        const full = await ctm(['token', 'dev!']);
        expect(full.code).toBe(1);
        expect(full.stderr).toMatch(/profiles\.json profiles\.0\.name/);
        writeFileSync(profilesPath(), original.replace(/\n$/, '\n\n'));
        expect(fast(['token', 'dev']).stderr).toMatch(/Cannot find module/);
        expect((await ctm(['token', 'dev'])).code).toBe(0); // validated by the full path...
        expect(fast(['token', 'dev']).code).toBe(0); // ...which the fast path then trusts
      } finally {
        writeFileSync(profilesPath(), original);
        await ctm(['status']);
      }
    });

    it('--debug writes the keychain and Cognito calls to stderr, redacted, wherever it stands', async () => {
      const run = await ctm(['token', 'dev', '--min-ttl', '3599.999', '--debug']);
      expect(run.code).toBe(0);
      const token = run.stdout.trim();
      expect(run.stderr).toMatch(/^ctm debug \+\d+ms info: keychain read /m);
      expect(run.stderr).toMatch(/^ctm debug \+\d+ms info: Cognito \w+ -> http:\/\/127\.0\.0\.1:\d+$/m);
      expect(run.stderr).toMatch(/^ctm debug \+\d+ms info: Cognito \w+ <- HTTP 200 in \d+ ms$/m);
      expect(run.stderr).not.toContain(token);
      expect(run.stderr).not.toMatch(/eyJ[\w-]+\./);
      const before = await ctm(['--debug', 'status']);
      expect(before.code).toBe(0);
      expect(before.stderr).toMatch(/ctm debug .*keychain read/);
      expect((await ctm(['token', 'dev'])).stderr).toBe('');
    });

    it('--debug takes the same path as the command without it, and says which path answered', async () => {
      const plain = await ctm(['token', 'dev']);
      const debug = await ctm(['--debug', 'token', 'dev']);
      expect(debug).toMatchObject({ code: 0, stdout: plain.stdout });
      expect(debug.stderr).toBe(
        'ctm debug: answered from the encrypted session file (one keychain read for its key, no Cognito call)\n',
      );
      const renewed = await ctm(['token', 'dev', '--debug', '--min-ttl', '3599.999']);
      // Why the cached path passed, then the full path's own calls.
      expect(renewed.stderr).toMatch(
        /^ctm debug: no token agent answered, and the encrypted session file holds none fresh enough \(or none\); the full path follows .*\n[\s\S]*Cognito \w+ <- HTTP 200/,
      );
      expect((await ctm(['profile', 'default', '--clear'])).code).toBe(0);
      const noDefault = await ctm(['token', '--debug']);
      expect(noDefault.stderr).toMatch(
        /^ctm debug: no token agent answered, and no default profile is set \(or it was removed\): the full path says what to do; the full path follows/,
      );
      expect(noDefault.stderr).not.toMatch(/Cognito \w+ ->/);
    });

    it('without NAME, the default profile (ctm profile default) is served by the cached path too: the same token', async () => {
      expect((await ctm(['profile', 'default', 'dev'])).code).toBe(0);
      const named = (await ctm(['token', 'dev'])).stdout;
      const requests = app.emulator.requests.length;
      // cli-fast alone (no cli-main.cjs to fall back to): it found the default profile itself.
      expect(fast(['token'])).toEqual({ code: 0, stdout: named, stderr: '' });
      expect(fast(['token', '--type', 'id', '--json']).stdout).toBe(
        (await ctm(['token', 'dev', '--type', 'id', '--json'])).stdout,
      );
      expect(await ctm(['token', '--debug'])).toMatchObject({
        code: 0,
        stdout: named,
        stderr:
          'ctm debug: answered from the encrypted session file of the default profile (one keychain read for its key, no Cognito call)\n',
      });
      expect(app.emulator.requests.length).toBe(requests);
    });

    it('without NAME, hands the default over to the full path when settings.json is not the text it validated, or names no profile', async () => {
      const settingsPath = join(app.configDir, 'settings.json');
      expect((await ctm(['profile', 'default', 'dev'])).code).toBe(0);
      const named = (await ctm(['token', 'dev'])).stdout;
      const original = readFileSync(settingsPath, 'utf8');
      const handedOver = (args: string[] = ['token']) =>
        expect(fast(args).stderr, args.join(' ')).toMatch(/Cannot find module '\.\/cli-main\.cjs'/);
      try {
        // A hand edit that breaks it: the full path's error (line and column), and the file left as it is.
        writeFileSync(settingsPath, original.replace('"settings": {', '"settings": {,'));
        handedOver();
        const broken = await ctm(['token']);
        expect(broken).toMatchObject({ code: 1, stdout: '' });
        expect(broken.stderr).toMatch(/settings\.json line \d+ column \d+/);
        expect(readFileSync(settingsPath, 'utf8')).toContain('"settings": {,');
        // A valid hand edit (another default, or the same text laid out anew) is validated by the full path first.
        writeFileSync(settingsPath, JSON.stringify(JSON.parse(original)));
        handedOver();
        expect(fast(['token', '--debug']).stderr).toMatch(
          /^ctm debug: no token agent answered, and the default profile is the full path's to find: settings\.json is missing or changed since it last validated it; the full path follows/,
        );
        expect((await ctm(['token'])).stdout).toBe(named);
        expect(fast(['token']).stdout).toBe(named);
        // A file from a newer version: the full path says so, and prints no token.
        writeFileSync(settingsPath, original.replace('"version": 1', '"version": 2'));
        handedOver();
        expect(await ctm(['token'])).toMatchObject({
          code: 1,
          stdout: '',
          stderr: expect.stringMatching(/settings\.json was written by a newer version/),
        });
      } finally {
        writeFileSync(settingsPath, original);
      }
      // No default set, or one that was removed: the full path's "Missing profile name" (exit 2), no token printed.
      expect((await ctm(['profile', 'default', '--clear'])).code).toBe(0);
      handedOver();
      expect(await ctm(['token'])).toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringContaining(
          'Missing profile name: give one (dev), set CTM_PROFILE, or choose a default profile',
        ),
      });
      await addSignedInAlice('gone', app.emulator.endpoint, app.env);
      expect((await ctm(['profile', 'default', 'gone'])).code).toBe(0);
      expect(fast(['token']).code).toBe(0);
      expect((await ctm(['profile', 'remove', 'gone', '--no-revoke'])).code).toBe(0);
      handedOver();
      expect(await ctm(['token'])).toMatchObject({
        code: 2,
        stdout: '',
        stderr: expect.stringContaining('Missing profile name'),
      });
      // CTM_PROFILE still goes first, on the cached path too.
      expect(fast(['token'], { CTM_PROFILE: 'dev' }).stdout).toBe(named);
    });
  },
);
