import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { authResult, baseSeed, call, claimsOf, clientSecret, signatureIsValid, start } from './emulator-test-kit.ts';
import { answerVerifier, beginSrp, parametersOf, srpSignIn } from './sign-in-steps.ts';

describe('InitiateAuth USER_SRP_AUTH', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.clients.push({ id: 'shortsession1', authSessionValiditySeconds: 30 });
      }),
    );
  });
  afterAll(() => emulator.close());

  it('answers PASSWORD_VERIFIER with SALT, SRP_B, SECRET_BLOCK and USER_ID_FOR_SRP', async () => {
    const { answer } = await beginSrp(emulator, 'alice');
    const params = parametersOf(answer);
    expect(answer.body.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(typeof answer.body.Session).toBe('string');
    expect(params.USER_ID_FOR_SRP).toBe('alice');
    expect(params.SRP_B).toMatch(/^[0-9a-f]+$/);
    expect(params.SALT).toMatch(/^[0-9a-f]+$/);
    expect(Buffer.from(params.SECRET_BLOCK ?? '', 'base64').length).toBeGreaterThan(16);
  });

  it('issues tokens for a correct password proof', async () => {
    const answer = await srpSignIn(emulator, 'alice');
    expect(answer.status).toBe(200);
    expect(await signatureIsValid(emulator, String(authResult(answer).AccessToken))).toBe(true);
    expect(claimsOf(authResult(answer).IdToken)['cognito:username']).toBe('alice');
  });

  it('refuses a proof made with the wrong password', async () => {
    const { answer, start: srp } = await beginSrp(emulator, 'alice');
    const result = await answerVerifier(emulator, answer, srp, { password: 'wrong-password' });
    expect(result.body).toEqual({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses a TIMESTAMP with a leading zero on the day', async () => {
    const { answer, start: srp } = await beginSrp(emulator, 'alice');
    const result = await answerVerifier(emulator, answer, srp, { timestamp: 'Mon Nov 02 09:05:03 UTC 2026' });
    expect(result.body.__type).toBe('InvalidParameterException');
  });

  it('refuses a TIMESTAMP in another format', async () => {
    const { answer, start: srp } = await beginSrp(emulator, 'alice');
    const result = await answerVerifier(emulator, answer, srp, { timestamp: new Date().toISOString() });
    expect(result.body.__type).toBe('InvalidParameterException');
  });

  it('refuses a tampered SECRET_BLOCK', async () => {
    const { answer, start: srp } = await beginSrp(emulator, 'alice');
    const params = parametersOf(answer);
    const tampered = {
      ...answer,
      body: {
        ...answer.body,
        ChallengeParameters: { ...params, SECRET_BLOCK: Buffer.from('other').toString('base64') },
      },
    };
    const result = await answerVerifier(emulator, tampered, srp);
    expect(result.body.__type).toBe('NotAuthorizedException');
  });

  it('lets a session be used once only', async () => {
    const { answer, start: srp } = await beginSrp(emulator, 'alice');
    expect((await answerVerifier(emulator, answer, srp)).status).toBe(200);
    const again = await answerVerifier(emulator, answer, srp);
    expect(again.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user, session can only be used once.',
    });
  });

  it('expires a session after authSessionValiditySeconds on the emulator clock', async () => {
    const { answer, start: srp } = await beginSrp(emulator, 'alice', { clientId: 'shortsession1' });
    emulator.advanceClock(31_000);
    const result = await answerVerifier(emulator, answer, srp, { choice: { clientId: 'shortsession1' } });
    expect(result.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('refuses an unknown Session', async () => {
    const result = await call(emulator, 'RespondToAuthChallenge', {
      ChallengeName: 'PASSWORD_VERIFIER',
      ClientId: 'publicclient1',
      Session: 'bogus',
      ChallengeResponses: { USERNAME: 'alice' },
    });
    expect(result.body.__type).toBe('NotAuthorizedException');
  });

  it('refuses a ChallengeName that is not the session challenge', async () => {
    const { answer } = await beginSrp(emulator, 'alice');
    const result = await call(emulator, 'RespondToAuthChallenge', {
      ChallengeName: 'SMS_MFA',
      ClientId: 'publicclient1',
      Session: answer.body.Session,
      ChallengeResponses: { USERNAME: 'alice', SMS_MFA_CODE: '1' },
    });
    expect(result.body.__type).toBe('InvalidParameterException');
  });

  it('refuses an unknown user and a client without the flow', async () => {
    expect((await beginSrp(emulator, 'mallory')).answer.body.__type).toBe('UserNotFoundException');
    const refused = await beginSrp(emulator, 'alice', { clientId: 'passwordonly1' });
    expect(refused.answer.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'USER_SRP_AUTH flow not enabled for this client',
    });
  });

  it('refuses an SRP_A that is 0 mod N', async () => {
    const result = await call(emulator, 'InitiateAuth', {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: 'publicclient1',
      AuthParameters: { USERNAME: 'alice', SRP_A: '0' },
    });
    expect(result.body.__type).toBe('InvalidParameterException');
  });

  describe('with a client secret', () => {
    const choice = { clientId: 'secretclient1', secret: clientSecret };

    it('checks SECRET_HASH at InitiateAuth and at every response', async () => {
      const answer = await srpSignIn(emulator, 'alice', choice);
      expect(answer.status).toBe(200);
      const { answer: first, start: srp } = await beginSrp(emulator, 'alice', choice);
      const missing = await answerVerifier(emulator, first, srp, { choice: { clientId: 'secretclient1' } });
      expect(missing.body.message).toBe('Client secretclient1 is configured for secret but secret was not received');
    });

    it('refuses a SECRET_HASH made with the wrong secret at the response', async () => {
      const { answer, start: srp } = await beginSrp(emulator, 'alice', choice);
      const result = await answerVerifier(emulator, answer, srp, {
        choice: { clientId: 'secretclient1', secret: 'nope' },
      });
      expect(result.body.message).toBe('Unable to verify secret hash for client secretclient1');
    });
  });
});
