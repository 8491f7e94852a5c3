import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_APP_MAIN, devAppManifest, type ProjectManifest } from '../../../build/dev-app-manifest.ts';

const root = process.cwd();
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as ProjectManifest & {
  main?: string;
  scripts: Record<string, string>;
};
const config = createRequire(import.meta.url)(join(root, 'build/electron-builder.config.cjs')) as {
  extraMetadata?: { main?: string };
  files: string[];
};

describe("the app's entry: out of the npm package, given to npm start and to electron-builder", () => {
  it('package.json names no "main", which npm would pack whatever "files" says (npm-packlist: "main is required")', () => {
    expect(project.main).toBeUndefined();
    expect(project.scripts.start).toBe('npm run build && electron out');
  });

  it("electron-builder's packed package.json names the Electron bundle, the one out/package.json names for npm start", () => {
    expect(config.extraMetadata?.main).toBe(join('out', DEV_APP_MAIN));
    expect(config.files).toContain('out/main/**');
  });

  it("`electron out` resolves the folder as Electron's default_app does (Module._resolveFilename) to the bundle, with the app's names", () => {
    const work = mkdtempSync(join(tmpdir(), 'ctm-dev-app-'));
    try {
      const out = join(work, 'out');
      mkdirSync(join(out, 'main'), { recursive: true });
      writeFileSync(join(out, 'main/index.cjs'), '');
      const manifest = devAppManifest(project);
      writeFileSync(join(out, 'package.json'), JSON.stringify(manifest));
      // default_app/main.ts loadApplicationPackage: Module._resolveFilename(packagePath), i.e. Node's folder resolution.
      expect(createRequire(join(work, 'x.cjs')).resolve(out)).toBe(join(out, 'main/index.cjs'));
      // ...and app.name = productName, app.setDesktopName(desktopName), app.setVersion(version) from the same file.
      expect(manifest).toMatchObject({
        productName: project.productName,
        desktopName: project.desktopName,
        version: project.version,
      });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
