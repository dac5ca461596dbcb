// The countries an audit entry belongs to, worked out when it is written: a stakeholder or network,
// its country; a dataset, its holder's; a flow or reporting line, both ends'; an interview, its
// stakeholder's; a membership, the stakeholder's and the network's; a country, its code; a round, its
// country; themes and indicators, none. Before and after both count (a flow moved to another sender
// belongs to the old and the new sender's countries). Pure: the store looks up in its transaction the
// stakeholders and networks that neither the entries nor a loaded state hold (server/store/audit-countries.ts).
import type { Kind } from './kinds';
import type { AuditEntry, AuditKind, Stored } from './stored';

export type AuditDraft = Omit<AuditEntry, 'seq' | 'countries'>;
type Audit = Omit<AuditEntry, 'seq'>;
type State = Map<Kind, Map<string, Stored<Kind>>>;

/** Per kind: the fields naming a country directly, a stakeholder, and a network. */
const SOURCES: Partial<
  Record<AuditKind, { country?: readonly string[]; stakeholder?: readonly string[]; network?: readonly string[] }>
> = {
  country: { country: ['code'] },
  stakeholder: { country: ['country'] },
  network: { country: ['country'] },
  round: { country: ['country'] },
  dataset: { stakeholder: ['holder'] },
  interview: { stakeholder: ['stakeholder'] },
  flow: { stakeholder: ['from', 'to'] },
  reportingLine: { stakeholder: ['from', 'to'] },
  membership: { stakeholder: ['stakeholder'], network: ['network'] },
};

/**
 * Pushes onto `out` the string values of `fields` on both sides of an entry (plain loops, no allocation per entry
 * beyond the result: an import computes this for every item of a region).
 */
function pushValues(out: string[], entry: AuditDraft, fields: readonly string[] | undefined): void {
  if (!fields) return;
  const { before, after } = entry;
  if (before && typeof before === 'object') {
    for (const f of fields) {
      const v = (before as Record<string, unknown>)[f];
      if (typeof v === 'string') out.push(v);
    }
  }
  if (after && typeof after === 'object') {
    for (const f of fields) {
      const v = (after as Record<string, unknown>)[f];
      if (typeof v === 'string') out.push(v);
    }
  }
}

function values(entry: AuditDraft, fields: readonly string[] | undefined): string[] {
  const out: string[] = [];
  pushValues(out, entry, fields);
  return out;
}

function noteCountry(known: Map<string, string>, item: unknown): void {
  if (!item || typeof item !== 'object') return;
  const { id, country } = item as Record<string, unknown>;
  if (typeof id === 'string' && typeof country === 'string') known.set(id, country);
}

/** The countries of stakeholders and networks by id. */
export type KnownCountries = Record<'stakeholder' | 'network', Map<string, string>>;

/**
 * The countries of the stakeholders and networks the drafts refer to, as far as the drafts themselves tell (an
 * import creates a stakeholder and its flows together; a cascade deletes them together) and then `state`, when the
 * caller has it loaded; and the ids of those neither tells, for the caller to look up (`addCountries` then).
 */
export function knownCountries(
  drafts: readonly AuditDraft[],
  state?: State,
): { known: KnownCountries; missing: Record<'stakeholder' | 'network', string[]> } {
  const known: KnownCountries = { stakeholder: new Map(), network: new Map() };
  const missing: Record<'stakeholder' | 'network', string[]> = { stakeholder: [], network: [] };
  for (const d of drafts) {
    if (d.kind !== 'stakeholder' && d.kind !== 'network') continue;
    noteCountry(known[d.kind], d.before);
    noteCountry(known[d.kind], d.after);
  }
  for (const kind of ['stakeholder', 'network'] as const) {
    const wanted = new Set<string>();
    for (const d of drafts) {
      const fields = SOURCES[d.kind as AuditKind]?.[kind];
      if (!fields) continue;
      for (const id of values(d, fields)) if (!known[kind].has(id)) wanted.add(id);
    }
    for (const id of wanted) {
      const row = state?.get(kind)?.get(id) as { country?: string } | undefined;
      if (row?.country) known[kind].set(id, row.country);
      else missing[kind].push(id);
    }
  }
  return { known, missing };
}

/** Adds `countries` to each draft, from the countries of the stakeholders and networks `known` (others count none). */
export function addCountries(drafts: readonly AuditDraft[], known: KnownCountries): Audit[] {
  const out = new Array<Audit>(drafts.length);
  const ids: string[] = [];
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i]!;
    const source = SOURCES[d.kind as AuditKind];
    const countries: string[] = [];
    if (source) {
      pushValues(countries, d, source.country);
      for (const kind of ['stakeholder', 'network'] as const) {
        const fields = source[kind];
        if (!fields) continue;
        ids.length = 0;
        pushValues(ids, d, fields);
        for (const id of ids) {
          const country = known[kind].get(id);
          if (country) countries.push(country);
        }
      }
    }
    // Field by field, in the draft's order, not `{ ...d, countries }`: a spread of each of a region's 87,000 drafts
    // cost an import some 0.1 s (copying a literal: a quarter of that).
    const { at, actor, action, kind, key, before, after } = d;
    out[i] = { at, actor, action, kind, key, before, after, countries: distinctSorted(countries) };
  }
  return out;
}

/** The list's values once each, sorted; one or two (an item, a flow's two ends) without a Set and a sort. */
function distinctSorted(list: string[]): string[] {
  if (list.length < 2) return list;
  if (list.length === 2) {
    const [a, b] = list as [string, string];
    return a === b ? [a] : a < b ? list : [b, a];
  }
  return [...new Set(list)].sort();
}
