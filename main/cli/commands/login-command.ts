import type { Core } from '../../core/core.ts';
import type { ChallengeAnswer, ChallengePrompt } from '../../core/auth/sign-in-types.ts';
import { BadInputError } from '../../core/errors.ts';
import type { SignInStep } from '../../core/sessions/session-state.ts';
import { parseFlags, onePositional } from '../parse.ts';
import { ask, canPrompt, readStdinLines, type Terminal } from '../terminal.ts';

/** Usage of `ctm login`. */
export const LOGIN_USAGE = 'ctm login NAME [--username U] [--password-stdin] [--new-password-stdin]';

/** `ctm login NAME`: signs in, prompting on a terminal or taking answers from flags and stdin for scripts. */
export async function loginCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(
    args,
    { username: { type: 'string' }, 'password-stdin': { type: 'boolean' }, 'new-password-stdin': { type: 'boolean' } },
    LOGIN_USAGE,
  );
  if (values.help) {
    terminal.stdout.write(`Usage: ${LOGIN_USAGE}\n`);
    return 0;
  }
  const name = onePositional(positionals, 'profile name', LOGIN_USAGE);
  const app = core();
  const profile = await app.profiles.get(name);
  const stdinLines = values['password-stdin'] || values['new-password-stdin'] ? await readStdinLines(terminal) : [];
  const password = values['password-stdin'] ? stdinLines.shift() : undefined;
  const newPassword = values['new-password-stdin'] ? stdinLines.shift() : undefined;
  const username = values.username ?? profile.username ?? (canPrompt(terminal) ? await ask(terminal, 'Username: ') : undefined);
  const needsPassword = profile.authFlow === 'USER_PASSWORD_AUTH' || profile.authFlow === 'USER_SRP_AUTH';
  const typedPassword = password ?? (needsPassword ? await ask(terminal, 'Password: ', { secret: true }) : undefined);
  let step: SignInStep = await app.sessions.startSignIn(profile.id, {
    ...(username ? { username } : {}),
    ...(typedPassword !== undefined ? { password: typedPassword } : {}),
  });
  while (step.kind === 'challenge') {
    const answer = await answerFor(step.prompt, { newPassword }, terminal);
    step = await app.sessions.answerChallenge(step.conversationId, answer);
  }
  terminal.stderr.write(`Signed in to "${profile.name}"; the access token is valid until ${new Date(step.expiresAt).toLocaleString()}.\n`);
  return 0;
}

async function answerFor(prompt: ChallengePrompt, given: { newPassword: string | undefined }, terminal: Terminal): Promise<ChallengeAnswer> {
  if (prompt.name === 'NEW_PASSWORD_REQUIRED') {
    const newPassword = given.newPassword ?? (await ask(terminal, 'A new password is required. New password: ', { secret: true }));
    const attributes: Record<string, string> = {};
    for (const attribute of prompt.requiredAttributes ?? []) attributes[attribute] = await ask(terminal, `${attribute}: `);
    return { newPassword, attributes };
  }
  throw new BadInputError(`The ${prompt.name} challenge cannot be answered from the command line yet.`);
}
