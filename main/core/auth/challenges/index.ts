import type { ChallengeHandler } from './challenge-handler.ts';
import { customChallenge } from './custom-challenge.ts';
import { devicePasswordVerifier, deviceSrpAuth } from './device-srp.ts';
import { mfaSetup } from './mfa-setup.ts';
import { CODE_CHALLENGES, codeChallenge } from './mfa-code.ts';
import { newPasswordRequired } from './new-password.ts';
import { passwordVerifier } from './password-verifier.ts';
import { selectChallenge, selectMfaType } from './select-challenge.ts';

/** How each challenge Cognito can send is handled, by ChallengeName. */
export const CHALLENGE_HANDLERS: Readonly<Record<string, ChallengeHandler>> = {
  PASSWORD_VERIFIER: passwordVerifier,
  DEVICE_SRP_AUTH: deviceSrpAuth,
  DEVICE_PASSWORD_VERIFIER: devicePasswordVerifier,
  NEW_PASSWORD_REQUIRED: newPasswordRequired,
  SELECT_MFA_TYPE: selectMfaType,
  SELECT_CHALLENGE: selectChallenge,
  MFA_SETUP: mfaSetup,
  CUSTOM_CHALLENGE: customChallenge,
  ...Object.fromEntries(CODE_CHALLENGES.map((name) => [name, codeChallenge(name)])),
};

/** The handler of a challenge, or undefined for one this app does not know (WEB_AUTHN, ...). */
export function challengeHandler(name: string): ChallengeHandler | undefined {
  return Object.hasOwn(CHALLENGE_HANDLERS, name) ? CHALLENGE_HANDLERS[name] : undefined;
}
