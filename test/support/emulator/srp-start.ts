import { randomBytes } from 'node:crypto';
import { openChallenge } from './challenge-issue.ts';
import { invalidParameter } from './cognito-error.ts';
import type { EmulatorState } from './emulator-state.ts';
import type { SignInProgress } from './sign-in-progress.ts';
import { modPow, srpG, srpN, srpX } from './srp-math.ts';
import { parseSrpA, startSrp } from './srp-server.ts';

/** Answers an SRP_A for the user's password with the PASSWORD_VERIFIER challenge (SALT, SRP_B, SECRET_BLOCK). */
export function startUserSrp(state: EmulatorState, progress: SignInProgress, srpAHex: string): Record<string, unknown> {
  const largeA = parseSrpA(srpAHex);
  if (largeA === undefined) throw invalidParameter('Invalid SRP_A');
  const { user } = progress;
  const saltHex = randomBytes(16).toString('hex');
  const verifier = modPow(srpG, srpX(saltHex, user.pool.srpName, user.username, user.password), srpN);
  const srp = startSrp({ poolName: user.pool.srpName, userId: user.username, largeA, verifier, saltHex });
  return openChallenge(
    state,
    { progress, challenge: 'PASSWORD_VERIFIER', srp },
    {
      SALT: saltHex,
      SECRET_BLOCK: srp.secretBlock,
      SRP_B: srp.largeB.toString(16),
      USERNAME: user.username,
      USER_ID_FOR_SRP: user.username,
    },
  );
}
