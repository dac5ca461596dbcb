// The fast path of MapDocument's parse (server/model/document-fast.ts, parseMapDocument) gives zod's answer: the
// same parsed document, key for key and in the same order, for valid documents (an item already so kept as it is); and for generated items (valid
// items with fields removed, added, or given edge values: text at and past its limits, padded, lone surrogates,
// other types, repeated list values, unknown enum values) either zod's output or, when zod refuses them, zod's
// own problems. Every kind is on the fast path (a schema change that the path does not list shows here).
import fc from 'fast-check';
import { MapDocument, parseMapDocument } from '../../server/model';
import { FAST_COLLECTIONS } from '../../server/model/document-fast';
import { smallMap } from '../support/small-map';
import { syntheticRegion } from '../perf/synthetic';

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

/** parseMapDocument and zod agree: success, data (with key order), or the same issues. */
function expectSameAsZod(raw: unknown): void {
  const fast = parseMapDocument(raw);
  const zod = MapDocument.safeParse(raw);
  expect(fast.success).toBe(zod.success);
  if (fast.success && zod.success) {
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(zod.data));
    expect(fast.data).toEqual(zod.data);
  } else {
    expect(fast.error?.issues).toEqual(zod.error?.issues);
  }
}

const region = syntheticRegion({ countries: 2, stakeholdersPerCountry: 40, seed: 4 });
const seed = smallMap();
/** Valid items of every collection, the seed's (with a contact, optional fields) and a small region's. */
const validItems = Object.fromEntries(
  COLLECTIONS.map((c) => [c, [...(seed[c] as object[]), ...(region[c] as object[]).slice(0, 30)]]),
) as Record<(typeof COLLECTIONS)[number], object[]>;

const FIELD_NAMES = [...new Set(COLLECTIONS.flatMap((c) => validItems[c].flatMap((item) => Object.keys(item))))];
const ENUM_VALUES = [
  'national',
  'local',
  'police',
  'ngo',
  'informal',
  'statutory',
  'active',
  'broken',
  'reported',
  'chair',
  'member',
  'task_force',
  'annual',
  'case',
  'personal',
  'push',
  'email_phone',
  'supervision',
  'age',
  'sex',
  'XA',
  'XB',
  'INT',
  'QQ',
  'xa',
  'VIC-01',
];

/** Values at and past the schemas' limits, of other types, padded, with lone surrogates, repeated in lists. */
const EDGE_STRINGS = [
  '',
  ' ',
  'a',
  ' padded ',
  '\t\n',
  'x'.repeat(60),
  'x'.repeat(61),
  'x'.repeat(128),
  'x'.repeat(129),
  'x'.repeat(200),
  'x'.repeat(201),
  'x'.repeat(300),
  'x'.repeat(301),
  ` ${'x'.repeat(300)} `,
  ` ${'x'.repeat(60)} `,
  'x'.repeat(500),
  'x'.repeat(501),
  'x'.repeat(10000),
  'x'.repeat(10001),
  'lone \uD800 high',
  'lone \uDC00 low',
  ' \uDC00',
  'pair \uD83D\uDE00 ok',
  '\uD83D',
  'ok-id_1.2:3',
  '-starts-with-dash',
  'VIC-01',
  'VIC-001',
  'VIC-0001',
  'vic-01',
  'A1-99',
  '2020-02-29',
  '2021-02-29',
  '2020-13-01',
  '20200101',
  'a@b.example',
  'https://x.example',
  '+46 8 123',
  '2026-01-01T00:00:00Z',
  ...ENUM_VALUES,
];
const EDGE_VALUES: unknown[] = [
  ...EDGE_STRINGS,
  0,
  -1,
  1,
  1.5,
  1899,
  1900,
  2100,
  2101,
  3650,
  3651,
  Number.MAX_SAFE_INTEGER,
  2 ** 53,
  -0,
  true,
  false,
  null,
  [],
  ['VIC-01', 'VIC-01'],
  ['VIC-01', 'TRF-01'],
  ['age', 'age'],
  ['age', 'sex'],
  ['age', 'nope'],
  ['t', ' t'],
  [' t '],
  [''],
  ['x'.repeat(61)],
  ['lone \uD800'],
  ['xa-i1', 'xa-i1'],
  [1],
  [null],
  {},
  { email: 'office@x.example' },
  { phone: '12' },
  { email: 'nope' },
  { url: 'https://x.example', extra: 1 },
];

/** The fields of a collection's items, as its schema lists them. */
const fieldsOf = (collection: (typeof COLLECTIONS)[number]): string[] =>
  Object.keys(
    (MapDocument.shape[collection] as unknown as { unwrap(): { element: { shape: object } } }).unwrap().element.shape,
  );

