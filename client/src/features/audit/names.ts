// How the history names things: stakeholders, networks and countries by their names (from the map now,
// and from the history itself for items since deleted), codes of the enumerations in words, and each
// name and id as a separate piece of text, so that the table can isolate them (<bdi>): a right-to-left
// name must not reorder the ids and arrows beside it.
import type { AuditEntry } from '@model';
import { knownLabel } from '@model/labels';

/** A piece of text: plain (arrows, words of ours) or a name or id to isolate from its neighbours. */
export type Piece = string | { isolate: string };

export interface Namer {
  stakeholder: (id: string) => string | undefined;
  network: (id: string) => string | undefined;
  country: (code: string) => string | undefined;
}

interface Named {
  id?: unknown;
  code?: unknown;
  name?: unknown;
}

/** Names from the lists the view has and from the entries' own before and after (deleted items too). */
export function namerOf(
  entries: readonly Pick<AuditEntry, 'kind' | 'before' | 'after'>[],
  stakeholders: readonly { id: string; name: string }[],
  countries: readonly { code: string; name: string }[],
): Namer {
  const byKind = new Map<string, Map<string, string>>();
  const put = (kind: string, key: unknown, name: unknown) => {
    if (typeof key !== 'string' || typeof name !== 'string') return;
    if (!byKind.has(kind)) byKind.set(kind, new Map());
    byKind.get(kind)!.set(key, name);
  };
  for (const e of entries) {
    for (const side of [e.before, e.after] as Named[]) {
      if (side && typeof side === 'object') put(e.kind, e.kind === 'country' ? side.code : side.id, side.name);
    }
  }
  for (const s of stakeholders) put('stakeholder', s.id, s.name);
  for (const c of countries) put('country', c.code, c.name);
  const look = (kind: string) => (key: string) => byKind.get(kind)?.get(key);
  return { stakeholder: look('stakeholder'), network: look('network'), country: look('country') };
}

/** Plain text of pieces (for labels and sorting). */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces.map((p) => (typeof p === 'string' ? p : p.isolate)).join('');
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Knows no names: ids and codes as they are. */
export const NO_NAMES: Namer = { stakeholder: () => undefined, network: () => undefined, country: () => undefined };

/**
 * An entry's item as people know it, from the shape of the item after the change (before a deletion):
 * its name; a flow or reporting line as sender → receiver; a membership as stakeholder in network; an
 * interview by whom and when; else its key.
 */
export function itemPieces(
  entry: Pick<AuditEntry, 'key' | 'before' | 'after'> & { kind?: string },
  names: Namer,
): Piece[] {
  const rec = (entry.after ?? entry.before ?? {}) as Record<string, unknown>;
  const who = (id: unknown): Piece => {
    const s = str(id) ?? '?';
    return { isolate: names.stakeholder(s) ?? s };
  };
  const name = str(rec.name);
  if (name) return [{ isolate: name }];
  if (str(rec.from) && str(rec.to)) return [who(rec.from), ' → ', who(rec.to)];
  const network = str(rec.network);
  if (str(rec.stakeholder) && network)
    return [who(rec.stakeholder), ' in ', { isolate: names.network(network) ?? network }];
  if (str(rec.stakeholder)) {
    const date = str(rec.date);
    return ['Interview with ', who(rec.stakeholder), ...(date ? [`, ${date}`] : [])];
  }
  if (entry.kind === 'country') return [{ isolate: names.country(entry.key) ?? entry.key }];
  return [{ isolate: entry.key.replace('|', ' in ') }];
}

/** Whether the table should show the entry's id beside its name (not when the name is the id itself). */
export function showsKey(entry: Pick<AuditEntry, 'key'>, item: readonly Piece[]): boolean {
  const text = piecesText(item);
  return text !== entry.key && text !== entry.key.replace('|', ' in ');
}

/** The countries of an entry by name. */
export function countryNames(codes: readonly string[] | undefined, names: Namer): string {
  return (codes ?? []).map((c) => names.country(c) ?? c).join(', ');
}

const STAKEHOLDER_FIELDS = new Set(['from', 'to', 'holder', 'stakeholder']);
const CODE_FIELDS = new Set([
  'type',
  'sector',
  'level',
  'granularity',
  'frequency',
  'personalData',
  'basis',
  'trigger',
  'channel',
  'status',
  'confidence',
  'kind',
  'role',
  'meets',
  'disaggregation',
]);

/** A field's value in a before/after table: stakeholders, networks and countries named (with the id), codes in words. */
export function fieldValue(field: string, value: unknown, names: Namer): Piece[] | null {
  const named = (id: string, name: string | undefined): Piece[] =>
    name && name !== id ? [{ isolate: name }, ' (', { isolate: id }, ')'] : [{ isolate: id }];
  if (typeof value === 'string' && value !== '') {
    if (STAKEHOLDER_FIELDS.has(field)) return named(value, names.stakeholder(value));
    if (field === 'network') return named(value, names.network(value));
    if (field === 'country') return named(value, names.country(value));
    if (CODE_FIELDS.has(field)) return [knownLabel(value) ?? value];
  }
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) {
    if (field === 'countries') return [value.map((c) => names.country(c) ?? c).join(', ')];
    if (CODE_FIELDS.has(field)) return [value.map((v) => knownLabel(v) ?? v).join(', ')];
  }
  return null;
}
