import type { Core } from '../../core/core.ts';
import { profileRef } from '../../core/profiles/profile-id.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { LOGOUT_SPEC } from '../spec/commands/logout-spec.ts';
import type { Terminal } from '../terminal.ts';

/** `ctm logout NAME`: revokes the refresh token (with --global, signs out everywhere) and always removes the session from the keychain. */
export async function logoutCommand(
  { values, args }: ParsedCommand<typeof LOGOUT_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const [name = ''] = args;
  const app = core();
  const profile = await app.resolveProfile(profileRef(name));
  const result = await app.signOut(profile.id, { global: values.global === true });
  // The session is gone from this computer either way: exit 0, and say on stderr what the server did not revoke.
  if (result.warning) terminal.stderr.write(`Warning: ${result.warning}\n`);
  else
    terminal.stderr.write(
      values.global
        ? `Signed out of "${name}" on every device; its tokens are revoked.\n`
        : `Signed out of "${name}"; its refresh token is revoked.\n`,
    );
  return 0;
}
