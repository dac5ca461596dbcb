// Shared fast-check arbitraries for the hardening proofs: the injection payloads and odd Unicode, hostile
// strings and keys, malformed JSON, bodies shaped like a schema with wrong values, path and query values.
import fc from 'fast-check';
import { z } from 'zod';

/** The fixed seed of every fuzz run; FUZZ_SEED replays another one. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20260611);

/** Strings that would do harm if any layer built a query or markup from them. */
export const INJECTIONS = {
  cypher: "x'}) DETACH DELETE n //",
  sql: '"; DROP TABLE entities; --',
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  template: "{{constructor.constructor('alert(1)')()}}",
} as const;

/**
 * Unicode that trips renderers and naive byte handling. None starts or ends with whitespace: names are
 * trimmed by the schema, on purpose, so only inner text must come back unchanged.
 */
export const ODD_UNICODE = {
  rtlOverride: 'abc\u202Egnp.exe\u202C done',
  zeroWidth: 'fam\u200Bily 👨\u200D👩\u200D👧\u200D👦 z\u200Cw\u200Dj',
  skinTones: '👍🏽 👋🏿 🧑🏻\u200D⚕️',
  combining: 'Ångström e\u0301 Z\u0324\u0354\u0367\u0311a\u0308\u0356l\u036e\u0312g\u0306o\u0319',
  /** NUL: the schema's free-text fields (names, descriptions, notes) do not exclude it, so it is stored as is. */
  nul: 'before\u0000after',
} as const;

/** Every payload above, with a label for test names. */
export const HOSTILE_TEXTS: ReadonlyArray<readonly [string, string]> = [
  ...Object.entries(INJECTIONS),
  ...Object.entries(ODD_UNICODE),
];

/** Keys that pollute prototypes or shadow methods when an object is built carelessly. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'toString',
  'valueOf',
  'hasOwnProperty',
] as const;

/** Lengths around the schema maxima (60, 120, 128, 200, 300, 2000, 10000) and far beyond. */
const EDGE_LENGTHS = [60, 61, 120, 121, 128, 129, 200, 201, 300, 301, 2000, 2001, 10_000, 10_001, 200_000];

export const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...EDGE_LENGTHS), fc.constantFrom('x', 'é', '🙂', '<', '\u0000'))
  .map(([n, c]) => c.repeat(n));

/** Any text a person or an attacker might send where a string is expected. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...Object.values(INJECTIONS),
    ...Object.values(ODD_UNICODE),
    ...PROTO_KEYS,
    '',
    ' ',
    '\t\n',
    '../../etc/passwd',
    'null',
    'undefined',
    'true',
    'NaN',
    '1e309',
    '-0',
    '0x10',
    '01',
    '\uD800',
    'x\uDFFF',
    '\uFEFFbom',
    'now',
    'INT',
    'a|b',
    '%00',
    '%ZZ',
    '$where',
    '${7*7}',
    'MATCH (n) RETURN n',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  hugeString,
);

const hostileKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: hostileString },
);

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1, 1.5, 2 ** 53 + 2, -(2 ** 31), 1e308, -1e-308),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  hostileString,
);

/** An object whose own keys may be `__proto__` and friends (defined, not assigned, so JSON carries them). */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** Random JSON values: leaves, arrays and objects with hostile keys, a few levels deep. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{
  value: unknown;
  array: unknown[];
  object: Record<string, unknown>;
}>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileLeaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectOf),
})).value;

/** JSON text nested thousands of levels deep (arrays or objects). */
export const deepJsonText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(64, 1000, 10_000, 100_000), fc.boolean())
  .map(([n, arrays]) => (arrays ? `${'['.repeat(n)}1${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`));

