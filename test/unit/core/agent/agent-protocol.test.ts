import { describe, expect, it } from 'vitest';
import { parseAgentReply, parseAgentRequest } from '../../../../main/core/agent/agent-protocol.ts';
import { unsignedJwt } from '../../../support/jwt-fixture.ts';

const tokens = {
  profileId: 'p1',
  profileName: 'dev',
  accessToken: unsignedJwt({ token_use: 'access' }),
  idToken: unsignedJwt({ token_use: 'id' }),
  tokenType: 'Bearer',
  expiresAt: 2_000,
  issuedAt: 1_000,
};

describe('parseAgentRequest: what the agent accepts from a client', () => {
  it('takes token (with or without a profile), status and stop', () => {
    expect(parseAgentRequest('{"v":1,"op":"token","profile":"dev"}')).toEqual({ v: 1, op: 'token', profile: 'dev' });
    expect(parseAgentRequest('{"v":1,"op":"token"}')).toEqual({ v: 1, op: 'token' });
    expect(parseAgentRequest('{"v":1,"op":"status","extra":true}')).toEqual({ v: 1, op: 'status' });
    expect(parseAgentRequest('{"v":1,"op":"stop"}')).toEqual({ v: 1, op: 'stop' });
  });

  it('answers anything else with a reason, never a throw', () => {
    expect(parseAgentRequest('not json')).toBe('The request is not a JSON object.');
    expect(parseAgentRequest('[1]')).toBe('The request is not a JSON object.');
    expect(parseAgentRequest('{"v":2,"op":"token"}')).toMatch(/speaks protocol 1; restart it/);
    expect(parseAgentRequest('{"v":1,"op":"refresh"}')).toBe('Unknown request.');
    expect(parseAgentRequest('{"v":1,"op":"token","profile":7}')).toBe('The profile must be a name or id.');
    expect(parseAgentRequest('{"v":1,"op":"token","profile":""}')).toBe('The profile must be a name or id.');
    expect(parseAgentRequest(`{"v":1,"op":"token","profile":"${'x'.repeat(257)}"}`)).toBe(
      'The profile must be a name or id.',
    );
  });
});

describe('parseAgentReply: what ctm accepts from an agent (anything odd: undefined, and ctm reads the keychain itself)', () => {
  it('takes tokens, no tokens, a status, a stop and a refusal', () => {
    expect(parseAgentReply(JSON.stringify({ v: 1, ok: true, tokens }))).toEqual({ v: 1, ok: true, tokens });
    expect(parseAgentReply('{"v":1,"ok":true}')).toEqual({ v: 1, ok: true });
    const status = { pid: 42, host: 'app', version: '0.1.0', startedAt: 5, requests: 3 };
    expect(parseAgentReply(JSON.stringify({ v: 1, ok: true, status }))).toEqual({ v: 1, ok: true, status });
    expect(parseAgentReply('{"v":1,"ok":true,"stopping":true}')).toEqual({ v: 1, ok: true, stopping: true });
    expect(parseAgentReply('{"v":1,"ok":false,"error":"no"}')).toEqual({ v: 1, ok: false, error: 'no' });
  });

  it('refuses malformed or mistyped replies', () => {
    for (const bad of [
      '',
      'null',
      '{"ok":true}',
      '{"v":1}',
      '{"v":1,"ok":false}',
      '{"v":1,"ok":true,"status":{"pid":"1"}}',
      JSON.stringify({ v: 1, ok: true, tokens: { ...tokens, expiresAt: 'soon' } }),
      JSON.stringify({ v: 1, ok: true, tokens: { ...tokens, accessToken: undefined } }),
      JSON.stringify({ v: 1, ok: true, tokens: { ...tokens, idToken: 5 } }),
      // What a hostile agent serves to whoever evals `ctm token --format env`: not a JWT, so never printed.
      JSON.stringify({
        v: 1,
        ok: true,
        tokens: { ...tokens, accessToken: "eyJhbGciOiJSUzI1NiJ9.e30.x'; id > /tmp/pwned; echo '" },
      }),
      JSON.stringify({ v: 1, ok: true, tokens: { ...tokens, idToken: 'a.b.c' } }),
      JSON.stringify({ v: 1, ok: true, tokens: { ...tokens, tokenType: 'Bearer\n' } }),
      JSON.stringify({ v: 1, ok: true, tokens: { ...tokens, profileName: 'dev\u001b]0;owned\u0007' } }),
    ]) {
      expect(parseAgentReply(bad), bad).toBeUndefined();
    }
  });
});
