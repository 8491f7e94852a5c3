import type { ProfileId } from '../../../main/core/profiles/profile-id.ts';
import { testProfileId } from '../../support/profile-ids.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from '../../../main/core/keychain/keytar-secret-store.ts';
import { MAX_ITEM_BYTES } from '../../../main/core/keychain/item-limit.ts';
import { Vault } from '../../../main/core/keychain/vault.ts';
import type { CrashPoint } from '../../../main/core/crash-point.ts';
import type { TokenSet } from '../../../main/core/tokens/token-set.ts';
import { awsSizedSession } from '../../support/aws-sized-tokens.ts';
import { workerKeyringSession, useKeyringSession, type KeyringSession } from '../../support/keyring-session.ts';
import { HAS_KEYRING } from '../../support/system-components.ts';
import { runVaultChild } from '../../support/vault-child-run.ts';

const SAVE_POINTS: CrashPoint[] = [
  'session-save-started',
  'refresh-item-written',
  'session-committed',
  'session-stored',
];
const ELEVEN_MINUTES = 11 * 60_000;

// A child process doing one vault write is killed with SIGKILL (CTM_TEST_CRASH_AT, main/core/crash-point.ts)
// at every step of it, against the real gnome-keyring of a private session. Afterwards a fresh vault must read exactly
// the previous or exactly the new session: never neither, never access tokens of one with the refresh token of the other.
describe.skipIf(!HAS_KEYRING)(
  'crash safety: a vault write killed at every step leaves the previous or the new session (real gnome-keyring)',
  () => {
    let keyring: KeyringSession;
    let store: KeytarSecretStore;
    beforeAll(async () => {
      keyring = await workerKeyringSession();
      useKeyringSession(keyring);
      store = new KeytarSecretStore();
    });
    afterAll(async () => keyring?.stop());

    let cases = 0;
    /** A config folder and a profile id of its own, with `before` stored (or nothing). */
    const arrange = async (before: TokenSet | undefined): Promise<{ dir: string; id: ProfileId }> => {
      const dir = mkdtempSync(join(tmpdir(), 'ctm-crash-'));
      const id = testProfileId(`profile-${++cases}`);
      if (before) await new Vault(store, dir).saveSession(id, before);
      return { dir, id };
    };
    /** After the crash: the stored session is one of `allowed` (undefined = not signed in); the vault then works on. */
    const assertOneOf = async (dir: string, id: ProfileId, allowed: (TokenSet | undefined)[]): Promise<void> => {
      const after = await new Vault(new KeytarSecretStore(), dir).session(id);
      // Which of the allowed sessions it is (-1: neither, or a mix); compared whole, printed by index (no token in the output).
      expect(allowed.findIndex((session) => isDeepStrictEqual(session, after))).toBeGreaterThanOrEqual(0);
      const next = awsSizedSession({ refreshLength: 3_000 });
      const vault = new Vault(new KeytarSecretStore(), dir);
      await vault.saveSession(id, next);
      await vault.sweepOrphans(Date.now() + ELEVEN_MINUTES);
      expect(isDeepStrictEqual(await new Vault(new KeytarSecretStore(), dir).session(id), next)).toBe(true);
      const items = [...(await store.all())]
        .filter(([account]) => account.startsWith(`refresh:${id}:`))
        .sort(([a], [b]) => a.localeCompare(b));
      expect(items.map(([, secret]) => secret).join('') === next.refreshToken).toBe(true); // the leftovers of the crash are gone
    };
    const killedAt = async (point: CrashPoint, dir: string, op: string, id: string, stdin = ''): Promise<boolean> => {
      const run = await runVaultChild(keyring.env, [dir, op, id], stdin, point);
      if (run.signal !== 'SIGKILL') expect(run.stdout).toBe('done\n');
      return run.signal === 'SIGKILL';
    };

    for (const point of SAVE_POINTS) {
      it(`sign-in (nothing stored before) killed at ${point}: not signed in, or the new session`, async () => {
        const { dir, id } = await arrange(undefined);
        const signedIn = awsSizedSession();
        expect(await killedAt(point, dir, 'save', id, JSON.stringify(signedIn))).toBe(true);
        await assertOneOf(dir, id, [undefined, signedIn]);
      });

      it(`refresh with rotation (an 8 KB refresh token, 4 items) killed at ${point}: the previous or the new session`, async () => {
        const before = awsSizedSession();
        const { dir, id } = await arrange(before);
        const rotated = awsSizedSession({ refreshLength: 8_192 });
        expect(await killedAt(point, dir, 'save', id, JSON.stringify(rotated))).toBe(true);
        await assertOneOf(dir, id, [before, rotated]);
      });

      it(`refresh without rotation killed at ${point}: the previous or the renewed session`, async () => {
        const before = awsSizedSession();
        const { dir, id } = await arrange(before);
        const renewed = { ...awsSizedSession(), refreshToken: before.refreshToken };
        // No refresh-token item is written when the token did not change: that point is never reached.
        expect(await killedAt(point, dir, 'save', id, JSON.stringify(renewed))).toBe(point !== 'refresh-item-written');
        await assertOneOf(dir, id, [before, renewed]);
      });
    }

    it('sign-out killed after its commit: signed out, and the refresh-token items go with the next write', async () => {
      const before = awsSizedSession({ refreshLength: 6_000 });
      const { dir, id } = await arrange(before);
      expect(await killedAt('forget-committed', dir, 'forget', id)).toBe(true);
      await assertOneOf(dir, id, [undefined]);
    });

    for (const point of ['refresh-item-written', 'cache-rebuilt'] as const) {
      it(`the move from the 0.1.0 layout killed at ${point}: the session is still there, whole; the old item goes by the next commit`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'ctm-crash-'));
        const id = testProfileId(`legacy-${++cases}`);
        const legacy = awsSizedSession();
        const keytar = (await import('keytar')).default;
        await keytar.setPassword(KEYCHAIN_SERVICE, `session:${id}`, JSON.stringify(legacy)); // 0.1.0's one-item layout
        expect(await killedAt(point, dir, 'read', id)).toBe(true);
        const vault = new Vault(new KeytarSecretStore(), dir);
        expect(isDeepStrictEqual(await vault.session(id), legacy)).toBe(true);
        await vault.saveSession(id, legacy); // the next commit of the profile empties what the killed one left in its trash
        expect((await keytar.getPassword(KEYCHAIN_SERVICE, `session:${id}`)) === null).toBe(true);
      });
    }

    it('every item left in the keyring fits Windows\u2019 limit', async () => {
      const sizes = [...(await store.all()).values()].map((secret) => Buffer.byteLength(secret, 'utf8'));
      expect(sizes.length).toBeGreaterThan(10);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_ITEM_BYTES);
    });
  },
);
