import type { Core } from '../../core/core.ts';
import { BadInputError } from '../../core/errors.ts';
import type { ProfileStatus } from '../../core/sessions/session-state.ts';
import { parseFlags } from '../parse.ts';
import { formatDuration } from '../../shared/duration.ts';
import { whileWaiting } from '../progress.ts';
import type { Terminal } from '../terminal.ts';
import { serverColumn, table, warnRecovery } from './profile-command.ts';
import { customServers } from '../../core/cognito/endpoint.ts';

/** Usage of `ctm status`. */
export const STATUS_USAGE = 'ctm status [--json]';

/** `ctm status`: every profile with its state and the access token's time left, from one keychain read and no network call. */
export async function statusCommand(args: string[], core: () => Core, terminal: Terminal): Promise<number> {
  const { positionals, values } = parseFlags(args, { json: { type: 'boolean' } }, STATUS_USAGE);
  if (values.help) {
    terminal.stdout.write(`Usage: ${STATUS_USAGE}\n\nShows every profile: signed-out, fresh, renewing, retrying, needs-sign-in or off, and the time left. No network call.\n`);
    return 0;
  }
  if (positionals.length > 0) throw new BadInputError(`Unexpected argument "${positionals[0]}".\nUsage: ${STATUS_USAGE}`);
  const app = core();
  const statuses = await whileWaiting(terminal, 'Reading the keychain…', app.statuses());
  warnRecovery(app, terminal);
  const now = app.clock.now();
  if (values.json) {
    terminal.stdout.write(`${JSON.stringify(statuses.map((s) => statusJson(s, now)), null, 2)}\n`);
    return 0;
  }
  if (statuses.length === 0) {
    terminal.stderr.write('No profiles yet. Add one with: ctm profile add NAME --user-pool-id P --client-id C\n');
    return 0;
  }
  const servers = serverColumn(statuses.map((s) => s.profile));
  const rows = statuses.map((s, i) => [s.profile.name, s.state, timeLeft(s.expiresAt, now), s.profile.username ?? '-', ...(servers.cells[i] ?? []), s.problem ?? '']);
  for (const line of table(rows, ['NAME', 'STATE', 'ACCESS TOKEN', 'USER', ...servers.header, 'PROBLEM'])) terminal.stdout.write(`${line}\n`);
  return 0;
}

function statusJson(status: ProfileStatus, now: number): Record<string, unknown> {
  const { profile, state, expiresAt, problem } = status;
  return {
    name: profile.name,
    state,
    expiresAt: expiresAt === undefined ? null : new Date(expiresAt).toISOString(),
    secondsLeft: expiresAt === undefined ? null : Math.max(0, Math.floor((expiresAt - now) / 1000)),
    username: profile.username ?? null,
    ...(customServers(profile).length > 0 ? { servers: customServers(profile) } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** "12 min 5 s left", "expired 3 min 2 s ago", or "-" without a session: the window's and the tray's formatter. */
export function timeLeft(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return '-';
  return expiresAt > now ? `${formatDuration(expiresAt - now)} left` : `expired ${formatDuration(now - expiresAt)} ago`;
}
