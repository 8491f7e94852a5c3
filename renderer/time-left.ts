/** "12 min 5 s", "1 h 3 min", "expired": how long a token has left, for people. */
export function formatTimeLeft(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return '\u2014';
  const seconds = Math.floor((expiresAt - now) / 1000);
  if (seconds <= 0) return 'expired';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return `${m} min ${s} s`;
  return `${s} s`;
}
