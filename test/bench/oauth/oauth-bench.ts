// Managed login and client credentials against the emulator over real HTTP: the whole managed-login round trip
// (loopback listener, hosted-UI pages driven with plain HTTP, code exchange, ID token checks and signature, keychain
// save), and ctm token's path for a CLIENT_CREDENTIALS profile, cached (no network) and fetched (token endpoint).
// The keychain is in memory here (the scale bench measures the real one). Run: npm run bench -- --only oauth
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Core } from '../../../main/core/core.ts';
import { startEmulator } from '../../support/emulator/index.ts';
import { signInThroughHostedUi } from '../../support/emulator/oauth/hosted-ui-driver.ts';
import { MemorySecretStore } from '../../support/fakes/memory-secret-store.ts';
import { oauthProfile, oauthSeed, PASSWORD, SECRET } from '../../integration/oauth/oauth-seed.ts';
import type { BenchResult } from '../bench-result.ts';
import { summarize } from '../stats.ts';

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The OAuth rows of the benchmark table. */
export async function runOAuthBench(options: { quick?: boolean } = {}): Promise<BenchResult[]> {
  const runs = options.quick ? 10 : 40;
  const emulator = await startEmulator({ seed: oauthSeed() });
  try {
    const core = new Core({
      configDir: mkdtempSync(join(tmpdir(), 'ctm-oauth-bench-')),
      secretStore: new MemorySecretStore(),
    });
    const sso = await core.addProfile(
      oauthProfile(emulator.endpoint, {
        name: 'sso',
        authFlow: 'MANAGED_LOGIN',
        clientId: 'browserclient1',
        scopes: ['openid', 'email'],
      }),
    );
    const machine = await core.addProfile(
      oauthProfile(emulator.endpoint, { name: 'machine', authFlow: 'CLIENT_CREDENTIALS', clientId: 'machineclient1' }),
      SECRET,
    );
    const browser = async (url: string): Promise<void> =>
      void signInThroughHostedUi(url, { username: 'alice', password: PASSWORD }).catch(() => undefined);
    await core.signIn(sso.id, {}, { open: browser }); // warm-up: JWKS fetched once, as in a long-running app
    const login = await timed(runs, () => core.signIn(sso.id, {}, { open: browser }));
    const refresh = await timed(runs, () => core.refreshNow(sso.id));
    await core.tokens(machine.id);
    const cached = await timed(runs * 10, () => core.tokens(machine.id));
    const fetched = await timed(runs, () => core.tokens(machine.id, { minTtlMs: 599_999 }));
    return [
      summarize(
        'managed login round trip (listener, 4 hosted-UI requests, code exchange, ID token checks)',
        login,
        'ms',
      ),
      summarize('managed login refresh (grant_type=refresh_token)', refresh, 'ms'),
      summarize('client credentials token, cached (no network)', cached, 'ms'),
      summarize('client credentials token, requested again (/oauth2/token)', fetched, 'ms'),
    ];
  } finally {
    await emulator.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.table(await runOAuthBench({ quick: process.argv.includes('--quick') }));
