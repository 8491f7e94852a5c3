import { customServers } from '../../core/cognito/endpoint.ts';
import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import { parseFlags, onePositional } from '../parse.ts';
import type { Terminal } from '../terminal.ts';
import { addProfile, editProfile, PROFILE_ADD_USAGE, PROFILE_EDIT_USAGE } from './profile-edit-command.ts';
import { exportProfilesCommand, importProfiles, PROFILE_EXPORT_USAGE, PROFILE_IMPORT_USAGE } from './profile-transfer-command.ts';

const LIST_USAGE = 'ctm profile list [--json]';
const REMOVE_USAGE = 'ctm profile remove NAME';

/** Usage of `ctm profile`. */
export const PROFILE_USAGE = [PROFILE_ADD_USAGE, PROFILE_EDIT_USAGE, LIST_USAGE, REMOVE_USAGE, PROFILE_IMPORT_USAGE, PROFILE_EXPORT_USAGE].join('\n       ');

type Sub = (args: string[], core: () => Core, terminal: Terminal) => Promise<number>;
const SUBCOMMANDS: Record<string, Sub> = {
  add: addProfile,
  edit: editProfile,
  list: listProfiles,
  ls: listProfiles,
  remove: removeProfile,
  rm: removeProfile,
  import: importProfiles,
  export: exportProfilesCommand,
};

/** `ctm profile add|edit|list|remove|import|export`. */
export async function profileCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    terminal.stdout.write(`Usage: ${PROFILE_USAGE}\n\nRun "ctm profile <command> --help" for a command's flags.\n`);
    return sub === undefined ? 2 : 0;
  }
  const run = SUBCOMMANDS[sub];
  if (!run) throw new BadInputError(`Unknown command "profile ${sub}". Run: ctm profile --help`);
  return run(rest, core, terminal);
}

async function removeProfile(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, {}, REMOVE_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${REMOVE_USAGE}\n\nRemoves a profile with its session and client secret from the keychain (it does not sign out; use ctm logout first to revoke).\n`);
    return 0;
  }
  const removed = await core().removeProfile(onePositional(positionals, 'profile name', REMOVE_USAGE));
  terminal.stderr.write(`Removed profile "${removed.name}" and its keychain entries.\n`);
  return 0;
}

async function listProfiles(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { json: { type: 'boolean' } }, LIST_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${LIST_USAGE}\n\nLists profiles (never a secret). For sign-in states and time left, use ctm status.\n`);
    return 0;
  }
  if (positionals.length > 0) throw new BadInputError(`Unexpected argument "${positionals[0]}".\nUsage: ${LIST_USAGE}`);
  const app = core();
  const profiles = await app.profiles.list();
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
  for (const line of table(profiles.map((p, i) => [p.name, p.userPoolId, p.clientId, p.username ?? '-', p.authFlow, ...(servers.cells[i] ?? [])]), ['NAME', 'USER POOL', 'CLIENT', 'USER', 'FLOW', ...servers.header])) {
    terminal.stdout.write(`${line}\n`);
  }
  return 0;
}

/**
 * A SERVER column naming each profile's servers that are not AWS's (a custom endpoint or domain: where its password and
 * tokens go), shown only when some profile has one so the usual table stays as it was.
 */
export function serverColumn(profiles: readonly { endpoint?: string | undefined; domain?: string | undefined }[]): { header: string[]; cells: string[][] } {
  const servers = profiles.map((p) => customServers(p));
  if (servers.every((s) => s.length === 0)) return { header: [], cells: profiles.map(() => []) };
  return { header: ['SERVER'], cells: servers.map((s) => [s.length > 0 ? s.join(' ') : '-']) };
}

/** Tells the user where a broken profiles file went. */
export function warnRecovery(core: Core, terminal: Terminal): void {
  const recovery = core.profiles.lastRecovery;
  if (recovery) terminal.stderr.write(`warning: the profiles file was unreadable (${recovery.reason}); it was moved to ${recovery.movedTo}\n`);
}

/** Left-aligned columns under a header. */
export function table(rows: string[][], header: string[]): string[] {
  const all = [header, ...rows];
  const widths = all.reduce((w, r) => r.map((cell, i) => Math.max(cell.length, w[i] ?? 0)), [] as number[]);
  return all.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}
