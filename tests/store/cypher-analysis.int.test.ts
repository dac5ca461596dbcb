// The analyst queries in cypher/analysis/ (for Neo4j Browser), run on a real Neo4j holding the seed
// region, give the same answers as the TypeScript analyses (ANALYSIS.md §1, default options) for every
// seed country and every catalogue indicator.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Flow, MapDocument } from '../../server/model';
import { CoreGraphStore } from '../../server/store/core';
import { Neo4jAdapter } from '../../server/store/neo4j/adapter';
import { buildFlowGraph, type FlowGraph } from '../../server/analysis/flow-graph';
import { countryCoverage, type CountryCoverage } from '../../server/analysis/coverage/coverage';
import { readSeedDocument, seedStore } from '../../seed/loader';
import { wipeableNeo4j } from '../support/test-neo4j';

const ANALYSIS_DIR = path.resolve(__dirname, '../../cypher/analysis');
const QUERIES = {
  coverage: 'coverage-path',
  notReaching: 'indicators-not-reaching-ncp',
  crossBorder: 'cross-border-channels',
  suppliers: 'ncp-direct-suppliers',
} as const;
const PARAMETERS: Record<string, string[]> = {
  'coverage-path': ['country', 'indicator'],
  'indicators-not-reaching-ncp': ['country'],
  'cross-border-channels': ['country'],
  'ncp-direct-suppliers': ['country'],
};
const BASES = ['statutory', 'agreement', 'project', 'informal'];

const text = (name: string) => fs.readFileSync(path.join(ANALYSIS_DIR, `${name}.cypher`), 'utf8');
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const SEED_COUNTRIES = readSeedDocument()
  .countries.map((c) => c.code)
  .sort(byString);

describe('analyst Cypher files', () => {
  test('when the folder is listed, then it holds exactly the four documented queries', () => {
    expect(
      fs
        .readdirSync(ANALYSIS_DIR)
        .filter((f) => f.endsWith('.cypher'))
        .sort(),
    ).toEqual(
      Object.keys(PARAMETERS)
        .map((n) => `${n}.cypher`)
        .sort(),
    );
  });

  test.each(Object.keys(PARAMETERS))(
    'when %s is read, then its header says what it answers, names its parameters and gives an example, and the query uses only those',
    (name) => {
      const lines = text(name).split('\n');
      const header = lines.slice(
        0,
        lines.findIndex((l) => !l.startsWith('//')),
      );
      expect(header.length).toBeGreaterThanOrEqual(4);
      expect(header.some((l) => l.startsWith('// Parameters:'))).toBe(true);
      expect(header.some((l) => l.startsWith('// Example'))).toBe(true);
      const body = lines.slice(header.length).join('\n');
      const used = [...new Set([...body.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]!))].sort();
      expect(used).toEqual([...PARAMETERS[name]!].sort());
      for (const p of used) expect(header.join('\n')).toContain(`$${p}`);
    },
  );
});

const settings = wipeableNeo4j();

