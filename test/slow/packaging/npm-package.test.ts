import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerKeyringSession, type KeyringSession } from '../../support/keyring-session.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';

const root = process.cwd();

/**
 * `npm pack`, then `npm install -g` of the tarball into a temporary prefix, as a user without a checkout would
 * (keytar is fetched from the npm registry and built here: its prebuilt download is not reachable; npm 11 runs its
 * install script only with --allow-scripts=keytar, as the README says). Then the installed `ctm`, on the real keyring.
 */
describe.skipIf(!HAS_KEYRING)('the npm package: npm pack, npm install -g, ctm', () => {
  let work: string;
  let packed: { filename: string; files: { path: string }[] };
  let install: ReturnType<typeof spawnSync>;
  let keyring: KeyringSession;
  const ctm = (args: string[], stdin = '') =>
    spawnSync(join(work, 'prefix/bin/ctm'), args, {
      input: stdin,
      encoding: 'utf8',
      env: {
        ...keyring.env,
        PATH: `${join(work, 'prefix/bin')}:${process.env.PATH ?? ''}`,
        CTM_CONFIG_DIR: join(work, 'config'),
      },
    });

  beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/cli-main.cjs')))
      throw new Error('out/ is missing: run npm run build first (npm test does).');
    work = mkdtempSync(join(tmpdir(), 'ctm-npm-'));
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(pack.status, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0] as typeof packed;
    install = spawnSync(
      'npm',
      [
        'install',
        '-g',
        '--allow-scripts=keytar',
        '--prefix',
        join(work, 'prefix'),
        '--no-audit',
        '--no-fund',
        join(work, packed.filename),
      ],
      { cwd: work, encoding: 'utf8', timeout: 300_000 },
    );
    keyring = await workerKeyringSession();
    // The config folder exists first: `ctm profile add` into a missing folder fails today (file-lock opens the lock
    // file before anything creates the folder), which is the CLI's to fix, not the package's.
    mkdirSync(join(work, 'config'));
  }, 360_000);
  afterAll(async () => {
    await keyring?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs the command line and nothing of the sources, tests or build tooling', () => {
    const files = packed.files.map((f) => f.path).sort();
    // npm always packs package.json, the README and the file "main" names: package.json names none, so the
    // Electron main bundle (out/main/index.cjs, about 1.5 MB that ctm never loads) stays out.
    expect(files).toEqual([
      'README.md',
      'out/main/aws-sdk.cjs',
      'out/main/cli-fast.cjs',
      'out/main/cli-main.cjs',
      'out/main/cli.cjs',
      'out/main/undici.cjs',
      'package.json',
    ]);
  });

  it('installs with keytar as its only dependency, built for this Node', () => {
    expect(install.status, String(install.stderr)).toBe(0);
    const installed = join(work, 'prefix/lib/node_modules/cognito-token-manager');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      private?: boolean;
    };
    expect(Object.keys(manifest.dependencies)).toEqual(['keytar']);
    expect(existsSync(join(installed, 'node_modules/keytar/build/Release/keytar.node'))).toBe(true);
  });

  it('gives a working ctm on PATH: help, and a profile whose client secret goes to the real keychain and back out', () => {
    const help = ctm(['--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^USAGE\n {2}ctm /m);
    const add = ctm(
      [
        'profile',
        'add',
        'dev',
        '--user-pool-id',
        'us-east-1_AbCdEf123',
        '--client-id',
        'abc123',
        '--client-secret-stdin',
      ],
      'not-a-real-secret\n',
    );
    expect(add.status, add.stderr).toBe(0);
    const list = ctm(['profile', 'list', '--json']);
    expect(list.status, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ name: 'dev', hasClientSecret: true })]);
    const stored = spawnSync('secret-tool', ['search', '--all', 'service', 'cognito-token-manager'], {
      env: keyring.env,
      encoding: 'utf8',
    });
    expect(stored.stdout + stored.stderr).toContain('not-a-real-secret');
    expect(ctm(['profile', 'remove', 'dev']).status).toBe(0);
  });
});
