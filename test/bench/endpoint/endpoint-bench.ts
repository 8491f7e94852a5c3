// The token endpoint and `ctm proxy` under load (issue 22): the endpoint's latency and requests per second from
// memory, and the proxy against Debian's nginx doing the same header injection, in front of the same upstream (an
// nginx answering "ok"), under the same wrk load. Figures only: goals are printed beside them, never asserted.
// The endpoint runs in this process on an in-memory keychain (it reads it only every 10 s); `ctm proxy` runs as a
// user runs it: the built ctm in its own process, on a profile signed in on the real keyring (ctm-stack.ts).
// Run: npm run bench -- --only endpoint
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../../../main/core/core.ts';
import { startTokenEndpoint } from '../../../main/core/token-endpoint/token-endpoint.ts';
import { startEmulator } from '../../support/emulator/index.ts';
import { MemorySecretStore } from '../../support/fakes/memory-secret-store.ts';
import { freePort } from '../../support/free-port.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../support/seeds-inline.ts';
import type { BenchResult } from '../bench-result.ts';
import { startCtmStack, type CtmStack } from '../cli/ctm-stack.ts';
import { failureLine, timeProcess } from '../cli/timed-process.ts';
import { median, roundFigure } from '../stats.ts';
import { nginxConfig, startNginx } from './nginx.ts';
import { postScript, wrk, type WrkFigures } from './wrk.ts';

/** A row from several wrk runs of one setup: the median of each figure, with its range. */
function row(
  name: string,
  runs: WrkFigures[],
  pick: (f: WrkFigures) => number,
  unit: string,
  note?: string,
): BenchResult {
  const values = runs.map(pick);
  return {
    name,
    median: roundFigure(median(values)),
    min: roundFigure(Math.min(...values)),
    max: roundFigure(Math.max(...values)),
    unit,
    runs: values.length,
    ...(note ? { note } : {}),
  };
}

async function repeat(times: number, once: () => Promise<WrkFigures>): Promise<WrkFigures[]> {
  const runs: WrkFigures[] = [];
  for (let i = 0; i < times; i++) {
    const figures = await once();
    if (figures.failures > 0)
      throw new Error(`a wrk run had ${figures.failures} failed requests: the figures would not be comparable`);
    runs.push(figures);
  }
  return runs;
}

/** `ctm proxy NAME --target URL` as a user runs it (the built ctm, its own process): its URL, and a way to stop it. */
async function startCtmProxy(stack: CtmStack, target: string): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, [stack.ctm, 'proxy', stack.profile, '--target', target], {
    env: stack.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`ctm proxy exited (${code}): ${stderr.trim()}`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}

