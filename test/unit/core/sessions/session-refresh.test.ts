import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CognitoTransport } from '../../../../main/core/cognito/transport.ts';
import { Core } from '../../../../main/core/core.ts';
import { KeychainError } from '../../../../main/core/errors.ts';
import type { SecretStore } from '../../../../main/core/keychain/secret-store.ts';
import { Vault } from '../../../../main/core/keychain/vault.ts';
import { secretOrigin } from '../../../../main/core/profiles/secret-origin.ts';
import type { TokenSet } from '../../../../main/core/tokens/token-set.ts';
import { MemorySecretStore } from '../../../support/fakes/memory-secret-store.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

const fields = {
  name: 'dev',
  region: 'us-east-1',
  userPoolId: 'us-east-1_Abc',
  clientId: 'client1',
  endpoint: 'http://127.0.0.1:9/',
};
const NOW = Date.UTC(2026, 10, 26, 12);
// A well-formed JWT: the session files keep only those (another process reading this one's file drops anything else).
const OLD_ACCESS = unsignedJwt({ sub: 'u', token: 'old' });
const session = (refreshToken: string, expiresAt = NOW - 1): TokenSet => ({
  accessToken: OLD_ACCESS,
  refreshToken,
  tokenType: 'Bearer',
  issuedAt: expiresAt - 3_600_000,
  expiresAt,
  // Stored as this release stores it: bound to the profile's origin (older ones: test/integration/security/legacy-origin.test.ts).
  origin: secretOrigin(fields),
});

/**
 * SessionService's refresh path with a FAKE transport (answers scripted per refresh token), a fake clock and an
 * in-memory keychain: races and failures that the emulator and the real keyring cannot stage on cue.
 */
function setup(store: SecretStore = new MemorySecretStore()) {
  const answers = new Map<string, () => Promise<{ status: number; body: string }>>();
  const sent: string[] = [];
  const transport: CognitoTransport = {
    async post(_url, _headers, body) {
      const token = (JSON.parse(body) as { RefreshToken: string }).RefreshToken;
      sent.push(token);
      const answer = answers.get(token);
      if (!answer) throw new Error('no scripted answer');
      return answer();
    },
  };
  const configDir = mkdtempSync(join(tmpdir(), 'ctm-refresh-'));
  const core = new Core({
    configDir,
    secretStore: store,
    transport,
    clock: { now: () => NOW },
  });
  const ok = async () => ({
    status: 200,
    body: JSON.stringify({
      AuthenticationResult: {
        AccessToken: unsignedJwt({ exp: NOW / 1000 + 3600, sub: 'u' }),
        ExpiresIn: 3600,
        TokenType: 'Bearer',
      },
    }),
  });
  const refused = async () => ({
    status: 400,
    body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' }),
  });
  // The keychain as another process reads it: what the core stored, checked from outside it.
  const vault = new Vault(store, configDir);
  return { core, vault, answers, sent, ok, refused, store };
}

describe('SessionService refresh (fake transport, fake clock, in-memory keychain)', () => {
  it('does not drop a session when another process stored a new refresh token during a refused refresh: it retries with that one', async () => {
    const { core, vault, answers, sent, ok, refused } = setup();
    const profile = await core.addProfile(fields);
    await vault.saveSession(profile.id, session('old'));
    answers.set('old', async () => {
      await vault.saveSession(profile.id, session('new')); // `ctm login` in another terminal, meanwhile
      return refused();
    });
    answers.set('new', ok);
    const renewed = await core.refreshNow(profile.id);
    expect(sent).toEqual(['old', 'new']);
    expect(renewed.refreshToken).toBe('new');
    expect((await vault.session(profile.id))?.refreshToken).toBe('new');
  });

  it('treats RefreshTokenReuseException (rotated, grace period over) as a definite refusal: sign-in required, token removed', async () => {
    const { core, vault, answers } = setup();
    const profile = await core.addProfile(fields);
    await vault.saveSession(profile.id, session('old'));
    answers.set('old', async () => ({
      status: 400,
      body: JSON.stringify({
        __type: 'RefreshTokenReuseException',
        message: 'Refresh token has been rotated and can no longer be used',
      }),
    }));
    await expect(core.refreshNow(profile.id)).rejects.toThrow(/needs a sign-in: .*rotated.*ctm login dev/);
    expect(await vault.session(profile.id)).toBeUndefined();
  });

  it('keeps the session on a transient failure', async () => {
    const { core, vault, answers } = setup();
    const profile = await core.addProfile(fields);
    await vault.saveSession(profile.id, session('old'));
    answers.set('old', async () => ({
      status: 400,
      body: JSON.stringify({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }),
    }));
    await expect(core.refreshNow(profile.id)).rejects.toThrow(/TooManyRequests/);
    expect((await vault.session(profile.id))?.refreshToken).toBe('old');
  });

  it('keeps renewed tokens in memory when the keychain refuses to save them, and saves them on the next try without a network call', async () => {
    const memory = new MemorySecretStore();
    let failWrites = false;
    const flaky: SecretStore = {
      get: (a) => memory.get(a),
      set: async (a, s) => {
        if (failWrites) throw new KeychainError('The OS keychain did not answer a write within 10 s.');
        return memory.set(a, s);
      },
      delete: (a) => memory.delete(a),
      all: () => memory.all(),
    };
    const { core, vault, answers, sent, ok } = setup(flaky);
    const profile = await core.addProfile(fields);
    await vault.saveSession(profile.id, session('old'));
    // A rotated refresh token: the one answer whose saving needs a keychain write.
    answers.set('old', async () => {
      const answer = JSON.parse((await ok()).body) as { AuthenticationResult: Record<string, unknown> };
      return {
        status: 200,
        body: JSON.stringify({ AuthenticationResult: { ...answer.AuthenticationResult, RefreshToken: 'rotated' } }),
      };
    });
    failWrites = true;
    await expect(core.refreshNow(profile.id)).rejects.toThrow(/did not answer a write/);
    expect((await core.tokens(profile.id)).accessToken).not.toBe(OLD_ACCESS);
    failWrites = false;
    await core.refreshNow(profile.id);
    expect(sent).toEqual(['old']);
    const stored = await vault.session(profile.id);
    expect(stored?.accessToken).not.toBe(OLD_ACCESS);
    expect(stored?.refreshToken).toBe('rotated');
  });

  it('shares one refresh among many concurrent token requests: one network call', async () => {
    const { core, vault, answers, sent, ok } = setup();
    const profile = await core.addProfile(fields);
    await vault.saveSession(profile.id, session('old'));
    answers.set('old', ok);
    await Promise.all(Array.from({ length: 25 }, () => core.tokens(profile.id)));
    expect(sent).toEqual(['old']);
  });
});
