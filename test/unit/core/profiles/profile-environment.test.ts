import { describe, expect, it } from 'vitest';
import { withSuggestedEnvironment } from '../../../../main/core/profiles/profile-environment.ts';
import { exportProfiles } from '../../../../main/core/profiles/profile-export.ts';
import { parseProfileFields, profileSchema, ProfileValidationError } from '../../../../main/core/profiles/profile.ts';

const BASE = { name: 'orders-prod', region: 'us-east-1', userPoolId: 'us-east-1_AbCdEf123', clientId: 'client1' };

describe('a profile\u2019s environment and pin, as stored', () => {
  it('keeps an environment, its colour and the pin', () => {
    expect(
      parseProfileFields({ ...BASE, environment: 'qa-eu', environmentColour: 'teal', pinned: true }),
    ).toMatchObject({ environment: 'qa-eu', environmentColour: 'teal', pinned: true });
  });

  it('refuses a malformed environment or an unknown colour, saying what is allowed', () => {
    const problems = (fields: Record<string, unknown>): string[] => {
      try {
        parseProfileFields({ ...BASE, ...fields });
        return [];
      } catch (error) {
        return (error as ProfileValidationError).problems;
      }
    };
    expect(problems({ environment: 'Prod!' })).toEqual([
      'environment: use 1 to 24 lower-case letters, digits or "-", such as dev, staging, prod or qa',
    ]);
    expect(problems({ environmentColour: 'chartreuse' })[0]).toMatch(
      /^environment colour: expected one of green, amber, red/,
    );
  });

  it('exports the environment (a team shares which pools are prod) but not the pin (one person\u2019s choice)', () => {
    const profile = profileSchema.parse({
      ...BASE,
      id: '6f1c1f3e-8d7e-4b43-9a52-7d1f5d0b8f11',
      environment: 'prod',
      pinned: true,
    });
    const exported = JSON.parse(exportProfiles([profile])) as { profiles: Record<string, unknown>[] };
    expect(exported.profiles[0]).toMatchObject({ environment: 'prod' });
    expect(exported.profiles[0]).not.toHaveProperty('pinned');
  });
});

describe('an imported profile\u2019s environment', () => {
  it('is the one its name or pool suggests when the file names none, and the file\u2019s own otherwise', () => {
    expect(withSuggestedEnvironment({ name: 'orders-prod', userPoolId: 'us-east-1_A' })).toMatchObject({
      environment: 'prod',
    });
    expect(
      withSuggestedEnvironment({ name: 'orders-prod', userPoolId: 'us-east-1_A', environment: 'qa' }),
    ).toMatchObject({ environment: 'qa' });
    expect(withSuggestedEnvironment({ name: 'orders', userPoolId: 'us-east-1_A' })).not.toHaveProperty('environment');
  });
});
