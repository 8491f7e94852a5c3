import { PASSWORDS_DIFFER } from '../main/shared/new-password.ts';
import type { ChallengeAnswerInput, ChallengeView, ProfileView } from '../main/ipc/contract.ts';

/** One control of a sign-in step. */
export type FieldSpec =
  | {
      kind: 'text' | 'password';
      name: string;
      label: string;
      value?: string;
      autocomplete?: string;
      required?: boolean;
      inputmode?: string;
      /** The field whose value this one must repeat (a new password typed twice). */
      sameAs?: string;
    }
  | { kind: 'checkbox'; name: string; label: string }
  | { kind: 'choice'; name: string; label: string; options: { value: string; label: string }[] };

/** What a sign-in step shows: a title, explanations, an optional QR code or facts, its fields and its button. */
export interface FormSpec {
  title: string;
  intro?: string;
  qrCode?: { uri: string; secret?: string };
  facts?: [string, string][];
  fields: FieldSpec[];
  submit: string;
}

/** The values of a submitted form, by field name ("on" for a ticked checkbox). */
export type Fields = Record<string, string>;

const CHOICE_LABELS: Record<string, string> = {
  SMS_MFA: 'Text message (SMS)',
  SOFTWARE_TOKEN_MFA: 'Authenticator app (TOTP)',
  EMAIL_OTP: 'E-mail code',
  SMS_OTP: 'Text message code',
  PASSWORD: 'Password',
  PASSWORD_SRP: 'Password (SRP)',
  WEB_AUTHN: 'Passkey',
};

const remember: FieldSpec = { kind: 'checkbox', name: 'rememberDevice', label: 'Remember this device' };
type TextField = Extract<FieldSpec, { kind: 'text' | 'password' }>;
const code = (label: string): TextField => ({
  kind: 'text',
  name: 'code',
  label,
  autocomplete: 'one-time-code',
  required: true,
  inputmode: 'numeric',
});
const emailField = (): TextField => ({
  kind: 'text',
  name: 'email',
  label: 'E-mail address',
  autocomplete: 'email',
  required: true,
  inputmode: 'email',
});

/** The first step: username and password (a password is optional for flows that may not need one). */
export function passwordForm(profile: ProfileView): FormSpec {
  const passwordOptional = profile.passwordOptional === true;
  return {
    title: `Sign in to ${profile.name}`,
    fields: [
      {
        kind: 'text',
        name: 'username',
        label: 'Username',
        value: profile.username ?? '',
        autocomplete: 'username',
        required: true,
      },
      {
        kind: 'password',
        name: 'password',
        label: passwordOptional ? 'Password (if the pool asks for one)' : 'Password',
        autocomplete: 'current-password',
        required: !passwordOptional,
      },
      remember,
    ],
    submit: 'Sign in',
  };
}

