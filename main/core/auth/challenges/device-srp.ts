import { CtmError } from '../../errors.ts';
import { createSrpSession } from '../../srp/index.ts';
import type { ConversationState } from '../conversation-state.ts';
import type { AutomaticChallenge } from './challenge-handler.ts';
import { srpServerValues } from './password-verifier.ts';

function rememberedDevice(state: ConversationState): NonNullable<ConversationState['device']> {
  if (!state.device) throw new CtmError('service', 'Cognito asked to prove a device this sign-in did not offer.');
  return state.device;
}

/** DEVICE_SRP_AUTH: starts SRP for the remembered device, whose "pool name" is its device group key. */
export const deviceSrpAuth: AutomaticChallenge = {
  kind: 'automatic',
  respond(state) {
    const device = rememberedDevice(state);
    state.deviceSrp = createSrpSession(device.deviceGroupKey);
    return Promise.resolve({ DEVICE_KEY: device.deviceKey, SRP_A: state.deviceSrp.srpA });
  },
};

/** DEVICE_PASSWORD_VERIFIER: the device's SRP proof with the device password kept in the keychain (USERNAME stays the user's). */
export const devicePasswordVerifier: AutomaticChallenge = {
  kind: 'automatic',
  async respond(state) {
    const device = rememberedDevice(state);
    if (!state.deviceSrp) throw new CtmError('service', 'Cognito asked for a device proof before DEVICE_SRP_AUTH.');
    const server = srpServerValues(state);
    const claim = await state.deviceSrp.passwordClaim({
      userId: device.deviceKey,
      password: device.devicePassword,
      ...server,
    });
    return {
      PASSWORD_CLAIM_SECRET_BLOCK: server.secretBlock,
      TIMESTAMP: claim.timestamp,
      PASSWORD_CLAIM_SIGNATURE: claim.signature,
      DEVICE_KEY: device.deviceKey,
    };
  },
};
