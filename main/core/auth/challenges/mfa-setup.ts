import { BadInputError, CtmError } from '../../errors.ts';
import type { ConversationState } from '../conversation-state.ts';
import { jsonList, type PromptedChallenge } from './challenge-handler.ts';

/** The otpauth:// URI authenticator apps read (as a QR code or a link): label "issuer:user", SHA-1, 6 digits, 30 s. */
export function otpauthUri(secret: string, issuer: string, account: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

/** The set-up methods this app can enrol, of those Cognito offers (MFAS_CAN_SETUP; an empty list is the older TOTP-only answer). */
function methodsOffered(state: ConversationState): string[] {
  const offered = jsonList(state.parameters.MFAS_CAN_SETUP);
  if (offered.length === 0) return ['SOFTWARE_TOKEN_MFA'];
  const usable = offered.filter((method) => method === 'SOFTWARE_TOKEN_MFA' || method === 'EMAIL_OTP');
  if (usable.length === 0)
    throw new BadInputError(
      `The user pool wants MFA set up with ${offered.join(' or ')}, which only the pool's hosted sign-in can enrol; set it up there, or ask for an authenticator app or e-mail to be allowed.`,
    );
  return usable;
}

async function associate(state: ConversationState): Promise<string> {
  const answer = await state.context.client.call('AssociateSoftwareToken', {
    ...(state.session ? { Session: state.session } : {}),
  });
  if (!answer.SecretCode) throw new CtmError('service', 'Cognito did not hand out a TOTP secret for the MFA setup.');
  if (answer.Session) state.session = answer.Session;
  return answer.SecretCode;
}

/**
 * MFA_SETUP: enrols an authenticator app (AssociateSoftwareToken, then its first code with VerifySoftwareToken) or, where
 * the pool offers EMAIL_OTP, an e-mail address (answered with EMAIL; Cognito then sends a code and asks EMAIL_OTP, as
 * RespondToAuthChallenge documents and Amplify v6 does). `options` lists the methods offered when e-mail is one.
 */
export const mfaSetup: PromptedChallenge = {
  kind: 'prompted',
  async prompt(state) {
    const methods = methodsOffered(state);
    const options = methods.includes('EMAIL_OTP') ? { options: methods } : {};
    if (!methods.includes('SOFTWARE_TOKEN_MFA')) return { name: 'MFA_SETUP', ...options };
    state.totpSecret ??= await associate(state);
    const issuer = `Cognito ${state.context.profile.name}`;
    return {
      name: 'MFA_SETUP',
      ...options,
      totpSecret: state.totpSecret,
      otpauthUri: otpauthUri(state.totpSecret, issuer, state.username),
    };
  },
  async respond(state, answer): Promise<Record<string, string>> {
    const email = answer.email?.trim();
    if (email) {
      if (!methodsOffered(state).includes('EMAIL_OTP'))
        throw new BadInputError('This user pool does not offer MFA by e-mail; set up an authenticator app instead.');
      return { EMAIL: email };
    }
    const code = answer.code?.trim();
    if (!code)
      throw new BadInputError(
        'MFA setup needs the first code your authenticator app shows (ctm login: --mfa-code CODE).',
      );
    const verified = await state.context.client.call('VerifySoftwareToken', {
      UserCode: code,
      FriendlyDeviceName: 'ctm',
      ...(state.session ? { Session: state.session } : {}),
    });
    if (verified.Status !== undefined && verified.Status !== 'SUCCESS')
      throw new BadInputError('The authenticator code was not accepted; enter the current code.');
    if (verified.Session) state.session = verified.Session;
    return {};
  },
};
