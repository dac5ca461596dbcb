// The rounds the country's interviews cite (an interview's `round`, DOMAIN.md: "2010", "2026-baseline"),
// whether or not a round of that name was ever frozen: a round of interviewing exists as soon as an
// interview names it, so the rounds view lists each one, with how many interviews and when.

export interface CitedRound {
  name: string;
  interviews: number;
  /** The first and last interview dates (ISO dates as stored). */
  from: string;
  to: string;
  /** A frozen round of the same name, if any. */
  frozen: string | null;
}

/** Each round named by an interview, newest interview first, then by name; frozen rounds matched by name. */
export function citedRounds(
  interviews: ReadonlyArray<{ round: string; date: string }>,
  frozen: ReadonlyArray<{ id: string; name: string }>,
): CitedRound[] {
  const norm = (s: string) => s.trim().toLowerCase();
  const byName = new Map(frozen.map((r) => [norm(r.name), r.id]));
  const rounds = new Map<string, CitedRound>();
  for (const i of interviews) {
    const name = i.round.trim();
    if (!name) continue;
    const r = rounds.get(name);
    if (r) {
      r.interviews += 1;
      if (i.date < r.from) r.from = i.date;
      if (i.date > r.to) r.to = i.date;
    } else rounds.set(name, { name, interviews: 1, from: i.date, to: i.date, frozen: byName.get(norm(name)) ?? null });
  }
  return [...rounds.values()].sort((a, b) => b.to.localeCompare(a.to) || a.name.localeCompare(b.name));
}
