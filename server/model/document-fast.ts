// A fast path for MapDocument's parse (document.ts, parseMapDocument): zod takes most of a second over a region's
// 87,000 items. Each item is checked here by plain code for what an ordinary valid item holds, and built as
// zod builds it (the schema's key order, its defaults, trimmed text); an item or list that is already so is
// kept as it is, not copied (zod would copy it: nothing downstream changes a parsed item). An item this code is not sure
// of (a field it leaves to zod, such as a contact, or anything unexpected) is parsed by its zod schema; if that
// fails, or the document's own fields are unusual, the answer is undefined and the caller parses the whole
// document with zod, so that the problems reported are zod's. The fields of each kind are listed in the schema's
// order and compared with its shape when this module loads: a kind whose schema gained, lost or moved a field is
// left to zod until it is listed again (tests/unit/document-fast.test.ts says so, and compares the fast path with
// zod on generated items).
// Over 350 lines on purpose: the field table (FIELDS, one entry per kind in schema order) and the checks it is
// built from are compared with the schemas together when the module loads; apart, they would be two files that
// only ever change together.
import type { z } from 'zod';
import { isCountryCode } from './countries';
import {
  Country,
  Dataset,
  Flow,
  ID_PATTERN,
  INDICATOR_CODE_PATTERN,
  INTERVIEWER_MAX,
  ISO_DATE_PATTERN,
  Interview,
  LATENCY_DAYS,
  LEGAL_BASIS_MAX,
  LONE_SURROGATE,
  Membership,
  NAME_MAX,
  Network,
  ROUND_MAX,
  ReportingLine,
  Stakeholder,
  TAG_MAX,
  TEXT_MAX,
  YEARS,
  isCalendarDate,
} from './entities';
import {
  Basis,
  Channel,
  Confidence,
  Disaggregation,
  FlowStatus,
  Frequency,
  Granularity,
  Level,
  MembershipRole,
  NetworkKind,
  PersonalData,
  ReportingKind,
  StakeholderTypeSchema,
  Trigger,
} from './enums';

// Local copies: an imported binding may be read through a getter on every use, in the hottest loop of an import.
const ID = ID_PATTERN;
const INDICATOR_CODE = INDICATOR_CODE_PATTERN;
const ISO_DATE = ISO_DATE_PATTERN;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE = LONE_SURROGATE;
const countryCodeOk = isCountryCode;
const calendarDate = isCalendarDate;
/** No lone surrogate (the lookaround pattern is tried only on text holding a surrogate at all). */
const wellFormed = (s: string) => !SURROGATE.test(s) || !LONE.test(s);

/** What a check answers when it is not sure that zod would accept the value as it is. */
const UNSURE: unique symbol = Symbol('unsure');
type Check = (value: unknown) => unknown;

/** A field of an item: its check, and whether it may be absent (optional) or what it then is (default). */
interface Field {
  name: string;
  check: Check;
  absent: 'required' | 'optional' | (() => unknown);
}

const id: Check = (v) => (typeof v === 'string' && ID.test(v) ? v : UNSURE);
const countryCode: Check = (v) => (typeof v === 'string' && countryCodeOk(v) ? v : UNSURE);
const indicatorCode: Check = (v) => (typeof v === 'string' && INDICATOR_CODE.test(v) ? v : UNSURE);
const bool: Check = (v) => (typeof v === 'boolean' ? v : UNSURE);
const oneOf = (schema: { options: readonly string[] }): Check => {
  const values = new Set<unknown>(schema.options);
  return (v) => (values.has(v) ? v : UNSURE);
};
const int =
  (min: number, max = Number.MAX_SAFE_INTEGER): Check =>
  (v) =>
    typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : UNSURE;
/** UnicodeText().max(max): no lone surrogate, at most `max` code units. */
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max && wellFormed(v) ? v : UNSURE;
/** UnicodeText().trim().min(1).max(max): checked for surrogates as given, trimmed, then measured. */
const trimmed =
  (max: number): Check =>
  (v) => {
    if (typeof v !== 'string' || !wellFormed(v)) return UNSURE;
    const t = v.trim();
    return t.length >= 1 && t.length <= max ? t : UNSURE;
  };
