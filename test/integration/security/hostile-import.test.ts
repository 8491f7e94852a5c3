import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../main/core/core.ts';
import { createApi } from '../../../main/ipc/handlers.ts';
import { startAppFixture, type AppFixture } from '../../support/app-fixture.ts';
import { MemorySecretStore } from '../../support/fakes/memory-secret-store.ts';
import { CTM, runCtm } from '../../support/run-ctm.ts';
import { PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import { aliceProfile } from '../../support/ctm-signed-in.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

/** An export file as `ctm profile export` writes it, with whatever profiles the attacker chose. */
const exportFile = (profiles: Record<string, unknown>[]): string =>
  JSON.stringify({ format: 'cognito-token-manager/profiles', version: 1, profiles });
const profile = (name: string, extra: Record<string, unknown> = {}) => ({ ...aliceProfile(name), ...extra });

// A shared export file written by someone else, imported with the built ctm (child processes, real keyring for status).
describe.skipIf(!HAS_KEYRING)('hostile import files and endpoint edits (built ctm, real keyring)', () => {
  let app: AppFixture;
  let files: string;
  const ctm = (args: string[], stdin = '') => runCtm(args, app.env, stdin);
  const write = (name: string, text: string): string => {
    const path = join(files, name);
    writeFileSync(path, text);
    return path;
  };
  const names = async (): Promise<string[]> =>
    (JSON.parse((await ctm(['profile', 'list', '--json'])).stdout) as { name: string }[]).map((p) => p.name);

  beforeAll(async () => {
    app = await startAppFixture(skeletonSeed(3600));
    files = mkdtempSync(join(tmpdir(), 'ctm-hostile-import-'));
  });
  afterAll(async () => app?.close());

  it('plain http to a host that is not loopback is refused everywhere: import, add, edit, a hand-edited profiles.json', async () => {
    const file = write('http.json', exportFile([profile('plain', { endpoint: 'http://203.0.113.7' })]));
    const imported = await ctm(['profile', 'import', file, '--allow-endpoint', 'http://203.0.113.7']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('endpoint: plain http:// only for a loopback address');
    expect(await names()).toEqual([]);
    expect(
      (
        await ctm([
          'profile',
          'add',
          'p',
          '--user-pool-id',
          TEST_POOL,
          '--client-id',
          PUBLIC_CLIENT,
          '--endpoint',
          'http://10.0.0.1:9229',
        ])
      ).stderr,
    ).toContain('plain http:// only for a loopback address');
    expect(
      (
        await ctm([
          'profile',
          'add',
          'ok',
          '--user-pool-id',
          TEST_POOL,
          '--client-id',
          PUBLIC_CLIENT,
          '--endpoint',
          'http://127.0.0.2:9229',
        ])
      ).code,
    ).toBe(0);
    const edit = await ctm(['profile', 'edit', 'ok', '--endpoint', 'http://cognito.example:80']);
    expect(edit.code).toBe(2);
    const sso = await ctm([
      'profile',
      'add',
      'sso',
      '--user-pool-id',
      TEST_POOL,
      '--client-id',
      PUBLIC_CLIENT,
      '--auth-flow',
      'MANAGED_LOGIN',
      '--domain',
      'http://auth.example.com',
    ]);
    expect(sso.stderr).toContain('domain: expected an https:// URL');
    // By hand: the file is refused as it is (and left where it is for the person to repair).
    const path = join(app.configDir, 'profiles.json');
    const before = readFileSync(path, 'utf8');
    writeFileSync(path, before.replace(/http:\/\/127\.0\.0\.2:9229/, 'http://198.51.100.9:9229'));
    const listed = await ctm(['profile', 'list']);
    expect(listed.stderr + listed.stdout).toContain('plain http:// only for a loopback address');
    expect((await ctm(['login', 'ok', '--password-stdin'], 'pw\n')).code).not.toBe(0);
    writeFileSync(path, before);
    expect((await ctm(['profile', 'remove', 'ok'])).code).toBe(0);
  });

  it("an https server that is not AWS's: named, imported only when confirmed, then shown by profile list and status", async () => {
    const file = write(
      'custom.json',
      exportFile([profile('shared', { endpoint: 'https://cognito.evil.example/' }), profile('plain-aws')]),
    );
    const refused = await ctm(['profile', 'import', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("servers that are not AWS's: https://cognito.evil.example (shared)");
    expect(refused.stderr).toContain('nothing was imported');
    expect(await names()).toEqual([]);
    // Confirming another server does not confirm this one.
    expect((await ctm(['profile', 'import', file, '--allow-endpoint', 'https://other.example'])).code).toBe(2);
    const confirmed = await ctm(['profile', 'import', file, '--allow-endpoint', 'https://cognito.evil.example']);
    expect(confirmed.code).toBe(0);
    expect(await names()).toEqual(['shared', 'plain-aws']);
    const list = (await ctm(['profile', 'list'])).stdout.split('\n');
    expect(list[0]).toMatch(/FLOW\s+SERVER$/);
    expect(list.find((l) => l.startsWith('shared '))).toMatch(/https:\/\/cognito\.evil\.example$/);
    expect(list.find((l) => l.startsWith('plain-aws '))).toMatch(/ -$/);
    const status = await ctm(['status']);
    expect(status.stdout).toMatch(/^shared .*https:\/\/cognito\.evil\.example/m);
    expect(JSON.parse((await ctm(['status', '--json'])).stdout)).toContainEqual(
      expect.objectContaining({ name: 'shared', servers: ['https://cognito.evil.example'] }),
    );
    for (const name of ['shared', 'plain-aws']) await ctm(['profile', 'remove', name]);
  });

  it('an identity endpoint that is not AWS\u2019s (it would receive the ID token): named, imported only when confirmed, listed', async () => {
    const identity = { identityPoolId: 'us-east-1:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' };
    const file = write(
      'identity.json',
      exportFile([profile('creds', { ...identity, identityEndpoint: 'https://identity.evil.example/' })]),
    );
    try {
      const refused = await ctm(['profile', 'import', file]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("servers that are not AWS's: https://identity.evil.example (creds)");
      expect(await names()).toEqual([]);
      expect((await ctm(['profile', 'import', file, '--allow-endpoint', 'https://identity.evil.example'])).code).toBe(
        0,
      );
      expect((await ctm(['profile', 'list'])).stdout).toMatch(/^creds .*https:\/\/identity\.evil\.example$/m);
    } finally {
      await ctm(['profile', 'remove', 'creds']); // whatever happened, the next tests start without it
    }
  });

  it('is all or nothing: a long file with one bad profile at the end imports none', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => profile(`bulk-${i}`));
    many.push(profile('broken', { region: 'not a region' }));
    const imported = await ctm(['profile', 'import', write('many.json', exportFile(many))]);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('profile 3001 (broken)');
    expect(await names()).toEqual([]);
  });

  it('is all or nothing even when ctm is killed in the middle of an import', async () => {
    const file = write('killed.json', exportFile(Array.from({ length: 3000 }, (_, i) => profile(`k-${i}`))));
    const env = { ...app.env, CTM_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'ctm-killed-import-')) };
    const path = join(env.CTM_CONFIG_DIR, 'profiles.json');
    const child = spawn(process.execPath, [CTM, 'profile', 'import', file], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Killed as soon as the profiles file first appears: one profile written at a time would leave a part behind.
    while (child.exitCode === null && !existsSync(path)) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGKILL');
    await exited;
    const listed = await runCtm(['profile', 'list', '--json'], env);
    expect([0, 3000]).toContain((JSON.parse(listed.stdout || '[]') as unknown[]).length);
  });

  it('is capped in size: a large file or an endless one (/dev/zero) is refused without being read whole', async () => {
    const big = write('big.json', exportFile([profile('big', { clientMetadata: { pad: 'x'.repeat(1_100_000) } })]));
    expect(await ctm(['profile', 'import', big])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is larger than 1 MB; nothing was imported') as unknown,
    });
    expect(await ctm(['profile', 'import', '/dev/zero'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('/dev/zero is larger than 1 MB') as unknown,
    });
    expect(await ctm(['profile', 'import', '-'], 'x'.repeat(1_000_001))).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('stdin is larger than 1 MB') as unknown,
    });
    expect(await names()).toEqual([]);
  });
});

