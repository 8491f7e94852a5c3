import { BadInputError, CtmError } from '../../errors.ts';
import type { ConversationState } from '../conversation-state.ts';
import { jsonList, type PromptedChallenge } from './challenge-handler.ts';

/** The otpauth:// URI authenticator apps read (as a QR code or a link): label "issuer:user", SHA-1, 6 digits, 30 s. */
export function otpauthUri(secret: string, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

async function associate(state: ConversationState): Promise<string> {
  const offered = jsonList(state.parameters.MFAS_CAN_SETUP);
  if (offered.length > 0 && !offered.includes('SOFTWARE_TOKEN_MFA')) {
    throw new BadInputError(`The user pool wants MFA set up with ${offered.join(' or ')}, which only the pool's hosted sign-in can enrol; set up an authenticator app there, or ask for TOTP to be allowed.`);
  }
  const answer = await state.context.client.call('AssociateSoftwareToken', { ...(state.session ? { Session: state.session } : {}) });
  if (!answer.SecretCode) throw new CtmError('service', 'Cognito did not hand out a TOTP secret for the MFA setup.');
  if (answer.Session) state.session = answer.Session;
  return answer.SecretCode;
}

/** MFA_SETUP: enrols an authenticator app (AssociateSoftwareToken), checks its first code (VerifySoftwareToken), then finishes the sign-in. */
export const mfaSetup: PromptedChallenge = {
  kind: 'prompted',
  async prompt(state) {
    state.totpSecret ??= await associate(state);
    const issuer = `Cognito ${state.context.profile.name}`;
    return { name: 'MFA_SETUP', totpSecret: state.totpSecret, otpauthUri: otpauthUri(state.totpSecret, issuer, state.username) };
  },
  async respond(state, answer) {
    const code = answer.code?.trim();
    if (!code) throw new BadInputError('MFA setup needs the first code your authenticator app shows (ctm login: --mfa-code CODE).');
    const verified = await state.context.client.call('VerifySoftwareToken', { UserCode: code, FriendlyDeviceName: 'ctm', ...(state.session ? { Session: state.session } : {}) });
    if (verified.Status !== undefined && verified.Status !== 'SUCCESS') throw new BadInputError('The authenticator code was not accepted; enter the current code.');
    if (verified.Session) state.session = verified.Session;
    return {};
  },
};
