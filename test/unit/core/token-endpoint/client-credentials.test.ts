import { describe, expect, it } from 'vitest';
import { clientCredentialsOf } from '../../../../main/core/token-endpoint/client-credentials.ts';
import { TokenEndpointError } from '../../../../main/core/token-endpoint/token-errors.ts';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
const form = (fields: Record<string, string> = {}) => new URLSearchParams(fields);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof TokenEndpointError ? `${error.status} ${error.code}` : 'other';
  }
  return 'accepted';
};

describe('client credentials (RFC 6749 §2.3.1): HTTP Basic or the form, never both', () => {
  it('reads Basic, form-decoding each part as §2.3.1 asks (and plain values the same, as clients that skip it send)', () => {
    expect(clientCredentialsOf(basic('dev:ctm_abc'), form())).toEqual({
      clientId: 'dev',
      clientSecret: 'ctm_abc',
      via: 'basic',
    });
    expect(clientCredentialsOf(basic('my%2Eprofile:s%3Ac'), form())).toEqual({
      clientId: 'my.profile',
      clientSecret: 's:c',
      via: 'basic',
    });
    expect(clientCredentialsOf('basic   ZGV2OnM=  ', form())).toMatchObject({ clientId: 'dev', clientSecret: 's' });
  });

  it('reads the form', () => {
    expect(clientCredentialsOf(undefined, form({ client_id: 'dev', client_secret: 'ctm_abc' }))).toEqual({
      clientId: 'dev',
      clientSecret: 'ctm_abc',
      via: 'form',
    });
  });

  it('refuses both at once, another scheme, no colon, bad escapes and missing credentials', () => {
    expect(refusal(() => clientCredentialsOf(basic('dev:s'), form({ client_secret: 's' })))).toBe(
      '400 invalid_request',
    );
    expect(refusal(() => clientCredentialsOf(basic('dev:s'), form({ client_id: 'ops' })))).toBe('400 invalid_request');
    expect(clientCredentialsOf(basic('dev:s'), form({ client_id: 'dev' })).clientId).toBe('dev');
    expect(refusal(() => clientCredentialsOf('Bearer abc', form()))).toBe('401 invalid_client');
    expect(refusal(() => clientCredentialsOf(basic('devs'), form()))).toBe('401 invalid_client');
    expect(refusal(() => clientCredentialsOf(basic('dev:%E0%A4%A'), form()))).toBe('401 invalid_client');
    expect(refusal(() => clientCredentialsOf(undefined, form({ client_id: 'dev' })))).toBe('401 invalid_client');
  });
});
