// The analysis API on the seeded region (embedded store): every endpoint for every country, the
// documented field names, bad input, countries without NCP or stakeholders, and caching by version.
import request from 'supertest';
import { createApp } from '../../server/app';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore } from '../../server/store/port';
import { seedStore } from '../../seed/loader';
import { signedIn } from '../support/auth';

let store: GraphStore;
let app: ReturnType<typeof createApp>;
const COUNTRIES = ['DE', 'DK', 'EE', 'FI', 'IS', 'LT', 'LV', 'NO', 'PL', 'SE'];

beforeAll(async () => {
  store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await seedStore(store, { maps: true });
  app = await signedIn(createApp({ store }), store, { role: 'admin' });
});
afterAll(() => store.close());

const clean = (body: unknown) => expect(JSON.stringify(body)).not.toMatch(/NaN|Infinity|null,"hops"/);

describe('every analysis for every seed country', () => {
  test.each(COUNTRIES)(
    'when %s is analysed, then every endpoint answers with the documented fields',
    async (country) => {
      const coverage = (await request(app).get(`/api/analysis/coverage?country=${country}`).expect(200)).body;
      expect(Object.keys(coverage)).toEqual(
        expect.arrayContaining(['country', 'ncp', 'coverageRatio', 'referenceCoverage', 'cells', 'computedFrom']),
      );
      expect(coverage.cells).toHaveLength(32);
      const sugg = (await request(app).get(`/api/analysis/suggestions?country=${country}`).expect(200)).body;
      expect(Object.keys(sugg)).toEqual(expect.arrayContaining(['country', 'suggestions', 'peerPatterns']));
      const notReaching = coverage.cells
        .filter((c: { status: string }) => c.status === 'collected_not_reaching')
        .map((c: { indicator: string }) => c.indicator);
      expect([...new Set(sugg.suggestions.map((s: { indicator: string }) => s.indicator))].sort()).toEqual(
        [...notReaching].sort(),
      );
      const bn = (await request(app).get(`/api/analysis/bottlenecks?country=${country}`).expect(200)).body;
      expect(Object.keys(bn)).toEqual(
        expect.arrayContaining(['betweenness', 'edgeBetweenness', 'singlePointsOfFailure', 'criticalFlows', 'fragile']),
      );
      const ncp = (await request(app).get(`/api/analysis/ncp?country=${country}`).expect(200)).body;
      expect(ncp).toMatchObject({ status: 'ok', country, ncp: coverage.ncp });
      for (const field of [
        'inDegree',
        'outDegree',
        'indicatorsReceived',
        'indicatorsHeld',
        'indicatorsPassedOn',
        'betweenness',
        'betweennessRank',
        'harmonicClosenessIn',
        'harmonicClosenessOut',
        'reach',
        'brokerage',
        'constraint',
        'crossBorder',
      ]) {
        expect(ncp).toHaveProperty(field);
      }
      for (const body of [coverage, sugg, bn, ncp]) clean(body);
    },
  );

  test('when the region is compared, then each national country has every metric, role matrices and pairwise similarity', async () => {
    const res = await request(app).get('/api/analysis/compare').expect(200);
    expect(res.body.countries.map((c: { country: string }) => c.country)).toEqual(COUNTRIES);
    expect(Object.keys(res.body.roleMatrices)).toEqual(COUNTRIES);
    expect(res.body.similarity).toHaveLength(45);
    clean(res.body);
    const two = await request(app).get('/api/analysis/compare?countries=SE,NO').expect(200);
    expect(two.body.similarity).toEqual([{ a: 'NO', b: 'SE', cosine: expect.any(Number) }]);
  });

  test('when the matrix is asked, then countries by indicators with statuses', async () => {
    const res = await request(app).get('/api/analysis/coverage').expect(200);
    expect(res.body.countries).toEqual(COUNTRIES);
    expect(res.body.cells).toHaveLength(320);
  });
});

describe('what the seed is shaped to show', () => {
  test('when Denmark is analysed, then missing unaccompanied minors are not collected', async () => {
    const res = await request(app).get('/api/analysis/coverage?country=DK').expect(200);
    expect(res.body.cells.find((c: { indicator: string }) => c.indicator === 'UAM-03').status).toBe('not_collected');
  });

  test('when Norway is analysed, then the police coordinating unit is the main single point of failure', async () => {
    const res = await request(app).get('/api/analysis/bottlenecks?country=NO').expect(200);
    expect(res.body.singlePointsOfFailure[0].id).toBe('no-kom');
  });
});

