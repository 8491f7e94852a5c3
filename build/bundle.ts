// Builds out/main (Electron main process and the ctm command line), out/preload (one bundled file,
// since a sandboxed preload cannot require modules) and out/renderer (the page, its script and styles).
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devAppManifest, type ProjectManifest } from './dev-app-manifest.ts';

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
  // import() of keytar, undici.cjs and lazy parts becomes a plain require: CommonJS needs no ESM loader, whose start
  // costs a `ctm token` more than the keychain module itself (about 12 ms measured on the 2-core CI machine).
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
} satisfies BuildOptions;

// zod's `z` namespace re-exports every locale (about half of a minified bundle); our code only uses English,
// which zod loads by itself, so the CLI bundle keeps just that one and starts faster.
const englishOnlyZod: Plugin = {
  name: 'zod-english-only',
  setup(bundle) {
    bundle.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: 'js',
    }));
  },
};

// undici (for HTTP(S)_PROXY, main/core/cognito/proxy-transport.ts) is bundled on its own into out/main/undici.cjs and
// loaded from there only when a proxy variable is set: inside cli-main.cjs it would triple what every `ctm` run parses.
const undiciApart: Plugin = {
  name: 'undici-apart',
  setup(bundle) {
    bundle.onResolve({ filter: /^undici$/ }, () => ({ path: './undici.cjs', external: true }));
  },
};

// AWS's credential chain and SigV4 signer (main/core/aws/aws-sdk-entry.ts) are bundled apart into out/main/aws-sdk.cjs,
// loaded only by the administrator sign-in: no other `ctm` run parses them.
const awsSdkApart: Plugin = {
  name: 'aws-sdk-apart',
  setup(bundle) {
    bundle.onResolve({ filter: /[\\/]aws-sdk-entry\.ts$/ }, () => ({ path: './aws-sdk.cjs', external: true }));
  },
};

// The `ctm` bin is this launcher: it turns on Node's on-disk compile cache (in the user's own cache folder, not a
// shared temp folder another user could write to) before loading the real CLI, so later runs skip compiling it.
// It is plain JavaScript because it must run before anything bundled is loaded.
const CLI_LAUNCHER = `#!/usr/bin/env node
'use strict';
const { join } = require('node:path');
const { homedir } = require('node:os');
function compileCacheDir() {
  const env = process.env;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'cognito-token-manager', 'Cache', 'node-compile-cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'cognito-token-manager', 'node-compile-cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'cognito-token-manager', 'node-compile-cache');
}
function enableCompileCache() {
  try {
    require('node:module').enableCompileCache?.(compileCacheDir());
  } catch {
    // The cache only saves time; without it ctm works the same.
  }
}
// A cached \`ctm token\` is answered by the small cli-fast bundle alone (too small for the compile cache to pay for
// opening it); anything else turns the cache on and loads the full CLI.
require('./cli-fast.cjs').runFast().then((code) => {
  if (code === undefined) {
    enableCompileCache();
    require('./cli-main.cjs');
  } else process.exitCode = code;
});
`;

// The launcher goes in first, so the `ctm` bin is missing only for a moment while the tree rebuilds.
mkdirSync(join(out, 'main'), { recursive: true });
writeFileSync(join(out, 'main/cli.cjs'), CLI_LAUNCHER);
chmodSync(join(out, 'main/cli.cjs'), 0o755);

await Promise.all([
  build({
    ...node,
    entryPoints: { index: join(root, 'main/index.ts') },
    outdir: join(out, 'main'),
    outExtension: { '.js': '.cjs' },
    plugins: [undiciApart, awsSdkApart],
  }),
  build({
    ...node,
    sourcemap: false,
    minify: true,
    entryPoints: { undici: join(root, 'node_modules/undici/index.js') },
    outdir: join(out, 'main'),
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...node,
    sourcemap: false,
    minify: true,
    entryPoints: { 'aws-sdk': join(root, 'main/core/aws/aws-sdk-entry.ts') },
    outdir: join(out, 'main'),
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...node,
    entryPoints: { 'cli-main': join(root, 'main/cli/index.ts') },
    outdir: join(out, 'main'),
    outExtension: { '.js': '.cjs' },
    minify: true,
    plugins: [englishOnlyZod, undiciApart, awsSdkApart],
  }),
  // The cached path of `ctm token` on its own (no validator, Cognito client or other commands): see main/cli/fast-entry.ts.
  build({
    ...node,
    entryPoints: { 'cli-fast': join(root, 'main/cli/fast-entry.ts') },
    outdir: join(out, 'main'),
    outExtension: { '.js': '.cjs' },
    minify: true,
  }),
  build({
    ...node,
    sourcemap: false,
    entryPoints: { index: join(root, 'main/preload.ts') },
    outdir: join(out, 'preload'),
    outExtension: { '.js': '.cjs' },
  }),
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
// What `electron out` (npm start) opens: build/dev-app-manifest.ts says why it is not the project's package.json.
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as ProjectManifest;
writeFileSync(join(out, 'package.json'), JSON.stringify(devAppManifest(project), null, 2) + '\n');
console.log('built out/main, out/preload, out/renderer, out/icons, out/package.json');
