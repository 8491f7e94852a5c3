import type { Core } from '../../core/core.ts';
import { profileRef } from '../../core/profiles/profile-id.ts';
import { answerCanBeRetried } from '../../core/auth/answer-retry.ts';
import { signInNeeds } from '../../core/auth/flows/flow-kinds.ts';
import { cognitoErrorOf } from '../../core/cognito/cognito-errors.ts';
import { BadInputError } from '../../core/errors.ts';
import { SignInRefusedError } from '../error-exit-code.ts';
import type { SignInStep } from '../../core/sessions/session-state.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { LOGIN_SPEC } from '../spec/commands/login-spec.ts';
import { whileWaiting } from '../progress.ts';
import { ask, canPrompt, readStdinLines, type Terminal } from '../terminal.ts';
import { answerChallengePrompt, type ScriptedAnswers } from './login-challenges.ts';
import { oauthLogin } from './oauth-login.ts';

/** `ctm login NAME`: signs in, prompting on a terminal for each challenge or taking answers from flags and stdin for scripts. */
export async function loginCommand(
  { values, args }: ParsedCommand<typeof LOGIN_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const [name = ''] = args;
  const app = core();
  const profile = await app.resolveProfile(profileRef(name));
  const needs = signInNeeds(profile);
  if (needs.signIn !== 'password') return oauthLogin(app, profile, values.browser !== false, terminal);
  // With both flags, stdin's first line is the password and its second the new one.
  const stdinLines = values['password-stdin'] || values['new-password-stdin'] ? await readStdinLines(terminal) : [];
  const given: ScriptedAnswers = {
    ...(values['password-stdin'] ? { password: stdinLines.shift() ?? '' } : {}),
    ...(values['new-password-stdin'] ? { newPassword: stdinLines.shift() ?? '' } : {}),
    attributes: parseAttributes(values.attribute ?? []),
    mfaCodes: [...(values['mfa-code'] ?? [])],
    answers: [...(values.answer ?? [])],
    selects: [...(values.select ?? [])],
    rememberDevice: values['remember-device'] === true,
  };
  // An empty first line is a script that piped nothing (an unset variable, a closed stdin): say so before Cognito does.
  if (given.password === '' && needs.passwordRequired)
    throw new BadInputError(
      `--password-stdin read an empty first line: pipe the password to it, such as printf '%s\\n' "$PASSWORD" | ctm login ${profile.name} --password-stdin`,
    );
  const username =
    values.username ??
    profile.username ??
    (canPrompt(terminal) ? await ask(terminal, 'Username: ', { flag: '--username' }) : undefined);
  const password =
    given.password ??
    (needs.passwordRequired
      ? await ask(terminal, 'Password: ', { secret: true, flag: '--password-stdin' })
      : undefined);
  if (password !== undefined) given.password = password;
  const start = (): Promise<SignInStep> =>
    whileWaiting(
      terminal,
      `Signing in to ${profile.name}…`,
      app.signIn(profile.id, {
        ...(username ? { username } : {}),
        ...(password !== undefined ? { password } : {}),
        ...(given.rememberDevice ? { rememberDevice: true } : {}),
      }),
    );
  const step = await signInWithRetries(app, profile.name, start, given, terminal);
  terminal.stderr.write(
    `Signed in to "${profile.name}"; the access token is valid until ${new Date(step.expiresAt).toLocaleString()}.\n`,
  );
  if (step.warning) terminal.stderr.write(`Warning: ${step.warning}\n`);
  if (username && profile.username === undefined) {
    // The next login, `ctm status` and the window know who this is, as the profile form would have kept it.
    await app.updateProfile(profile.id, { username });
    terminal.stderr.write(
      `Kept username "${username}" on profile "${profile.name}" (change it with: ctm profile edit ${profile.name} --username USER).\n`,
    );
  }
  return 0;
}

/** Tries a new password again this many times on a terminal when the pool's policy refuses it. */
const NEW_PASSWORD_TRIES = 3;

/**
 * The sign-in to its end. On a terminal, a new password the pool's policy refuses is said in plain words and asked
 * for again: Cognito spends the challenge session with that refusal, so the sign-in starts over with the same
 * (temporary) password, which still works.
 */
async function signInWithRetries(
  app: Core,
  name: string,
  start: () => Promise<SignInStep>,
  given: ScriptedAnswers,
  terminal: Terminal,
): Promise<Extract<SignInStep, { kind: 'signed-in' }>> {
  for (let attempt = 1; ; attempt++) {
    try {
      let step = await start();
      while (step.kind === 'challenge') step = await answerStep(app, name, step, given, terminal);
      return step;
    } catch (error) {
      const refusal = cognitoErrorOf(error);
      const policy =
        refusal?.type === 'InvalidPasswordException' || refusal?.type === 'PasswordHistoryPolicyViolationException';
      if (
        !refusal ||
        !policy ||
        !canPrompt(terminal) ||
        given.newPassword !== undefined ||
        attempt >= NEW_PASSWORD_TRIES
      )
        throw error;
      terminal.stderr.write(`${refusal.message}\n`);
    }
  }
}

/** One challenge; on a terminal a mistyped code is asked for again instead of ending the sign-in. */
async function answerStep(
  app: Core,
  name: string,
  step: Extract<SignInStep, { kind: 'challenge' }>,
  given: ScriptedAnswers,
  terminal: Terminal,
): Promise<SignInStep> {
  let wrongCodes = 0;
  for (;;) {
    const answer = await answerChallengePrompt(step.prompt, given, terminal);
    try {
      return await whileWaiting(terminal, 'Checking…', app.answerChallenge(step.conversationId, answer));
    } catch (error) {
      // Cognito ends the session after a few wrong codes (3) and then answers "Invalid session": say what happened.
      const ended = cognitoErrorOf(error);
      if (wrongCodes > 0 && ended?.type === 'NotAuthorizedException' && /Invalid session/i.test(ended.serviceMessage)) {
        throw new SignInRefusedError(
          `Too many wrong codes: Cognito ended this sign-in after ${wrongCodes} wrong code${wrongCodes === 1 ? '' : 's'}. Sign in again: ctm login ${name}`,
          { cause: error },
        );
      }
      if (!canPrompt(terminal) || !answerCanBeRetried(error) || !(error instanceof Error)) throw error;
      if (cognitoErrorOf(error)) wrongCodes += 1;
      terminal.stderr.write(`${error.message}\n`);
    }
  }
}

function parseAttributes(pairs: string[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new BadInputError(`--attribute takes NAME=VALUE (got "${pair}").`);
    attributes[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return attributes;
}