const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...EDGE_VALUES),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer(),
  fc.array(fc.constantFrom(...EDGE_STRINGS), { maxLength: 4 }),
);

/** A valid item with up to four edits: a field of its kind removed or set to an edge value, or an unknown field added. */
const mutatedItem = fc.constantFrom(...COLLECTIONS).chain((collection) =>
  fc.record({
    collection: fc.constant(collection),
    item: fc.constantFrom(...validItems[collection]),
    edits: fc.array(
      fc.record({
        op: fc.constantFrom('remove', 'set', 'set', 'set'),
        field: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...fieldsOf(collection)) },
          { weight: 1, arbitrary: fc.constantFrom(...FIELD_NAMES, 'unknown', '__proto__', 'constructor') },
        ),
        value: edgeValue,
      }),
      { maxLength: 4 },
    ),
  }),
);

/** The item with `field` set as its own, enumerable property (even `__proto__`). */
function withField(item: object, field: string, value: unknown): Record<string, unknown> {
  const edited: Record<string, unknown> = JSON.parse(JSON.stringify(item));
  Object.defineProperty(edited, field, { value, enumerable: true, writable: true, configurable: true });
  return edited;
}

describe('the fast path of the map document parse', () => {
  test('when the schemas are read, then every collection is on the fast path (its fields listed in the schema order)', () => {
    expect([...FAST_COLLECTIONS].sort()).toEqual([...COLLECTIONS].sort());
  });

  test("when valid documents are parsed, then the fast path gives zod's document, in zod's key order", () => {
    expectSameAsZod(seed);
    expectSameAsZod(region);
    expectSameAsZod({ formatVersion: 1 });
    expectSameAsZod({
      formatVersion: 1,
      exportedAt: '2026-01-01T10:00:00+02:00',
      storeVersion: 7,
      flows: region.flows.map((f, i) => ({ ...f, version: i + 1 })),
    });
    // Keys in another order, defaults left out, text to trim: built as zod builds them.
    expectSameAsZod({
      formatVersion: 1,
      stakeholders: [{ type: 'police', country: 'XA', name: '  Police  ', id: 'xa-p', tags: [' a ', 'b'] }],
      flows: [{ basis: 'informal', indicators: ['VIC-01'], to: 'xa-p', from: 'xa-p', id: 'f1' }],
    });
  });

  test('when an item is already as zod builds it, then it is kept as it is; else it is built anew in the schema order', () => {
    const raw = JSON.parse(JSON.stringify(region)) as Record<string, Array<Record<string, unknown>>>;
    raw.flows![0] = Object.fromEntries(Object.entries(raw.flows![0]!).reverse());
    const parsed = parseMapDocument(raw);
    expect(parsed.success).toBe(true);
    const data = parsed.data as unknown as typeof raw;
    expect(data.stakeholders![0]).toBe(raw.stakeholders![0]);
    expect(data.flows![0]).not.toBe(raw.flows![0]);
    expect(Object.keys(data.flows![0]!)).toEqual(Object.keys(MapDocument.parse(raw).flows[0]!));
  });

  test("when documents are unusual at the top, then the answer is zod's", () => {
    for (const raw of [
      null,
      [],
      'text',
      1,
      {},
      { formatVersion: 2 },
      { formatVersion: 1, extra: true },
      { formatVersion: 1, flows: {} },
      { formatVersion: 1, flows: null },
      { formatVersion: 1, exportedAt: 'yesterday' },
      { formatVersion: 1, storeVersion: -1 },
      { formatVersion: 1, countries: undefined },
      Object.assign(Object.create({ inherited: 1 }), { formatVersion: 1 }),
      JSON.parse('{"formatVersion": 1, "__proto__": {"x": 1}}'),
    ]) {
      expectSameAsZod(raw);
    }
  });

  test('when each field of each kind is removed or given each edge value, then the fast path answers as zod does', () => {
    for (const collection of COLLECTIONS) {
      for (const base of [validItems[collection][0]!, validItems[collection].at(-1)!]) {
        for (const field of fieldsOf(collection)) {
          const { [field]: _removed, ...without } = base as Record<string, unknown>;
          expectSameAsZod({ formatVersion: 1, [collection]: [without] });
          for (const value of EDGE_VALUES)
            expectSameAsZod({ formatVersion: 1, [collection]: [withField(base, field, value)] });
        }
      }
    }
  });

  test('when items are edited at random, then the fast path answers as zod does', () => {
    fc.assert(
      fc.property(mutatedItem, ({ collection, item, edits }) => {
        let edited: Record<string, unknown> = JSON.parse(JSON.stringify(item));
        for (const { op, field, value } of edits) {
          if (op === 'remove') delete edited[field];
          else edited = withField(edited, field, value);
        }
        expectSameAsZod({ formatVersion: 1, [collection]: [validItems[collection].at(-1), edited] });
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
