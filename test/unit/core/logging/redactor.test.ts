import { describe, expect, it } from 'vitest';
import { redact, redactText, REDACTED } from '../../../../main/core/logging/redactor.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMiLCJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtYW5kLW1vcmU';
const REFRESH = 'kQ3v9Xw2_Lr8s-Tq1ZpM4nB7cY0aEeHhJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz01234567';
const JWE = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.AbCdEfGhIjKlMnOpQrStUvWxYz012345.AbCdEfGhIjKlMnOp.QrStUvWxYz0123456789AbCdEfGhIjKlMnOp.AbCdEfGhIjKlMnOpQrSt';

describe('redactor', () => {
  it('removes JWTs, Cognito JWE refresh tokens and opaque refresh tokens from text', () => {
    const line = redactText(`got ${JWT} and ${JWE} and ${REFRESH} for alice`);
    expect(line).not.toContain('eyJ');
    expect(line).not.toContain(REFRESH);
    expect(line).toContain('for alice');
  });

  it('removes whatever follows a secret-sounding name, however short', () => {
    const line = redactText('password=hunter2 client_secret: abc "refreshToken": "r1" Authorization: Bearer t0k');
    for (const secret of ['hunter2', 'abc', 'r1', 't0k']) expect(line).not.toContain(secret);
  });

  it('drops secret-named fields of objects and redacts nested strings, keeping harmless fields', () => {
    const out = redact({ profile: 'dev', attempt: 2, password: 'pw', nested: { ClientSecret: 's', note: `token ${JWT}` }, list: [REFRESH] });
    expect(out).toEqual({ profile: 'dev', attempt: 2, password: REDACTED, nested: { ClientSecret: REDACTED, note: `token ${REDACTED}` }, list: [REDACTED] });
  });

  it('reduces errors to name, kind and redacted message (no stack, no cause)', () => {
    const error = Object.assign(new Error(`refused ${JWT}`), { kind: 'network', cause: { body: REFRESH } });
    expect(redact({ error })).toEqual({ error: { name: 'Error', message: `refused ${REDACTED}`, kind: 'network' } });
  });
});
