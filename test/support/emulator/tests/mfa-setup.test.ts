import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../index.ts';
import { totpCode } from '../totp.ts';
import { authResult, baseSeed, call, passwordSignIn, start } from './emulator-test-kit.ts';
import { parametersOf } from './sign-in-steps.ts';

describe('MFA_SETUP with AssociateSoftwareToken and VerifySoftwareToken', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await start(
      baseSeed((seed) => {
        seed.pools[0]?.users.push(
          { username: 'setup1', password: 'Correct-Horse-1', mfa: { setupRequired: true } },
          { username: 'setup2', password: 'Correct-Horse-1', mfa: { setupRequired: true } },
          { username: 'setup3', password: 'Correct-Horse-1', mfa: { setupRequired: true } },
        );
      }),
    );
  });
  afterAll(() => emulator.close());

  function finish(session: unknown, username: string) {
    return call(emulator, 'RespondToAuthChallenge', {
      ChallengeName: 'MFA_SETUP',
      ClientId: 'publicclient1',
      Session: session,
      ChallengeResponses: { USERNAME: username },
    });
  }

  it('runs the whole setup and then asks for TOTP at the next sign-in', async () => {
    const challenge = await passwordSignIn(emulator, 'setup1');
    expect(challenge.body.ChallengeName).toBe('MFA_SETUP');
    expect(parametersOf(challenge).MFAS_CAN_SETUP).toBe('["SOFTWARE_TOKEN_MFA"]');
    const associated = await call(emulator, 'AssociateSoftwareToken', { Session: challenge.body.Session });
    const secret = String(associated.body.SecretCode);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(associated.body.Session).not.toBe(challenge.body.Session);
    const verified = await call(emulator, 'VerifySoftwareToken', {
      Session: associated.body.Session,
      UserCode: totpCode(secret, emulator.now()),
    });
    expect(verified.body.Status).toBe('SUCCESS');
    const done = await finish(verified.body.Session, 'setup1');
    expect(typeof authResult(done).AccessToken).toBe('string');
    expect((await passwordSignIn(emulator, 'setup1')).body.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('refuses a wrong code at VerifySoftwareToken', async () => {
    const challenge = await passwordSignIn(emulator, 'setup2');
    const associated = await call(emulator, 'AssociateSoftwareToken', { Session: challenge.body.Session });
    const verified = await call(emulator, 'VerifySoftwareToken', {
      Session: associated.body.Session,
      UserCode: '12345x',
    });
    expect(verified.body.__type).toBe('EnableSoftwareTokenMFAException');
  });

  it('refuses to finish MFA_SETUP before the code was verified', async () => {
    const challenge = await passwordSignIn(emulator, 'setup3');
    const associated = await call(emulator, 'AssociateSoftwareToken', { Session: challenge.body.Session });
    const done = await finish(associated.body.Session, 'setup3');
    expect(done.body.__type).toBe('NotAuthorizedException');
  });

  it('treats the Session given to AssociateSoftwareToken as spent', async () => {
    const challenge = await passwordSignIn(emulator, 'setup3');
    await call(emulator, 'AssociateSoftwareToken', { Session: challenge.body.Session });
    const again = await call(emulator, 'AssociateSoftwareToken', { Session: challenge.body.Session });
    expect(again.body.message).toBe('Invalid session for the user, session can only be used once.');
  });

  it('associates and verifies a token for a signed-in user through AccessToken', async () => {
    const token = authResult(await passwordSignIn(emulator, 'bob')).AccessToken;
    const associated = await call(emulator, 'AssociateSoftwareToken', { AccessToken: token });
    const verified = await call(emulator, 'VerifySoftwareToken', {
      AccessToken: token,
      UserCode: totpCode(String(associated.body.SecretCode), emulator.now()),
    });
    expect(verified.body).toEqual({ Status: 'SUCCESS' });
  });
});
