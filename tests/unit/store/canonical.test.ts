// canonicalOf (server/model/canonical.ts) against the kinds' zod schemas, which it stands in for on reads: the same
// JSON, key order included, for every item of the seed and of a synthetic region, with and without metadata, with
// shuffled keys, absent defaults and values the schemas rewrite (trimmed names and tags, URLs); invalid rows are
// refused as the schema refuses them.
import { DOCUMENT_KINDS, KIND_SPECS, type Kind } from '../../../server/model';
import { canonicalOf } from '../../../server/model/canonical';
import { readCatalogue, readSeedDocument } from '../../../seed/loader';
import { syntheticRegion } from '../../perf/synthetic';

const zodCanonical = (kind: Kind, row: object) => {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...entity } = row as Record<string, unknown>;
  return KIND_SPECS[kind].schema.parse(entity);
};
const same = (kind: Kind, row: object) =>
  expect(JSON.stringify(canonicalOf(kind, row))).toBe(JSON.stringify(zodCanonical(kind, row)));

function itemsOf(doc: Record<string, unknown>): Array<[Kind, Record<string, unknown>]> {
  return DOCUMENT_KINDS.flatMap((kind) =>
    ((doc[KIND_SPECS[kind].collection] ?? []) as Array<Record<string, unknown>>).map(
      (item) => [kind, item] as [Kind, Record<string, unknown>],
    ),
  );
}
const meta = { version: 3, updatedAt: '2026-01-02T03:04:05.000Z', updatedBy: 'editor' };
const shuffled = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).reverse());

describe('canonicalOf', () => {
  const seed = readSeedDocument() as unknown as Record<string, unknown>;
  const catalogue = readCatalogue();
  const region = syntheticRegion({ countries: 3, stakeholdersPerCountry: 120, seed: 7 }) as unknown as Record<
    string,
    unknown
  >;

  test('when given every item of the seed, a synthetic region and the catalogue, as stored or with metadata or shuffled, then it equals the schema, key order included', () => {
    const items = [
      ...itemsOf(seed),
      ...itemsOf(region),
      ...catalogue.themes.map((t) => ['theme', t] as [Kind, Record<string, unknown>]),
      ...catalogue.indicators.map((i) => ['indicator', i] as [Kind, Record<string, unknown>]),
    ];
    expect(items.length).toBeGreaterThan(1000);
    for (const [kind, item] of items) {
      const stored = zodCanonical(kind, item) as Record<string, unknown>;
      same(kind, item);
      same(kind, stored);
      same(kind, { ...stored, ...meta });
      same(kind, { ...meta, ...shuffled(stored) });
    }
  });

  test('when a stored row is canonical already, then it is returned itself', () => {
    const flow = zodCanonical('flow', (region.flows as object[])[0]!);
    expect(canonicalOf('flow', flow)).toBe(flow);
    const stakeholder = zodCanonical('stakeholder', (seed.stakeholders as object[])[0]!);
    expect(canonicalOf('stakeholder', stakeholder)).toBe(stakeholder);
  });

  test('when defaults are absent and values need rewriting, then the result is what the schema gives', () => {
    const cases: Array<[Kind, Record<string, unknown>]> = [
      ['stakeholder', { name: '  Police  ', id: 's1', country: 'SE', type: 'police', tags: [' a ', 'b'] }],
      [
        'stakeholder',
        {
          id: 's2',
          name: 'x',
          country: 'SE',
          type: 'police',
          contact: { url: ' https://example.org/a\tb ', email: 'office@example.org' },
          ...meta,
        },
      ],
      ['flow', { to: 'b', id: 'f1', from: 'a', indicators: ['VIC-01'], basis: 'informal' }],
      [
        'flow',
        {
          id: 'f1',
          from: 'a',
          to: 'b',
          indicators: [],
          basis: 'informal',
          evidence: ['i1'],
          latencyDays: 0,
          personDependent: true,
        },
      ],
      ['interview', { id: 'i1', date: '2026-02-03', stakeholder: 's1', round: ' 2026 ', interviewer: ' unit ' }],
      ['membership', { network: 'n1', stakeholder: 's1' }],
      ['reportingLine', { id: 'r1', from: 'a', to: 'b', kind: 'hierarchy' }],
      ['country', { name: ' Sweden ', code: 'SE', cbssMember: true, euMember: true }],
    ];
    for (const [kind, row] of cases) same(kind, row);
  });

  test('when a row has an unknown key or misses a required field, then it is refused as the schema refuses it', () => {
    expect(() =>
      canonicalOf('flow', { id: 'f1', from: 'a', to: 'b', indicators: [], basis: 'informal', colour: 'red' }),
    ).toThrow();
    expect(() => canonicalOf('flow', { id: 'f1', from: 'a', indicators: [], basis: 'informal' })).toThrow();
  });
});
