import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import type { Profile } from '../../core/profiles/profile.ts';
import { parseFlags, onePositional } from '../parse.ts';
import { readStdinLines, type Terminal } from '../terminal.ts';

/** Usage of `ctm profile`. */
export const PROFILE_USAGE = `ctm profile add NAME --region R --user-pool-id P --client-id C [--client-secret-stdin] [--username U] [--auth-flow FLOW] [--endpoint URL]
       ctm profile list [--json]
       ctm profile remove NAME`;

/** `ctm profile add|list|remove`. */
export async function profileCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'add':
      return addProfile(rest, core(), terminal);
    case 'list':
      return listProfiles(rest, core(), terminal);
    case 'remove':
    case 'rm': {
      const { positionals, values } = parseFlags(rest, {}, 'ctm profile remove NAME');
      if (values.help) return help(terminal);
      const removed = await core().removeProfile(onePositional(positionals, 'profile name', 'ctm profile remove NAME'));
      terminal.stderr.write(`Removed profile "${removed.name}" and its keychain entries.\n`);
      return 0;
    }
    case undefined:
    case '--help':
    case '-h':
      return help(terminal);
    default:
      throw new BadInputError(`Unknown command "profile ${sub}".\nUsage: ${PROFILE_USAGE}`);
  }
}

async function addProfile(args: string[], core: Core, terminal: Terminal): Promise<number> {
  const usage = 'ctm profile add NAME --region R --user-pool-id P --client-id C [--client-secret-stdin] [--username U] [--auth-flow FLOW] [--endpoint URL]';
  const { positionals, values } = parseFlags(
    args,
    {
      region: { type: 'string' },
      'user-pool-id': { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret-stdin': { type: 'boolean' },
      username: { type: 'string' },
      'auth-flow': { type: 'string' },
      'refresh-method': { type: 'string' },
      endpoint: { type: 'string' },
    },
    usage,
  );
  if (values.help) return help(terminal);
  const name = onePositional(positionals, 'profile name', usage);
  const region = values.region ?? values['user-pool-id']?.split('_')[0];
  const fields: Record<string, unknown> = {
    name,
    region,
    userPoolId: values['user-pool-id'],
    clientId: values['client-id'],
    ...(values.username ? { username: values.username } : {}),
    ...(values['auth-flow'] ? { authFlow: values['auth-flow'] } : {}),
    ...(values['refresh-method'] ? { refreshMethod: values['refresh-method'] } : {}),
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
  };
  const secret = values['client-secret-stdin'] ? (await readStdinLines(terminal))[0] ?? '' : undefined;
  const profile = await core.addProfile(fields, secret);
  terminal.stderr.write(`Added profile "${profile.name}" (${profile.authFlow}${profile.hasClientSecret ? ', client secret in the keychain' : ''}).\n`);
  return 0;
}

async function listProfiles(args: string[], core: Core, terminal: Terminal): Promise<number> {
  const { values } = parseFlags(args, { json: { type: 'boolean' } }, 'ctm profile list [--json]');
  if (values.help) return help(terminal);
  const profiles = await core.profiles.list();
  warnRecovery(core, terminal);
  if (values.json) {
    terminal.stdout.write(`${JSON.stringify(profiles, null, 2)}\n`);
    return 0;
  }
  if (profiles.length === 0) {
    terminal.stderr.write('No profiles yet. Add one with: ctm profile add NAME --region R --user-pool-id P --client-id C\n');
    return 0;
  }
  for (const line of table(profiles)) terminal.stdout.write(`${line}\n`);
  return 0;
}

/** Tells the user where a broken profiles file went. */
export function warnRecovery(core: Core, terminal: Terminal): void {
  const recovery = core.profiles.lastRecovery;
  if (recovery) terminal.stderr.write(`warning: the profiles file was unreadable (${recovery.reason}); it was moved to ${recovery.movedTo}\n`);
}

function table(profiles: Profile[]): string[] {
  const rows = profiles.map((p) => [p.name, p.userPoolId, p.clientId, p.username ?? '-', p.authFlow]);
  const all = [['NAME', 'USER POOL', 'CLIENT', 'USER', 'FLOW'], ...rows];
  const widths = all.reduce((w, r) => r.map((cell, i) => Math.max(cell.length, w[i] ?? 0)), [] as number[]);
  return all.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

function help(terminal: Terminal): number {
  terminal.stdout.write(`Usage: ${PROFILE_USAGE}\n`);
  return 0;
}