/** The endpoint and proxy rows of the benchmark table. */
export async function runEndpointBench(options: { quick?: boolean } = {}): Promise<BenchResult[]> {
  const times = options.quick ? 1 : 3;
  const seconds = options.quick ? 2 : 5;
  const folder = mkdtempSync(join(tmpdir(), 'ctm-endpoint-bench-'));
  const emulator = await startEmulator({ seed: skeletonSeed(3600) });
  const core = new Core({ configDir: folder, secretStore: new MemorySecretStore() });
  const profile = await core.addProfile({
    name: 'bench',
    region: 'us-east-1',
    userPoolId: TEST_POOL,
    clientId: PUBLIC_CLIENT,
    username: 'alice',
    authFlow: 'USER_PASSWORD_AUTH',
    endpoint: emulator.endpoint,
  });
  await core.signIn(profile.id, { password: ALICE_PASSWORD });
  const { clientSecret: secret } = await core.endpointCredentials(profile.id);
  const endpoint = await startTokenEndpoint(core, { port: 0, allowedOrigins: async () => [] });
  const upstreamPort = await freePort();
  const nginxPort = await freePort();
  const upstreamStarted = startNginx(
    join(folder, 'upstream'),
    nginxConfig(
      join(folder, 'upstream'),
      `    listen 127.0.0.1:${upstreamPort};\n    location / { return 200 "ok\\n"; }`,
    ),
    upstreamPort,
  );
  const upstream = await upstreamStarted;
  const stack = await startCtmStack();
  const tokenRun = await timeProcess(process.execPath, [stack.ctm, 'token', stack.profile], stack.env);
  if (tokenRun.code !== 0) throw new Error(`ctm token failed: ${failureLine(tokenRun)}`);
  const token = tokenRun.stdout.trim();
  const nginx = await startNginx(
    join(folder, 'nginx'),
    nginxConfig(
      join(folder, 'nginx'),
      `    listen 127.0.0.1:${nginxPort};
    location / {
      proxy_pass http://target;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Authorization "Bearer ${token}";
    }`,
      `127.0.0.1:${upstreamPort}`,
    ),
    nginxPort,
  );
  const proxy = await startCtmProxy(stack, `http://127.0.0.1:${upstreamPort}`);
  try {
    const script = postScript(
      folder,
      {
        'Content-Type': 'application/x-www-form-urlencoded',
        Authorization: `Basic ${Buffer.from(`bench:${secret}`).toString('base64')}`,
      },
      'grant_type=client_credentials',
    );
    await wrk(endpoint.tokenUrl, 1, 1, script); // warm-up: JIT, the session file's key
    const single = await repeat(times, () => wrk(endpoint.tokenUrl, 1, seconds, script));
    const loaded = await repeat(times, () => wrk(endpoint.tokenUrl, 8, seconds, script));
    const load = (url: string) => repeat(times, () => wrk(url, 16, seconds));
    const direct = await load(`http://127.0.0.1:${upstreamPort}/`);
    const nginxUrl = `http://127.0.0.1:${nginxPort}/`;
    await wrk(proxy.url, 16, 1);
    await wrk(nginxUrl, 16, 1);
    // Interleaved pairs (ctm proxy, then nginx, 5 times): on a shared machine the load changes between runs, so each
    // run of ours is compared with the nginx run right after it, and the ratio is the median of those pairs.
    const ours: WrkFigures[] = [];
    const theirs: WrkFigures[] = [];
    const loads: number[] = [];
    for (let i = 0; i < times + 2; i++) {
      loads.push(loadavg()[0] ?? 0);
      ours.push(...(await repeat(1, () => wrk(proxy.url, 16, seconds))));
      theirs.push(...(await repeat(1, () => wrk(nginxUrl, 16, seconds))));
    }
    const oneDirect = await repeat(times, () => wrk(`http://127.0.0.1:${upstreamPort}/`, 1, seconds));
    const oneOurs = await repeat(times, () => wrk(proxy.url, 1, seconds));
    const oneTheirs = await repeat(times, () => wrk(`http://127.0.0.1:${nginxPort}/`, 1, seconds));
    const added = (via: WrkFigures[], pick: (f: WrkFigures) => number) =>
      via.map((f, i) => ({ ...f, requestsPerSecond: pick(f) - pick(oneDirect[i] ?? f) }));
    const ratios = ours.map((f, i) => f.requestsPerSecond / (theirs[i]?.requestsPerSecond ?? Number.NaN));
    return [
      row('token endpoint latency p50, one client (wrk -c1, keep-alive)', single, (f) => f.p50, 'ms', 'goal < 2 ms'),
      row('token endpoint latency p99, one client', single, (f) => f.p99, 'ms'),
      row('token endpoint requests per second, 8 clients', loaded, (f) => f.requestsPerSecond, 'req/s'),
      row('upstream alone (nginx "ok"), 16 connections', direct, (f) => f.requestsPerSecond, 'req/s'),
      row('ctm proxy -> upstream, 16 connections', ours, (f) => f.requestsPerSecond, 'req/s'),
      row(
        'nginx proxy_set_header Authorization -> upstream, 16 connections',
        theirs,
        (f) => f.requestsPerSecond,
        'req/s',
      ),
      {
        ...row(
          'ctm proxy / nginx, interleaved pairs',
          ratios.map((r) => ({ requestsPerSecond: r * 100, p50: 0, p99: 0, failures: 0 })),
          (f) => f.requestsPerSecond,
          '%',
        ),
        note: 'goal >= 50 %',
      },
      {
        ...row(
          'load average (1 min) before each pair',
          loads.map((l) => ({ requestsPerSecond: l, p50: 0, p99: 0, failures: 0 })),
          (f) => f.requestsPerSecond,
          '',
        ),
        note: '2 cores',
      },
      row(
        'ctm proxy added latency p50, one client',
        added(oneOurs, (f) => f.p50),
        (f) => f.requestsPerSecond,
        'ms',
      ),
      row(
        'ctm proxy added latency p99, one client',
        added(oneOurs, (f) => f.p99),
        (f) => f.requestsPerSecond,
        'ms',
        'goal < 5 ms',
      ),
      row(
        'nginx added latency p50, one client',
        added(oneTheirs, (f) => f.p50),
        (f) => f.requestsPerSecond,
        'ms',
      ),
      row(
        'nginx added latency p99, one client',
        added(oneTheirs, (f) => f.p99),
        (f) => f.requestsPerSecond,
        'ms',
      ),
    ];
  } finally {
    await proxy.close();
    await stack.close();
    await nginx.close();
    await upstream.close();
    await endpoint.close();
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.table(await runEndpointBench({ quick: process.argv.includes('--quick') }));