// The window's path: the IPC handlers over a real core on real files (keychain: an in-memory stand-in, named so).
describe("the window's import (IPC handlers; in-memory keychain stand-in)", () => {
  it('names the non-AWS servers first, and imports nothing until each is confirmed', async () => {
    const core = new Core({
      configDir: mkdtempSync(join(tmpdir(), 'ctm-ipc-import-')),
      secretStore: new MemorySecretStore(),
    });
    const api = createApi(core, { copySecret: async () => undefined });
    const text = exportFile([
      profile('shared', { domain: 'https://auth.evil.example', authFlow: 'MANAGED_LOGIN' }),
      profile('local', { endpoint: 'http://127.0.0.1:9229' }),
    ]);
    expect(await api.importServers('shared.json', text)).toEqual([
      { server: 'https://auth.evil.example', profiles: ['shared'] },
      { server: 'http://127.0.0.1:9229', profiles: ['local'] },
    ]);
    await expect(api.importProfiles('shared.json', text)).rejects.toThrow(
      /https:\/\/auth\.evil\.example \(shared\), http:\/\/127\.0\.0\.1:9229 \(local\)/,
    );
    await expect(api.importProfiles('shared.json', text, ['https://auth.evil.example'])).rejects.toThrow(
      /127\.0\.0\.1:9229 \(local\)/,
    );
    expect(await core.listProfiles()).toEqual([]);
    expect(
      (await api.importProfiles('shared.json', text, ['https://auth.evil.example', 'http://127.0.0.1:9229'])).map(
        (p) => p.name,
      ),
    ).toEqual(['shared', 'local']);
  });
});
