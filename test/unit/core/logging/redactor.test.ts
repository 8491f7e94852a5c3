import { describe, expect, it } from 'vitest';
import {
  redact,
  redactAlso,
  redactKnownSecrets,
  redactText,
  REDACTED,
} from '../../../../main/core/logging/redactor.ts';
import { rememberWireSecrets } from '../../../../main/core/logging/wire-secrets.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMiLCJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVzLWhlcmUtYW5kLW1vcmU';
const REFRESH = 'kQ3v9Xw2_Lr8s-Tq1ZpM4nB7cY0aEeHhJjKkLlMmNnOoPpQqRrSsTtUuVvWwXxYyZz01234567';
const JWE =
  'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0.AbCdEfGhIjKlMnOpQrStUvWxYz012345.AbCdEfGhIjKlMnOp.QrStUvWxYz0123456789AbCdEfGhIjKlMnOp.AbCdEfGhIjKlMnOpQrSt';

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
    const out = redact({
      profile: 'dev',
      attempt: 2,
      password: 'pw',
      nested: { ClientSecret: 's', note: `token ${JWT}` },
      list: [REFRESH],
    });
    expect(out).toEqual({
      profile: 'dev',
      attempt: 2,
      password: REDACTED,
      nested: { ClientSecret: REDACTED, note: `token ${REDACTED}` },
      list: [REDACTED],
    });
  });

  it('reduces errors to name, kind and redacted message (no stack, no cause)', () => {
    const error = Object.assign(new Error(`refused ${JWT}`), { kind: 'network', cause: { body: REFRESH } });
    expect(redact({ error })).toEqual({ error: { name: 'Error', message: `refused ${REDACTED}`, kind: 'network' } });
  });
});

describe('redactor: the exact secrets it was handed, and the shapes patterns used to miss', () => {
  it('removes a password with spaces, a short code and a TOTP secret by value, wherever they appear', () => {
    redactAlso('correct horse battery', '123456', 'JBSWY3DPEHPK3PXP', 'ab', undefined);
    const line = redactText(
      'PreAuthentication failed: correct horse battery is banned; code 123456; seed JBSWY3DPEHPK3PXP; ab stays',
    );
    for (const secret of ['correct horse', 'battery', '123456', 'JBSWY3DPEHPK3PXP']) expect(line).not.toContain(secret);
    expect(line).toContain('ab stays'); // too short to look for by value
    expect(redactKnownSecrets('/tmp/a-folder-path-of-more-than-thirty-two-characters correct horse battery')).toBe(
      `/tmp/a-folder-path-of-more-than-thirty-two-characters ${REDACTED}`,
    );
  });

  it('removes HTTP Basic credentials, quoted passwords with spaces and otp fields', () => {
    const basic = `Basic ${Buffer.from('client:s3').toString('base64')}`;
    expect(redactText(`Authorization: ${basic}`)).not.toContain(basic.slice(6));
    expect(redactText(`sent ${basic} to the token endpoint`)).toBe(`sent Basic ${REDACTED} to the token endpoint`);
    expect(redactText('password: "two words"')).toBe(`password: ${REDACTED}`);
    expect(redactText('otp=987 totp_secret: X')).not.toMatch(/987|X$/);
    expect(redact({ otp: '1', userCode: '2', code_verifier: '3' })).toEqual({
      otp: REDACTED,
      userCode: REDACTED,
      code_verifier: REDACTED,
    });
  });

  it('learns the secrets of a Cognito exchange from the wire: JSON challenge answers, OAuth forms, Basic credentials, SecretCode', () => {
    rememberWireSecrets(
      { 'X-Amz-Target': 'x' },
      JSON.stringify({
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'pw with spaces 1' },
        ChallengeResponses: { SOFTWARE_TOKEN_MFA_CODE: '424242' },
      }),
    );
    rememberWireSecrets(
      { Authorization: `Basic ${Buffer.from('machine:se%2Bcr+et').toString('base64')}` },
      'grant_type=client_credentials&code_verifier=verifier-value-1',
    );
    rememberWireSecrets({}, '', JSON.stringify({ SecretCode: 'TOTPSECRETVALUE2', Session: 'short' }));
    const line = redactText(
      'pw with spaces 1 / 424242 / se%2Bcr+et / se+cr et / verifier-value-1 / TOTPSECRETVALUE2 / alice',
    );
    expect(line).toBe(`${REDACTED} / ${REDACTED} / ${REDACTED} / ${REDACTED} / ${REDACTED} / ${REDACTED} / alice`);
  });
});