if (settings) {
  describe('analyst Cypher queries on the seed, against the TypeScript analyses', () => {
    let adapter: Neo4jAdapter;
    let store: CoreGraphStore;
    let doc: MapDocument;
    let fg: FlowGraph;
    let indicators: string[];
    const coverage = new Map<string, CountryCoverage>();
    const timings = new Map<string, number[]>();

    async function run(name: string, params: Record<string, string>): Promise<Array<Record<string, unknown>>> {
      const query = text(name);
      const started = performance.now();
      const result = await adapter.executor.read((tx) => tx.run(query, params));
      timings.set(name, [...(timings.get(name) ?? []), performance.now() - started]);
      return result.records.map((r) => r.toObject());
    }

    const stakeholder = (id: string) => doc.stakeholders.find((s) => s.id === id)!;
    const countryOf = (id: string) => stakeholder(id).country;
    const isActive = (f: Flow) => f.status === 'active';

    beforeAll(async () => {
      adapter = new Neo4jAdapter(settings);
      store = new CoreGraphStore(adapter);
      await store.init();
      await adapter.clear();
      await seedStore(store, { maps: true });
      const snapshot = await store.snapshot({});
      doc = snapshot.document;
      fg = buildFlowGraph(snapshot.document, snapshot.catalogue);
      indicators = snapshot.catalogue.indicators.map((i) => i.code);
      for (const c of snapshot.document.countries) coverage.set(c.code, countryCoverage(fg, c.code));
    });

    afterAll(async () => {
      const lines = [...timings].map(([name, ms]) => {
        const sorted = [...ms].sort((a, b) => a - b);
        const median = sorted[Math.floor(sorted.length / 2)]!;
        return `  ${name}: ${ms.length} runs, first ${ms[0]!.toFixed(1)} ms, median ${median.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
      });
      process.stdout.write(`Cypher analysis queries on the seed (Neo4j):\n${lines.join('\n')}\n`);
      await adapter?.clear();
      await store?.close();
    });

    test('when the seed is loaded, then every seed country is in the store and the catalogue is complete', () => {
      expect(doc.countries.map((c) => c.code).sort(byString)).toEqual(SEED_COUNTRIES);
      expect(indicators.length).toBeGreaterThanOrEqual(30);
    });

    test.each(SEED_COUNTRIES)(
      'when coverage-path runs for %s and every indicator, then status, hops, holders and weakest basis match countryCoverage, and each path is a valid X-path of that length',
      async (country) => {
        const expected = coverage.get(country)!;
        for (const indicator of indicators) {
          const cell = expected.cells.find((c) => c.indicator === indicator)!;
          const rows = await run(QUERIES.coverage, { country, indicator });
          expect(rows).toHaveLength(1);
          const row = rows[0]!;
          expect({ indicator, status: row.status, hops: row.hops ?? undefined, holders: row.holders }).toEqual({
            indicator,
            status: cell.status,
            hops: cell.hops,
            holders: cell.holders,
          });

          if (cell.status === 'held_by_ncp') {
            expect(row.path).toEqual([expected.ncp]);
            expect(row.flows).toEqual([]);
          } else if (cell.status === 'reaches_ncp') {
            const ids = row.path as string[];
            const flowIds = row.flows as string[];
            expect(ids).toHaveLength(cell.hops! + 1);
            expect(flowIds).toHaveLength(cell.hops!);
            expect(cell.holders).toContain(ids[0]);
            expect(ids[ids.length - 1]).toBe(expected.ncp);
            flowIds.forEach((id, i) => {
              const flow = doc.flows.find((f) => f.id === id)!;
              expect({
                id,
                from: flow.from,
                to: flow.to,
                active: isActive(flow),
                carries: flow.indicators.includes(indicator),
              }).toEqual({ id, from: ids[i], to: ids[i + 1], active: true, carries: true });
            });
            // The weakest basis of the best shortest path is defined by ANALYSIS.md whichever path is shown.
            expect({ indicator, weakestBasis: row.weakestBasis }).toEqual({
              indicator,
              weakestBasis: cell.weakestBasis,
            });
            if (JSON.stringify(flowIds) === JSON.stringify(cell.flows)) {
              expect({
                slowestFrequency: row.slowestFrequency ?? undefined,
                latencyDays: row.latencyDays ?? undefined,
              }).toEqual({ slowestFrequency: cell.slowestFrequency, latencyDays: cell.latencyDays });
            }
          } else {
            expect(row.path ?? null).toBeNull();
            expect(row.hops ?? null).toBeNull();
          }
        }
      },
    );

    test('when coverage-path runs for a country that is not in the map, then the status is no_ncp', async () => {
      const [row] = await run(QUERIES.coverage, { country: 'XZ', indicator: indicators[0]! });
      expect(row).toMatchObject({ status: 'no_ncp', holders: [], path: null });
    });

    test.each(SEED_COUNTRIES)(
      'when indicators-not-reaching-ncp runs for %s, then it lists the collected_not_reaching indicators with their holders',
      async (country) => {
        const expected = coverage
          .get(country)!
          .cells.filter((c) => c.status === 'collected_not_reaching')
          .map((c) => ({ indicator: c.indicator, holders: c.holders }))
          .sort((a, b) => byString(a.indicator, b.indicator));
        const rows = await run(QUERIES.notReaching, { country });
        expect(rows.map((r) => ({ indicator: r.indicator, holders: r.holders }))).toEqual(expected);
        for (const r of rows) expect((r.holderNames as string[]).length).toBe((r.holders as string[]).length);
      },
    );

    test('when the seed is inspected, then some country has indicators that do not reach its NCP (the comparison is not vacuous)', () => {
      const statuses = [...coverage.values()].flatMap((c) => c.cells.map((cell) => cell.status));
      for (const s of ['held_by_ncp', 'reaches_ncp', 'collected_not_reaching', 'not_collected', 'no_ncp'])
        expect(statuses).toContain(s);
      expect([...coverage.values()].some((c) => c.cells.some((cell) => (cell.hops ?? 0) >= 2))).toBe(true);
    });

    test.each(SEED_COUNTRIES)(
      'when cross-border-channels runs for %s, then it lists the active flows between it and other countries, both directions',
      async (country) => {
        const expected = doc.flows
          .filter(
            (f) =>
              isActive(f) &&
              countryOf(f.from) !== countryOf(f.to) &&
              (countryOf(f.from) === country || countryOf(f.to) === country),
          )
          .sort((a, b) => byString(a.id, b.id))
          .map((f) => ({
            flow: f.id,
            direction: countryOf(f.from) === country ? 'out' : 'in',
            from: f.from,
            fromCountry: countryOf(f.from),
            fromNcp: stakeholder(f.from).ncp,
            to: f.to,
            toCountry: countryOf(f.to),
            toNcp: stakeholder(f.to).ncp,
            otherCountry: countryOf(f.from) === country ? countryOf(f.to) : countryOf(f.from),
            international: countryOf(f.from) === 'INT' || countryOf(f.to) === 'INT',
            indicators: f.indicators,
            basis: f.basis,
            personDependent: f.personDependent,
            confidence: f.confidence,
          }));
        const rows = await run(QUERIES.crossBorder, { country });
        expect(rows.map(({ fromName: _a, toName: _b, frequency: _c, ...rest }) => rest)).toEqual(expected);
        expect(expected.length).toBeGreaterThan(0);
      },
    );

    test.each(SEED_COUNTRIES)(
      'when ncp-direct-suppliers runs for %s, then it lists every stakeholder with an active flow into the NCP, what it sends and how',
      async (country) => {
        const ncp = fg.ncpOf(country);
        const bySupplier = new Map<string, Flow[]>();
        for (const f of doc.flows) {
          if (!ncp || f.to !== ncp || f.from === ncp || !isActive(f)) continue;
          bySupplier.set(f.from, [...(bySupplier.get(f.from) ?? []), f]);
        }
        const expected = [...bySupplier.keys()].sort(byString).map((id) => {
          const flows = bySupplier.get(id)!.sort((a, b) => byString(a.id, b.id));
          const bases = BASES.filter((b) => flows.some((f) => f.basis === b));
          return {
            supplier: id,
            country: countryOf(id),
            type: stakeholder(id).type,
            crossBorder: countryOf(id) !== country,
            flows: flows.map((f) => f.id),
            indicators: [...new Set(flows.flatMap((f) => f.indicators))].sort(byString),
            bases,
            weakestBasis: bases[bases.length - 1],
            strongestBasis: bases[0],
            personDependent: flows.some((f) => f.personDependent),
          };
        });
        const rows = await run(QUERIES.suppliers, { country });
        expect(rows.map(({ name: _n, sector: _s, ...rest }) => rest)).toEqual(expected);
        if (ncp) expect(expected.length).toBeGreaterThan(0);
      },
    );
  });
}