describe('options, bad input and edge cases', () => {
  test('when options change, then the flows that count change, and computedFrom says which', async () => {
    const all = (await request(app).get('/api/analysis/coverage?country=IS&includeStatuses=active,planned').expect(200))
      .body;
    const active = (await request(app).get('/api/analysis/coverage?country=IS').expect(200)).body;
    expect(all.computedFrom.options.includeStatuses).toEqual(['active', 'planned']);
    expect(all.coverageRatio).toBeGreaterThanOrEqual(active.coverageRatio);
    const formal = (
      await request(app)
        .get('/api/analysis/coverage?country=IS&includeInformal=false&minConfidence=confirmed')
        .expect(200)
    ).body;
    expect(formal.coverageRatio).toBeLessThanOrEqual(active.coverageRatio);
  });

  test('when the country is unknown, malformed or missing, then 404 or 400, never 500', async () => {
    for (const path of ['coverage', 'suggestions', 'bottlenecks', 'ncp']) {
      await request(app).get(`/api/analysis/${path}?country=XQ`).expect(404);
      await request(app).get(`/api/analysis/${path}?country=sweden`).expect(400);
    }
    await request(app).get('/api/analysis/ncp').expect(400);
    await request(app).get('/api/analysis/compare?countries=SE,XQ').expect(404);
    await request(app).get('/api/analysis/coverage?country=SE&includeStatuses=lost').expect(400);
    await request(app).get('/api/analysis/coverage?country=SE&minConfidence=sure').expect(400);
    await request(app).get('/api/analysis/coverage?country=SE&depth=3').expect(400);
  });

  test('when one indicator is asked, then only its cell comes back; an unknown indicator is 404', async () => {
    const one = await request(app).get('/api/analysis/coverage?country=DK&indicator=UAM-03').expect(200);
    expect(one.body.cells).toEqual([expect.objectContaining({ indicator: 'UAM-03', status: 'not_collected' })]);
    const column = await request(app).get('/api/analysis/coverage?indicator=UAM-03').expect(200);
    expect(column.body.cells).toHaveLength(10);
    expect(
      (await request(app).get('/api/analysis/coverage?country=DK&indicator=ABC-99').expect(404)).body.error.message,
    ).toContain('ABC-99');
    await request(app).get('/api/analysis/coverage?country=DK&indicator=uam3').expect(400);
  });

  test('when a country has no NCP or no stakeholders, then well-defined results', async () => {
    const ncp = await request(app).get('/api/analysis/ncp?country=INT').expect(200);
    expect(ncp.body).toMatchObject({ status: 'no_ncp', ncp: null });
    await store.create('country', { code: 'XE', name: 'Empty', euMember: false, cbssMember: false }, 'test');
    for (const path of ['coverage', 'suggestions', 'bottlenecks', 'ncp']) {
      const res = await request(app).get(`/api/analysis/${path}?country=XE`).expect(200);
      clean(res.body);
    }
    const cov = await request(app).get('/api/analysis/coverage?country=XE').expect(200);
    expect(cov.body).toMatchObject({ ncp: null, coverageRatio: null });
    const cmp = await request(app).get('/api/analysis/compare?countries=XE').expect(200);
    expect(cmp.body.countries[0]).toMatchObject({ stakeholders: 0, density: 0, meanHopsToNcp: null });
    const v = await store.get('country', 'XE');
    await store.delete('country', 'XE', v.version, 'test');
  });

  test('when a what-if removes a single point of failure, then the coverage change and NCP metrics come back, and nothing is stored', async () => {
    const before = await store.storeVersion();
    const res = await request(app)
      .post('/api/analysis/what-if')
      .send({ country: 'NO', removeStakeholders: ['no-kom'] })
      .expect(200);
    // Two routes to one answer: the indicators whose status changes are exactly those the dominator
    // analysis names no-kom a single point of failure for.
    const spof = (
      await request(app).get('/api/analysis/bottlenecks?country=NO').expect(200)
    ).body.singlePointsOfFailure.find((s: { id: string }) => s.id === 'no-kom').indicators;
    expect(res.body.changed.map((c: { indicator: string }) => c.indicator).sort()).toEqual([...spof].sort());
    expect(
      res.body.changed.every(
        (c: { from: string; to: string }) =>
          c.from === 'reaches_ncp' && ['collected_not_reaching', 'not_collected'].includes(c.to),
      ),
    ).toBe(true);
    expect(res.body.ncp.after.status).toBe('ok');
    expect(await store.storeVersion()).toBe(before);
    const bad = await request(app)
      .post('/api/analysis/what-if')
      .send({ country: 'NO', removeStakeholders: ['nobody'], extra: 1 })
      .expect(400);
    expect(bad.body.error.problems.map((p: { field: string }) => p.field)).toEqual(['extra']);
    const unknown = await request(app)
      .post('/api/analysis/what-if')
      .send({ country: 'NO', removeStakeholders: ['nobody'] })
      .expect(400);
    expect(unknown.body.error.problems[0]).toMatchObject({ path: 'removeStakeholders[0]' });
  });

  test('when the same analysis is asked twice, then it is served from the cache; after a write, recomputed', async () => {
    const a = (await request(app).get('/api/analysis/bottlenecks?country=SE').expect(200)).body;
    const b = (await request(app).get('/api/analysis/bottlenecks?country=SE').expect(200)).body;
    expect(b).toEqual(a);
    const flow = await store.get('flow', (await store.list('flow', { country: 'SE' }))[0]!.id);
    const { version, updatedAt: _u, updatedBy: _b, ...entity } = flow;
    await store.update('flow', flow.id, { ...entity, note: 'changed for the cache test' }, version, 'test');
    const c = (await request(app).get('/api/analysis/bottlenecks?country=SE').expect(200)).body;
    expect(c.computedFrom.storeVersion).toBe(a.computedFrom.storeVersion + 1);
  });

  test('when the OpenAPI document is built, then the analysis routes are in it', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/analysis/coverage', '/api/analysis/what-if', '/api/analysis/compare']),
    );
  });
});
