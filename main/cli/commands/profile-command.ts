import { RevocationFailedError } from '../../core/auth/sign-out.ts';
import { customServers } from '../../core/cognito/endpoint.ts';
import type { Core } from '../../core/core.ts';
import { profileRef } from '../../core/profiles/profile-id.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { PROFILE_LIST_SPEC, PROFILE_REMOVE_SPEC } from '../spec/commands/profile-specs.ts';
import { plainText } from '../../shared/plain-text.ts';
import { EXIT } from '../exit-codes.ts';
import { ask, canPrompt, type Terminal } from '../terminal.ts';

/**
 * Whether to revoke a signed-in profile's refresh token before removing it: --revoke / --no-revoke decide; otherwise a
 * person at a terminal is asked (no by default, as `gh` and `op` confirm), and a script keeps today's answer, no.
 */
async function revokeFirst(flag: boolean | undefined, name: string, terminal: Terminal): Promise<boolean> {
  if (flag !== undefined || !canPrompt(terminal)) return flag === true;
  const answer = await ask(terminal, `"${name}" is signed in. Revoke its refresh token at Cognito? [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}

/** `ctm profile remove NAME [--[no-]revoke]`: says whether a session was only forgotten here or also revoked at Cognito. */
export async function removeProfile(
  { values, args }: ParsedCommand<typeof PROFILE_REMOVE_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const app = core();
  const profile = await app.resolveProfile(profileRef(args[0] ?? ''));
  const signedIn = (await app.cachedTokens(profile.id)) !== undefined;
  // Revoked first, and nothing removed when the revocation fails: the refresh token stays where it can still be revoked.
  const revoke = signedIn && (await revokeFirst(values.revoke, profile.name, terminal));
  let removed;
  try {
    removed = await app.removeProfile(profile.id, { revoke });
  } catch (error) {
    if (!(error instanceof RevocationFailedError)) throw error;
    // Core's sentence ends "or remove it without revoking."; ctm names how.
    const said = plainText(error.message, Infinity).replace(/\.$/, '');
    terminal.stderr.write(`ctm: ${said}: ctm profile remove ${profile.name} --no-revoke\n`);
    return EXIT.network;
  }
  terminal.stderr.write(`Removed profile "${removed.name}" and its keychain entries.\n`);
  if (revoke) terminal.stderr.write('It was signed in: its refresh token is revoked at Cognito.\n');
  else if (signedIn)
    terminal.stderr.write(
      'It was signed in: it is signed out on this computer only, and its refresh token stays valid at Cognito ' +
        // The hint only where nobody was asked and nothing was said: a script that gave neither flag.
        `until it expires${values.revoke === undefined && !canPrompt(terminal) ? ' (--revoke revokes it first)' : ''}.\n`,
    );
  return 0;
}

/** `ctm profile list`. */
export async function listProfiles(
  { values }: ParsedCommand<typeof PROFILE_LIST_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const app = core();
  const profiles = await app.listProfiles();
  warnRecovery(app, terminal);
  if (values.json) {
    terminal.stdout.write(`${JSON.stringify(profiles, null, 2)}\n`);
    return 0;
  }
  if (profiles.length === 0) {
    terminal.stderr.write('No profiles yet. Add one with: ctm profile add NAME --user-pool-id P --client-id C\n');
    return 0;
  }
  const servers = serverColumn(profiles);
  for (const line of table(
    profiles.map((p, i) => [
      p.name,
      p.userPoolId,
      p.clientId,
      p.username ?? '-',
      p.authFlow,
      ...(servers.cells[i] ?? []),
    ]),
    ['NAME', 'USER POOL', 'CLIENT', 'USER', 'FLOW', ...servers.header],
  )) {
    terminal.stdout.write(`${line}\n`);
  }
  return 0;
}

/**
 * A SERVER column naming each profile's servers that are not AWS's (a custom endpoint or domain: where its password and
 * tokens go), shown only when some profile has one so the usual table stays as it was.
 */
export function serverColumn(profiles: readonly { endpoint?: string | undefined; domain?: string | undefined }[]): {
  header: string[];
  cells: string[][];
} {
  const servers = profiles.map((p) => customServers(p));
  if (servers.every((s) => s.length === 0)) return { header: [], cells: profiles.map(() => []) };
  return { header: ['SERVER'], cells: servers.map((s) => [s.length > 0 ? s.join(' ') : '-']) };
}

/** Tells the user where a broken profiles file went. */
export function warnRecovery(core: Core, terminal: Terminal): void {
  const recovery = core.profilesFileRecovery();
  if (recovery)
    terminal.stderr.write(
      `warning: the profiles file was unreadable (${recovery.reason}); it was moved to ${recovery.movedTo}\n`,
    );
}

/** Left-aligned columns under a header. */
export function table(rows: string[][], header: string[]): string[] {
  const all = [header, ...rows];
  const widths = all.reduce((w, r) => r.map((cell, i) => Math.max(cell.length, w[i] ?? 0)), [] as number[]);
  return all.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}
