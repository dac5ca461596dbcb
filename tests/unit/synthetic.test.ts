// The synthetic region generator (tests/perf/synthetic.ts): valid, deterministic and shaped as asked. Importing
// the 13 x 1,000 region is the scale benchmark's job (tests/perf/scale-bench.ts checks every item arrived).
import { performance } from 'node:perf_hooks';
import { validateDocument, type MapDocument } from '../../server/model';
import { buildFlowGraph } from '../../server/analysis/flow-graph';
import { countryCoverage } from '../../server/analysis/coverage/coverage';
import { readCatalogue } from '../../seed/loader';
import { SYNTHETIC_CODES, syntheticRegion } from '../perf/synthetic';

const catalogue = readCatalogue() as {
  themes: unknown[];
  indicators: Array<{ code: string; themes: string[]; typicalHolders?: string[] }>;
};
const codes = new Set(catalogue.indicators.map((i) => i.code));
const INT_TYPES = [
  'europol',
  'interpol',
  'frontex',
  'eu_body',
  'cbss',
  'un_agency',
  'ngo_network',
  'other_international',
];

function problemsOf(doc: MapDocument) {
  const result = validateDocument(doc, { indicators: codes });
  return result.ok ? [] : result.problems.slice(0, 10);
}

function countryOf(doc: MapDocument): Map<string, string> {
  return new Map(doc.stakeholders.map((s) => [s.id, s.country]));
}

/** The shape checks that hold for any size: counts, one NCP, INT, typical holders, what flows may carry. */
function expectShape(doc: MapDocument, countries: number, perCountry: number): void {
  const expected = SYNTHETIC_CODES.slice(0, countries);
  expect(doc.countries.map((c) => c.code)).toEqual(['INT', ...expected]);
  expect(doc.countries.every((c) => c.illustrative === true)).toBe(true);
  for (const code of expected) {
    expect(doc.countries.find((c) => c.code === code)?.name).toBe(`Synthetic ${code}`);
    const own = doc.stakeholders.filter((s) => s.country === code);
    expect(own).toHaveLength(perCountry);
    const ncps = own.filter((s) => s.ncp);
    expect(ncps).toHaveLength(1);
    expect(['ministry', 'ncp_office', 'national_coordinator']).toContain(ncps[0]!.type);
  }
  const intl = doc.stakeholders.filter((s) => s.country === 'INT');
  expect(intl.length).toBeGreaterThanOrEqual(12);
  expect(intl.every((s) => INT_TYPES.includes(s.type) && s.level === 'international' && !s.ncp)).toBe(true);
  expect(new Set(intl.map((s) => s.type))).toEqual(new Set(INT_TYPES));

  const typical = new Map(catalogue.indicators.map((i) => [i.code, new Set(i.typicalHolders ?? [])]));
  const typeOf = new Map(doc.stakeholders.map((s) => [s.id, s.type]));
  for (const d of doc.datasets) {
    for (const x of d.indicators)
      expect({ dataset: d.id, x, typical: typical.get(x)!.has(typeOf.get(d.holder)!) }).toEqual({
        dataset: d.id,
        x,
        typical: true,
      });
  }
  // A flow carries only what its sender holds or receives over active flows.
  const known = new Map<string, Set<string>>();
  const add = (id: string, xs: readonly string[]) => {
    const set = known.get(id) ?? new Set<string>();
    for (const x of xs) set.add(x);
    known.set(id, set);
  };
  for (const d of doc.datasets) add(d.holder, d.indicators);
  for (const f of doc.flows) if (f.status === 'active') add(f.to, f.indicators);
  const unknown = doc.flows.filter(
    (f) => f.indicators.length === 0 || f.indicators.some((x) => !known.get(f.from)?.has(x)),
  );
  expect(unknown.map((f) => f.id)).toEqual([]);
}

