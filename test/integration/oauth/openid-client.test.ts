import * as oidc from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../support/emulator/index.ts';
import { signInThroughHostedUi } from '../../support/emulator/oauth/hosted-ui-driver.ts';
import { oauthSeed, PASSWORD, POOL, SECRET } from './oauth-seed.ts';

// A client nobody here wrote (panva's openid-client, certified by the OpenID Foundation) checks the emulator's
// OAuth side: discovery, code + PKCE with state and nonce, refresh, userInfo, revocation, client credentials.
describe('openid-client against the emulator (discovery, code + PKCE, client credentials)', () => {
  let emulator: Emulator;
  // The pool's issuer is AWS's (https://cognito-idp.us-east-1.amazonaws.com/<pool>), as in its tokens; requests to it
  // go to the emulator instead, which also speaks plain http on 127.0.0.1 for the domain's endpoints.
  const toEmulator: oidc.CustomFetch = (url, options) => {
    const target = new URL(url);
    if (target.hostname.endsWith('.amazonaws.com')) {
      target.protocol = 'http:';
      target.host = new URL(emulator.endpoint).host;
    }
    return fetch(target, options as RequestInit);
  };
  const insecure = { execute: [oidc.allowInsecureRequests], [oidc.customFetch]: toEmulator };
  const redirectUri = 'http://127.0.0.1:53682/callback'; // only the hosted UI's redirect is needed, not a listener
  beforeAll(async () => {
    emulator = await startEmulator({ seed: oauthSeed() });
  });
  afterAll(async () => emulator?.close());
  const issuer = () => new URL(`https://cognito-idp.us-east-1.amazonaws.com/${POOL}`);

  it('discovers the pool and signs alice in with code + PKCE, then refreshes, reads userInfo and revokes', async () => {
    const config = await oidc.discovery(issuer(), 'browserclient1', undefined, oidc.None(), insecure);
    expect(config.serverMetadata().issuer).toBe(issuer().href);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const { callbackUrl } = await signInThroughHostedUi(url.href, { username: 'alice', password: PASSWORD }, false);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    const claims = tokens.claims();
    expect(claims?.aud).toBe('browserclient1');
    expect(tokens.refresh_token).toBeTruthy();
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims?.sub ?? '');
    expect(info.email).toBe('alice@example.com');
    const renewed = await oidc.refreshTokenGrant(config, tokens.refresh_token ?? '');
    expect(renewed.access_token).not.toBe(tokens.access_token);
    await oidc.tokenRevocation(config, tokens.refresh_token ?? '');
    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token ?? '')).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('a confidential client with client_secret_basic', async () => {
    const config = await oidc.discovery(issuer(), 'webclient1', undefined, oidc.ClientSecretBasic(SECRET), insecure);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      state,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const { callbackUrl } = await signInThroughHostedUi(url.href, { username: 'alice', password: PASSWORD }, false);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    expect(tokens.id_token).toBeTruthy();
  });

  it('client credentials with a resource server scope, and invalid_scope for one the client may not have', async () => {
    const config = await oidc.discovery(issuer(), 'machineclient1', SECRET, undefined, insecure);
    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'orders-api/read' });
    expect(tokens.refresh_token).toBeUndefined();
    expect(tokens.expires_in).toBe(600);
    expect(JSON.parse(Buffer.from(tokens.access_token.split('.')[1] ?? '', 'base64url').toString()).scope).toBe(
      'orders-api/read',
    );
    await expect(oidc.clientCredentialsGrant(config, { scope: 'orders-api/delete' })).rejects.toMatchObject({
      error: 'invalid_scope',
    });
  });

  it('a pool whose IssuerConfiguration is UPDATED: discovery and the ID token name issuer-cognito-idp, and openid-client agrees', async () => {
    const seed = oauthSeed();
    const updated = await startEmulator({
      seed: { ...seed, pools: seed.pools.map((pool) => ({ ...pool, issuerType: 'UPDATED' as const })) },
    });
    try {
      const toUpdated: oidc.CustomFetch = (url, options) => {
        const target = new URL(url);
        if (target.hostname.endsWith('.amazonaws.com'))
          Object.assign(target, { protocol: 'http:', host: new URL(updated.endpoint).host });
        return fetch(target, options as RequestInit);
      };
      const updatedIssuer = new URL(`https://issuer-cognito-idp.us-east-1.amazonaws.com/${POOL}`);
      const config = await oidc.discovery(updatedIssuer, 'browserclient1', undefined, oidc.None(), {
        execute: [oidc.allowInsecureRequests],
        [oidc.customFetch]: toUpdated,
      });
      expect(config.serverMetadata().issuer).toBe(updatedIssuer.href);
      const verifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid',
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      const { callbackUrl } = await signInThroughHostedUi(url.href, { username: 'alice', password: PASSWORD }, false);
      // openid-client checks the ID token's iss against the discovered issuer.
      const tokens = await oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
        pkceCodeVerifier: verifier,
        expectedState: state,
      });
      expect(tokens.claims()?.iss).toBe(updatedIssuer.href);
    } finally {
      await updated.close();
    }
  });
});
