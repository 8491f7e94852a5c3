import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, baseSeed, passwordSignIn, start } from './emulator-test-kit.ts';
import { parametersOf, respond } from './sign-in-steps.ts';

describe('NEW_PASSWORD_REQUIRED', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.users.push(
          {
            username: 'newbie',
            password: 'Correct-Horse-1',
            status: 'FORCE_CHANGE_PASSWORD',
            attributes: { phone_number: '+15555550000' },
          },
          {
            username: 'newbie2',
            password: 'Correct-Horse-1',
            status: 'FORCE_CHANGE_PASSWORD',
            attributes: { email: 'n2@example.com' },
          },
        );
      }),
    );
  });
  afterAll(() => emulator.close());

  it('asks a FORCE_CHANGE_PASSWORD user for a new password and the missing required attributes', async () => {
    const answer = await passwordSignIn(emulator, 'newbie');
    const params = parametersOf(answer);
    expect(answer.body.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(JSON.parse(params.requiredAttributes ?? '')).toEqual(['userAttributes.email']);
    expect(JSON.parse(params.userAttributes ?? '')).toEqual({ phone_number: '+15555550000' });
    expect(params.USER_ID_FOR_SRP).toBe('newbie');
  });

  it('lists no required attributes the user already has', async () => {
    const params = parametersOf(await passwordSignIn(emulator, 'newbie2'));
    expect(params.requiredAttributes).toBe('[]');
  });

  it('refuses an answer without the required attribute', async () => {
    const challenge = await passwordSignIn(emulator, 'newbie');
    const answer = await respond(emulator, challenge, 'newbie', { NEW_PASSWORD: 'Brand-New-Pass-2' });
    expect(answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'Invalid attributes given, email is missing',
    });
  });

  it('refuses a missing NEW_PASSWORD', async () => {
    const challenge = await passwordSignIn(emulator, 'newbie');
    const answer = await respond(emulator, challenge, 'newbie', { 'userAttributes.email': 'n@example.com' });
    expect(answer.body.message).toBe('Missing required parameter NEW_PASSWORD');
  });

  it('sets the password and attributes, confirms the user and issues tokens', async () => {
    const challenge = await passwordSignIn(emulator, 'newbie');
    const answer = await respond(emulator, challenge, 'newbie', {
      NEW_PASSWORD: 'Brand-New-Pass-2',
      'userAttributes.email': 'newbie@example.com',
    });
    expect(typeof authResult(answer).AccessToken).toBe('string');
    const old = await passwordSignIn(emulator, 'newbie');
    expect(old.body.__type).toBe('NotAuthorizedException');
  });
});
