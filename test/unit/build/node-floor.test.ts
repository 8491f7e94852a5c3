import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const require = createRequire(import.meta.url);
const semver = require('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const floor = semver.minVersion(manifest.engines.node)?.version ?? '';
// Node 22.18.0 turned type stripping on by default: before it, `node file.ts` fails with ERR_UNKNOWN_FILE_EXTENSION
// (https://nodejs.org/en/blog/release/v22.18.0).
const TYPE_STRIPPING_BY_DEFAULT = '22.18.0';

describe('the lowest Node that engines names', () => {
  it('runs every script that starts a .ts file without flags (type stripping on by default)', () => {
    const direct = Object.entries(manifest.scripts).filter(([, command]) =>
      /\bnode\b(?![^&|;]*--experimental-strip-types)[^&|;]*\.ts\b/.test(command),
    );
    expect(direct.map(([name]) => name)).toEqual(expect.arrayContaining(['build']));
    expect(
      semver.satisfies(floor, `>=${TYPE_STRIPPING_BY_DEFAULT}`),
      `engines ${manifest.engines.node} is below ${TYPE_STRIPPING_BY_DEFAULT}`,
    ).toBe(true);
  });

  it('satisfies the engines of every direct dependency as installed', () => {
    const refused = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).flatMap((name) => {
      const wanted = (
        JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as {
          engines?: { node?: string };
        }
      ).engines?.node;
      return wanted && !semver.satisfies(floor, wanted) ? [`${name} wants ${wanted}`] : [];
    });
    expect(refused).toEqual([]);
  });

  it('is the one .nvmrc, the README and CI name (CI reads it from package.json and tests on it)', () => {
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe(floor.replace(/\.0$/, ''));
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme.match(/Node >= (\d+\.\d+)/g)?.every((m) => m === `Node >= ${floor.replace(/\.0$/, '')}`)).toBe(true);
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci).toContain('"node@$floor"');
    // On the floor: the build and checks, the unit and system projects, and the packaging tests (.ci/run says why).
    const onFloor = 'PATH="$PWD/.tools-lowest/node_modules/.bin:$PATH" ';
    expect(ci).toContain(`${onFloor}npm run check\n`);
    expect(ci).toContain(`${onFloor}npx vitest run --project unit --project system\n`);
    expect(ci).toContain(`${onFloor}npx vitest run --project slow test/slow/packaging\n`);
  });
});
