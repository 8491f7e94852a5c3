import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPkce } from '../../../main/core/oauth/pkce.ts';
import { startEmulator, type Emulator } from '../../support/emulator/index.ts';
import { signInThroughHostedUi } from '../../support/emulator/oauth/hosted-ui-driver.ts';
import { oauthSeed, PASSWORD, SECRET } from './oauth-seed.ts';

const REDIRECT = 'http://127.0.0.1:40000/callback';

// The emulator refuses what Cognito refuses, with the OAuth error Cognito answers (see oauth/*.ts for the sources).
describe('the emulator OAuth endpoints are as strict as Cognito (real HTTP)', () => {
  let emulator: Emulator;
  const base = () => emulator.endpoint.replace(/\/$/, '');
  const authorize = (fields: Record<string, string>) =>
    `${base()}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'browserclient1', redirect_uri: REDIRECT, state: 'st', ...fields })}`;
  const token = async (fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base()}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const basic = (id: string, secret: string) => ({
    authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
  });
  const newCode = async (challenge?: string) => {
    const { callbackUrl } = await signInThroughHostedUi(
      authorize(
        challenge ? { code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid' } : { scope: 'openid' },
      ),
      { username: 'alice', password: PASSWORD },
      false,
    );
    return new URL(callbackUrl).searchParams.get('code') ?? '';
  };
  beforeAll(async () => {
    emulator = await startEmulator({ seed: oauthSeed() });
  });
  afterAll(async () => emulator?.close());

  it('redeems a code with the right verifier once; a second use is invalid_grant', async () => {
    const pkce = createPkce();
    const code = await newCode(pkce.challenge);
    const grant = {
      grant_type: 'authorization_code',
      client_id: 'browserclient1',
      code,
      redirect_uri: REDIRECT,
      code_verifier: pkce.verifier,
    };
    const first = await token(grant);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(await token(grant)).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it.each([
    ['a wrong verifier', { code_verifier: createPkce().verifier }],
    ['no verifier', { code_verifier: '' }],
    ['another redirect_uri', { redirect_uri: 'http://127.0.0.1:40001/callback' }],
  ])('refuses %s with invalid_grant', async (_what, change) => {
    const pkce = createPkce();
    const code = await newCode(pkce.challenge);
    expect(
      await token({
        grant_type: 'authorization_code',
        client_id: 'browserclient1',
        code,
        redirect_uri: REDIRECT,
        code_verifier: pkce.verifier,
        ...change,
      }),
    ).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a code older than five minutes', async () => {
    const code = await newCode();
    emulator.advanceClock(5 * 60_000 + 1_000);
    expect(
      (await token({ grant_type: 'authorization_code', client_id: 'browserclient1', code, redirect_uri: REDIRECT }))
        .body,
    ).toEqual({ error: 'invalid_grant' });
  });

  it('refuses a wrong or missing client secret with invalid_client', async () => {
    const code = await newCode();
    const grant = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
    expect((await token(grant, basic('webclient1', 'wrong'))).body).toEqual({ error: 'invalid_client' });
    expect((await token({ ...grant, client_id: 'webclient1' })).body).toEqual({ error: 'invalid_client' });
    expect((await token({ grant_type: 'client_credentials' }, basic('machineclient1', 'nope'))).body).toEqual({
      error: 'invalid_client',
    });
  });

  it('client credentials: unknown scope is invalid_scope, a code-only client is unauthorized_client, a public client invalid_client', async () => {
    expect(
      (await token({ grant_type: 'client_credentials', scope: 'orders-api/delete' }, basic('machineclient1', SECRET)))
        .body,
    ).toEqual({ error: 'invalid_scope' });
    expect(
      (await token({ grant_type: 'client_credentials', scope: 'openid' }, basic('machineclient1', SECRET))).body,
    ).toEqual({ error: 'invalid_scope' });
    expect((await token({ grant_type: 'client_credentials' }, basic('webclient1', SECRET))).body).toEqual({
      error: 'unauthorized_client',
    });
    expect((await token({ grant_type: 'client_credentials', client_id: 'browserclient1' })).body).toEqual({
      error: 'invalid_client',
    });
    const all = await token({ grant_type: 'client_credentials' }, basic('machineclient1', SECRET));
    expect(
      JSON.parse(Buffer.from(String(all.body.access_token).split('.')[1] ?? '', 'base64url').toString()).scope,
    ).toBe('orders-api/read orders-api/write');
  });

  it('an unknown grant type is unsupported_grant_type; a JSON body is invalid_request', async () => {
    expect((await token({ grant_type: 'password', client_id: 'browserclient1' })).body).toEqual({
      error: 'unsupported_grant_type',
    });
    const res = await fetch(`${base()}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect([res.status, await res.json()]).toEqual([400, { error: 'invalid_request' }]);
  });

  it('/oauth2/authorize: an unregistered redirect_uri gets the error page (no redirect); other errors go back to the app with state', async () => {
    const stranger = await fetch(authorize({ redirect_uri: 'https://evil.example/callback' }), { redirect: 'manual' });
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain('redirect_mismatch');
    const otherPath = await fetch(authorize({ redirect_uri: 'http://127.0.0.1:40000/other' }), { redirect: 'manual' });
    expect(otherPath.status).toBe(400);
    const scope = await fetch(authorize({ scope: 'openid orders-api/read' }), { redirect: 'manual' });
    expect(scope.headers.get('location')).toBe(`${REDIRECT}?error=invalid_scope&state=st`);
    const plain = await fetch(authorize({ code_challenge: 'abc', code_challenge_method: 'plain' }), {
      redirect: 'manual',
    });
    expect(plain.headers.get('location')).toBe(`${REDIRECT}?error=invalid_request&state=st`);
    const machine = await fetch(authorize({ client_id: 'apionlyclient1' }), { redirect: 'manual' });
    expect(machine.status).toBe(400);
  });

  it('the login page refuses a wrong password (page shown again) and a post without its CSRF token', async () => {
    await expect(signInThroughHostedUi(authorize({}), { username: 'alice', password: 'wrong' }, false)).rejects.toThrow(
      /did not accept the password/,
    );
    const res = await fetch(`${base()}/login?${new URL(authorize({})).search.slice(1)}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=alice&password=${PASSWORD}`,
    });
    expect(res.status).toBe(403);
  });

  it('revocation refuses a JWT; userInfo refuses a missing token and a machine token', async () => {
    const machine = await token({ grant_type: 'client_credentials' }, basic('machineclient1', SECRET));
    const revoke = await fetch(`${base()}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...basic('machineclient1', SECRET) },
      body: `token=${String(machine.body.access_token)}`,
    });
    expect([revoke.status, await revoke.json()]).toEqual([400, { error: 'unsupported_token_type' }]);
    const anonymous = await fetch(`${base()}/oauth2/userInfo`);
    expect(anonymous.status).toBe(401);
    const asMachine = await fetch(`${base()}/oauth2/userInfo`, {
      headers: { authorization: `Bearer ${String(machine.body.access_token)}` },
    });
    expect([asMachine.status, asMachine.headers.get('www-authenticate')]).toEqual([
      401,
      'Bearer error="invalid_token"',
    ]);
  });
});
