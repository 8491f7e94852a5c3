// The renderer's budget: the page's JavaScript gzipped (built minified, as packaged), and the first render of
// 1,000 profiles in Chromium, from the moment listProfiles answers to the first frame with every row laid out.
// Targets: < 200 KB gzipped, < 150 ms. Run: node --no-warnings test/bench/renderer/renderer-bench.ts
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../support/browser.ts';
import type { BenchResult } from '../bench-result.ts';
import { median, percentile, roundFigure } from '../stats.ts';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const RUNS = 15;
const PROFILES = Number(process.env.CTM_BENCH_PROFILES ?? 1000);

function summary(name: string, samples: number[], unit: string, note?: string): BenchResult {
  return {
    name,
    unit,
    runs: samples.length,
    median: roundFigure(median(samples)),
    p95: roundFigure(percentile(samples, 0.95)),
    min: roundFigure(Math.min(...samples)),
    max: roundFigure(Math.max(...samples)),
    ...(note ? { note } : {}),
  };
}

/** The page built minified (as packaged) into its own folder; bytes of its script gzipped at level 9. */
async function buildPage(): Promise<{ page: string; gzipped: number; raw: number; css: number }> {
  const outdir = mkdtempSync(join(tmpdir(), 'ctm-renderer-bench-'));
  await build({
    entryPoints: { app: join(ROOT, 'renderer/app.ts') },
    outdir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome130',
    minify: true,
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'styles.css']) copyFileSync(join(ROOT, 'renderer', file), join(outdir, file));
  const script = readFileSync(join(outdir, 'app.js'));
  const css = readFileSync(join(outdir, 'styles.css'));
  return {
    page: join(outdir, 'index.html'),
    gzipped: gzipSync(script, { level: 9 }).length,
    raw: script.length,
    css: gzipSync(css, { level: 9 }).length,
  };
}

/** A stand-in bridge (no main process needed to time rendering) that answers 1,000 profiles and records when. */
function standInBridge(count: number): string {
  return `(() => {
    const now = Date.now();
    const states = ['fresh', 'signed-out', 'renewing', 'needs-sign-in', 'retrying'];
    const profiles = Array.from({ length: ${count} }, (_, i) => ({
      id: 'id-' + i, name: 'profile-' + i, region: 'us-east-1', userPoolId: 'us-east-1_Pool' + (i % 50), clientId: 'client' + i,
      username: 'user' + i, authFlow: 'USER_SRP_AUTH', hasClientSecret: i % 3 === 0, autoRefresh: true,
      state: states[i % states.length], expiresAt: now + (i % 60) * 60000,
    }));
    const ok = (value) => Promise.resolve({ ok: true, value });
    window.__bench = {};
    window.api = new Proxy({
      listProfiles: () => { window.__bench.answered = performance.now(); return ok(profiles); },
      onChanged: () => () => undefined,
      onSignInRequested: () => () => undefined,
    }, { get: (t, k) => t[k] ?? (() => ok(undefined)) });
    // The list shown: the table is in the page (same task as the render) and laid out.
    new MutationObserver((_m, observer) => {
      if (!document.querySelector('#profiles li[data-id]')) return;
      observer.disconnect();
      void document.body.offsetHeight;
      window.__bench.firstFrame = performance.now();
    }).observe(document, { childList: true, subtree: true });
    // Every row in the DOM and laid out.
    const waitAll = () => {
      if (document.querySelectorAll('#profiles li[data-id]').length < ${count}) return setTimeout(waitAll, 5);
      void document.body.offsetHeight;
      window.__bench.allRows = performance.now();
    };
    setTimeout(waitAll, 0);
  })();`;
}

/** Milliseconds from listProfiles answering (1,000 profiles) to the first frame showing the list, and to every row laid out. */
async function firstRender(pagePath: string): Promise<{ firstFrames: number[]; allRows: number[] }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await page.addInitScript({ content: standInBridge(PROFILES) });
    const firstFrames: number[] = [];
    const allRows: number[] = [];
    for (let run = 0; run < RUNS + 2; run += 1) {
      await page.goto(pathToFileURL(pagePath).href);
      await page.waitForFunction('window.__bench.allRows !== undefined', undefined, { timeout: 20_000 });
      const bench = (await page.evaluate('window.__bench')) as {
        answered: number;
        firstFrame: number;
        allRows: number;
      };
      firstFrames.push(bench.firstFrame - bench.answered);
      allRows.push(bench.allRows - bench.answered);
      if (run < 2) {
        // two warm-up loads
        firstFrames.pop();
        allRows.pop();
      }
    }
    return { firstFrames, allRows };
  } finally {
    await browser.close();
  }
}

/** The renderer budget rows: gzipped script size and first render of 1,000 profiles. */
export async function runRendererBench(): Promise<BenchResult[]> {
  const size = await buildPage();
  const render = await firstRender(size.page);
  return [
    summary(
      'renderer JS, minified + gzip',
      [size.gzipped / 1024],
      'KB',
      `target < 200 KB; ${(size.raw / 1024).toFixed(1)} KB minified; CSS ${(size.css / 1024).toFixed(1)} KB gzipped`,
    ),
    summary(
      `first render of ${PROFILES} profiles (Chromium)`,
      render.firstFrames,
      'ms',
      'target < 150 ms; from listProfiles answering to the list in the page and laid out',
    ),
    summary(
      `all ${PROFILES} rows in the DOM (Chromium)`,
      render.allRows,
      'ms',
      'the rest follow in chunks after the first frame',
    ),
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await runRendererBench();
  console.table(rows);
}
