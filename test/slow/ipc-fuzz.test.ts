import { idOf } from '../support/profile-ids.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../main/core/keychain/keytar-secret-store.ts';
import { API_METHODS, type ApiErrorCode, type ApiResult } from '../../main/ipc/contract.ts';
import { createApi, createIpcHandlers } from '../../main/ipc/handlers.ts';
import { startAppFixture, type AppFixture } from '../support/app-fixture.ts';
import { RecordingClipboard } from '../support/recording-clipboard.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../support/seeds-inline.ts';
import { HAS_KEYRING } from '../support/system-components.ts';

/** A small seeded PRNG (mulberry32), so a failure can be replayed with the printed seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  '',
  ' ',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'access',
  'raw',
  'id',
  '\u0000',
  '\ud800',
  '<script>alert(1)</script>',
  'x'.repeat(70),
  'a'.repeat(100_001),
  '{"version":1,"profiles":[]}',
];
const NASTY_NUMBERS = [0, -0, -1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 0.5];

/** A random value that survives Electron's structured clone. */
function value(next: () => number, depth = 0): unknown {
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!;
  switch (Math.floor(next() * (depth > 2 ? 5 : 7))) {
    case 0:
      return pick(NASTY_STRINGS);
    case 1:
      return Array.from({ length: Math.floor(next() * 20) }, () =>
        String.fromCharCode(Math.floor(next() * 0xffff)),
      ).join('');
    case 2:
      return pick(NASTY_NUMBERS);
    case 3:
      return pick([true, false, null, undefined]);
    case 4:
      return BigInt(Math.floor(next() * 1000));
    case 5:
      return Array.from({ length: 1 + Math.floor(next() * 3) }, () => value(next, depth + 1));
    default: {
      // At least one key that no schema knows, so no object is accidentally valid.
      const object: Record<string, unknown> = { [`k${Math.floor(next() * 1e6)}`]: value(next, depth + 1) };
      for (let i = 0; i < Math.floor(next() * 3); i += 1)
        object[pick(['name', 'password', 'code', '__proto__', 'constructor', 'clipboardClearSeconds', 'endpoint'])] =
          value(next, depth + 1);
      return object;
    }
  }
}

const TYPED_CODES: ApiErrorCode[] = [
  'bad-input',
  'not-found',
  'sign-in-required',
  'network',
  'service',
  'keychain',
  'config',
  'sign-in-ended',
];

describe.skipIf(!HAS_KEYRING)(
  'IPC fuzz: random arguments to every contract method through the real handlers, real keyring and emulator',
  () => {
    let app: AppFixture;
    let snapshot: () => Promise<string>;

    beforeAll(async () => {
      app = await startAppFixture(skeletonSeed());
      await app.core.addProfile({
        name: 'dev-api',
        region: 'us-east-1',
        userPoolId: TEST_POOL,
        clientId: PUBLIC_CLIENT,
        username: 'alice',
        authFlow: 'USER_PASSWORD_AUTH',
        endpoint: app.emulator.endpoint,
      });
      await app.core.signIn(await idOf(app.core, 'dev-api'), { password: ALICE_PASSWORD });
      const keychain = new KeytarSecretStore();
      const file = (name: string) =>
        existsSync(join(app.configDir, name)) ? readFileSync(join(app.configDir, name), 'utf8') : '<none>';
      snapshot = async () =>
        JSON.stringify({
          profiles: file('profiles.json'),
          settings: file('settings.json'),
          keychain: [...(await keychain.all())].sort(),
        });
    });
    afterAll(async () => {
      await app?.close();
    });

    it('answers every random call with a typed error, and changes nothing', async () => {
      const seed = Number(process.env.CTM_FUZZ_SEED ?? Date.now() % 1e9);
      const next = random(seed);
      const handlers = createIpcHandlers(createApi(app.core, new RecordingClipboard()));
      const before = await snapshot();
      const requestsBefore = app.emulator.requests.length;
      let calls = 0;
      for (const method of API_METHODS) {
        for (let round = 0; round < 25; round += 1) {
          const args = Array.from({ length: 1 + Math.floor(next() * 4) }, () => value(next));
          const result = (await handlers[method](...structuredClone(args))) as ApiResult<unknown>;
          calls += 1;
          const context = `seed ${seed}, ${method}(${JSON.stringify(args, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 80 ? `${v.slice(0, 20)}...(${v.length})` : v))})`;
          expect(result.ok, context).toBe(false);
          if (result.ok) continue;
          expect(TYPED_CODES, context).toContain(result.error.code);
          expect(result.error.message, context).not.toMatch(/\n\s+at /);
        }
      }
      expect(calls).toBe(API_METHODS.length * 25);
      expect(await snapshot()).toBe(before);
      // Nothing reached Cognito either: every call was refused before doing anything.
      expect(app.emulator.requests.length).toBe(requestsBefore);
    });
  },
);
