import { renderUnicodeCompact } from 'uqr';
import type { ChallengeAnswer, ChallengePrompt } from '../../core/auth/sign-in-types.ts';
import { BadInputError } from '../../core/errors.ts';
import { PASSWORDS_DIFFER } from '../../shared/new-password.ts';
import { ask, canPrompt, choose, type Terminal } from '../terminal.ts';

/** Answers given up front by flags and stdin (for scripts); each is used once, in order. */
export interface ScriptedAnswers {
  password?: string;
  newPassword?: string;
  attributes: Record<string, string>;
  mfaCodes: string[];
  answers: string[];
  selects: string[];
  rememberDevice: boolean;
}

const CODE_QUESTIONS: Record<string, string> = {
  SMS_MFA: 'SMS code',
  SMS_OTP: 'SMS code',
  EMAIL_OTP: 'E-mail code',
  SOFTWARE_TOKEN_MFA: 'Code from your authenticator app',
};

/** The answer to one challenge: from the scripted answers when they have it, else asked on the terminal. */
export async function answerChallengePrompt(
  prompt: ChallengePrompt,
  given: ScriptedAnswers,
  terminal: Terminal,
): Promise<ChallengeAnswer> {
  const remember = given.rememberDevice ? { rememberDevice: true } : {};
  switch (prompt.name) {
    case 'NEW_PASSWORD_REQUIRED':
      return { ...remember, ...(await newPassword(prompt, given, terminal)) };
    case 'SELECT_MFA_TYPE':
    case 'SELECT_CHALLENGE':
      return { ...remember, ...(await selection(prompt, given, terminal)) };
    case 'MFA_SETUP':
      return { ...remember, ...(await mfaSetupAnswer(prompt, given, terminal)) };
    case 'CUSTOM_CHALLENGE': {
      const scripted = given.answers.shift();
      if (scripted !== undefined) return { ...remember, answer: scripted };
      const shown = Object.entries(prompt.parameters ?? {})
        .map(([name, value]) => `  ${name}: ${value}`)
        .join('\n');
      if (canPrompt(terminal)) terminal.stderr.write(`The user pool asks a custom challenge:\n${shown}\n`);
      return { ...remember, answer: await ask(terminal, 'Answer: ', { flag: '--answer' }) };
    }
    default: {
      const question = CODE_QUESTIONS[prompt.name];
      if (!question) throw new BadInputError(`The ${prompt.name} challenge cannot be answered from the command line.`);
      const where = prompt.destination ? ` (sent to ${prompt.destination})` : '';
      return {
        ...remember,
        code: given.mfaCodes.shift() ?? (await ask(terminal, `${question}${where}: `, { flag: '--mfa-code' })),
      };
    }
  }
}

async function newPassword(
  prompt: ChallengePrompt,
  given: ScriptedAnswers,
  terminal: Terminal,
): Promise<ChallengeAnswer> {
  const typed = given.newPassword ?? (await newPasswordTwice(terminal));
  const attributes: Record<string, string> = {};
  for (const name of prompt.requiredAttributes ?? [])
    attributes[name] =
      given.attributes[name] ?? (await ask(terminal, `${name}: `, { flag: `--attribute ${name}=VALUE` }));
  return { newPassword: typed, attributes };
}

/**
 * A new password typed twice, hidden, until both match: one typo would otherwise set a password nobody knows and
 * lock the account until an administrator resets it. An empty one is asked again too.
 */
export async function newPasswordTwice(terminal: Terminal): Promise<string> {
  const flag = '--new-password-stdin';
  if (canPrompt(terminal)) terminal.stderr.write('The user pool requires a new password for this user.\n');
  for (;;) {
    const first = await ask(terminal, 'New password: ', { secret: true, flag });
    if (first === '') {
      terminal.stderr.write('The new password is empty; type one.\n');
      continue;
    }
    const second = await ask(terminal, 'New password again: ', { secret: true, flag });
    if (first === second) return first;
    terminal.stderr.write(`${PASSWORDS_DIFFER}\n`);
  }
}