describe('synthetic region', () => {
  test('when 3 countries of 50 are generated, then the document is valid and shaped as asked', () => {
    const doc = syntheticRegion({ countries: 3, stakeholdersPerCountry: 50, seed: 1 });
    expect(problemsOf(doc)).toEqual([]);
    expectShape(doc, 3, 50);
    expect(doc.networks.length).toBeGreaterThanOrEqual(4);
    expect(doc.interviews.length).toBeGreaterThanOrEqual(6);
    expect(doc.flows.some((f) => f.evidence.length > 0)).toBe(true);
  });

  test('when the same seed is used twice, then the documents are equal; another seed gives another one', () => {
    const options = { countries: 3, stakeholdersPerCountry: 50 };
    const a = syntheticRegion({ ...options, seed: 7 });
    expect(syntheticRegion({ ...options, seed: 7 })).toEqual(a);
    const b = syntheticRegion({ ...options, seed: 8 });
    expect(b).not.toEqual(a);
    expect(b.flows.map((f) => `${f.from}>${f.to}`)).not.toEqual(a.flows.map((f) => `${f.from}>${f.to}`));
  });

  test('when the arguments are out of range, then generation fails naming the function', () => {
    expect(() => syntheticRegion({ countries: 0, stakeholdersPerCountry: 50, seed: 1 })).toThrow(
      /syntheticRegion: countries/,
    );
    expect(() =>
      syntheticRegion({ countries: SYNTHETIC_CODES.length + 1, stakeholdersPerCountry: 50, seed: 1 }),
    ).toThrow(/syntheticRegion: countries/);
    expect(() => syntheticRegion({ countries: 2, stakeholdersPerCountry: 0, seed: 1 })).toThrow(
      /syntheticRegion: stakeholdersPerCountry/,
    );
    expect(() => syntheticRegion({ countries: 2, stakeholdersPerCountry: 10, seed: 1.5 })).toThrow(
      /syntheticRegion: seed/,
    );
  });

  test('when very small countries are asked for, then they are still valid with one NCP each', () => {
    for (const n of [1, 2, 5, 14, 15, 16]) {
      const doc = syntheticRegion({ countries: 2, stakeholdersPerCountry: n, seed: n });
      expect(problemsOf(doc)).toEqual([]);
      expectShape(doc, 2, n);
    }
  });

  describe('13 countries of 1,000', () => {
    let doc: MapDocument;
    let generationMs: number;

    beforeAll(() => {
      const started = performance.now();
      doc = syntheticRegion({ countries: 13, stakeholdersPerCountry: 1000, seed: 1 });
      generationMs = performance.now() - started;
    });

    test('when generated, then the document is valid, has 1,000 stakeholders per country and one NCP each', () => {
      expect(problemsOf(doc)).toEqual([]);
      expectShape(doc, 13, 1000);
      process.stdout.write(
        `synthetic 13 x 1000: generated in ${generationMs.toFixed(0)} ms (${doc.flows.length} flows, ${doc.datasets.length} datasets)\n`,
      );
    });

    test('when its mix is measured, then types, datasets and flows have the realistic proportions', () => {
      const country = countryOf(doc);
      const xa = doc.stakeholders.filter((s) => s.country === 'XA');
      const share = (pred: (s: (typeof xa)[number]) => boolean) => xa.filter(pred).length / xa.length;
      expect(
        share((s) =>
          [
            'child_welfare',
            'care_institution',
            'barnahus',
            'health',
            'education',
            'victim_support',
            'guardian_service',
            'children_ombudsperson',
          ].includes(s.type),
        ),
      ).toBeCloseTo(0.25, 1);
      expect(share((s) => s.type === 'child_welfare' && s.level === 'local')).toBeGreaterThan(0.1);
      expect(share((s) => s.type === 'police' && s.level === 'regional')).toBeGreaterThan(0.05);
      expect(share((s) => s.type === 'reception_centre')).toBeGreaterThan(0.05);
      for (const type of ['ministry', 'statistics_office', 'municipality', 'prosecution', 'ngo'])
        expect(xa.some((s) => s.type === type)).toBe(true);

      const own = new Set(xa.map((s) => s.id));
      const datasets = doc.datasets.filter((d) => own.has(d.holder)).length;
      expect(datasets / 1000).toBeGreaterThan(0.5);
      expect(datasets / 1000).toBeLessThan(0.7);

      const flows = doc.flows.filter((f) => own.has(f.from) && own.has(f.to));
      expect(flows.length / 1000).toBeGreaterThanOrEqual(4);
      expect(flows.length / 1000).toBeLessThanOrEqual(5);
      const fraction = (pred: (f: (typeof flows)[number]) => boolean) => flows.filter(pred).length / flows.length;
      expect(fraction((f) => f.basis === 'informal')).toBeGreaterThan(0.07);
      expect(fraction((f) => f.basis === 'informal')).toBeLessThan(0.13);
      expect(fraction((f) => f.personDependent)).toBeGreaterThan(0.05);
      expect(fraction((f) => f.personDependent)).toBeLessThan(0.11);
      expect(fraction((f) => f.status !== 'active')).toBeGreaterThan(0.03);
      expect(fraction((f) => f.status !== 'active')).toBeLessThan(0.07);
      for (const c of ['confirmed', 'reported', 'assumed'])
        expect(fraction((f) => f.confidence === c)).toBeGreaterThan(0.1);
      const pairs = new Set(flows.map((f) => `${f.from}>${f.to}`));
      expect(pairs.size).toBeLessThan(flows.length); // some parallel flows
      expect(flows.some((f) => pairs.has(`${f.to}>${f.from}`))).toBe(true); // some reciprocal ones
      // Hubs: the national police unit receives from many units.
      expect(flows.filter((f) => f.to === 'xa-police').length).toBeGreaterThan(50);

      const cross = doc.flows.filter((f) => country.get(f.from) !== country.get(f.to));
      expect(cross.some((f) => country.get(f.to) === 'INT')).toBe(true);
      expect(cross.some((f) => f.to.endsWith('-ncp') && country.get(f.from) !== 'INT')).toBe(true);
      expect(doc.reportingLines.length).toBeGreaterThan(13 * 100);
      expect(doc.networks.filter((n) => n.kind === 'ncp_network')).toHaveLength(1);
    });

    test('when its coverage is computed, then every country has reaching, not-reaching and uncollected indicators', () => {
      const fg = buildFlowGraph(doc, catalogue);
      for (const code of SYNTHETIC_CODES.slice(0, 13)) {
        const statuses = new Set(countryCoverage(fg, code).cells.map((c) => c.status));
        expect([
          code,
          statuses.has('reaches_ncp'),
          statuses.has('collected_not_reaching'),
          statuses.has('not_collected'),
        ]).toEqual([code, true, true, true]);
      }
    });
  });
});
