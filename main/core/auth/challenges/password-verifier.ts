import { CtmError } from '../../errors.ts';
import type { ConversationState } from '../conversation-state.ts';
import { challengeParameter, type AutomaticChallenge } from './challenge-handler.ts';

/** The server values (SRP_B, SALT, SECRET_BLOCK) that PASSWORD_VERIFIER and DEVICE_PASSWORD_VERIFIER both carry. */
export function srpServerValues(state: ConversationState): { srpB: string; salt: string; secretBlock: string } {
  return {
    srpB: challengeParameter(state, 'SRP_B'),
    salt: challengeParameter(state, 'SALT'),
    secretBlock: challengeParameter(state, 'SECRET_BLOCK'),
  };
}

/** PASSWORD_VERIFIER: proves the password by SRP; from here on USERNAME is USER_ID_FOR_SRP (SECRET_HASH follows it). */
export const passwordVerifier: AutomaticChallenge = {
  kind: 'automatic',
  async respond(state) {
    if (!state.srp || !state.password)
      throw new CtmError('service', 'Cognito asked for an SRP password proof, but this sign-in did not start SRP.');
    const userId = challengeParameter(state, 'USER_ID_FOR_SRP');
    const server = srpServerValues(state);
    const claim = await state.srp.passwordClaim({ userId, password: state.password, ...server });
    state.username = userId;
    return {
      USERNAME: userId,
      PASSWORD_CLAIM_SECRET_BLOCK: server.secretBlock,
      TIMESTAMP: claim.timestamp,
      PASSWORD_CLAIM_SIGNATURE: claim.signature,
      ...(state.device ? { DEVICE_KEY: state.device.deviceKey } : {}),
    };
  },
};