/** Text that is not JSON, or JSON that is not an object. */
export const brokenJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":}',
    '[1,]',
    "{'a':1}",
    'null',
    '"text"',
    '42',
    'true',
    '{"a":1}{"b":2}',
    '\uFEFF{}',
    '{"a":"\\uD800"}',
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** A JSON Schema node, as z.toJSONSchema writes them (the subset the API's schemas use). */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/**
 * Values the store holds, by the property name they appear under (`from` -> stakeholder ids, `code` ->
 * country, theme and indicator codes ...), so that generated bodies often refer to items that exist.
 */
export class ValuePool {
  private readonly byField = new Map<string, Set<string>>();
  private readonly all = new Set<string>();

  /** Collects every string (and string-list element) under its property name, recursively. */
  add(value: unknown, field?: string): this {
    if (typeof value === 'string') {
      if (field) {
        const set = this.byField.get(field) ?? new Set<string>();
        this.byField.set(field, set.add(value));
      }
      this.all.add(value);
    } else if (Array.isArray(value)) {
      for (const v of value) this.add(v, field);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.add(v, k);
    }
    return this;
  }

  /** Known values for a field that match its pattern; else any known value matching the pattern. */
  candidates(field: string | undefined, pattern?: string): string[] {
    const re = pattern ? new RegExp(pattern) : undefined;
    const ok = (v: string) => !re || re.test(v);
    const own = [...(field ? (this.byField.get(field) ?? []) : [])].filter(ok);
    return own.length ? own : [...this.all].filter(ok);
  }
}

const freshId = fc.stringMatching(/^fz-[a-z0-9]{1,8}$/);

/** A value that satisfies the schema node most of the time, drawn from the pool where it can be. */
export function plausible(js: JsonSchema, pool: ValuePool, field?: string, depth = 0): fc.Arbitrary<unknown> {
  if (js.const !== undefined) return fc.constant(js.const);
  if (js.enum?.length) return fc.constantFrom(...js.enum);
  const alternatives = js.anyOf ?? js.oneOf ?? js.allOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => plausible(s, pool, field, depth)));
  const types = Array.isArray(js.type) ? js.type : js.type ? [js.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => plausible({ ...js, type }, pool, field, depth)));
  switch (types[0]) {
    case 'string': {
      // Free text (no pattern) is sometimes hostile, and must then be stored as it is; ids and codes
      // keep to their pattern here (nearlyValid breaks them).
      const known = pool.candidates(field, js.pattern);
      const fresh = js.pattern && new RegExp(js.pattern).test('fz-1') ? [freshId] : [];
      const arms = [
        ...(known.length ? [{ weight: 12, arbitrary: fc.constantFrom(...known) }] : []),
        ...fresh.map((arbitrary) => ({ weight: 2, arbitrary })),
        ...(js.pattern ? [] : [{ weight: 1, arbitrary: hostileString }]),
      ];
      return arms.length ? fc.oneof(...arms) : hostileString;
    }
    case 'integer':
    case 'number': {
      // Wide ranges (versions) mostly get small numbers, so that they sometimes match what is stored.
      const min = js.minimum ?? -1e6;
      const max = js.maximum ?? 1e6;
      if (max - min <= 1e5) return fc.integer({ min, max });
      const small = fc.integer({ min: Math.max(min, 0), max: Math.min(max, 3) });
      return fc.oneof(
        { weight: 4, arbitrary: small },
        { weight: 1, arbitrary: fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) }) },
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 3) return fc.constant([]);
      return fc.uniqueArray(plausible(js.items ?? {}, pool, field, depth + 1), {
        maxLength: Math.min(js.maxItems ?? 3, 3),
        selector: (v) => JSON.stringify(v),
      });
    case 'object': {
      if (depth > 3 || !js.properties) return fc.constant({});
      // Optional keys are present four times in five: bodies are often complete enough to be accepted.
      const required = new Set(js.required ?? []);
      const model = Object.fromEntries(
        Object.entries(js.properties).map(([k, s]) => {
          const value = plausible(s, pool, k, depth + 1);
          return [k, required.has(k) ? value : fc.option(value, { freq: 5, nil: undefined })];
        }),
      );
      return fc.record(model).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    default:
      return hostileJson;
  }
}

type Mutation = 'wrong-type' | 'drop' | 'unknown-key' | 'proto' | 'stringify-numbers' | 'array-for-object' | 'nest';

/** A plausible body with one thing made wrong: a value's type, a missing or unknown key, `__proto__`, the shape. */
export function nearlyValid(js: JsonSchema, pool: ValuePool): fc.Arbitrary<unknown> {
  const mutations: Mutation[] = [
    'wrong-type',
    'drop',
    'unknown-key',
    'proto',
    'stringify-numbers',
    'array-for-object',
    'nest',
  ];
  return fc
    .tuple(plausible(js, pool), fc.constantFrom(...mutations), fc.nat(), hostileJson, hostileKey)
    .map(([base, mutation, pick, junk, key]) => mutate(base, mutation, pick, junk, key));
}

