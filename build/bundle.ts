// Builds out/main (Electron main process and the ctm command line), out/preload (one bundled file,
// since a sandboxed preload cannot require modules) and out/renderer (the page, its script and styles).
import { build, type BuildOptions } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
const production = process.env.NODE_ENV === 'production';

for (const part of ['main', 'preload', 'renderer', 'icons']) rmSync(join(out, part), { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'keytar'],
  logLevel: 'warning',
} satisfies BuildOptions;

await Promise.all([
  build({ ...node, entryPoints: { index: join(root, 'main/index.ts') }, outdir: join(out, 'main'), outExtension: { '.js': '.cjs' } }),
  build({
    ...node,
    entryPoints: { cli: join(root, 'main/cli/index.ts') },
    outdir: join(out, 'main'),
    outExtension: { '.js': '.cjs' },
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({ ...node, sourcemap: false, entryPoints: { index: join(root, 'main/preload.ts') }, outdir: join(out, 'preload'), outExtension: { '.js': '.cjs' } }),
  build({
    entryPoints: { app: join(root, 'renderer/app.ts') },
    outdir: join(out, 'renderer'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
    minify: production || process.env.CTM_MINIFY === '1',
    sourcemap: !production,
    logLevel: 'warning',
  }),
]);

mkdirSync(join(out, 'renderer'), { recursive: true });
cpSync(join(root, 'renderer/index.html'), join(out, 'renderer/index.html'));
cpSync(join(root, 'renderer/styles.css'), join(out, 'renderer/styles.css'));
cpSync(join(root, 'build/icons'), join(out, 'icons'), { recursive: true });
console.log('built out/main, out/preload, out/renderer, out/icons');
