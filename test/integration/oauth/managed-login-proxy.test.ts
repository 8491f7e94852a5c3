import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { signInThroughHostedUi } from '../../support/emulator/oauth/hosted-ui-driver.ts';
import { CTM } from '../../support/run-ctm.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { HAS_TINYPROXY, startTinyproxy, type Tinyproxy } from '../../support/tinyproxy.ts';
import { oauthProfile, oauthSeed, PASSWORD, POOL } from './oauth-seed.ts';

describe.skipIf(!HAS_KEYRING || !HAS_TINYPROXY)('ctm login (managed login) through HTTP_PROXY: the pool\u2019s JWKS too (real tinyproxy, emulator, real keyring, child process)', () => {
  let app: AppFixture;
  let proxy: Tinyproxy;
  beforeAll(async () => {
    [app, proxy] = await Promise.all([startAppFixture(oauthSeed()), startTinyproxy()]);
  });
  afterAll(async () => {
    await proxy?.stop();
    await app?.close();
  });

  it('fetches the JWKS that checks the ID token\u2019s signature through the proxy, as it does the token exchange', async () => {
    await app.core.addProfile(oauthProfile(app.emulator.endpoint, { name: 'sso', authFlow: 'MANAGED_LOGIN', clientId: 'browserclient1' }));
    const env = { PATH: process.env.PATH ?? '', ...app.env, HTTP_PROXY: proxy.url };
    const child = spawn(process.execPath, [CTM, 'login', 'sso', '--no-browser'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /^(http\S+\/oauth2\/authorize\?\S+)$/m.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
    });
    // The person's browser talks to the pool directly; only ctm's own requests are meant to use the proxy.
    void signInThroughHostedUi(url, { username: 'alice', password: PASSWORD }).catch(() => undefined);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toMatchObject({ code: 0, stderr: expect.stringContaining('Signed in to "sso"') });
    expect(proxy.log()).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/oauth2\/token/);
    expect(proxy.log()).toMatch(new RegExp(`GET http://127\\.0\\.0\\.1:\\d+/${POOL}/\\.well-known/jwks\\.json`));
  });
});
