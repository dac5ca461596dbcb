// "Did you mean": the closest names to a mistyped header, enum value or indicator, by edit distance.

/** Levenshtein distance (insertions, deletions, substitutions), case as given. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export interface Candidate<T> {
  /** The strings a value is compared with (e.g. a code and a name). */
  labels: readonly string[];
  item: T;
}

/**
 * The candidates closest to `value` (case-insensitive), best first, at most `limit`; only those within
 * a third of the longer string's length (at least 2 edits), or containing the value, count as close.
 */
export function closest<T>(value: string, candidates: ReadonlyArray<Candidate<T>>, limit = 3): T[] {
  const v = value.trim().toLowerCase();
  if (!v) return [];
  const scored = candidates.map((c) => {
    const score = Math.min(
      ...c.labels.map((label) => {
        const l = label.toLowerCase();
        const d = editDistance(v, l);
        const allowed = Math.max(2, Math.floor(Math.max(v.length, l.length) / 3));
        if (d <= allowed) return d;
        return v.length >= 4 && l.includes(v) ? allowed : Number.POSITIVE_INFINITY;
      }),
    );
    return { c, score };
  });
  return scored
    .filter((s) => Number.isFinite(s.score))
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.c.item);
}

/** ` (did you mean 'a' or 'b'?)`, or nothing when no name is close. */
export function didYouMean(value: string, names: readonly string[]): string {
  const near = closest(
    value,
    names.map((n) => ({ labels: [n], item: n })),
  );
  if (!near.length) return '';
  const quoted = near.map((n) => `'${n}'`);
  return ` (did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`}?)`;
}
