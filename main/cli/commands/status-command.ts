import type { Core } from '../../core/core.ts';
import type { ProfileStatus } from '../../core/sessions/session-state.ts';
import type { ParsedCommand } from '../spec/command-spec.ts';
import type { STATUS_SPEC } from '../spec/commands/status-spec.ts';
import { formatDuration } from '../../shared/duration.ts';
import { whileWaiting } from '../progress.ts';
import type { Terminal } from '../terminal.ts';
import { serverColumn, table, warnRecovery } from './profile-command.ts';
import { customServers } from '../../core/cognito/endpoint.ts';
import { environmentOf } from '../../shared/environments.ts';

/** `ctm status`: every profile with its state and the access token's time left, from one keychain read and no network call. */
export async function statusCommand(
  { values }: ParsedCommand<typeof STATUS_SPEC>,
  core: () => Core,
  terminal: Terminal,
): Promise<number> {
  const app = core();
  const statuses = await whileWaiting(terminal, 'Reading the keychain…', app.statuses());
  warnRecovery(app, terminal);
  const now = app.now();
  if (values.json) {
    terminal.stdout.write(
      `${JSON.stringify(
        statuses.map((s) => statusJson(s, now)),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  if (statuses.length === 0) {
    terminal.stderr.write('No profiles yet. Add one with: ctm profile add NAME --user-pool-id P --client-id C\n');
    return 0;
  }
  const servers = serverColumn(statuses.map((s) => s.profile));
  const rows = statuses.map((s, i) => [
    s.profile.name,
    s.state,
    timeLeft(s.expiresAt, now),
    s.profile.username ?? '-',
    environmentCell(s),
    ...(servers.cells[i] ?? []),
    s.problem ?? '',
  ]);
  for (const line of table(rows, ['NAME', 'STATE', 'ACCESS TOKEN', 'USER', 'ENV', ...servers.header, 'PROBLEM']))
    terminal.stdout.write(`${line}\n`);
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
    environment: environmentOf(profile).name || null,
    ...(customServers(profile).length > 0 ? { servers: customServers(profile) } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** The profile's environment (its own or the one its name suggests, as the window and tray show it); prod carries a warning sign. */
function environmentCell(status: ProfileStatus): string {
  const env = environmentOf(status.profile);
  return env.production ? `${env.name} \u26A0` : env.name || '-';
}

/** "12 min 5 s left", "expired 3 min 2 s ago", or "-" without a session: the window's and the tray's formatter. */
export function timeLeft(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return '-';
  return expiresAt > now ? `${formatDuration(expiresAt - now)} left` : `expired ${formatDuration(now - expiresAt)} ago`;
}