const isoDate: Check = (v) => (typeof v === 'string' && ISO_DATE.test(v) && calendarDate(v) ? v : UNSURE);
/** Whether no value of a list repeats (SameValueZero, as a Set counts; pairwise for a short list: no Set to make). */
function distinct(list: readonly unknown[]): boolean {
  if (list.length > 16) return new Set(list).size === list.length;
  for (let i = 1; i < list.length; i++) for (let j = 0; j < i; j++) if (list[i] === list[j]) return false;
  return true;
}
/** unique(item): the checked items, none repeated (the list itself when checking changes none of them). */
const unique =
  (item: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return UNSURE;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const value: unknown = v[i];
      const checked = item(value);
      if (checked === UNSURE) return UNSURE;
      if (out === undefined && checked !== value) out = v.slice(0, i);
      if (out !== undefined) out.push(checked);
    }
    const list = out ?? v;
    return distinct(list) ? list : UNSURE;
  };
/** Left to zod (a contact's e-mail and URL formats). */
const toZod: Check = () => UNSURE;

const required = (name: string, check: Check): Field => ({ name, check, absent: 'required' });
const optional = (name: string, check: Check): Field => ({ name, check, absent: 'optional' });
const withDefault = (name: string, check: Check, value: () => unknown): Field => ({ name, check, absent: value });
const name = required('name', trimmed(NAME_MAX));
const year = int(YEARS.min, YEARS.max);
const version = optional('version', int(1));

/** Each collection's fields in its schema's order (with the document's optional item `version` last). */
const FIELDS: Record<string, { schema: z.ZodObject; fields: Field[] }> = {
  countries: {
    schema: Country,
    fields: [
      required('code', countryCode),
      name,
      required('euMember', bool),
      required('cbssMember', bool),
      optional('illustrative', bool),
      version,
    ],
  },
  stakeholders: {
    schema: Stakeholder,
    fields: [
      required('id', id),
      name,
      required('country', countryCode),
      required('type', oneOf(StakeholderTypeSchema)),
      withDefault('level', oneOf(Level), () => 'national'),
      withDefault('ncp', bool, () => false),
      optional('description', text(TEXT_MAX)),
      optional('contact', toZod),
      withDefault('tags', unique(trimmed(TAG_MAX)), () => []),
      version,
    ],
  },
  datasets: {
    schema: Dataset,
    fields: [
      required('id', id),
      name,
      required('holder', id),
      required('indicators', unique(indicatorCode)),
      required('granularity', oneOf(Granularity)),
      required('frequency', oneOf(Frequency)),
      optional('disaggregation', unique(oneOf(Disaggregation))),
      optional('personalData', oneOf(PersonalData)),
      optional('legalBasis', text(LEGAL_BASIS_MAX)),
      optional('definitionAligned', bool),
      optional('since', year),
      optional('notes', text(TEXT_MAX)),
      version,
    ],
  },
  flows: {
    schema: Flow,
    fields: [
      required('id', id),
      required('from', id),
      required('to', id),
      required('indicators', unique(indicatorCode)),
      required('basis', oneOf(Basis)),
      optional('trigger', oneOf(Trigger)),
      optional('frequency', oneOf(Frequency)),
      optional('granularity', oneOf(Granularity)),
      optional('personalData', oneOf(PersonalData)),
      optional('channel', oneOf(Channel)),
      optional('latencyDays', int(LATENCY_DAYS.min, LATENCY_DAYS.max)),
      withDefault('status', oneOf(FlowStatus), () => 'active'),
      withDefault('personDependent', bool, () => false),
      withDefault('evidence', unique(id), () => []),
      withDefault('confidence', oneOf(Confidence), () => 'reported'),
      optional('since', year),
      optional('note', text(TEXT_MAX)),
      version,
    ],
  },
  reportingLines: {
    schema: ReportingLine,
    fields: [
      required('id', id),
      required('from', id),
      required('to', id),
      required('kind', oneOf(ReportingKind)),
      withDefault('evidence', unique(id), () => []),
      version,
    ],
  },
  networks: {
    schema: Network,
    fields: [
      required('id', id),
      name,
      required('country', countryCode),
      required('kind', oneOf(NetworkKind)),
      optional('meets', oneOf(Frequency)),
      version,
    ],
  },
  memberships: {
    schema: Membership,
    fields: [
      required('stakeholder', id),
      required('network', id),
      withDefault('role', oneOf(MembershipRole), () => 'member'),
      version,
    ],
  },
  interviews: {
    schema: Interview,
    fields: [
      required('id', id),
      required('date', isoDate),
      required('stakeholder', id),
      optional('interviewer', trimmed(INTERVIEWER_MAX)),
      required('round', trimmed(ROUND_MAX)),
      optional('notes', text(TEXT_MAX)),
      version,
    ],
  },
};

