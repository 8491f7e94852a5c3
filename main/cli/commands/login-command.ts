import type { Core } from '../../core/core.ts';
import { answerCanBeRetried } from '../../core/auth/answer-retry.ts';
import { signInNeeds } from '../../core/auth/flows/flow-kinds.ts';
import { BadInputError } from '../../core/errors.ts';
import type { SignInStep } from '../../core/sessions/session-state.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { LOGIN_SPEC } from '../spec/commands/login-spec.ts';
import { whileWaiting } from '../progress.ts';
import { ask, canPrompt, readStdinLines, type Terminal } from '../terminal.ts';
import { answerChallengePrompt, type ScriptedAnswers } from './login-challenges.ts';
import { oauthLogin } from './oauth-login.ts';

/** `ctm login NAME`: signs in, prompting on a terminal for each challenge or taking answers from flags and stdin for scripts. */
export async function loginCommand({ values, args }: ParsedCommand<typeof LOGIN_SPEC>, core: () => Core, terminal: Terminal): Promise<number> {
  const [name = ''] = args;
  const app = core();
  const profile = await app.profiles.get(name);
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
  const username = values.username ?? profile.username ?? (canPrompt(terminal) ? await ask(terminal, 'Username: ') : undefined);
  const password = given.password ?? (needs.passwordRequired ? await ask(terminal, 'Password: ', { secret: true }) : undefined);
  if (password !== undefined) given.password = password;
  let step: SignInStep = await whileWaiting(terminal, `Signing in to ${profile.name}…`, app.sessions.startSignIn(profile.id, {
    ...(username ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(given.rememberDevice ? { rememberDevice: true } : {}),
  }));
  while (step.kind === 'challenge') step = await answerStep(app, step, given, terminal);
  terminal.stderr.write(`Signed in to "${profile.name}"; the access token is valid until ${new Date(step.expiresAt).toLocaleString()}.\n`);
  if (step.warning) terminal.stderr.write(`Warning: ${step.warning}\n`);
  return 0;
}

/** One challenge; on a terminal a mistyped code is asked for again instead of ending the sign-in. */
async function answerStep(app: Core, step: Extract<SignInStep, { kind: 'challenge' }>, given: ScriptedAnswers, terminal: Terminal): Promise<SignInStep> {
  for (;;) {
    const answer = await answerChallengePrompt(step.prompt, given, terminal);
    try {
      return await whileWaiting(terminal, 'Checking…', app.sessions.answerChallenge(step.conversationId, answer));
    } catch (error) {
      if (!canPrompt(terminal) || !answerCanBeRetried(error) || !(error instanceof Error)) throw error;
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
