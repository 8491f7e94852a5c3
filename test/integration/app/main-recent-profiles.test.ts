import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logFilePath } from '../../../main/core/logging/file-logger.ts';
import { addSignedInAlice } from '../../support/ctm-signed-in.ts';
import { startEmulator, type Emulator } from '../../support/emulator/index.ts';
import { named, runMainAsync, type MainRun } from '../../support/electron-standin/run-main.ts';
import { workerKeyringSession, type KeyringSession } from '../../support/keyring-session.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { skeletonSeed } from '../../support/seeds-inline.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

/** The tray's top items as the 'tray-items' step recorded them. */
const trayItems = (run: MainRun): unknown[] => (named(run.calls, 'tray.items').at(-1)?.args[0] as unknown[]) ?? [];

describe.skipIf(!HAS_KEYRING)(
  "main/index.ts keeps the tray's recent profiles across restarts: the real keyring and emulator (Electron stood in)",
  () => {
    let keyring: KeyringSession;
    let emulator: Emulator;
    let env: Record<string, string>;
    let configDir: string;
    const recentFile = () => join(configDir, 'recent-profiles.json');
    const ctm = (args: string[], stdin = '') => runCtm(args, env, stdin);
    const idOf = async (name: string): Promise<string> => {
      const listed = JSON.parse((await ctm(['profile', 'list', '--json'])).stdout) as { id: string; name: string }[];
      return listed.find((p) => p.name === name)?.id ?? '';
    };
    beforeAll(async () => {
      keyring = await workerKeyringSession();
      emulator = await startEmulator({ seed: skeletonSeed() });
      configDir = mkdtempSync(join(tmpdir(), 'ctm-app-recent-'));
      env = { ...keyring.env, CTM_CONFIG_DIR: configDir };
      await addSignedInAlice('dev', emulator.endpoint, env);
      await addSignedInAlice('ops', emulator.endpoint, env);
    });
    afterAll(async () => {
      await emulator?.close();
      await keyring?.stop();
    });

    it('a profile copied from the tray leads "Recent" after a restart; the file holds its id and no token', async () => {
      const first = await runMainAsync(['wait-tray', 'tray-items', 'tray-menu=ops', 'settle', 'quit'], env);
      expect(first.stderr).toBe('');
      expect(trayItems(first)).not.toContain('Recent');
      expect(named(first.calls, 'notification.show')[0]?.args[0]).toBe('Access token of ops copied');
      const opsId = await idOf('ops');
      expect(JSON.parse(readFileSync(recentFile(), 'utf8'))).toEqual({ version: 1, recentProfileIds: [opsId] });
      const token = (await ctm(['token', 'ops'])).stdout.trim();
      expect(token.length).toBeGreaterThan(20);
      expect(readFileSync(recentFile(), 'utf8')).not.toContain(token);

      const second = await runMainAsync(['wait-tray', 'tray-items', 'quit'], env);
      expect(second.stderr).toBe('');
      expect(trayItems(second).slice(0, 3)).toEqual([
        'Recent',
        expect.stringMatching(/^ops \[emulator\] \u2014 /),
        'separator',
      ]);
    });

    it('a profile removed while the app was closed drops out of the tray and the file', async () => {
      writeFileSync(
        recentFile(),
        JSON.stringify({ version: 1, recentProfileIds: [await idOf('ops'), await idOf('dev')] }),
      );
      expect((await ctm(['profile', 'remove', 'ops', '--no-revoke'])).code).toBe(0);
      const run = await runMainAsync(['wait-tray', 'tray-items', 'settle', 'quit'], env);
      expect(run.stderr).toBe('');
      expect(trayItems(run).slice(0, 3)).toEqual([
        'Recent',
        expect.stringMatching(/^dev \[emulator\] \u2014 /),
        'separator',
      ]);
      expect(JSON.parse(readFileSync(recentFile(), 'utf8'))).toEqual({
        version: 1,
        recentProfileIds: [await idOf('dev')],
      });
    });

    it('a broken file: the tray starts with none, the log says why and where the file went, and its content is kept', async () => {
      const broken = '{ "version": 1, "recentProfileIds": [ "hand edit gone wrong" ';
      writeFileSync(recentFile(), broken);
      const run = await runMainAsync(['wait-tray', 'tray-items', 'settle', 'quit'], env);
      expect(run.stderr).toBe('');
      expect(trayItems(run)).not.toContain('Recent');
      expect(existsSync(recentFile())).toBe(false);
      const aside = readdirSync(configDir).filter((f) => f.startsWith('recent-profiles.json.broken-'));
      expect(aside).toHaveLength(1);
      expect(readFileSync(join(configDir, aside[0] ?? ''), 'utf8')).toBe(broken);
      const warnings = readFileSync(logFilePath(configDir), 'utf8')
        .split('\n')
        .filter((line) => line.includes('recent profiles file'));
      expect(warnings).toEqual([expect.stringContaining('"level":"warn"')]);
      expect(warnings[0]).toContain(aside[0]);
    });
  },
);
