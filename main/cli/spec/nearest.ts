/**
 * The candidate closest to what was typed, when it is close enough to be a typo (an edit distance of at most a third
 * of its length, 2 at least) or what was typed is its unambiguous start: "Did you mean --format?" as gh and git say it.
 */
export function nearest(typed: string, candidates: readonly string[]): string | undefined {
  const lower = typed.toLowerCase();
  const starting = candidates.filter((c) => lower.length >= 2 && c.toLowerCase().startsWith(lower));
  if (starting.length === 1) return starting[0];
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(typed.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1 each. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}

/** " Did you mean X?" or "" when nothing is near. */
export function didYouMean(
  typed: string,
  candidates: readonly string[],
  show: (candidate: string) => string = (c) => c,
): string {
  const found = nearest(typed, candidates);
  return found === undefined ? '' : ` Did you mean ${show(found)}?`;
}
