import type { Core } from '../../core/core.ts';
import { parseFlags, onePositional } from '../parse.ts';
import type { Terminal } from '../terminal.ts';

/** Usage of `ctm logout`. */
export const LOGOUT_USAGE = 'ctm logout NAME [--global]';

/** `ctm logout NAME`: revokes the refresh token (with --global, signs out everywhere) and always removes the session from the keychain. */
export async function logoutCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { global: { type: 'boolean' } }, LOGOUT_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${LOGOUT_USAGE}\n`);
    return 0;
  }
  const name = onePositional(positionals, 'profile name', LOGOUT_USAGE);
  const result = await core().sessions.signOut(name, { global: values.global === true });
  // The session is gone from this computer either way: exit 0, and say on stderr what the server did not revoke.
  if (result.warning) terminal.stderr.write(`Warning: ${result.warning}\n`);
  else terminal.stderr.write(values.global ? `Signed out of "${name}" on every device; its tokens are revoked.\n` : `Signed out of "${name}"; its refresh token is revoked.\n`);
  return 0;
}
