import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwtClaims } from '../../main/core/tokens/jwt.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

/** Reads the demo's stdout until "Ready." (or its exit), so the test sees what a newcomer sees. */
async function untilReady(demo: ChildProcess): Promise<string> {
  let text = '';
  return new Promise((resolve, reject) => {
    demo.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\nReady.')) resolve(text);
    });
    demo.once('exit', (code) => reject(new Error(`the demo exited (${code}) before it was ready:\n${text}`)));
  });
}

/** The indented lines under a heading of the demo's output. */
function linesUnder(output: string, heading: string): string[] {
  const after = output
    .slice(output.indexOf(heading) + heading.length)
    .split('\n')
    .slice(1);
  const end = after.findIndex((line) => !line.startsWith('  '));
  return after.slice(0, end).map((line) => line.slice(2));
}

describe.skipIf(!HAS_KEYRING)(
  'npm run demo, Electron stood in by a missing binary (CTM_DEMO_ELECTRON), with its own keyring and config',
  () => {
    let demo: ChildProcess;
    let output: string;
    let stderr = '';
    beforeAll(async () => {
      if (!existsSync(join(process.cwd(), 'out/main/cli.cjs')))
        throw new Error('out/ is missing: run npm run build first (npm test does).');
      // A bare environment, as on a desktop without a running Secret Service: the demo brings its own keyring.
      const env = {
        PATH: process.env.PATH ?? '',
        HOME: mkdtempSync(join(tmpdir(), 'ctm-demo-home-')),
        CTM_DEMO_ELECTRON: '/nonexistent/electron',
      };
      demo = spawn(process.execPath, ['--no-warnings', 'test/demo/run-demo.ts'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      demo.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      output = await untilReady(demo);
    });
    afterAll(async () => {
      if (demo && demo.exitCode === null) {
        demo.kill('SIGINT');
        await once(demo, 'exit');
      }
    });

    it('starts the emulator, creates the demo profiles and says the app cannot start here', () => {
      expect(stderr).toBe('');
      expect(output).toMatch(/Emulator: http:\/\/127\.0\.0\.1:\d+\//);
      for (const profile of ['demo-password', 'demo-srp', 'demo-new-password', 'demo-totp', 'demo-confidential'])
        expect(output).toContain(profile);
      expect(output).toMatch(
        /The app cannot start here: the Electron binary is not installed .*These ctm commands show the same things/,
      );
    });

    it('prints commands that work as printed: sign-ins (password, SRP, new password, confidential client, TOTP), status, token, exec and a renewal', () => {
      const setup = linesUnder(output, 'set up the environment:');
      const commands = linesUnder(output, 'Then try:');
      const home = mkdtempSync(join(tmpdir(), 'ctm-demo-shell-'));
      const run = (command: string) =>
        spawnSync('bash', ['-c', [...setup, command].join('\n')], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', HOME: home },
        });
      const results = commands.map((command) => ({ command, ...run(command) }));
      for (const result of results) expect(result.status, `${result.command}\n${result.stderr}`).toBe(0);
      const byCommand = (start: string) => results.find((r) => r.command.startsWith(start));
      expect(byCommand('ctm status')?.stdout).toMatch(/demo-password\s+fresh/);
      expect(byCommand("printf '%s\\n' 'Demo-Totp-Pass-1'")?.stderr).toMatch(/Signed in to "demo-totp"/);
      const token = JSON.parse(byCommand('ctm token demo-password --format json')?.stdout ?? '{}') as { token: string };
      expect(decodeJwtClaims(token.token)).toMatchObject({ username: 'pat' });
      expect(byCommand('ctm exec demo-password')?.stdout).toMatch(/^demo-password: access token of \d+ characters\n$/);
      const renewed = JSON.parse(byCommand('ctm token demo-password --min-ttl 119.999')?.stdout ?? '{}') as {
        token: string;
      };
      expect(renewed.token).not.toBe(token.token);
    });

    it('stops on Ctrl-C, removes its temporary config folder, stops the agent serving it and no other', async () => {
      const configDir = /Config folder: (\S+)/.exec(output)?.[1] ?? '';
      expect(existsSync(configDir)).toBe(true);
      const setup = linesUnder(output, 'set up the environment:');
      // An agent on the demo's folder (as a newcomer might start from the printed environment) and one on another
      // folder (the user's own), both in the demo's keychain session.
      const ownFolder = mkdtempSync(join(tmpdir(), 'ctm-own-'));
      const ctm = (command: string, folder?: string) =>
        spawnSync(
          'bash',
          ['-c', [...setup, ...(folder ? [`export CTM_CONFIG_DIR='${folder}'`] : []), command].join('\n')],
          { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'ctm-h-')) } },
        );
      const agentPid = (folder?: string): number | undefined =>
        (JSON.parse(ctm('ctm agent status --json', folder).stdout || '{}') as { pid?: number }).pid;
      const alive = (pid: number): boolean => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      };
      let demoAgent: number | undefined;
      try {
        expect(ctm('ctm agent start --quiet').status).toBe(0);
        expect(ctm('ctm agent start --quiet', ownFolder).status).toBe(0);
        demoAgent = agentPid();
        const ownAgent = agentPid(ownFolder);
        expect(demoAgent).toBeGreaterThan(0);
        expect(ownAgent).toBeGreaterThan(0);
        demo.kill('SIGINT');
        const [code] = (await once(demo, 'exit')) as [number | null];
        expect(code).toBe(0);
        expect(existsSync(configDir)).toBe(false);
        await expect.poll(() => alive(demoAgent ?? 0)).toBe(false);
        expect(alive(ownAgent ?? 0)).toBe(true);
        expect(agentPid(ownFolder)).toBe(ownAgent);
      } finally {
        ctm('ctm agent stop', ownFolder);
        // Should the demo have left its agent behind, its socket went with the folder: end it by the pid it gave.
        if (demoAgent !== undefined && alive(demoAgent)) process.kill(demoAgent);
      }
    });
  },
);
