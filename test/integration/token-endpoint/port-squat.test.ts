import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppEndpoint } from '../../../main/core/token-endpoint/agent-endpoint.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { freePort } from '../../support/free-port.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { skeletonSeed } from '../../support/seeds-inline.ts';
import { addSignedInAlice } from '../../support/ctm-signed-in.ts';
import { HAS_SECOND_ACCOUNT, NEIGHBOUR_NAME, neighbourAccount, nodeAs } from '../../support/second-account.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

/**
 * What the neighbour runs on the endpoint's port before the agent starts: a look-alike of our endpoint (the same 401
 * invalid_client and challenge our probe looks for) that prints every request it receives, one JSON line each.
 */
function lookAlike(port: number): string {
  return `require('node:http').createServer((req, res) => { let body = ''; req.on('data', (d) => (body += d));
    req.on('end', () => { console.log(JSON.stringify({ headers: req.headers, body }));
      res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Basic realm="ctm token endpoint"' });
      res.end(JSON.stringify({ error: 'invalid_client' })); }); })
    .listen(${port}, '127.0.0.1', () => console.log('ready'));`;
}

// Real second local account (created by the test as root; its server started with setpriv), real keyring, emulator,
// the built ctm. The neighbour holds 127.0.0.1:<the endpoint's port> before any agent of ours could.
describe.skipIf(!HAS_SECOND_ACCOUNT || !HAS_KEYRING)(
  "attacker: another local account squats the token endpoint's port (real second account, built ctm)",
  () => {
    let app: AppFixture;
    let port: number;
    let secret: string;
    let squatter: ChildProcessWithoutNullStreams | undefined;
    let received = '';
    const started: ChildProcess[] = [];
    const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed(3600));
      await addSignedInAlice('dev', app.emulator.endpoint, app.env);
      port = await freePort();
      expect((await ctm(['endpoint', 'settings', '--port', String(port)])).code).toBe(0);
      // The secret a tool already holds (shown while the port was free).
      secret = (
        JSON.parse((await ctm(['endpoint', 'credentials', 'dev', '--json'])).stdout) as { clientSecret: string }
      ).clientSecret;
      squatter = await nodeAs(neighbourAccount(), lookAlike(port));
      squatter.stdout.on('data', (d: Buffer) => (received += d.toString()));
    });
    afterEach(() => {
      for (const child of started.splice(0)) child.kill('SIGKILL');
    });
    afterAll(async () => {
      squatter?.kill('SIGKILL');
      await app?.close();
    });

    it('ctm endpoint credentials shows no secret and names the account holding the port; nothing reaches it', async () => {
      for (const args of [
        ['endpoint', 'credentials', 'dev'],
        ['endpoint', 'credentials', 'dev', '--json'],
      ]) {
        const shown = await ctm(args);
        expect(shown.code).toBe(4);
        expect(shown.stdout).toBe('');
        expect(shown.stderr).not.toContain(secret);
        expect(shown.stderr).toContain(`Port ${port} on 127.0.0.1 is held by another local account, ${NEIGHBOUR_NAME}`);
        expect(shown.stderr).toContain('ctm endpoint settings --port N');
        expect(shown.stderr).toContain('ctm endpoint credentials dev --rotate');
      }
      // --rotate is refused too: a new secret would be shown for the same squatted URL.
      const rotated = await ctm(['endpoint', 'credentials', 'dev', '--rotate', '--json']);
      expect(rotated.code).toBe(4);
      expect(rotated.stdout).toBe('');
      expect(received).not.toContain(secret);
    });

    it('ctm agent run serves tokens but not the endpoint, and says at once whose the port is', async () => {
      const child = spawn(process.execPath, [CTM, 'agent', 'run'], {
        env: { PATH: process.env.PATH ?? '', ...app.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.push(child);
      let stderr = '';
      await new Promise<void>((resolve) =>
        child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), stderr.split('\n').length > 2 && resolve())),
      );
      const [first, warning] = stderr.split('\n');
      expect(first).toMatch(/^Agent serving cached tokens on /);
      expect(warning).toContain(`port ${port} on 127.0.0.1 is held by another local account, ${NEIGHBOUR_NAME}`);
      expect(warning).toContain('would send it their client secrets');
      expect(received).not.toContain(secret);
    });

    it("the app's endpoint warns in its log (not just info) and keeps trying for the port", async () => {
      const warnings: string[] = [];
      const infos: string[] = [];
      const endpoint = startAppEndpoint(app.core, app.configDir, {
        info: (m) => infos.push(m),
        warn: (m) => warnings.push(m),
        error: () => undefined,
      });
      await endpoint.close();
      expect(infos).toEqual([]);
      expect(warnings).toEqual([expect.stringContaining(`held by another local account, ${NEIGHBOUR_NAME}`)]);
    });
  },
);
