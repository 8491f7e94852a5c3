import { describe, expect, it } from 'vitest';
import { parseProfileFields } from '../../../main/core/profiles/profile.ts';
import { fieldProblem } from '../../../renderer/profile-validation.ts';

describe('profile field validation in the form', () => {
  it('explains a malformed pool id, client id, region, name and endpoint', () => {
    expect(fieldProblem('userPoolId', 'pool')).toMatch(/<region>_<id>/);
    expect(fieldProblem('clientId', 'has space')).toMatch(/letters, digits/);
    expect(fieldProblem('region', 'Europe')).toMatch(/us-east-1/);
    expect(fieldProblem('name', '-x')).toMatch(/starting with a letter or digit/);
    expect(fieldProblem('endpoint', 'ftp://x')).toMatch(/http:\/\/ or https:\/\//);
  });

  it('accepts another region\u2019s pool id (a multi-Region replica) and an emulator\u2019s pool id only with a custom endpoint', () => {
    expect(fieldProblem('userPoolId', 'eu-west-1_Abc', { region: 'us-east-1' })).toBe('');
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
