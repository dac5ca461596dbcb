// The countries an audit entry belongs to, worked out when it is written: a stakeholder or network,
// its country; a dataset, its holder's; a flow or reporting line, both ends'; an interview, its
// stakeholder's; a membership, the stakeholder's and the network's; a country, its code; a round, its
// country; themes and indicators, none. Before and after both count (a flow moved to another sender
// belongs to the old and the new sender's countries).
import type { AuditEntry, AuditKind, Kind, Stored } from '../model';
import type { TxOps } from './port';

export type AuditDraft = Omit<AuditEntry, 'seq' | 'countries'>;
type Audit = Omit<AuditEntry, 'seq'>;
type State = Map<Kind, Map<string, Stored<Kind>>>;

type Field = (item: Record<string, unknown>) => unknown;
const field = (name: string): Field => (item) => item[name];

/** Per kind: the fields naming a country directly, a stakeholder, and a network. */
const SOURCES: Partial<Record<AuditKind, { country?: Field[]; stakeholder?: Field[]; network?: Field[] }>> = {
  country: { country: [field('code')] },
  stakeholder: { country: [field('country')] },
  network: { country: [field('country')] },
  round: { country: [field('country')] },
  dataset: { stakeholder: [field('holder')] },
  interview: { stakeholder: [field('stakeholder')] },
  flow: { stakeholder: [field('from'), field('to')] },
  reportingLine: { stakeholder: [field('from'), field('to')] },
  membership: { stakeholder: [field('stakeholder')], network: [field('network')] },
};

function sides(entry: AuditDraft): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  if (entry.before && typeof entry.before === 'object') out.push(entry.before as Record<string, unknown>);
  if (entry.after && typeof entry.after === 'object') out.push(entry.after as Record<string, unknown>);
  return out;
}

/** The string values of `fields` on both sides of an entry (plain loops: an import computes this for every item). */
function values(entry: AuditDraft, fields: Field[] | undefined): string[] {
  if (!fields) return [];
  const out: string[] = [];
  for (const item of sides(entry)) {
    for (const f of fields) {
      const v = f(item);
      if (typeof v === 'string') out.push(v);
    }
  }
  return out;
}

/**
 * Adds `countries` to each draft. Stakeholders and networks are looked up first among the drafts
 * themselves (an import creates a stakeholder and its flows together; a cascade deletes them together),
 * then in `state` when the caller has it loaded, then in the store. Call it before the writes, so
 * that what is being deleted can still be found.
 */
export async function withCountries(tx: Pick<TxOps, 'getMany'>, drafts: readonly AuditDraft[], state?: State): Promise<Audit[]> {
  const known: Record<'stakeholder' | 'network', Map<string, string>> = { stakeholder: new Map(), network: new Map() };
  for (const d of drafts) {
    if (d.kind !== 'stakeholder' && d.kind !== 'network') continue;
    for (const item of sides(d)) {
      if (typeof item.id === 'string' && typeof item.country === 'string') known[d.kind].set(item.id, item.country);
    }
  }
  for (const kind of ['stakeholder', 'network'] as const) {
    const wanted = new Set<string>();
    for (const d of drafts) {
      for (const id of values(d, SOURCES[d.kind as AuditKind]?.[kind])) if (!known[kind].has(id)) wanted.add(id);
    }
    const missing: string[] = [];
    for (const id of wanted) {
      const row = state?.get(kind)?.get(id) as { country?: string } | undefined;
      if (row?.country) known[kind].set(id, row.country);
      else missing.push(id);
    }
    if (missing.length) {
      for (const [id, row] of await tx.getMany(kind, missing)) known[kind].set(id, (row as { country: string }).country);
    }
  }
  return drafts.map((d) => {
    const source = SOURCES[d.kind as AuditKind];
    const countries = values(d, source?.country);
    for (const kind of ['stakeholder', 'network'] as const) {
      for (const id of values(d, source?.[kind])) {
        const country = known[kind].get(id);
        if (country) countries.push(country);
      }
    }
    return { ...d, countries: countries.length > 1 ? [...new Set(countries)].sort() : countries };
  });
}
