// Pure code shared by every face of the app: main (core, cli, electron) and the renderer. It imports nothing (no
// Node, no DOM), which the lint rules enforce, so both TypeScript projects can compile it.

/** How finely a span is shown: to the second (window, terminal) or to the minute (the tray, refreshed each minute). */
export type DurationPrecision = 'seconds' | 'minutes';

/** "1 h 3 min", "12 min 5 s", "45 s" (or "1 h 3 min", "12 min", "0 min" to the nearest minute): a span of time for people. */
export function formatDuration(ms: number, precision: DurationPrecision = 'seconds'): string {
  // To the minute, the nearest one: a tray rebuilt each minute then stays steady between two of its ticks.
  const seconds =
    precision === 'minutes' ? Math.max(0, Math.round(ms / 60_000) * 60) : Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (precision === 'minutes') return `${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}

/** How long a token has left: a duration, "expired", or a dash when there is no token. */
export function formatTimeLeft(
  expiresAt: number | undefined,
  now: number,
  precision: DurationPrecision = 'seconds',
): string {
  if (expiresAt === undefined) return '\u2014';
  if (expiresAt - now < 1000) return 'expired';
  return formatDuration(expiresAt - now, precision);
}
