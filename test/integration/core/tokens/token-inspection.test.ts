import { idOf } from '../../../support/profile-ids.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../../../main/core/core.ts';
import type { Profile } from '../../../../main/core/profiles/profile.ts';
import { inspectToken, poolKeys } from '../../../../main/core/tokens/token-inspection.ts';
import type { TokenSet } from '../../../../main/core/tokens/token-set.ts';
import { startEmulator, type Emulator } from '../../../support/emulator/index.ts';
import { MemorySecretStore } from '../../../support/fakes/memory-secret-store.ts';
import { ALICE_PASSWORD, PUBLIC_CLIENT, skeletonSeed, TEST_POOL } from '../../../support/seeds-inline.ts';

describe('token inspection against the emulator\u2019s JWKS over real HTTP (in-memory keychain)', () => {
  let emulator: Emulator;
  let profile: Profile;
  let tokens: TokenSet;

  beforeAll(async () => {
    emulator = await startEmulator({
      seed: {
        ...skeletonSeed(),
        pools: skeletonSeed().pools.map((p) => ({
          ...p,
          users: p.users.map((u) => ({ ...u, groups: ['admins', 'dev'] })),
        })),
      },
    });
    const core = new Core({
      configDir: mkdtempSync(join(tmpdir(), 'ctm-inspect-')),
      secretStore: new MemorySecretStore(),
    });
    profile = await core.addProfile({
      name: 'dev',
      region: 'us-east-1',
      userPoolId: TEST_POOL,
      clientId: PUBLIC_CLIENT,
      username: 'alice',
      authFlow: 'USER_PASSWORD_AUTH',
      endpoint: emulator.endpoint,
    });
    await core.signIn(await idOf(core, 'dev'), { password: ALICE_PASSWORD });
    tokens = await core.tokens(await idOf(core, 'dev'));
  });
  afterAll(async () => {
    await emulator?.close();
  });

  it('takes the issuer from region and pool, and the key URL from the profile\u2019s endpoint (or Cognito\u2019s, without one)', () => {
    expect(poolKeys(profile)).toEqual({
      issuer: `https://cognito-idp.us-east-1.amazonaws.com/${TEST_POOL}`,
      jwksUrl: `${emulator.endpoint}${TEST_POOL}/.well-known/jwks.json`,
    });
    expect(poolKeys({ region: 'cn-north-1', userPoolId: 'cn-north-1_Abc' }).jwksUrl).toBe(
      'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Abc/.well-known/jwks.json',
    );
    expect(poolKeys({ region: 'eu-west-1', userPoolId: 'eu-west-1_Abc' }).jwksUrl).toBe(
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc/.well-known/jwks.json',
    );
  });

  it('decodes the access token and verifies its signature and issuer', async () => {
    const view = await inspectToken(tokens.accessToken, 'access', profile);
    expect(view.signature).toEqual({ verified: true, detail: expect.stringContaining('Signed by a key of') as string });
    expect(view.header).toMatchObject({ alg: 'RS256', kid: expect.any(String) as string });
    expect(view.claims).toMatchObject({ token_use: 'access', username: 'alice' });
    expect(view.scopes).toContain('aws.cognito.signin.user.admin');
    expect(view.groups).toEqual(['admins', 'dev']);
    expect(view.expiresAt! - view.issuedAt!).toBe(3_600_000);
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, payload, signature] = tokens.idToken!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = [
      header,
      Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['root'] })).toString('base64url'),
      signature,
    ].join('.');
    const view = await inspectToken(forged, 'id', profile);
    expect(view.signature.verified).toBe(false);
    expect(view.signature.detail).toMatch(/the signature is wrong/);
    expect(view.groups).toEqual(['root']);
  });

  it('verifies a token of a pool whose IssuerConfiguration is UPDATED (issuer-cognito-idp), and takes its keys from that issuer without an endpoint', async () => {
    const updated = await startEmulator({
      seed: { ...skeletonSeed(), pools: skeletonSeed().pools.map((p) => ({ ...p, issuerType: 'UPDATED' as const })) },
    });
    try {
      const core = new Core({
        configDir: mkdtempSync(join(tmpdir(), 'ctm-inspect-')),
        secretStore: new MemorySecretStore(),
      });
      const pooled = await core.addProfile({
        name: 'upd',
        region: 'us-east-1',
        userPoolId: TEST_POOL,
        clientId: PUBLIC_CLIENT,
        username: 'alice',
        authFlow: 'USER_PASSWORD_AUTH',
        endpoint: updated.endpoint,
      });
      await core.signIn(await idOf(core, 'upd'), { password: ALICE_PASSWORD });
      const view = await inspectToken((await core.tokens(await idOf(core, 'upd'))).accessToken, 'access', pooled);
      expect(view.claims.iss).toBe(`https://issuer-cognito-idp.us-east-1.amazonaws.com/${TEST_POOL}`);
      expect(view.signature).toEqual({
        verified: true,
        detail: expect.stringContaining(
          `issuer https://issuer-cognito-idp.us-east-1.amazonaws.com/${TEST_POOL}`,
        ) as string,
      });
      expect(view.issuer).toBe(`https://issuer-cognito-idp.us-east-1.amazonaws.com/${TEST_POOL}`);
    } finally {
      await updated.close();
    }
    const updatedIssuer = 'https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc';
    expect(poolKeys({ region: 'eu-west-1', userPoolId: 'eu-west-1_Abc' }, updatedIssuer)).toEqual({
      issuer: updatedIssuer,
      jwksUrl: `${updatedIssuer}/.well-known/jwks.json`,
    });
    // Any other issuer named by a token is not where keys are fetched from.
    expect(
      poolKeys({ region: 'eu-west-1', userPoolId: 'eu-west-1_Abc' }, 'https://evil.example/eu-west-1_Abc').jwksUrl,
    ).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc/.well-known/jwks.json');
  });

  it('does not verify a token against another pool', async () => {
    const view = await inspectToken(tokens.accessToken, 'access', { ...profile, userPoolId: 'us-east-1_Other1' });
    expect(view.signature.verified).toBe(false);
  });

  it('says so when the stored token is not a JWT', async () => {
    await expect(inspectToken('not-a-jwt', 'access', profile)).rejects.toThrow(/not a readable JWT/);
  });
});
