import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { jwtShapeProblem } from '../../core/tokens/jwt-shape.ts';
import { pickToken, type TokenKind } from '../../core/tokens/token-format.ts';
import { inspectToken } from '../../core/tokens/token-inspection.ts';
import { EXIT } from '../exit-codes.ts';
import { chosenProfile } from '../profile-choice.ts';
import { whileWaiting } from '../progress.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { INSPECT_SPEC } from '../spec/commands/inspect-spec.ts';
import { readStdinLines, type Terminal } from '../terminal.ts';
import { inspectionJson, inspectionLines } from './inspect-format.ts';

/** `ctm inspect [NAME]`: the window's inspector (the same core) on stdout; exit 5 when the signature does not verify. */
export async function inspectCommand(
  { values, args }: ParsedCommand<typeof INSPECT_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  // The parser has checked it against TOKEN_KINDS (the spec's choices).
  const kind = (values.type ?? 'access') as TokenKind;
  const app = core();
  const profile = await chosenProfile(args, app);
  const token = values['token-stdin']
    ? await tokenFromStdin(terminal)
    : pickToken(await whileWaiting(terminal, `Getting a token for ${profile.name}…`, app.tokens(profile.id)), kind);
  const inspection = await whileWaiting(
    terminal,
    `Fetching the keys of ${profile.name}'s pool…`,
    inspectToken(token, kind, profile),
  );
  const now = app.now();
  const text = values.json
    ? JSON.stringify(inspectionJson(profile.name, inspection, now), null, 2)
    : inspectionLines(profile.name, inspection, now).join('\n');
  terminal.stdout.write(`${text}\n`);
  return inspection.signature.verified ? EXIT.ok : EXIT.refused;
}

async function tokenFromStdin(terminal: Terminal): Promise<string> {
  const token = (await readStdinLines(terminal)).join('').trim();
  const problem = jwtShapeProblem(token);
  // The reason only, never the text read: it may be a token.
  if (problem) throw new BadInputError(`The token on stdin is not a JWT: ${problem}. See: ctm inspect --help`);
  return token;
}
