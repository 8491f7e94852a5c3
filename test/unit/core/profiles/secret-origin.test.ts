import { describe, expect, it } from 'vitest';
import { originChange, secretOrigin } from '../../../../main/core/profiles/secret-origin.ts';

const base = { region: 'us-east-1', userPoolId: 'us-east-1_Pool1', clientId: 'client1' };

describe("secretOrigin: where a profile's secrets may be sent", () => {
  it('changes with the endpoint, the domain, the region (AWS endpoint), FIPS, the pool and the client', () => {
    const origin = secretOrigin(base);
    for (const change of [
      { endpoint: 'https://cognito.example.com' },
      { domain: 'https://auth.example.com' },
      { region: 'eu-west-1' },
      { fips: true },
      { userPoolId: 'us-east-1_Pool2' },
      { clientId: 'client2' },
    ]) {
      expect(secretOrigin({ ...base, ...change }), JSON.stringify(change)).not.toBe(origin);
    }
  });

  it('stays for spellings of the same place (a trailing slash) and for fields that send nothing elsewhere', () => {
    expect(secretOrigin({ ...base, domain: 'https://auth.example.com/' })).toBe(
      secretOrigin({ ...base, domain: 'https://auth.example.com' }),
    );
    expect(secretOrigin({ ...base, endpoint: 'http://127.0.0.1:9229/' })).toBe(
      secretOrigin({ ...base, endpoint: 'http://127.0.0.1:9229' }),
    );
  });

  it('says what changed in words, and nothing for a secret stored before origins were kept', () => {
    expect(originChange(secretOrigin(base), secretOrigin({ ...base, endpoint: 'https://evil.example' }))).toBe(
      "the profile's server changed since it was stored (from https://cognito-idp.us-east-1.amazonaws.com, pool us-east-1_Pool1, client client1 to https://evil.example, pool us-east-1_Pool1, client client1), so it is not sent there",
    );
    expect(originChange(undefined, secretOrigin(base))).toBeUndefined();
  });
});
