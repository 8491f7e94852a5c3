import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { HAS_TINYPROXY, startTinyproxy, type Tinyproxy } from '../../support/tinyproxy.ts';

describe.skipIf(!HAS_KEYRING || !HAS_TINYPROXY)(
  'ctm through HTTP_PROXY / NO_PROXY (real tinyproxy, emulator, real keyring, child processes)',
  () => {
    let app: AppFixture;
    let proxy: Tinyproxy;
    const lastVia = () => app.emulator.requests.at(-1)?.headers.via;
    beforeAll(async () => {
      [app, proxy] = await Promise.all([startAppFixture(skeletonSeed()), startTinyproxy()]);
      await app.core.addProfile({
        name: 'dev',
        region: 'us-east-1',
        userPoolId: TEST_POOL,
        clientId: PUBLIC_CLIENT,
        username: 'alice',
        authFlow: 'USER_PASSWORD_AUTH',
        endpoint: app.emulator.endpoint,
      });
    });
    afterAll(async () => {
      await proxy?.stop();
      await app?.close();
    });

    it('sends sign-in and refresh through the proxy that HTTP_PROXY names', async () => {
      const env = { ...app.env, HTTP_PROXY: proxy.url };
      expect((await runCtm(['login', 'dev', '--password-stdin'], env, `${ALICE_PASSWORD}\n`)).code).toBe(0);
      expect(lastVia()).toMatch(/tinyproxy/);
      expect(
        (await runCtm(['token', 'dev', '--min-ttl', '3599.999'], { ...app.env, http_proxy: proxy.url })).code,
      ).toBe(0);
      expect(lastVia()).toMatch(/tinyproxy/);
      expect(proxy.log()).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\//);
    });

    it('goes direct for a host in NO_PROXY, and without any proxy variable', async () => {
      expect(
        (
          await runCtm(['token', 'dev', '--min-ttl', '3599.999'], {
            ...app.env,
            HTTP_PROXY: proxy.url,
            NO_PROXY: '127.0.0.1',
          })
        ).code,
      ).toBe(0);
      expect(lastVia()).toBeUndefined();
      expect((await runCtm(['token', 'dev', '--min-ttl', '3599.999'], app.env)).code).toBe(0);
      expect(lastVia()).toBeUndefined();
    });

    it('a proxy that cannot be reached is a network error naming the endpoint, and the session is kept', async () => {
      const run = await runCtm(['token', 'dev', '--min-ttl', '3599.999'], {
        ...app.env,
        HTTP_PROXY: 'http://127.0.0.1:9',
      });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/Could not reach http:\/\/127\.0\.0\.1/);
      expect((await runCtm(['token', 'dev'], app.env)).code).toBe(0);
    });
  },
);