async function selection(
  prompt: ChallengePrompt,
  given: ScriptedAnswers,
  terminal: Terminal,
): Promise<ChallengeAnswer> {
  const options = prompt.options ?? [];
  const index = given.selects.findIndex((value) => options.includes(value));
  const title = prompt.name === 'SELECT_MFA_TYPE' ? 'Choose how to get your sign-in code' : 'Choose how to sign in';
  const select =
    index >= 0
      ? (given.selects.splice(index, 1)[0] ?? '')
      : await choose(terminal, title, options, choiceLabel, `--select ${options.join('|')}`);
  const needsPassword = prompt.name === 'SELECT_CHALLENGE' && (select === 'PASSWORD' || select === 'PASSWORD_SRP');
  if (!needsPassword) return { select };
  return {
    select,
    password: given.password ?? (await ask(terminal, 'Password: ', { secret: true, flag: '--password-stdin' })),
  };
}

/** What a choice Cognito offers means to a person, with the name --select takes. */
const CHOICE_LABELS: Record<string, string> = {
  SMS_MFA: 'SMS code',
  SOFTWARE_TOKEN_MFA: 'Authenticator app code',
  EMAIL_OTP: 'E-mail code',
  SMS_OTP: 'SMS code',
  PASSWORD: 'Password',
  PASSWORD_SRP: 'Password (SRP, not sent to the server)',
  WEB_AUTHN: 'Passkey',
};

function choiceLabel(choice: string): string {
  const label = CHOICE_LABELS[choice];
  return label ? `${label} (${choice})` : choice;
}

/** MFA setup: the secret, the otpauth URI and, on a terminal, a QR code to scan (stderr: stdout stays for tokens). */
function showTotpEnrolment(prompt: ChallengePrompt, terminal: Terminal): void {
  const lines = [
    'The user pool requires an authenticator app (TOTP). Add this account to it:',
    `  secret: ${prompt.totpSecret ?? ''}`,
    `  URI:    ${prompt.otpauthUri ?? ''}`,
  ];
  if (canPrompt(terminal) && prompt.otpauthUri) lines.push(renderUnicodeCompact(prompt.otpauthUri));
  terminal.stderr.write(`${lines.join('\n')}\n`);
}

/**
 * MFA_SETUP: an authenticator app (its first code), or where the pool offers it an e-mail address (`--select EMAIL_OTP`
 * with `--answer ADDRESS`, or asked); the code Cognito then e-mails is the next challenge (EMAIL_OTP).
 */
async function mfaSetupAnswer(
  prompt: ChallengePrompt,
  given: ScriptedAnswers,
  terminal: Terminal,
): Promise<ChallengeAnswer> {
  const offersEmail = prompt.options?.includes('EMAIL_OTP') === true;
  const offersTotp = prompt.totpSecret !== undefined;
  let byEmail = offersEmail && (!offersTotp || given.selects[0] === 'EMAIL_OTP');
  if (
    offersEmail &&
    offersTotp &&
    !byEmail &&
    given.selects.length === 0 &&
    given.mfaCodes.length === 0 &&
    canPrompt(terminal)
  ) {
    byEmail = /^(2|e)/i.test(
      (
        await ask(terminal, 'Set up MFA with 1) an authenticator app or 2) e-mail codes? [1/2]: ', {
          flag: '--select EMAIL_OTP',
        })
      ).trim(),
    );
  }
  if (byEmail) {
    if (given.selects[0] === 'EMAIL_OTP') given.selects.shift();
    return {
      email: given.answers.shift() ?? (await ask(terminal, 'E-mail address for sign-in codes: ', { flag: '--answer' })),
    };
  }
  showTotpEnrolment(prompt, terminal);
  return {
    code:
      given.mfaCodes.shift() ??
      (await ask(terminal, 'First code from your authenticator app: ', { flag: '--mfa-code' })),
  };
}
