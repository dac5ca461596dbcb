// The kinds a person edits in the client, with the words used for them (their API paths: @model/api-paths).
import type { z } from 'zod';
import type { Kind } from '@model/kinds';
import { entityPath } from '@model/api-paths';
import type { Meta } from '@model/stored';

export const EDIT_KINDS = [
  'stakeholder',
  'dataset',
  'flow',
  'reportingLine',
  'network',
  'membership',
  'interview',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

/** An item as the API returns it: the entity's fields plus version, updatedAt and updatedBy. */
export type StoredItem = Record<string, unknown> & z.infer<typeof Meta>;

export const KIND_NOUN: Record<EditKind, { one: string; many: string }> = {
  stakeholder: { one: 'stakeholder', many: 'stakeholders' },
  dataset: { one: 'dataset', many: 'datasets' },
  flow: { one: 'flow', many: 'flows' },
  reportingLine: { one: 'reporting line', many: 'reporting lines' },
  network: { one: 'network', many: 'networks' },
  membership: { one: 'membership', many: 'memberships' },
  interview: { one: 'interview', many: 'interviews' },
};

/** Nouns for any kind the server may name (dependants can be of any kind). */
export function kindNoun(kind: string, count: number): string {
  const noun = (KIND_NOUN as Record<string, { one: string; many: string } | undefined>)[kind];
  if (!noun) return `${kind}${count === 1 ? '' : 's'}`;
  return count === 1 ? noun.one : noun.many;
}

/** The order in which dependants are listed: what people care about first. */
const DEPENDANT_ORDER: readonly Kind[] = [
  'flow',
  'reportingLine',
  'dataset',
  'membership',
  'interview',
  'network',
  'stakeholder',
];

/** `{ flow: 3, dataset: 1, membership: 2 }` -> "3 flows, 1 dataset, 2 memberships". */
export function describeCounts(counts: Readonly<Record<string, number>>): string {
  const rank = (k: string) => {
    const i = DEPENDANT_ORDER.indexOf(k as Kind);
    return i === -1 ? DEPENDANT_ORDER.length : i;
  };
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([k, n]) => `${n} ${kindNoun(k, n)}`)
    .join(', ');
}

/** The API URL of one stored item (memberships are addressed by stakeholder and network). */
/** The API path of an item (server/model/api-paths.ts, the entity routes' own table). */
export const itemUrl: (kind: EditKind, item: Readonly<Record<string, unknown>>) => string = entityPath;

/** An entity without the metadata the API adds (version, updatedAt, updatedBy, and a stakeholder's sector/external). */
export function entityOf(item: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { version: _v, updatedAt: _a, updatedBy: _b, sector: _s, external: _e, ...entity } = item;
  return entity;
}
