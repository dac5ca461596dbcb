// Finding stakeholders by name or id, as the search box ranks them (pure).
/** Best matches first: exact id, name starting with the text, name containing it, id containing it. */
export function findStakeholders<T extends { id: string; name: string }>(
  stakeholders: readonly T[],
  query: string,
): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const score = (s: T) => {
    const name = s.name.toLowerCase();
    const id = s.id.toLowerCase();
    if (id === q) return 0;
    if (name === q) return 1;
    if (name.startsWith(q)) return 2;
    if (name.split(/[\s(),/-]+/).some((w) => w.startsWith(q))) return 3;
    if (name.includes(q)) return 4;
    if (id.includes(q)) return 5;
    return -1;
  };
  return stakeholders
    .map((s) => ({ s, rank: score(s) }))
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.s.name.localeCompare(b.s.name))
    .map((x) => x.s);
}
