import { idOf } from '../../support/profile-ids.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core.ts';
import { KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import { FileLogger, logFilePath } from '../../../main/core/logging/file-logger.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { runCtm } from '../../support/run-ctm.ts';
import { filesContaining } from '../../support/secret-scan.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import {
  BOB_PASSWORD,
  CONFIDENTIAL_CLIENT,
  nextChange,
  REFRESH_CLIENT_SECRET,
  REFRESH_POOL,
  refreshProfile,
  refreshSeed,
  ROTATING_CLIENT,
  SHORT_CLIENT,
} from './refresh-test-kit.ts';

// A full run through the core (with its scheduler and file logger) and `ctm`: sign-in, automatic refresh, rotation,
// faults, a revoked session. Then every token, password and client secret the run used is searched for in the config
// folder, the log files, the keyring's folder and the temporary folder the ctm processes used: zero hits.
describe.skipIf(!HAS_KEYRING)(
  'no secret at rest, no secret in logs, after a full run (emulator, real keyring, ctm)',
  () => {
    let app: AppFixture;
    let core: Core;
    let logger: FileLogger;
    const runTmp = mkdtempSync(join(tmpdir(), 'ctm-run-tmp-'));
    const secrets = new Map<string, string>();
    const remember = (label: string, value: unknown): void => {
      if (typeof value === 'string' && value.length >= 8) secrets.set(`${label}#${secrets.size}`, value);
    };
    const snapshotKeychain = async (): Promise<void> => {
      for (const id of (await app.vault.allProfileSecrets()).keys()) {
        const session = await app.vault.session(id);
        remember(`access:${id}`, session?.accessToken);
        remember(`id:${id}`, session?.idToken);
        remember(`refresh:${id}`, session?.refreshToken);
        remember(`client-secret:${id}`, await app.vault.clientSecrets.get(id));
      }
    };

    beforeAll(async () => {
      app = await startAppFixture(refreshSeed(4));
      logger = new FileLogger(app.configDir);
      core = new Core({
        configDir: app.configDir,
        secretStore: new KeytarSecretStore(),
        logger,
        scheduling: { backoff: { baseMs: 100, maxMs: 500 } },
      });
      remember('password', BOB_PASSWORD);
      remember('client secret', REFRESH_CLIENT_SECRET);
    });
    afterAll(async () => app?.close());

    it('runs sign-in, refresh, rotation and faults through the core and ctm', async () => {
      const env = { ...app.env, TMPDIR: runTmp };
      const added = await runCtm(
        [
          'profile',
          'add',
          'conf',
          '--region',
          'us-east-1',
          '--user-pool-id',
          REFRESH_POOL,
          '--client-id',
          CONFIDENTIAL_CLIENT,
          '--client-secret-stdin',
          '--username',
          'bob',
          '--auth-flow',
          'USER_PASSWORD_AUTH',
          '--endpoint',
          app.emulator.endpoint,
        ],
        env,
        `${REFRESH_CLIENT_SECRET}\n`,
      );
      expect(added.code).toBe(0);
      expect((await runCtm(['login', 'conf', '--password-stdin'], env, `${BOB_PASSWORD}\n`)).code).toBe(0);
      const short = await core.addProfile(refreshProfile('short', SHORT_CLIENT, app.emulator.endpoint));
      const rot = await core.addProfile(
        refreshProfile('rot', ROTATING_CLIENT, app.emulator.endpoint, { refreshMethod: 'GetTokensFromRefreshToken' }),
      );
      await core.signIn(await idOf(core, 'short'), { password: BOB_PASSWORD });
      await core.signIn(await idOf(core, 'rot'), { password: BOB_PASSWORD });
      await snapshotKeychain();

      const scheduler = core.scheduler;
      scheduler.onChange(() => void snapshotKeychain().catch(() => undefined));
      await scheduler.start();
      app.emulator.faults.fail('GetTokensFromRefreshToken', { status: 500, times: 1 });
      app.emulator.faults.throttle('*', { type: 'TooManyRequestsException', times: 1 });
      app.emulator.faults.resetConnection('GetTokensFromRefreshToken', { times: 1 });
      for (const id of [short.id, rot.id, short.id, rot.id]) {
        const before = (await app.vault.session(id))!.expiresAt;
        await nextChange(scheduler, id, (c) => c.state === 'fresh' && c.expiresAt! > before);
        await snapshotKeychain();
      }
      for (const name of ['conf', 'rot', 'short']) {
        const printed = await runCtm(['token', name, '--min-ttl', '3600', '--format', 'json'], env);
        expect(printed.code).toBe(0);
        remember(`printed:${name}`, (JSON.parse(printed.stdout) as { token: string }).token);
        await snapshotKeychain();
      }
      app.emulator.revokeAllFor('bob');
      await nextChange(scheduler, short.id, (c) => c.state === 'needs-sign-in');
      scheduler.stop();
      expect((await runCtm(['logout', 'conf'], env)).code).not.toBeNull();
      for (const request of app.emulator.requests) {
        const body = request.body as Record<string, unknown> & {
          AuthParameters?: Record<string, string>;
          ChallengeResponses?: Record<string, string>;
        };
        remember(`sent:${request.operation}`, body.RefreshToken);
        remember(`sent:${request.operation}`, body.AccessToken);
        remember(`sent:${request.operation}`, body.ClientSecret);
        remember(`sent:${request.operation}`, body.Token);
        for (const value of Object.values(body.AuthParameters ?? {}))
          if (value !== 'bob') remember(`sent:${request.operation}`, value);
      }
      await logger.flush();
    });

    it('finds none of them in the config folder, the logs, the keyring folder or the temporary folder', () => {
      const log = readFileSync(logFilePath(app.configDir), 'utf8');
      for (const line of ['tokens renewed', 'retrying', 'sign-in required']) expect(log).toContain(line);
      expect(secrets.size).toBeGreaterThan(20);
      const all = Object.fromEntries(secrets);
      expect(filesContaining(app.configDir, all)).toEqual([]);
      expect(filesContaining(runTmp, all)).toEqual([]);
      for (const home of [app.keyring.home, app.keyring.daemonHome]) expect(filesContaining(home, all)).toEqual([]);
    });
  },
);
