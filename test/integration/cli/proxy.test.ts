import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { aliceProfile } from '../../support/ctm-signed-in.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { HAS_OPENSSL, selfSignedCertificate } from '../../support/self-signed-certificate.ts';

import { freePort } from '../../support/free-port.ts';
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

    it('a proxy that refuses connections is named (scheme://host:port, never its user:password), with the variable to check', async () => {
      const closed = await freePort();
      const run = await runCtm(['token', 'dev', '--min-ttl', '3599.999'], {
        ...app.env,
        HTTP_PROXY: `http://bob:hunter2@127.0.0.1:${closed}`,
      });
      expect(run.code).toBe(4);
      expect(run.stderr).toContain(
        `Could not reach ${new URL(app.emulator.endpoint).origin} through the proxy http://127.0.0.1:${closed} (from HTTP_PROXY): nothing accepts connections there (ECONNREFUSED). Check HTTP_PROXY`,
      );
      expect(run.stderr).not.toMatch(/hunter2|bob|profile's endpoint/);
      // The session is kept: without the proxy the same command works.
      expect((await runCtm(['token', 'dev'], app.env)).code).toBe(0);
    });

    it('a proxy whose host name does not resolve is named, on the way to AWS (HTTPS_PROXY, lower case winning)', async () => {
      await app.core.addProfile({
        name: 'aws',
        region: 'us-east-1',
        userPoolId: TEST_POOL,
        clientId: PUBLIC_CLIENT,
        username: 'alice',
        authFlow: 'USER_PASSWORD_AUTH',
      });
      // .invalid never resolves (RFC 6761 section 6.4).
      const env = { ...app.env, HTTPS_PROXY: 'http://127.0.0.1:9', https_proxy: 'http://carol:pw@proxy.invalid:3128' };
      const run = await runCtm(['login', 'aws', '--password-stdin'], env, `${ALICE_PASSWORD}\n`);
      expect(run.code).toBe(4);
      expect(run.stderr).toContain(
        'Could not reach https://cognito-idp.us-east-1.amazonaws.com through the proxy http://proxy.invalid:3128 (from https_proxy): its host name does not resolve (ENOTFOUND). Check https_proxy',
      );
      expect(run.stderr).not.toMatch(/carol|:pw@/);
    });

    it.skipIf(!HAS_OPENSSL)(
      'an https:// proxy whose certificate this computer does not trust: named, with NODE_EXTRA_CA_CERTS to check',
      async () => {
        // Only its TLS handshake matters, so a Node https server with an openssl self-signed certificate stands in for it.
        const server = createServer(selfSignedCertificate());
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const { port } = server.address() as AddressInfo;
        try {
          const env = { ...app.env, HTTPS_PROXY: `https://127.0.0.1:${port}` };
          const run = await runCtm(['login', 'aws', '--password-stdin'], env, `${ALICE_PASSWORD}\n`);
          expect(run.code).toBe(4);
          expect(run.stderr).toContain(
            `through the proxy https://127.0.0.1:${port} (from HTTPS_PROXY): a TLS certificate this computer does not trust (DEPTH_ZERO_SELF_SIGNED_CERT): a proxy that is https:// itself or that inspects TLS needs its CA in NODE_EXTRA_CA_CERTS. Check HTTPS_PROXY`,
          );
        } finally {
          server.close();
        }
      },
    );

    it('a variable that holds no proxy URL is named without its value', async () => {
      const run = await runCtm(['token', 'dev', '--min-ttl', '3599.999'], { ...app.env, HTTP_PROXY: 'proxy:3128' });
      expect(run.code).toBe(4);
      expect(run.stderr).toContain(
        'HTTP_PROXY does not hold a proxy URL such as http://proxy.example.com:3128. Check HTTP_PROXY',
      );
      expect(run.stderr).not.toContain('proxy:3128');
    });
  },
);

describe.skipIf(!HAS_KEYRING || !HAS_TINYPROXY)(
  'ctm through a proxy that wants a user and password (real tinyproxy with BasicAuth, emulator, real keyring)',
  () => {
    let app: AppFixture;
    let proxy: Tinyproxy;
    const at = (credentials: string) => proxy.url.replace('http://', `http://${credentials}`);
    beforeAll(async () => {
      [app, proxy] = await Promise.all([
        startAppFixture(skeletonSeed()),
        startTinyproxy({ basicAuth: ['bob', 'hunter2'] }),
      ]);
      for (const [name, endpoint] of [
        ['dev', app.emulator.endpoint],
        ['aws', undefined],
      ] as const)
        await app.core.addProfile(aliceProfile(name, endpoint));
    });
    afterAll(async () => {
      await proxy?.stop();
      await app?.close();
    });

    it('signs in with the user and password in HTTP_PROXY', async () => {
      const env = { ...app.env, HTTP_PROXY: at('bob:hunter2@') };
      expect((await runCtm(['login', 'dev', '--password-stdin'], env, `${ALICE_PASSWORD}\n`)).code).toBe(0);
      expect(app.emulator.requests.at(-1)?.headers.via).toMatch(/tinyproxy/);
    });

    it("HTTPS_PROXY without them: the proxy's 407 to CONNECT is reported as the proxy asking for them", async () => {
      const run = await runCtm(
        ['login', 'aws', '--password-stdin'],
        { ...app.env, HTTPS_PROXY: proxy.url },
        `${ALICE_PASSWORD}\n`,
      );
      expect(run.code).toBe(4);
      expect(run.stderr).toContain(
        `through the proxy ${proxy.url} (from HTTPS_PROXY): it asks for a user and password (HTTP 407 Proxy Authentication Required); give them as http://USER:PASSWORD@host:port. Check HTTPS_PROXY`,
      );
    });

    it('HTTP_PROXY without them (a forwarded request: 407) and with a wrong password (tinyproxy answers 401): the proxy, not the endpoint', async () => {
      const none = await runCtm(['token', 'dev', '--min-ttl', '3599.999'], { ...app.env, HTTP_PROXY: proxy.url });
      expect(none.code).toBe(4);
      expect(none.stderr).toContain(
        `through the proxy ${proxy.url} (from HTTP_PROXY): it asks for a user and password`,
      );
      const wrong = await runCtm(['token', 'dev', '--min-ttl', '3599.999'], {
        ...app.env,
        HTTP_PROXY: at('bob:not-the-password@'),
      });
      expect(wrong.code).toBe(4);
      expect(wrong.stderr).toContain(
        `answered HTTP 401 through the proxy ${proxy.url} (from HTTP_PROXY), not with Cognito's JSON: most likely the proxy refusing the user and password HTTP_PROXY gives. Check HTTP_PROXY`,
      );
      expect(wrong.stderr).not.toContain('not-the-password');
    });
  },
);
