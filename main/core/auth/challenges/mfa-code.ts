import { BadInputError } from '../../errors.ts';
import type { PromptedChallenge } from './challenge-handler.ts';

/** The ChallengeResponses field that carries the code of each code challenge. */
const CODE_FIELDS: Record<string, string> = {
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
};

/** SMS_MFA, EMAIL_OTP, SMS_OTP and SOFTWARE_TOKEN_MFA: one code, sent to a (masked) destination or read from an authenticator. */
export function codeChallenge(name: string): PromptedChallenge {
  const field = CODE_FIELDS[name] ?? `${name}_CODE`;
  return {
    kind: 'prompted',
    prompt(state) {
      const destination = state.parameters.CODE_DELIVERY_DESTINATION;
      const device = state.parameters.FRIENDLY_DEVICE_NAME;
      return Promise.resolve({ name, ...(destination ? { destination } : device ? { destination: device } : {}) });
    },
    respond(_state, answer) {
      const code = answer.code?.trim();
      if (!code) throw new BadInputError(`The ${name} challenge needs a code (ctm login: --mfa-code CODE).`);
      return Promise.resolve({ [field]: code });
    },
  };
}

/** Every code challenge name. */
export const CODE_CHALLENGES = Object.keys(CODE_FIELDS);
