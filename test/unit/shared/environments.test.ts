import { describe, expect, it } from 'vitest';
import {
  compareEnvironments,
  environmentColour,
  environmentOf,
  suggestEnvironment,
} from '../../../main/shared/environments.ts';
import { profileGroups } from '../../../main/shared/profile-order.ts';

describe('environments', () => {
  it('suggests an environment from whole words of the name, then of the pool id', () => {
    expect(suggestEnvironment('orders-prod')).toBe('prod');
    expect(suggestEnvironment('orders.production.eu')).toBe('prod');
    expect(suggestEnvironment('product-catalogue')).toBe(''); // "prod" inside a word is not an environment
    expect(suggestEnvironment('api-stage')).toBe('staging');
    expect(suggestEnvironment('Payments_DEV')).toBe('dev');
    expect(suggestEnvironment('orders', 'us-east-1_Prod42')).toBe('prod');
    expect(suggestEnvironment('orders', 'us-east-1_AbCdEf123')).toBe('');
    expect(suggestEnvironment('orders', 'local_staging')).toBe('staging');
  });

  it('takes the profile\u2019s own environment over the suggestion, and says when it only suggested', () => {
    expect(environmentOf({ name: 'orders-prod', userPoolId: 'us-east-1_A' })).toEqual({
      name: 'prod',
      label: 'Production',
      colour: 'red',
      suggested: true,
      production: true,
    });
    expect(environmentOf({ name: 'orders-prod', userPoolId: 'us-east-1_A', environment: 'qa' })).toMatchObject({
      name: 'qa',
      label: 'qa',
      suggested: false,
      production: false,
    });
    expect(environmentOf({ name: 'orders', userPoolId: 'us-east-1_A' })).toMatchObject({
      name: '',
      label: 'No environment',
      colour: 'grey',
    });
  });

  it('gives built-in environments their colour, the user\u2019s own the one they chose or a stable one from the name', () => {
    expect(environmentColour('staging')).toBe('amber');
    expect(environmentColour('qa', 'purple')).toBe('purple');
    expect(environmentColour('qa', 'chartreuse')).toBe(environmentColour('qa'));
    expect(environmentColour('qa')).toBe(environmentColour('qa'));
  });

  it('orders groups dev, staging, prod, the user\u2019s own by name, then none', () => {
    expect(['', 'qa', 'prod', 'alpha', 'dev', 'staging'].sort(compareEnvironments)).toEqual([
      'dev',
      'staging',
      'prod',
      'alpha',
      'qa',
      '',
    ]);
  });

  it('groups profiles: pinned first (only there), then by environment, by name within a group', () => {
    const p = (name: string, extra: Record<string, unknown> = {}) => ({ name, userPoolId: 'us-east-1_A', ...extra });
    const groups = profileGroups([
      p('orders-prod'),
      p('b-dev'),
      p('a-dev'),
      p('misc'),
      p('pay-prod', { pinned: true }),
      p('tools', { environment: 'qa' }),
    ]);
    expect(groups.map((g) => [g.key, g.profiles.map((x) => x.name)])).toEqual([
      ['pinned', ['pay-prod']],
      ['env-dev', ['a-dev', 'b-dev']],
      ['env-prod', ['orders-prod']],
      ['env-qa', ['tools']],
      ['env-', ['misc']],
    ]);
  });
});
