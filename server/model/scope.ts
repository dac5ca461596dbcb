// Which items belong to a country's scope: what a country export holds and a country replace rewrites.
// A country's scope is its record, its stakeholders and networks, the datasets and interviews of its
// stakeholders, every flow and reporting line with an end among them, and memberships touching either.
import { keyOf, type Kind } from './kinds';
import type { Stored } from './stored';

type State = Map<Kind, Map<string, Stored<Kind>>>;

function rows<K extends Kind>(state: State, kind: K): Stored<K>[] {
  return [...(state.get(kind)?.values() ?? [])] as unknown as Stored<K>[];
}

export function scopeKeys(state: State, country: string): Map<Kind, Set<string>> {
  const stakeholders = new Set(
    rows(state, 'stakeholder')
      .filter((s) => s.country === country)
      .map((s) => s.id),
  );
  const networks = new Set(
    rows(state, 'network')
      .filter((n) => n.country === country)
      .map((n) => n.id),
  );
  const pick = <K extends Kind>(kind: K, test: (row: Stored<K>) => boolean) =>
    new Set(
      rows(state, kind)
        .filter(test)
        .map((r) => keyOf(kind, r)),
    );
  return new Map<Kind, Set<string>>([
    ['country', pick('country', (c) => c.code === country)],
    ['stakeholder', stakeholders],
    ['network', networks],
    ['interview', pick('interview', (i) => stakeholders.has(i.stakeholder))],
    ['dataset', pick('dataset', (d) => stakeholders.has(d.holder))],
    ['flow', pick('flow', (f) => stakeholders.has(f.from) || stakeholders.has(f.to))],
    ['reportingLine', pick('reportingLine', (r) => stakeholders.has(r.from) || stakeholders.has(r.to))],
    ['membership', pick('membership', (m) => stakeholders.has(m.stakeholder) || networks.has(m.network))],
  ]);
}
