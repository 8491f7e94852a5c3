import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeb, type DebSource } from '../../support/deb-from-dir.ts';
import { buildLinuxDir } from '../../support/linux-dir-build.ts';
import { hasCommand, systemComponent } from '../../support/system-components.ts';

const root = process.cwd();
const require = createRequire(import.meta.url);
const config = require(join(root, 'build/electron-builder.config.cjs')) as DebSource['config'];
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as DebSource['manifest'];
const PACKAGE = manifest.name;
const OPT = `/opt/${config.productName}`;
const HAS_DPKG = systemComponent(
  'dpkg as root',
  hasCommand('dpkg') && hasCommand('dpkg-deb') && process.getuid?.() === 0,
  'run as root on Debian (CI does)',
);

// Electron's binary, faked (it cannot be downloaded here): in the launchers' CLI mode it runs ctm's bundle with this
// Node, after checking it was started headless; anything else is an error the test would see.
const FAKE_ELECTRON = `#!/bin/sh
[ "$1" = --ozone-platform=headless ] || { echo "stand-in electron: not headless: $*" >&2; exit 90; }
[ "$2" = --ctm-cli ] && [ "$3" = -- ] || { echo "stand-in electron: not CLI mode: $*" >&2; exit 91; }
shift 3
exec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'out/main/cli.cjs'))} "$@"
`;

const dpkg = (...args: string[]) => spawnSync('dpkg', args, { encoding: 'utf8' });
const installed = (): boolean =>
  spawnSync('dpkg-query', ['-W', '-f=${Status}', PACKAGE], { encoding: 'utf8' }).stdout.includes(
    'install ok installed',
  );

describe.skipIf(!HAS_DPKG)(
  'the deb under the real dpkg: built with dpkg-deb from electron-builder --linux dir (Electron binary faked: it runs ctm with Node)',
  () => {
    let work: string;
    let deb: string;
    let files: string[] = [];

    beforeAll(() => {
      if (installed())
        throw new Error(`${PACKAGE} is already installed on this machine: remove it first (dpkg -r ${PACKAGE})`);
      work = mkdtempSync(join(tmpdir(), 'ctm-deb-'));
      const build = buildLinuxDir(work, FAKE_ELECTRON);
      if (build.status !== 0) throw new Error(`electron-builder --linux dir failed: ${build.stderr}`);
      deb = buildDeb({ appDir: build.appDir, config, manifest, root }, work);
    }, 180_000);
    afterAll(() => {
      if (installed()) dpkg('--purge', PACKAGE);
      if (work) rmSync(work, { recursive: true, force: true });
    });

    it('carries the metadata electron-builder requires and Electron 45 needs: homepage, maintainer, depends, recommends', () => {
      const field = (name: string): string =>
        spawnSync('dpkg-deb', ['--field', deb, name], { encoding: 'utf8' }).stdout.trim();
      expect(field('Homepage')).toMatch(/^https:\/\//);
      expect(field('Maintainer')).toMatch(/^.+ <.+@.+>$/);
      const depends = field('Depends').split(', ');
      for (const library of [
        'libgbm1',
        'libasound2t64 | libasound2',
        'libdrm2',
        'libxkbcommon0',
        'libsecret-1-0',
        'libnss3',
        'libgtk-3-0t64 | libgtk-3-0',
      ])
        expect(depends).toContain(library);
      expect(field('Recommends').split(', ')).toContain('gnome-keyring');
      expect(existsSync(join(work, 'tree/usr/share/applications', manifest.desktopName ?? 'none'))).toBe(true);
    });

    it('installs with dpkg -i (its dependencies met on this Debian), and ctm is on PATH and runs, through /usr/bin/ctm and the launcher', () => {
      const install = dpkg('-i', deb);
      expect(install.status, install.stderr).toBe(0);
      files = dpkg('-L', PACKAGE)
        .stdout.trim()
        .split('\n')
        .filter((f) => f.startsWith('/opt/') || f.startsWith('/usr/share/applications/'));
      expect(lstatSync('/usr/bin/ctm').isSymbolicLink()).toBe(true);
      const run = spawnSync('sh', ['-c', 'ctm --version'], {
        encoding: 'utf8',
        env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: work },
      });
      expect(run.stderr).toBe('');
      expect(run.stdout.trim()).toContain(manifest.version);
      expect(run.status).toBe(0);
      expect(existsSync('/usr/bin/cognito-token-manager')).toBe(true);
    });

    it('leaves nothing of ours after dpkg -r: the app folder, the .desktop entry, /usr/bin/ctm and the alternative are gone', () => {
      expect(files.length).toBeGreaterThan(5);
      const remove = dpkg('-r', PACKAGE);
      expect(remove.status, remove.stderr).toBe(0);
      expect(existsSync(OPT)).toBe(false);
      expect(files.filter((f) => existsSync(f))).toEqual([]);
      for (const path of ['/usr/bin/ctm', '/usr/bin/cognito-token-manager', '/etc/alternatives/cognito-token-manager'])
        expect(existsSync(path) || isLink(path), path).toBe(false);
      expect(dpkg('--purge', PACKAGE).status).toBe(0);
    });

    it("never replaces a /usr/bin/ctm that is not ours (one installed by hand stays, the app's ctm is still in its folder)", () => {
      writeFileSync('/usr/bin/ctm', '#!/bin/sh\necho mine\n', { mode: 0o755 });
      try {
        expect(dpkg('-i', deb).status).toBe(0);
        expect(readFileSync('/usr/bin/ctm', 'utf8')).toContain('echo mine');
        expect(dpkg('--purge', PACKAGE).status).toBe(0);
        expect(readFileSync('/usr/bin/ctm', 'utf8')).toContain('echo mine');
      } finally {
        rmSync('/usr/bin/ctm', { force: true });
      }
    });
  },
);

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
