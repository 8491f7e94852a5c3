import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../../main/core/tokens/jwt.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { filesContaining } from '../../support/secret-scan.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { machineProfileArgs, oauthSeed, POOL, SECRET } from './oauth-seed.ts';

describe.skipIf(!HAS_KEYRING)(
  'CLIENT_CREDENTIALS profiles through ctm (child processes, emulator, real keyring)',
  () => {
    let app: AppFixture;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    const tokenCalls = () => app.emulator.requests.filter((r) => r.operation === 'oauth2/token').length;
    const add = (name: string, extra: string[], secret = SECRET) =>
      ctm([...machineProfileArgs(name, app.emulator.endpoint), ...extra], secret);
    beforeAll(async () => {
      app = await startAppFixture(oauthSeed());
    });
    afterAll(async () => app?.close());

    it('ctm token asks the token endpoint once, then serves the cached token until it nears expiry', async () => {
      expect((await add('orders', ['--scope', 'orders-api/read'])).code).toBe(0);
      const before = tokenCalls();
      const first = await ctm(['token', 'orders']);
      expect(first.code).toBe(0);
      expect(decodeJwtClaims(first.stdout.trim())).toMatchObject({
        scope: 'orders-api/read',
        client_id: 'machineclient1',
        token_use: 'access',
      });
      expect((await ctm(['token', 'orders'])).stdout).toBe(first.stdout);
      expect(tokenCalls()).toBe(before + 1);
      // Asking for more life than is left (the client's tokens last 600 s) makes ctm request a new one.
      const renewed = await ctm(['token', 'orders', '--min-ttl', '599.999']);
      expect(renewed.stdout).not.toBe(first.stdout);
      expect(tokenCalls()).toBe(before + 2);
    });

    it('ctm exec hands the token to a command; ctm login and logout work without a browser', async () => {
      await add('orders-all', []);
      expect((await ctm(['login', 'orders-all'])).code).toBe(0);
      const run = await ctm(['exec', 'orders-all', '--', 'sh', '-c', 'printf %s "$CTM_ACCESS_TOKEN"']);
      expect(decodeJwtClaims(run.stdout)?.scope).toBe('orders-api/read orders-api/write');
      expect((await ctm(['logout', 'orders-all'])).code).toBe(0);
    });

    it('leaves no client secret or token in any file: config folder and keyring home', async () => {
      const token = (await ctm(['token', 'orders'])).stdout.trim();
      expect(token).not.toBe('');
      // The keyring's own files hold the secrets encrypted; nothing else may hold them in clear text.
      expect(filesContaining(app.configDir, { 'client secret': SECRET, 'access token': token })).toEqual([]);
      for (const home of [app.keyring.home, app.keyring.daemonHome])
        expect(filesContaining(home, { 'client secret': SECRET, 'access token': token })).toEqual([]);
    });

    it('a wrong secret is refused with advice, exit code 4, and nothing is stored', async () => {
      await add('wrong', [], 'not-the-secret');
      const run = await ctm(['token', 'wrong']);
      expect(run.code).toBe(4);
      expect(run.stderr).toMatch(/invalid_client.*client secret/);
      expect(run.stderr).not.toContain('not-the-secret');
      const status = await ctm(['status', 'wrong']);
      expect(status.stdout + status.stderr).not.toMatch(/signed-in/);
    });

    it('refuses a CLIENT_CREDENTIALS profile without a secret and one with a bad domain, saving nothing', async () => {
      const noSecret = await ctm([
        'profile',
        'add',
        'nosecret',
        '--user-pool-id',
        POOL,
        '--client-id',
        'machineclient1',
        '--auth-flow',
        'CLIENT_CREDENTIALS',
        '--domain',
        'https://x.auth.us-east-1.amazoncognito.com',
      ]);
      expect(noSecret.code).toBe(2);
      expect(noSecret.stderr).toMatch(/--client-secret-stdin/);
      const badDomain = await add('baddomain', ['--domain', 'http://auth.example.com']);
      expect(badDomain.code).toBe(2);
      expect(badDomain.stderr).toMatch(/domain: expected an https/);
      expect((await ctm(['profile', 'list'])).stdout).not.toMatch(/nosecret|baddomain/);
    });
  },
);
