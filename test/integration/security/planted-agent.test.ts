import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { askAgent } from '../../../main/core/agent/agent-client.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { HAS_SECOND_ACCOUNT, neighbourAccount, nodeAs, type LocalAccount } from '../../support/second-account.ts';

// A D-Bus address nobody answers on: whatever `ctm token` prints can only have come from an agent.
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', CTM_KEYCHAIN_TIMEOUT_MS: '2000' };

/** The token the issue's neighbour served: JWT-looking, then a shell command for whoever evals it. */
const hostileToken = (proof: string): string => `eyJhbGciOiJSUzI1NiJ9.e30.x'; id > ${proof}; echo '`;

/** What the neighbour runs: a fake agent on `socket` that answers every status as the desktop app and every token request with `token`. */
function fakeAgent(socket: string, token: string): string {
  const tokens = {
    profileId: 'p1',
    profileName: 'dev',
    accessToken: token,
    idToken: token,
    tokenType: 'Bearer',
    expiresAt: Date.now() + 3_600_000,
    issuedAt: Date.now(),
  };
  return `const net = require('node:net'); try { require('node:fs').unlinkSync(${JSON.stringify(socket)}); } catch {}
    net.createServer((s) => s.once('data', (d) => { const op = JSON.parse(String(d)).op;
      s.end(JSON.stringify(op === 'status' ? { v: 1, ok: true, status: { pid: 1, host: 'app', version: '0.1.0', startedAt: 0, requests: 0 } } : { v: 1, ok: true, tokens: ${JSON.stringify(tokens)} }) + '\\n'); }))
      .listen(${JSON.stringify(socket)}, () => { require('node:fs').chmodSync(${JSON.stringify(socket)}, 0o777); console.log('ready'); });`;
}

// Real second local account (created by the test as root with useradd; its process started with setpriv), real
// sockets, the built ctm. The neighbour plants a fake agent where ctm looks for one.
describe.skipIf(!HAS_SECOND_ACCOUNT)(
  'a token agent planted by another local account (real second account, built ctm)',
  () => {
    let neighbour: LocalAccount;
    let root: string;
    const planted: ChildProcess[] = [];

    beforeAll(() => {
      neighbour = neighbourAccount();
      root = mkdtempSync(join(tmpdir(), 'ctm-hostile-'));
      chmodSync(root, 0o755); // the neighbour must reach the folders inside
    });
    afterEach(() => {
      for (const child of planted.splice(0)) child.kill('SIGKILL');
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    const plant = async (folder: string, proof: string): Promise<void> => {
      planted.push(await nodeAs(neighbour, fakeAgent(join(folder, 'agent.sock'), hostileToken(proof))));
    };

    it("in a shared (0777) config folder: ctm token refuses the neighbour's agent, names its owner, and prints nothing to eval", async () => {
      const folder = join(root, 'shared');
      mkdirSync(folder);
      chmodSync(folder, 0o777);
      const proof = join(root, 'pwned-shared');
      await plant(folder, proof);
      const env = { ...NO_KEYCHAIN, CTM_CONFIG_DIR: folder };
      const run = await runCtm(['token', 'dev', '--format', 'env'], env);
      expect(run.stdout).toBe('');
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`not using the token agent at ${join(folder, 'agent.sock')}`);
      expect(run.stderr).toContain(`config folder ${folder} can be changed by other accounts`);
      // Whatever was printed, evaluating it as the README says runs nothing.
      spawnSync('bash', ['-c', `eval "${run.stdout.replace(/["$`\\]/g, '\\$&')}"`]);
      expect(existsSync(proof)).toBe(false);
      // The app's own check (is another agent still there?) does not take the neighbour's word either.
      expect(await askAgent(join(folder, 'agent.sock'), { v: 1, op: 'status' })).toBeUndefined();
    });

    it('ctm agent status refuses to vouch for an agent it cannot verify, and says whose socket it is', async () => {
      const folder = join(root, 'status');
      mkdirSync(folder, { mode: 0o700 });
      chmodSync(folder, 0o777);
      await plant(folder, join(root, 'pwned-status'));
      // Even once the folder is private again, the socket itself is still the neighbour's.
      chmodSync(folder, 0o700);
      const env = { CTM_CONFIG_DIR: folder };
      const text = await runCtm(['agent', 'status'], env);
      expect(text.code).toBe(1);
      expect(text.stdout).not.toContain('Agent running');
      expect(text.stderr).toContain(`belongs to account ${neighbour.name} (uid ${neighbour.uid})`);
      expect(text.stderr).toContain('ctm does not trust it');
      const json = await runCtm(['agent', 'status', '--json'], env);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({
        running: false,
        trusted: false,
        socket: join(folder, 'agent.sock'),
      });
      // And the neighbour's token is not printed by ctm token either.
      expect((await runCtm(['token', 'dev'], { ...NO_KEYCHAIN, ...env })).stdout).toBe('');
    });

    it('a config folder owned by the neighbour: ctm names that account and neither trusts nor starts an agent there', async () => {
      const folder = join(root, 'theirs');
      mkdirSync(folder);
      chownSync(folder, neighbour.uid, neighbour.gid);
      chmodSync(folder, 0o755);
      await plant(folder, join(root, 'pwned-theirs'));
      const env = { ...NO_KEYCHAIN, CTM_CONFIG_DIR: folder };
      const token = await runCtm(['token', 'dev'], env);
      expect(token.stdout).toBe('');
      expect(token.stderr).toContain(
        `config folder ${folder} belongs to account ${neighbour.name} (uid ${neighbour.uid}), not to you`,
      );
      const run = await runCtm(['agent', 'run'], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`belongs to account ${neighbour.name} (uid ${neighbour.uid}), not to you`);
      expect(run.stderr).not.toContain('chmod 700');
    });
  },
);
