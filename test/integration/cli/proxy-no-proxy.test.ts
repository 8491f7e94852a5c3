import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { startEmulator, type Emulator } from '../../support/emulator/index.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, skeletonSeed } from '../../support/seeds-inline.ts';
import { aliceProfile } from '../../support/ctm-signed-in.ts';
import { HAS_OPENSSL, selfSignedCertificate } from '../../support/self-signed-certificate.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { HAS_TINYPROXY, startTinyproxy, type Tinyproxy } from '../../support/tinyproxy.ts';

// A request NO_PROXY sends direct (undici EnvHttpProxyAgent's rules, main/core/cognito/no-proxy.ts) fails as it would
// without any proxy: the message must not send the user to the proxy. The proxy is named by host name, as a company's
// is, and listens on the same port number as the emulator (8080 for both is common), which the old guess (a failure at
// the proxy's port is the proxy's) took for the proxy's failure.
describe.skipIf(!HAS_KEYRING || !HAS_TINYPROXY)(
  'ctm with NO_PROXY when the endpoint is down (real tinyproxy as proxy and as gateway, emulator, real keyring)',
  () => {
    let app: AppFixture;
    let proxy: Tinyproxy;
    let lab: Emulator;
    let gateway: Tinyproxy;
    let proxyByName: string;
    let labUrl: string;
    const refresh = (name: string, env: Record<string, string> = {}) =>
      runCtm(['token', name, '--min-ttl', '3599.999'], { ...app.env, ...env });

    beforeAll(async () => {
      [app, proxy] = await Promise.all([startAppFixture(skeletonSeed()), startTinyproxy()]);
      const port = new URL(proxy.url).port;
      proxyByName = `http://localhost:${port}`;
      // The emulator at another loopback address, on the proxy's port number.
      lab = await startEmulator({ seed: skeletonSeed(), host: '127.0.0.2', port: Number(port) });
      labUrl = lab.endpoint;
      // A gateway in front of it (as a load balancer or an ingress is), answering its own error page once it is down.
      gateway = await startTinyproxy({ reverseTo: labUrl });
      for (const [name, endpoint] of [
        ['lab', labUrl],
        ['gated', `${gateway.url}/`],
      ] as const) {
        await app.core.addProfile(aliceProfile(name, endpoint));
        expect((await runCtm(['login', name, '--password-stdin'], app.env, `${ALICE_PASSWORD}\n`)).code).toBe(0);
      }
      await lab.close(); // the emulator is stopped from here on
    });
    afterAll(async () => {
      await Promise.all([proxy?.stop(), gateway?.stop()]);
      await app?.close();
    });

    it('NO_PROXY covers the stopped emulator: the same message as without a proxy, which names no proxy', async () => {
      const withoutProxy = await refresh('lab');
      expect(withoutProxy.code).toBe(4);
      expect(withoutProxy.stderr).toContain(`Could not reach ${labUrl} (ECONNREFUSED). Check the network`);
      const covering: Record<string, string>[] = [
        { NO_PROXY: '127.0.0.2' },
        { no_proxy: `localhost,127.0.0.2:${new URL(labUrl).port}` },
        { NO_PROXY: 'example.invalid *' },
        { NO_PROXY: '.0.0.2' }, // undici matches an address's end like a domain's
      ];
      for (const noProxy of covering) {
        const run = await refresh('lab', { HTTP_PROXY: proxyByName, ...noProxy });
        expect({ noProxy, code: run.code, stderr: run.stderr }).toEqual({
          noProxy,
          code: 4,
          stderr: withoutProxy.stderr,
        });
      }
      expect(proxy.log()).not.toContain('127.0.0.2');
    });

    it('NO_PROXY entries that do not cover it (another port, subdomains only, another address): the proxy is named', async () => {
      for (const noProxy of [`127.0.0.2:1`, '*.127.0.0.2', '127.0.0.20', '27.0.0.2']) {
        const run = await refresh('lab', { HTTP_PROXY: proxyByName, NO_PROXY: noProxy });
        expect({ noProxy, code: run.code }).toEqual({ noProxy, code: 4 });
        expect(run.stderr).toContain(
          `${new URL(labUrl).origin} answered HTTP 500 through the proxy ${proxyByName} (from HTTP_PROXY), not with Cognito's JSON`,
        );
      }
      expect(proxy.log()).toMatch(/POST http:\/\/127\.0\.0\.2:\d+\//);
    });

    it("a gateway NO_PROXY covers answers its own error page: the gateway's answer, as without a proxy", async () => {
      const withoutProxy = await refresh('gated');
      expect(withoutProxy.code).not.toBe(0);
      expect(withoutProxy.stderr).not.toContain('proxy');
      const direct = await refresh('gated', { HTTP_PROXY: proxyByName, NO_PROXY: '127.0.0.1' });
      expect({ code: direct.code, stderr: direct.stderr }).toEqual({
        code: withoutProxy.code,
        stderr: withoutProxy.stderr,
      });
      // Without NO_PROXY the same error page comes through the proxy, which may be its own: named.
      const proxied = await refresh('gated', { HTTP_PROXY: proxyByName });
      expect(proxied.stderr).toContain(`answered HTTP 500 through the proxy ${proxyByName} (from HTTP_PROXY)`);
    });

    it.skipIf(!HAS_OPENSSL)(
      "an https:// endpoint NO_PROXY covers, with a certificate this computer does not trust: the endpoint's, not the proxy's",
      async () => {
        // Only its TLS handshake matters (a local endpoint with its own CA, as LocalStack's): a Node https server.
        const server = createServer(selfSignedCertificate());
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
        try {
          await app.core.addProfile(aliceProfile('tls', endpoint));
          const login = (env: Record<string, string>) =>
            runCtm(['login', 'tls', '--password-stdin'], { ...app.env, ...env }, `${ALICE_PASSWORD}\n`);
          const withoutProxy = await login({});
          expect(withoutProxy.code).toBe(4);
          expect(withoutProxy.stderr).toContain(`Could not reach ${endpoint} (DEPTH_ZERO_SELF_SIGNED_CERT)`);
          const direct = await login({ HTTPS_PROXY: proxyByName, NO_PROXY: 'localhost,127.0.0.1' });
          expect({ code: direct.code, stderr: direct.stderr }).toEqual({
            code: withoutProxy.code,
            stderr: withoutProxy.stderr,
          });
          // Through the proxy (a CONNECT tunnel) the same certificate may be one a TLS-inspecting proxy made: named.
          const proxied = await login({ HTTPS_PROXY: proxyByName });
          expect(proxied.stderr).toContain(
            `through the proxy ${proxyByName} (from HTTPS_PROXY): a TLS certificate this computer does not trust (DEPTH_ZERO_SELF_SIGNED_CERT)`,
          );
        } finally {
          server.close();
        }
      },
    );
  },
);
