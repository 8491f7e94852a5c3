import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CognitoTransport } from '../../../../main/core/cognito/transport.ts';
import { Core } from '../../../../main/core/core.ts';
import { Vault } from '../../../../main/core/keychain/vault.ts';
import { secretOrigin, sessionOrigin } from '../../../../main/core/profiles/secret-origin.ts';
import type { TokenSet } from '../../../../main/core/tokens/token-set.ts';
import { MemorySecretStore } from '../../../support/fakes/memory-secret-store.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

const NOW = Date.UTC(2026, 11, 7, 12);
const POOL = 'us-east-1_Legacy1';
const AWS_ISS = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const fields = { name: 'dev', region: 'us-east-1', userPoolId: POOL, clientId: 'client1' };

/** A session as releases before origin binding stored it: Cognito's tokens and no `origin` (TokenSet at 8d2fa73). */
const legacySession = (expiresAt = NOW - 1): TokenSet => ({
  accessToken: unsignedJwt({ iss: AWS_ISS, client_id: 'client1', token_use: 'access', sub: 'u', username: 'alice' }),
  idToken: unsignedJwt({ iss: AWS_ISS, aud: 'client1', token_use: 'id', sub: 'u', 'cognito:username': 'alice' }),
  refreshToken: 'legacy-refresh-token',
  tokenType: 'Bearer',
  issuedAt: expiresAt - 3_600_000,
  expiresAt,
  userId: 'alice',
});

/**
 * A profile on AWS's own endpoint, which no test here can reach: a FAKE transport records where each request would go
 * and answers like Cognito; the keychain is in memory (the real keyring: test/integration/security/legacy-origin.test.ts).
 */
function setup() {
  const sent: { url: string; body: string; headers: Record<string, string> }[] = [];
  let beforeAnswer = async (): Promise<void> => undefined;
  const transport: CognitoTransport = {
    async post(url, headers, body) {
      sent.push({ url, body, headers });
      await beforeAnswer();
      const access = unsignedJwt({ iss: AWS_ISS, client_id: 'client1', token_use: 'access', exp: NOW / 1000 + 3600 });
      // Both shapes: the user-pool API's (JSON) and the OAuth token endpoint's (RFC 6749 §5.1).
      const answer = { AuthenticationResult: { AccessToken: access, ExpiresIn: 3600 } };
      return {
        status: 200,
        body: JSON.stringify({ ...answer, access_token: access, expires_in: 3600, token_type: 'Bearer' }),
      };
    },
  };
  const store = new MemorySecretStore();
  const configDir = mkdtempSync(join(tmpdir(), 'ctm-legacy-'));
  const core = new Core({ configDir, secretStore: store, transport, clock: { now: () => NOW } });
  // The keychain as another process reads it.
  const vault = new Vault(store, configDir);
  const sawSecret = (secret: string) =>
    sent.some((r) => r.body.includes(secret) || JSON.stringify(r.headers).includes(secret));
  const onSend = (hook: () => Promise<void>) => void (beforeAnswer = hook);
  return { core, vault, sent, sawSecret, onSend };
}

