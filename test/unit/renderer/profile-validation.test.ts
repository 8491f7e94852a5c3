import { describe, expect, it } from 'vitest';
import { parseProfileFields } from '../../../main/core/profiles/profile.ts';
import { COGNITO_USER_POOL_REGIONS } from '../../../main/shared/profile-strict-rules.ts';
import { fieldCheck, fieldProblem, leftOutByFlow } from '../../../renderer/profile-validation.ts';

describe('profile field validation in the form', () => {
  it('explains a malformed pool id, client id, region, name and endpoint', () => {
    expect(fieldProblem('userPoolId', 'pool')).toMatch(/<region>_<id>/);
    expect(fieldProblem('clientId', 'has space')).toMatch(/letters, digits/);
    expect(fieldProblem('region', 'Europe')).toMatch(/us-east-1/);
    expect(fieldProblem('name', '-x')).toMatch(/starting with a letter or digit/);
    expect(fieldProblem('endpoint', 'ftp://x')).toMatch(/http:\/\/ or https:\/\//);
  });

  it('refuses a pool id whose region has no user pools as main does; another region with pools is a replica', () => {
    expect(fieldProblem('userPoolId', 'xx-west-1_Abc', { region: 'us-east-1' })).toBe(
      'xx-west-1_Abc names region xx-west-1, which has no Cognito user pools; check the pool id: it starts with the region the pool was created in, such as us-east-1_AbCdEf123.',
    );
    // A multi-Region replica shares the primary's pool id: said, in main's words, but not refused.
    expect(fieldCheck('userPoolId', 'eu-west-1_Abc', { region: 'us-east-1' })).toEqual({
      message:
        'The user pool id eu-west-1_Abc was created in eu-west-1, and the profile uses us-east-1: right for its multi-Region replica there, otherwise check the region.',
      blocks: false,
    });
    // The pool id is fine as soon as the region is its own, or a custom endpoint serves it.
    expect(fieldProblem('userPoolId', 'eu-west-1_Abc', { region: 'eu-west-1' })).toBe('');
    expect(
      fieldProblem('userPoolId', 'xx-west-1_Abc', { region: 'us-east-1', endpoint: 'http://localhost:9229/' }),
    ).toBe('');
    // Until the region has its shape, the pool id alone is not called out.
    expect(fieldProblem('userPoolId', 'xx-west-1_Abc', { region: 'eu-we' })).toBe('');
  });

  it('knows the regions with user pools: another is refused unless a custom endpoint serves it', () => {
    for (const region of COGNITO_USER_POOL_REGIONS)
      expect(fieldProblem('region', region, { userPoolId: `${region}_Abc` })).toBe('');
    expect(fieldProblem('region', 'us-east-9', { userPoolId: 'us-east-9_Abc' })).toBe(
      'us-east-9 has no Cognito user pools (the Region field suggests the known ones); a newer region or an emulator needs a custom endpoint.',
    );
    expect(fieldProblem('region', 'us-east-9', { endpoint: 'http://localhost:9229/' })).toBe('');
  });

  it('on an edit, says a rule the stored profile broke before it existed without blocking, until a change touches it', () => {
    const stored = { region: 'us-east-1', userPoolId: 'xx-west-1_Abc' };
    const kept = fieldCheck('userPoolId', 'xx-west-1_Abc', { ...stored, name: 'renamed' }, stored);
    expect(kept.blocks).toBe(false);
    expect(kept.message).toMatch(/^xx-west-1_Abc names region xx-west-1.*Saved before this rule, so it may stay/);
    const changed = fieldCheck('userPoolId', 'xx-west-1_Xyz', { ...stored, userPoolId: 'xx-west-1_Xyz' }, stored);
    expect(changed).toEqual({ message: expect.not.stringMatching(/Saved before/), blocks: true });
    expect(fieldCheck('region', 'us-east-2', { ...stored, region: 'us-east-2' }, stored).blocks).toBe(false);
    expect(fieldCheck('userPoolId', 'xx-west-1_Abc', { ...stored, region: 'us-east-2' }, stored).blocks).toBe(true);
  });

  it('says which OAuth fields a flow leaves out, and why, in ctm\u2019s words', () => {
    expect(
      leftOutByFlow('USER_SRP_AUTH', { domain: 'https://x.auth.us-east-1.amazoncognito.com', scopes: ['openid'] }),
    ).toEqual([
      "Domain: not used by USER_SRP_AUTH: only the OAuth 2.0 flows go through the pool's domain (MANAGED_LOGIN, CLIENT_CREDENTIALS); saving leaves it out.",
      'Scopes: not used by USER_SRP_AUTH: only the OAuth 2.0 flows ask for scopes (MANAGED_LOGIN, CLIENT_CREDENTIALS); saving leaves it out.',
    ]);
    expect(leftOutByFlow('MANAGED_LOGIN', { domain: 'https://x.auth.us-east-1.amazoncognito.com' })).toEqual([]);
    expect(leftOutByFlow('USER_SRP_AUTH', {})).toEqual([]);
  });

  it('takes an emulator\u2019s pool id only with a custom endpoint', () => {
    expect(fieldProblem('userPoolId', 'local_abc123', { region: 'us-east-1' })).toMatch(/need a custom endpoint/);
    expect(
      fieldProblem('userPoolId', 'local_abc123', { region: 'us-east-1', endpoint: 'http://localhost:9229/' }),
    ).toBe('');
  });

  it('accepts what main accepts (the two rule sets agree on these samples)', () => {
    const good = {
      name: 'dev-api.2',
      region: 'ap-southeast-2',
      userPoolId: 'ap-southeast-2_AbC123',
      clientId: 'abc_DEF+1',
      endpoint: 'http://localhost:9229/',
    };
    for (const [field, value] of Object.entries(good)) expect(fieldProblem(field, value, good)).toBe('');
    expect(() => parseProfileFields(good)).not.toThrow();
  });
});
