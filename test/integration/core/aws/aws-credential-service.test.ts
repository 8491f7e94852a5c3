import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AwsCredentialService } from '../../../../main/core/aws/aws-credential-service.ts';
import { fetchTransport } from '../../../../main/core/cognito/transport.ts';
import { newCacheKey } from '../../../../main/core/keychain/session-cache-crypto.ts';
import { ProfileStore } from '../../../../main/core/profiles/profile-store.ts';
import type { TokenSet } from '../../../../main/core/tokens/token-set.ts';
import { startEmulator, type Emulator } from '../../../support/emulator/index.ts';
import { MemorySecretStore } from '../../../support/fakes/memory-secret-store.ts';
import { awsSeed, identityPoolId } from '../../../support/emulator/tests/aws-test-kit.ts';
import { authResult, passwordSignIn } from '../../../support/emulator/tests/emulator-test-kit.ts';

let emulator: Emulator;
let now: number;
let asked: number[];
let service: AwsCredentialService;
let profiles: ProfileStore;
let store: MemorySecretStore;

beforeEach(async () => {
  emulator = await startEmulator({ seed: awsSeed(), port: 0 });
  now = emulator.now();
  asked = [];
  const dir = mkdtempSync(join(tmpdir(), 'ctm-aws-'));
  profiles = new ProfileStore(dir);
  store = new MemorySecretStore();
  await store.set('cache-key', newCacheKey());
  // The user pool's tokens as SessionService hands them out: a fresh sign-in each time (so a fresh ID token).
  const tokens = async (_id: string, options: { minTtlMs: number }): Promise<TokenSet> => {
    asked.push(options.minTtlMs);
    const result = authResult(await passwordSignIn(emulator, 'bob'));
    return {
      accessToken: String(result.AccessToken),
      idToken: String(result.IdToken),
      tokenType: 'Bearer',
      expiresAt: now + 3_600_000,
      issuedAt: now,
    };
  };
  service = new AwsCredentialService({
    profiles,
    tokens,
    secretStore: store,
    configDir: dir,
    transport: fetchTransport,
    clock: { now: () => now },
  });
});
afterEach(() => emulator.close());

const addProfile = (extra: Record<string, unknown> = {}) =>
  profiles.add({
    name: 'dev',
    region: 'us-east-1',
    userPoolId: 'us-east-1_Example1',
    clientId: 'publicclient1',
    endpoint: emulator.endpoint,
    identityPoolId,
    ...extra,
  });
const operations = (): string[] =>
  emulator.requests.map((r) => r.operation).filter((op) => op === 'GetId' || op === 'GetCredentialsForIdentity');

describe('AwsCredentialService', () => {
  it('runs GetId once, then serves the cached credentials until 5 minutes before they expire, renewing with a fresh ID token', async () => {
    const profile = await addProfile();
    const first = await service.credentials(profile.id);
    expect(await service.credentials(profile.id)).toEqual(first);
    now = first.expiresAt - 5 * 60_000 + 1;
    const renewed = await service.credentials(profile.id);
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    expect(renewed.identityId).toBe(first.identityId);
    expect(operations()).toEqual(['GetId', 'GetCredentialsForIdentity', 'GetCredentialsForIdentity']);
    expect(asked.every((ttl) => ttl >= 60_000)).toBe(true);
  });

  it('shares one renewal between concurrent callers', async () => {
    const profile = await addProfile();
    const [a, b, c] = await Promise.all([
      service.credentials(profile.id),
      service.credentials(profile.id),
      service.credentials(profile.id),
    ]);
    expect(new Set([a.accessKeyId, b.accessKeyId, c.accessKeyId]).size).toBe(1);
    expect(operations()).toEqual(['GetId', 'GetCredentialsForIdentity']);
  });

  it("asks for a new identity id when the remembered one is no longer the user's (another pool's or deleted)", async () => {
    const profile = await addProfile();
    await service.credentials(profile.id);
    await profiles.update(profile.id, { identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555' });
    const other = await service.credentials(profile.id);
    expect(other.identityId).toMatch(/^us-east-1:/);
    expect(operations()).toEqual(['GetId', 'GetCredentialsForIdentity', 'GetId', 'GetCredentialsForIdentity']);
  });

  it('passes --role-arn as CustomRoleArn and caches per role', async () => {
    const profile = await addProfile({
      identityPoolId: 'us-east-1:11111111-2222-4333-8444-555555555555',
      roleArn: 'arn:aws:iam::123456789012:role/ExampleAdmins',
    });
    await expect(service.credentials(profile.id)).rejects.toMatchObject({
      kind: 'service',
      message: expect.stringContaining('InvalidParameterException'),
    });
    const sent = emulator.requests.find((r) => r.operation === 'GetCredentialsForIdentity');
    expect(sent?.body.CustomRoleArn).toBe('arn:aws:iam::123456789012:role/ExampleAdmins');
  });

  it('refuses a profile without an identity pool, saying how to add one, and calls nothing', async () => {
    const profile = await profiles.add({
      name: 'plain',
      region: 'us-east-1',
      userPoolId: 'us-east-1_Example1',
      clientId: 'publicclient1',
      endpoint: emulator.endpoint,
    });
    await expect(service.credentials(profile.id)).rejects.toMatchObject({
      kind: 'bad-input',
      message: expect.stringContaining('--identity-pool-id'),
    });
    expect(operations()).toEqual([]);
  });
});