describe('a session stored before origin binding (fake transport, in-memory keychain)', () => {
  it("on AWS's endpoint, whose tokens vouch for it, is bound before its refresh token is sent there", async () => {
    const { core, vault, sent, onSend } = setup();
    const profile = await core.addProfile(fields);
    await vault.saveSession(profile.id, legacySession());
    const originWhenSent: (string | undefined)[] = [];
    onSend(async () => void originWhenSent.push((await vault.session(profile.id))?.origin));
    await core.refreshNow(profile.id);
    expect(sent.map((r) => r.url)).toEqual(['https://cognito-idp.us-east-1.amazonaws.com/']);
    expect(originWhenSent).toEqual([secretOrigin(profile)]);
  });

  it('is bound on first use even when nothing needs renewing: the still-valid token is handed out, the origin saved once', async () => {
    const { core, vault, sent } = setup();
    const profile = await core.addProfile(fields);
    await vault.saveSession(profile.id, legacySession(NOW + 3_600_000));
    expect((await core.tokens(profile.id)).accessToken).toBe(legacySession().accessToken);
    expect(sent).toEqual([]);
    const stored = await vault.session(profile.id);
    expect(stored?.origin).toBe(secretOrigin(profile));
    expect(stored?.refreshToken).toBe('legacy-refresh-token');
  });

  it('with its endpoint edited (before or after the upgrade), sends nothing there, says why and what to do, and keeps it', async () => {
    const { core, vault, sent } = setup();
    const profile = await core.addProfile({ ...fields, endpoint: 'https://cognito.attacker.example' });
    await vault.saveSession(profile.id, legacySession());
    const refusal = core.refreshNow(profile.id);
    await expect(refusal).rejects.toThrow(
      `Profile "dev" needs a sign-in: its session is kept but not used: it was stored by an older release, before secrets were bound to their server, and nothing shows that https://cognito.attacker.example, pool ${POOL}, client client1 is where it was issued (its tokens were issued by ${AWS_ISS}, not https://cognito.attacker.example/${POOL}), so it is not sent there; if that is the server you expect, sign in again. Run: ctm login dev`,
    );
    await expect(core.tokens(profile.id)).rejects.toThrow(/is kept but not used/);
    expect(sent).toEqual([]);
    // Lost nothing: still stored, still unbound (restoring the profile's endpoint would find it again).
    const stored = await vault.session(profile.id);
    expect(stored?.refreshToken).toBe('legacy-refresh-token');
    expect(stored?.origin).toBeUndefined();
    expect((await core.statuses()).find((s) => s.profile.id === profile.id)?.state).toBe('needs-sign-in');
  });

  it('with its endpoint edited, sign-out revokes nothing there (no refresh or access token sent) and says so', async () => {
    const { core, vault, sent } = setup();
    const profile = await core.addProfile({ ...fields, endpoint: 'https://cognito.attacker.example' });
    await vault.saveSession(profile.id, legacySession(NOW + 3_600_000));
    const out = await core.signOut(profile.id, { global: true });
    expect(out.warning).toMatch(/^.*the refresh token was not revoked, because it was stored by an older release/);
    expect(sent).toEqual([]);
  });

  it('a client secret stored before origin binding is sent (and bound) only once the profile\u2019s session vouches for its server', async () => {
    const { core, vault, sent, sawSecret } = setup();
    const profile = await core.addProfile({ ...fields, hasClientSecret: true });
    await vault.clientSecrets.save(profile.id, 'legacy-client-secret'); // an older release's bare item
    // No session to vouch for the server: not sent, not deleted, and the person is told how to set it again.
    await expect(core.signIn(profile.id, { username: 'alice', password: 'pw' })).rejects.toThrow(
      `Profile "dev" needs its client secret again: it was stored by an older release, before secrets were bound to their server, and nothing shows that https://cognito-idp.us-east-1.amazonaws.com, pool ${POOL}, client client1 is where it was issued (the profile has no session to vouch for it), so it is not sent there. Set it again: ctm profile edit dev --client-secret-stdin`,
    );
    expect(sent).toEqual([]);
    expect(await vault.clientSecrets.bound(profile.id)).toEqual({ secret: 'legacy-client-secret' });
    // A legacy session whose tokens vouch for AWS's endpoint: the renewal carries the secret there, and both are bound.
    await vault.saveSession(profile.id, legacySession());
    await core.refreshNow(profile.id);
    expect(sent.map((r) => r.url)).toEqual(['https://cognito-idp.us-east-1.amazonaws.com/']);
    expect(sawSecret('legacy-client-secret')).toBe(true);
    expect(await vault.clientSecrets.bound(profile.id)).toEqual({
      secret: 'legacy-client-secret',
      origin: secretOrigin(profile),
    });
  });

  it('of managed login on a Cognito prefix domain of its region: renewed there and bound; on a custom domain: sent nowhere', async () => {
    const { core, vault, sent } = setup();
    const prefix = await core.addProfile({
      ...fields,
      name: 'sso',
      authFlow: 'MANAGED_LOGIN',
      domain: 'https://my-app.auth.us-east-1.amazoncognito.com',
    });
    await vault.saveSession(prefix.id, legacySession());
    await core.refreshNow(prefix.id);
    expect(sent.map((r) => r.url)).toEqual(['https://my-app.auth.us-east-1.amazoncognito.com/oauth2/token']);
    expect((await vault.session(prefix.id))?.origin).toBe(secretOrigin(prefix));
    const custom = await core.addProfile({
      ...fields,
      name: 'sso-custom',
      authFlow: 'MANAGED_LOGIN',
      domain: 'https://auth.example.com',
    });
    await vault.saveSession(custom.id, legacySession());
    await expect(core.refreshNow(custom.id)).rejects.toThrow(
      '(no token can show that the domain auth.example.com belongs to the pool',
    );
    expect(sent).toHaveLength(1);
  });

  it('of client credentials on a prefix domain: its client secret, vouched for by the session, goes there (Basic) and is bound', async () => {
    const { core, vault, sent } = setup();
    const machine = await core.addProfile({
      ...fields,
      name: 'machine',
      authFlow: 'CLIENT_CREDENTIALS',
      domain: 'https://my-app.auth.us-east-1.amazoncognito.com',
      hasClientSecret: true,
    });
    await vault.clientSecrets.save(machine.id, 'legacy-client-secret');
    // Client credentials keep no refresh token or ID token: the access token alone vouches.
    const { idToken: _id, refreshToken: _refresh, ...accessOnly } = legacySession();
    await vault.saveSession(machine.id, accessOnly);
    await core.refreshNow(machine.id);
    expect(sent.map((r) => r.url)).toEqual(['https://my-app.auth.us-east-1.amazoncognito.com/oauth2/token']);
    expect(sent[0]?.headers.Authorization).toBe(
      `Basic ${Buffer.from('client1:legacy-client-secret').toString('base64')}`,
    );
    expect((await vault.clientSecrets.bound(machine.id))?.origin).toBe(secretOrigin(machine));
  });

  it("bound before identity endpoints counted, with AWS's cognito-identity set as its own: bound to it without a sign-in", async () => {
    const { core, vault, sent } = setup();
    const profile = await core.addProfile({
      ...fields,
      identityPoolId: 'us-east-1:0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9',
      identityEndpoint: 'https://cognito-identity.us-east-1.amazonaws.com',
    });
    await vault.saveSession(profile.id, { ...legacySession(NOW + 3_600_000), origin: secretOrigin(profile) });
    await core.tokens(profile.id);
    expect(sent).toEqual([]);
    expect((await vault.session(profile.id))?.origin).toBe(sessionOrigin(profile));
    expect(sessionOrigin(profile)).not.toBe(secretOrigin(profile));
  });
});