function mutate(base: unknown, mutation: Mutation, pick: number, junk: unknown, key: string): unknown {
  if (!base || typeof base !== 'object' || Array.isArray(base)) return junk;
  const entries = Object.entries(base as Record<string, unknown>);
  const at = entries.length ? pick % entries.length : 0;
  switch (mutation) {
    case 'wrong-type':
      return objectOf(entries.map(([k, v], i) => [k, i === at ? junk : v] as const));
    case 'drop':
      return objectOf(entries.filter((_, i) => i !== at));
    case 'unknown-key':
      return objectOf([...entries, [key, junk]]);
    case 'proto':
      return objectOf([
        ...entries,
        ['__proto__', { polluted: 'yes', version: 1 }],
        ['constructor', { prototype: { polluted: 'yes' } }],
      ]);
    case 'stringify-numbers':
      return objectOf(
        entries.map(([k, v]) => [k, typeof v === 'number' || typeof v === 'boolean' ? String(v) : v] as const),
      );
    case 'array-for-object':
      return [base];
    case 'nest':
      return objectOf(entries.map(([k, v], i) => [k, i === at ? { value: v, [key]: [v] } : v] as const));
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** encodeURIComponent, except that a lone surrogate (which it refuses) becomes the invalid UTF-8 escape %ED%A0%80. */
export function encodeLoose(text: string): string {
  return text.split(LONE_SURROGATE).map(encodeURIComponent).join('%ED%A0%80');
}

/** Node answers 431 by itself to request heads over 16 KB, before the app sees them: stay below. */
const MAX_URL_PART = 6000;

/** A path parameter the store knows for that name (`id`, `code`, `stakeholder` ...), encoded. */
export function knownPathValue(name: string, pool: ValuePool): fc.Arbitrary<string> {
  const known = pool.candidates(name);
  return known.length ? fc.constantFrom(...known).map(encodeLoose) : freshId;
}

/** A hostile path parameter: any text encoded, or a raw broken escape. */
export const hostilePathValue: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: hostileString
      .filter((s) => s.length > 0)
      .map(encodeLoose)
      .filter((s) => s.length <= MAX_URL_PART),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%C0%AF', '%00', '%2e%2e', '..', '%F0%9F', 'a%2Fb', '%ED%A0%80'),
  },
);

const toQueryValue = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
const joinQuery = (pairs: ReadonlyArray<readonly [string, string]>): string =>
  pairs.map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`).join('&');

/** A query string of the route's own parameters with plausible values (each present or not). */
export function plausibleQuery(js: JsonSchema | undefined, pool: ValuePool): fc.Arbitrary<string> {
  const props = Object.entries(js?.properties ?? {});
  if (!props.length) return fc.constant('');
  const model = Object.fromEntries(props.map(([name, s]) => [name, plausible(s, pool, name).map(toQueryValue)]));
  return fc
    .record(model, { requiredKeys: (js?.required ?? []).filter((k) => k in model) })
    .map((q) => joinQuery(Object.entries<string>(q)))
    .filter((q) => q.length <= MAX_URL_PART);
}

/** A query string with hostile values, unknown or repeated keys, or broken escapes. */
export function hostileQuery(js: JsonSchema | undefined, pool: ValuePool): fc.Arbitrary<string> {
  const names = Object.keys(js?.properties ?? {});
  const short = hostileString.filter((x) => x.length < 1000);
  const key = names.length
    ? fc.oneof(
        fc.constantFrom(...names),
        hostileKey.filter((k) => k.length < 200),
      )
    : hostileKey.filter((k) => k.length < 200);
  const encoded = fc
    .tuple(plausibleQuery(js, pool), fc.array(fc.tuple(key, short), { minLength: 1, maxLength: 4 }))
    .map(([base, extra]) => [base, joinQuery(extra)].filter(Boolean).join('&'))
    .filter((q) => q.length <= MAX_URL_PART);
  const raw = fc.constantFrom(
    '%',
    'a=%ZZ',
    'version=%E0%A4%A',
    '=',
    '&&',
    'a[b]=1',
    '__proto__[x]=1',
    'version=1&version=2',
    'cascade',
    'version=%ED%A0%80',
  );
  return fc.oneof({ weight: 4, arbitrary: encoded }, { weight: 1, arbitrary: raw });
}

/** Printable ASCII header values (Node refuses to send control characters). */
export const headerValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('1', '"1"', 'W/"2"', '*', '0', '-1', 'abc', '"999999999999999999999"', '1.5', '', ' '),
  fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
);