/** The step for a challenge the core passed on. */
export function challengeForm(prompt: ChallengeView): FormSpec {
  const sentTo = prompt.destination ? ` sent to ${prompt.destination}` : '';
  switch (prompt.name) {
    case 'NEW_PASSWORD_REQUIRED':
      return {
        title: 'Choose a new password',
        intro: 'The user pool requires a new password for this user.',
        fields: [
          {
            kind: 'password',
            name: 'newPassword',
            label: 'New password',
            autocomplete: 'new-password',
            required: true,
          },
          // Typed twice: one typo would set a password nobody knows, and the account waits for an administrator.
          {
            kind: 'password',
            name: 'newPasswordAgain',
            label: 'New password again',
            autocomplete: 'new-password',
            required: true,
            sameAs: 'newPassword',
          },
          ...(prompt.requiredAttributes ?? []).map((a): FieldSpec => ({
            kind: 'text',
            name: `attr:${a}`,
            label: a,
            required: true,
          })),
        ],
        submit: 'Set password',
      };
    case 'SMS_MFA':
    case 'SMS_OTP':
      return {
        title: 'Enter the text-message code',
        intro: `Enter the code${sentTo || ' sent by text message'}.`,
        fields: [code('Code'), remember],
        submit: 'Verify',
      };
    case 'EMAIL_OTP':
      return {
        title: 'Enter the e-mail code',
        intro: `Enter the code${sentTo || ' sent by e-mail'}.`,
        fields: [code('Code'), remember],
        submit: 'Verify',
      };
    case 'SOFTWARE_TOKEN_MFA':
      return {
        title: 'Enter the authenticator code',
        intro: 'Enter the 6-digit code your authenticator app shows.',
        fields: [code('Code'), remember],
        submit: 'Verify',
      };
    case 'SELECT_MFA_TYPE':
    case 'SELECT_CHALLENGE': {
      const options = (prompt.options ?? []).map((o) => ({ value: o, label: CHOICE_LABELS[o] ?? o }));
      const wantsPassword = prompt.name === 'SELECT_CHALLENGE' && options.some((o) => o.value.startsWith('PASSWORD'));
      return {
        title: prompt.name === 'SELECT_MFA_TYPE' ? 'Choose how to verify' : 'Choose how to sign in',
        fields: [
          {
            kind: 'choice',
            name: 'select',
            label: prompt.name === 'SELECT_MFA_TYPE' ? 'Second factor' : 'Sign-in method',
            options,
          },
          ...(wantsPassword
            ? [
                {
                  kind: 'password',
                  name: 'password',
                  label: 'Password (for a password choice)',
                  autocomplete: 'current-password',
                } as FieldSpec,
              ]
            : []),
        ],
        submit: 'Continue',
      };
    }
    case 'MFA_SETUP':
      if (prompt.options?.includes('EMAIL_OTP') && !prompt.otpauthUri) {
        return {
          title: 'Set up MFA by e-mail',
          intro: 'Enter the address that should receive sign-in codes; a code is sent there next.',
          fields: [emailField()],
          submit: 'Send the code',
        };
      }
      return {
        title: 'Set up an authenticator app',
        intro: 'Scan the QR code with an authenticator app (or type the key), then enter the code it shows.',
        ...(prompt.otpauthUri
          ? { qrCode: { uri: prompt.otpauthUri, ...(prompt.totpSecret ? { secret: prompt.totpSecret } : {}) } }
          : {}),
        // Where the pool also offers e-mail, either field may be filled: an address wins over a code.
        fields: prompt.options?.includes('EMAIL_OTP')
          ? [
              { ...code('Code from the app'), required: false },
              { ...emailField(), label: 'Or: e-mail address for codes instead', required: false },
            ]
          : [code('Code from the app')],
        submit: 'Verify and sign in',
      };
    case 'CUSTOM_CHALLENGE':
      return {
        title: 'Answer the challenge',
        intro: 'The user pool asks a custom question.',
        facts: Object.entries(prompt.parameters ?? {}),
        fields: [{ kind: 'text', name: 'answer', label: 'Answer', required: true }],
        submit: 'Answer',
      };
    default:
      return {
        title: prompt.name,
        intro: `Answer the ${prompt.name} challenge${sentTo}.`,
        fields: [{ kind: 'text', name: 'answer', label: 'Answer', required: true }],
        submit: 'Continue',
      };
  }
}

/** Why the submitted fields cannot be sent (a repeated field that differs), or undefined when they can. */
export function formProblem(spec: FormSpec, fields: Fields): string | undefined {
  const differs = spec.fields.some(
    (field) => field.kind === 'password' && field.sameAs !== undefined && fields[field.name] !== fields[field.sameAs],
  );
  return differs ? PASSWORDS_DIFFER : undefined;
}

/** The steps answered with a code, of which Cognito takes only a few wrong ones before it ends the sign-in. */
export const CODE_STEPS: ReadonlySet<string> = new Set([
  'SMS_MFA',
  'SMS_OTP',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'MFA_SETUP',
]);

/** What happened when Cognito ended a sign-in after wrong codes, in ctm login's words (not "too slow"). */
export function tooManyWrongCodes(wrong: number): string {
  return `Too many wrong codes: Cognito ended this sign-in after ${wrong} wrong code${wrong === 1 ? '' : 's'}. Sign in again.`;
}

/** The answer the core expects for a challenge, from the submitted fields. */
export function toAnswer(prompt: ChallengeView, fields: Fields): ChallengeAnswerInput {
  const rememberDevice = fields.rememberDevice === 'on' ? { rememberDevice: true } : {};
  switch (prompt.name) {
    case 'NEW_PASSWORD_REQUIRED': {
      const attributes = Object.fromEntries(
        Object.entries(fields)
          .filter(([k]) => k.startsWith('attr:'))
          .map(([k, v]) => [k.slice(5), v]),
      );
      return { newPassword: fields.newPassword ?? '', attributes };
    }
    case 'SELECT_MFA_TYPE':
      return { select: fields.select ?? '' };
    case 'SELECT_CHALLENGE':
      return { select: fields.select ?? '', ...(fields.password ? { password: fields.password } : {}) };
    case 'CUSTOM_CHALLENGE':
      return { answer: fields.answer ?? '' };
    case 'SMS_MFA':
    case 'SMS_OTP':
    case 'EMAIL_OTP':
    case 'SOFTWARE_TOKEN_MFA':
    case 'MFA_SETUP':
      return fields.email?.trim()
        ? { email: fields.email.trim(), ...rememberDevice }
        : { code: (fields.code ?? '').trim(), ...rememberDevice };
    default:
      return { answer: fields.answer ?? '' };
  }
}
