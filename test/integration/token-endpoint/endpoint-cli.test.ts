import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { freePort } from '../../support/free-port.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { basic, tokenRequest } from '../../support/token-endpoint/raw-http.ts';

/** Starts `ctm args...` in the background and resolves once its stderr has a first line. */
async function background(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; stdout: () => string; stderr: string }> {
  const child = spawn(process.execPath, [CTM, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  await new Promise<void>((resolve) =>
    child.stderr?.on('data', (d: Buffer) => ((stderr += d.toString()), stderr.includes('\n') && resolve())),
  );
  return { child, stdout: () => stdout, stderr };
}

function exitOf(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.kill(signal);
  return exited;
}

describe.skipIf(!HAS_KEYRING)(
  'ctm endpoint run / settings / credentials, and the endpoint of ctm agent (real keyring, emulator, ctm processes)',
  () => {
    let app: AppFixture;
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
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

    it('settings: shows and changes the port and allowed origins, refusing bad values with the file untouched', async () => {
      const port = await freePort();
      expect(
        JSON.parse(
          (await ctm(['endpoint', 'settings', '--port', String(port), '--allow-origin', 'https://hoppscotch.io']))
            .stdout,
        ),
      ).toEqual({ port, allowedOrigins: ['https://hoppscotch.io'] });
      const bad = await ctm(['endpoint', 'settings', '--allow-origin', 'https://hoppscotch.io/']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/no path, no trailing slash/);
      expect(await ctm(['endpoint', 'settings', '--port', '80'])).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/1024 to 65535/) as unknown,
      });
      expect(
        JSON.parse((await ctm(['endpoint', 'settings', '--forget-origin', 'https://hoppscotch.io'])).stdout),
      ).toEqual({ port, allowedOrigins: [] });
    });

    it('credentials says so when nothing serves the URL it prints', async () => {
      const shown = await ctm(['endpoint', 'credentials', 'dev']);
      expect(shown.code).toBe(0);
      expect(shown.stderr).toMatch(
        /^Nothing serves http:\/\/127\.0\.0\.1:\d+\/oauth2\/token now: the token agent does/,
      );
      expect((await ctm(['endpoint', 'credentials', 'nobody'])).code).toBe(2);
    });

    it('run: serves in the foreground, prints its token URL on stdout, and stops with Ctrl-C (130)', async () => {
      const secret = (
        JSON.parse((await ctm(['endpoint', 'credentials', 'dev', '--json'])).stdout) as { clientSecret: string }
      ).clientSecret;
      const served = await background(['endpoint', 'run', '--port', '0'], app.env);
      const url = new URL(served.stdout().trim());
      expect(served.stderr).toBe(
        `Token endpoint serving on ${url.href} (pid ${served.child.pid}). Stop it with Ctrl-C.\n`,
      );
      const answer = await tokenRequest(
        Number(url.port),
        { grant_type: 'client_credentials' },
        { Authorization: basic('dev', secret) },
      );
      expect(JSON.parse(answer.body)).toMatchObject({
        access_token: (await ctm(['token', 'dev'])).stdout.trim(),
        token_type: 'Bearer',
      });
      expect(await exitOf(served.child, 'SIGINT')).toBe(130);
    });

    it('ctm agent run serves the endpoint at the port of the settings, and stops it with the agent', async () => {
      const { port } = JSON.parse((await ctm(['endpoint', 'settings'])).stdout) as { port: number };
      const secret = (
        JSON.parse((await ctm(['endpoint', 'credentials', 'dev', '--json'])).stdout) as { clientSecret: string }
      ).clientSecret;
      const agent = await background(['agent', 'run'], app.env);
      try {
        expect((await ctm(['endpoint', 'credentials', 'dev'])).stderr).toBe(''); // it answers now
        const answer = await tokenRequest(
          port,
          { grant_type: 'client_credentials', scope: 'id_token' },
          { Authorization: basic('dev', secret) },
        );
        expect(answer.status).toBe(200);
        expect((JSON.parse(answer.body) as { access_token: string }).access_token).toBe(
          (await ctm(['token', 'dev', '--type', 'id'])).stdout.trim(),
        );
      } finally {
        expect(await exitOf(agent.child, 'SIGTERM')).toBe(0);
      }
      await expect(tokenRequest(port, { grant_type: 'client_credentials' })).rejects.toThrow(/ECONNREFUSED/);
    });
  },
);