/** The collections whose listed fields are the schema's own, in its order (the others are left to zod). */
export const FAST_COLLECTIONS: ReadonlySet<string> = new Set(
  Object.entries(FIELDS)
    .filter(
      ([, { schema, fields }]) => [...Object.keys(schema.shape), 'version'].join() === fields.map((f) => f.name).join(),
    )
    .map(([collection]) => collection),
);

/**
 * The item as zod would build it, or UNSURE: the item itself when it is already so (its keys in the schema's order,
 * no default to add, no text to trim), else a new object in the schema's key order.
 */
function fastItem(fields: readonly Field[], order: ReadonlyMap<string, number>, item: unknown): unknown {
  if (typeof item !== 'object' || item === null || Object.getPrototypeOf(item) !== Object.prototype) return UNSURE;
  const input = item as Record<string, unknown>;
  let present = 0;
  let last = -1;
  let inOrder = true;
  for (const key in input) {
    const at = order.get(key);
    if (at === undefined || !Object.hasOwn(input, key)) return UNSURE;
    if (at < last) inOrder = false;
    last = at;
    present += 1;
  }
  let out: Record<string, unknown> | undefined = inOrder ? undefined : {};
  let seen = 0;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = input[field.name];
    let checked: unknown;
    if (value === undefined) {
      if (field.absent === 'required' || field.name in input) return UNSURE;
      if (field.absent === 'optional') continue;
      checked = field.absent();
    } else {
      seen += 1;
      checked = field.check(value);
      if (checked === UNSURE) return UNSURE;
      if (out === undefined && checked === value) continue;
    }
    if (out === undefined) {
      // The fields before this one are as given, in order: copied as they are.
      out = {};
      for (let j = 0; j < i; j++) {
        const before = input[fields[j]!.name];
        if (before !== undefined) out[fields[j]!.name] = before;
      }
    }
    out[field.name] = checked;
  }
  if (seen !== present) return UNSURE;
  return out ?? input;
}

/** The document's own fields besides its collections, in its schema's order. */
const HEAD = ['formatVersion', 'exportedAt', 'storeVersion'] as const;
const COLLECTIONS = [
  'countries',
  'stakeholders',
  'datasets',
  'flows',
  'reportingLines',
  'networks',
  'memberships',
  'interviews',
] as const;
const DOCUMENT_KEYS = new Set<string>([...HEAD, ...COLLECTIONS]);

/**
 * `document.shape`'s parse of `raw` when every item passes (by the checks above or by its own zod schema) and the
 * document's own fields parse; undefined when zod must parse the whole document (it then reports the problems).
 * `itemSchemas` are the collections' item schemas, `head` the schemas of the document's own fields.
 */
export function parseDocumentFast(
  raw: unknown,
  head: Record<(typeof HEAD)[number], z.ZodType>,
  itemSchemas: Record<(typeof COLLECTIONS)[number], z.ZodType>,
): Record<string, unknown> | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  if (Object.getPrototypeOf(raw) !== Object.prototype && Object.getPrototypeOf(raw) !== null) return undefined;
  const input = raw as Record<string, unknown>;
  for (const key in input)
    if (!Object.prototype.hasOwnProperty.call(input, key) || !DOCUMENT_KEYS.has(key)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of HEAD) {
    if (input[key] === undefined) {
      if (key in input || key === 'formatVersion') return undefined;
      continue;
    }
    const parsed = head[key].safeParse(input[key]);
    if (!parsed.success) return undefined;
    out[key] = parsed.data;
  }
  for (const collection of COLLECTIONS) {
    const items = input[collection];
    if (items === undefined) {
      if (collection in input) return undefined;
      out[collection] = [];
      continue;
    }
    if (!Array.isArray(items)) return undefined;
    const spec = FAST_COLLECTIONS.has(collection) ? FIELDS[collection]! : undefined;
    const order = new Map(spec?.fields.map((f, i) => [f.name, i]));
    const parsed: unknown[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      let item = spec ? fastItem(spec.fields, order, items[i]) : UNSURE;
      if (item === UNSURE) {
        const slow = itemSchemas[collection].safeParse(items[i]);
        if (!slow.success) return undefined;
        item = slow.data;
      }
      parsed[i] = item;
    }
    out[collection] = parsed;
  }
  return out;
}
