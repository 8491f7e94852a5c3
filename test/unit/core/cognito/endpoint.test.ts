import { describe, expect, it } from 'vitest';
import {
  cognitoEndpoint,
  customServers,
  endpointProblem,
  fipsProblem,
  isLoopbackHost,
  issuerFor,
  issuersFor,
} from '../../../../main/core/cognito/endpoint.ts';
import { parseProfileFields, profileWarnings } from '../../../../main/core/profiles/profile.ts';

describe('Cognito endpoints per partition, FIPS, and the issuer', () => {
  it.each([
    ['us-east-1', false, 'https://cognito-idp.us-east-1.amazonaws.com/'],
    ['us-east-1', true, 'https://cognito-idp-fips.us-east-1.amazonaws.com/'],
    ['us-west-2', true, 'https://cognito-idp-fips.us-west-2.amazonaws.com/'],
    ['cn-north-1', false, 'https://cognito-idp.cn-north-1.amazonaws.com.cn/'],
    ['cn-northwest-1', false, 'https://cognito-idp.cn-northwest-1.amazonaws.com.cn/'],
    ['us-gov-west-1', false, 'https://cognito-idp-fips.us-gov-west-1.amazonaws.com/'],
    ['us-gov-east-1', true, 'https://cognito-idp-fips.us-gov-east-1.amazonaws.com/'],
  ])('%s (fips %s) -> %s', (region, fips, expected) => {
    expect(cognitoEndpoint(region, undefined, fips)).toBe(expected);
  });

  it('a custom endpoint wins over region and FIPS', () => {
    expect(cognitoEndpoint('us-east-1', 'http://localhost:9229', true)).toBe('http://localhost:9229/');
  });

  it('the issuer comes from region and pool, never from the endpoint that served the token', () => {
    expect(issuerFor('eu-west-1', 'eu-west-1_Abc')).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc');
    expect(issuerFor('us-gov-west-1', 'us-gov-west-1_Abc')).toBe(
      'https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_Abc',
    );
    expect(issuerFor('cn-north-1', 'cn-north-1_Abc')).toBe(
      'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Abc',
    );
    // IssuerConfiguration UPDATED (API reference, IssuerConfigurationType): the pool's other possible issuer.
    expect(issuersFor('eu-west-1', 'eu-west-1_Abc')).toEqual([
      'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc',
      'https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc',
    ]);
  });

  it('FIPS asked for where Cognito has none is a problem; GovCloud and a custom endpoint are not', () => {
    expect(fipsProblem('eu-west-1', true)).toMatch(/only in us-east-1, us-east-2, us-west-1, us-west-2 and GovCloud/);
    expect(fipsProblem('us-gov-west-1', true)).toBeUndefined();
    expect(fipsProblem('eu-west-1', true, 'http://localhost:9229/')).toBeUndefined();
    expect(() =>
      parseProfileFields({ name: 'f', region: 'eu-west-1', userPoolId: 'eu-west-1_Abc', clientId: 'c', fips: true }),
    ).toThrow(/FIPS endpoints only in/);
  });
});

describe('pool ids: emulators with a custom endpoint, another region\u2019s refused', () => {
  const fields = { name: 'p', region: 'us-east-1', clientId: 'c' };

  it('accepts cognito-local\u2019s, LocalStack\u2019s and moto\u2019s ids with a custom endpoint', () => {
    for (const userPoolId of ['local_abc123', 'us-east-1_0123456789abcdef', 'local_5VXqPfBx']) {
      expect(parseProfileFields({ ...fields, userPoolId, endpoint: 'http://localhost:9229/' }).userPoolId).toBe(
        userPoolId,
      );
    }
  });

  it('refuses an emulator-style id against AWS itself, saying a custom endpoint is needed', () => {
    expect(() => parseProfileFields({ ...fields, userPoolId: 'local_abc123' })).toThrow(
      /other shapes need a custom --endpoint/,
    );
  });

  it('takes a pool id of another region with user pools (a multi-Region replica) with a warning (profile-strict-rules.test.ts has the rest)', () => {
    const replica = parseProfileFields({ ...fields, region: 'eu-west-1', userPoolId: 'us-east-1_Abc123' });
    expect(profileWarnings(replica)).toEqual([
      'The user pool id us-east-1_Abc123 was created in us-east-1, and the profile uses eu-west-1: right for its multi-Region replica there, otherwise check the region.',
    ]);
    expect(profileWarnings(parseProfileFields({ ...fields, userPoolId: 'us-east-1_Abc123' }))).toEqual([]);
  });
});

describe("endpointProblem, isLoopbackHost and customServers: plain http only on loopback; servers not AWS's named", () => {
  it('takes https anywhere and http only on a loopback address', () => {
    expect(endpointProblem('https://cognito.example.com')).toBeUndefined();
    for (const local of ['http://127.0.0.1:9229', 'http://127.1.2.3', 'http://localhost:4566', 'http://[::1]:9229'])
      expect(endpointProblem(local), local).toBeUndefined();
    for (const remote of [
      'http://10.0.0.1',
      'http://127.0.0.1.evil.example',
      'http://localhost.evil.example',
      'http://0.0.0.0',
    ])
      expect(endpointProblem(remote), remote).toMatch(/only for a loopback address/);
    expect(endpointProblem('ftp://127.0.0.1')).toBe('expected an https:// URL');
    expect(endpointProblem('https://user:pw@cognito.example.com')).toBe('expected no credentials in the URL');
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });

  it("names custom endpoints and domains as origins, leaving AWS's own hosts out", () => {
    expect(
      customServers({
        endpoint: 'https://cognito-idp.us-east-1.amazonaws.com/',
        domain: 'https://x.auth.us-east-1.amazoncognito.com',
      }),
    ).toEqual([]);
    expect(customServers({ endpoint: 'http://127.0.0.1:9229/', domain: 'https://auth.example.com' })).toEqual([
      'http://127.0.0.1:9229',
      'https://auth.example.com',
    ]);
    expect(customServers({ endpoint: 'https://same.example', domain: 'https://same.example/' })).toEqual([
      'https://same.example',
    ]);
    expect(customServers({ endpoint: 'https://amazonaws.com.evil.example' })).toEqual([
      'https://amazonaws.com.evil.example',
    ]);
    // An identity endpoint of its own receives the ID token (AWS credentials): named too.
    expect(
      customServers({
        endpoint: 'http://127.0.0.1:9229/',
        identityEndpoint: 'https://identity.example.com/',
      }),
    ).toEqual(['http://127.0.0.1:9229', 'https://identity.example.com']);
    expect(customServers({ identityEndpoint: 'https://cognito-identity.us-east-1.amazonaws.com/' })).toEqual([]);
  });
});
