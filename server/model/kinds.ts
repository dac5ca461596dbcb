// The registry of entity kinds: schema, key, collection name and the references each kind makes.
// Integrity checks (documents, CRUD, cascades) are all driven by this one table.
import { z } from 'zod';
import {
  Country,
  Dataset,
  Flow,
  Indicator,
  Interview,
  Membership,
  Network,
  ReportingLine,
  Stakeholder,
  Theme,
} from './entities';

export type Kind =
  | 'country'
  | 'theme'
  | 'indicator'
  | 'stakeholder'
  | 'network'
  | 'interview'
  | 'dataset'
  | 'flow'
  | 'reportingLine'
  | 'membership';

export interface RefSpec {
  field: string;
  target: Kind;
  many: boolean;
}

interface KindSpec<S extends z.ZodType> {
  schema: S;
  /** Collection name: the map-document field and the API path segment. */
  collection: string;
  /** Fields whose values make up the key, in order. */
  keyFields: readonly string[];
  refs: readonly RefSpec[];
}

const ref = (field: string, target: Kind, many = false): RefSpec => ({ field, target, many });

export const KIND_SPECS = {
  country: { schema: Country, collection: 'countries', keyFields: ['code'], refs: [] },
  theme: { schema: Theme, collection: 'themes', keyFields: ['code'], refs: [] },
  indicator: { schema: Indicator, collection: 'indicators', keyFields: ['code'], refs: [ref('themes', 'theme', true)] },
  stakeholder: {
    schema: Stakeholder,
    collection: 'stakeholders',
    keyFields: ['id'],
    refs: [ref('country', 'country')],
  },
  network: { schema: Network, collection: 'networks', keyFields: ['id'], refs: [ref('country', 'country')] },
  interview: {
    schema: Interview,
    collection: 'interviews',
    keyFields: ['id'],
    refs: [ref('stakeholder', 'stakeholder')],
  },
  dataset: {
    schema: Dataset,
    collection: 'datasets',
    keyFields: ['id'],
    refs: [ref('holder', 'stakeholder'), ref('indicators', 'indicator', true)],
  },
  flow: {
    schema: Flow,
    collection: 'flows',
    keyFields: ['id'],
    refs: [
      ref('from', 'stakeholder'),
      ref('to', 'stakeholder'),
      ref('indicators', 'indicator', true),
      ref('evidence', 'interview', true),
    ],
  },
  reportingLine: {
    schema: ReportingLine,
    collection: 'reportingLines',
    keyFields: ['id'],
    refs: [ref('from', 'stakeholder'), ref('to', 'stakeholder'), ref('evidence', 'interview', true)],
  },
  membership: {
    schema: Membership,
    collection: 'memberships',
    keyFields: ['stakeholder', 'network'],
    refs: [ref('stakeholder', 'stakeholder'), ref('network', 'network')],
  },
} as const satisfies Record<Kind, KindSpec<z.ZodType>>;
export type EntityOf<K extends Kind> = z.infer<(typeof KIND_SPECS)[K]['schema']>;
export type AnyEntity = EntityOf<Kind>;

/** Every kind in an order where each kind's references point to kinds before it (write order). */
export const KINDS: readonly Kind[] = [
  'country',
  'theme',
  'indicator',
  'stakeholder',
  'network',
  'interview',
  'dataset',
  'flow',
  'reportingLine',
  'membership',
];
/** The kinds a map document holds, in write order. */
export const DOCUMENT_KINDS = KINDS.filter((k) => k !== 'theme' && k !== 'indicator') as readonly Kind[];
/** The kinds only an administrator creates or changes (the 'catalogue' access rule): countries and the reference catalogue. */
export const CATALOGUE_RECORD_KINDS: ReadonlySet<Kind> = new Set<Kind>(['theme', 'indicator', 'country']);

/** The key of an entity: its id or code; for memberships `stakeholder|network`. */
export function keyOf(kind: Kind, entity: object): string {
  const rec = entity as Record<string, unknown>;
  const fields = KIND_SPECS[kind].keyFields;
  // One field (every kind but memberships): its value, without a list made and joined at each of the calls an import
  // makes for every item of a region.
  if (fields.length === 1) return String(rec[fields[0]]);
  return fields.map((f) => String(rec[f])).join('|');
}

/**
 * The key of unvalidated input, to name it in problems: undefined unless every key field is a string,
 * number or boolean (an object there may have any `toString`, or none).
 */
export function rawKeyOf(kind: Kind, input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const parts = KIND_SPECS[kind].keyFields.map((f) => (input as Record<string, unknown>)[f]);
  const printable = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  return parts.every(printable) ? parts.map(String).join('|') : undefined;
}

/** The referenced keys of one entity, per reference spec. */
export function refValues(entity: object, spec: RefSpec): string[] {
  const value = (entity as Record<string, unknown>)[spec.field];
  if (value === undefined || value === null) return [];
  return spec.many ? (value as string[]) : [value as string];
}

/** The kinds that reference `target`, with the referencing field. */
export function referrersOf(target: Kind): Array<{ kind: Kind; spec: RefSpec }> {
  return KINDS.flatMap((kind) =>
    KIND_SPECS[kind].refs.filter((r) => r.target === target).map((spec) => ({ kind, spec })),
  );
}

export function kindByCollection(collection: string): Kind | undefined {
  return KINDS.find((k) => KIND_SPECS[k].collection === collection);
}
