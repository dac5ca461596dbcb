// Mapping rounds through the HTTP API: freeze, list, read, delete, and compare (round with now, two
// rounds, a region round for one country), on the embedded store with the small two-country map.
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { signedIn } from '../support/auth';
import { smallMapStore } from '../support/small-store';

let store: GraphStore;
let app: ReturnType<typeof createApp>;
/** Editors signed in under the names the audit trail shows. */
let consultant: ReturnType<typeof createApp>;
let editor: ReturnType<typeof createApp>;

beforeEach(async () => {
  store = await smallMapStore();
  const raw = createApp({ store });
  app = await signedIn(raw, store, { role: 'admin' });
  consultant = await signedIn(raw, store, { role: 'editor', username: 'consultant' });
  editor = await signedIn(raw, store, { role: 'editor', username: 'editor' });
});
afterEach(() => store.close());

const freeze = async (body: object) => (await request(consultant).post('/api/rounds').send(body).expect(201)).body;

/** The edits of a second mapping round in XA: a new flow, a stakeholder gone, a field changed. */
async function editXa(): Promise<void> {
  // xa-police now also passes TRF-01 to the NCP: TRF-01 goes from collected_not_reaching to reaches_ncp.
  await request(app)
    .post('/api/flows')
    .send({ id: 'xa-f9', from: 'xa-police', to: 'xa-ncp', indicators: ['TRF-01'], basis: 'statutory' })
    .expect(201);
  // xa-ngo goes with its dataset (VIC-05), flow and membership: VIC-05 goes to not_collected.
  await request(app).delete('/api/stakeholders/xa-ngo?version=1&cascade=true').expect(200);
  const f1 = (await request(app).get('/api/flows/xa-f1')).body;
  await request(app)
    .put('/api/flows/xa-f1')
    .send({ ...f1, basis: 'agreement' })
    .expect(200);
}

const keys = (list: Array<{ key: string }>) => list.map((x) => x.key);

/** An export as a round holds it: without the versions an export carries to be imported again (DOMAIN.md). */
function unversioned(doc: Record<string, unknown>): Record<string, unknown> {
  const { exportedAt: _at, storeVersion: _v, ...rest } = doc;
  return Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [
      k,
      Array.isArray(v)
        ? v.map((item: Record<string, unknown>) => {
            const { version: _version, ...fields } = item;
            return fields;
          })
        : v,
    ]),
  );
}

describe('freezing and reading rounds', () => {
  test('when a country round is frozen, then 201 gives its summary with the counts of the country export', async () => {
    const round = await freeze({ name: '  2010 baseline ', country: 'XA', note: 'first visit' });
    expect(round).toMatchObject({ name: '2010 baseline', country: 'XA', note: 'first visit', createdBy: 'consultant' });
    expect(round.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(round.storeVersion).toBe((await request(app).get('/api/health')).body.storeVersion);
    const xa = (await request(app).get('/api/export?country=XA')).body;
    expect(round.counts).toEqual({
      stakeholders: xa.stakeholders.length,
      datasets: xa.datasets.length,
      flows: xa.flows.length,
      reportingLines: xa.reportingLines.length,
      networks: xa.networks.length,
      memberships: xa.memberships.length,
      interviews: xa.interviews.length,
    });
    expect(round.document).toBeUndefined();
  });

  test('when a round is read after the map changed, then its document is still the export of the moment it was frozen', async () => {
    const before = (await request(app).get('/api/export?country=XA')).body;
    const round = await freeze({ name: 'baseline', country: 'XA' });
    await editXa();
    const read = await request(app).get(`/api/rounds/${round.id}`).expect(200);
    expect(read.body).toMatchObject({ id: round.id, name: 'baseline', country: 'XA' });
    expect(read.body.document).toEqual(unversioned(before));
    expect((await request(app).get('/api/export?country=XA')).body).not.toEqual(before);
  });

  test('when rounds are listed for a country, then its own and the region rounds come newest first, not other countries', async () => {
    const a = await freeze({ name: 'first', country: 'XA' });
    const region = await freeze({ name: 'region 2010', country: null });
    await freeze({ name: 'first', country: 'XB' });
    const b = await freeze({ name: 'second', country: 'XA' });
    const xa = await request(app).get('/api/rounds?country=XA').expect(200);
    expect(xa.body.rounds.map((r: { id: string }) => r.id)).toEqual([b.id, region.id, a.id]);
    expect(xa.body.rounds[1]).toMatchObject({ country: null, name: 'region 2010' });
    const all = await request(app).get('/api/rounds').expect(200);
    expect(all.body.rounds).toHaveLength(4);
  });

  test('when a round is deleted, then it is gone, and both freezing and deleting are in the audit trail', async () => {
    const round = await freeze({ name: 'baseline', country: 'XA' });
    expect((await request(editor).delete(`/api/rounds/${round.id}`).expect(200)).body).toEqual({ deleted: true });
    await request(app).get(`/api/rounds/${round.id}`).expect(404);
    await request(app).delete(`/api/rounds/${round.id}`).expect(404);
    const audit = (await request(app).get('/api/audit?kind=round').expect(200)).body.entries;
    expect(audit.map((e: { action: string; actor: string }) => `${e.action}:${e.actor}`)).toEqual([
      'delete:editor',
      'create:consultant',
    ]);
    expect(audit[0]).toMatchObject({ key: round.id, countries: ['XA'], before: { name: 'baseline' }, after: null });
  });

  test('when the same name is frozen again in the same scope, then 409 already_exists; in another scope it is allowed', async () => {
    await freeze({ name: 'Baseline', country: 'XA' });
    const again = await request(app).post('/api/rounds').send({ name: 'baseline ', country: 'XA' }).expect(409);
    expect(again.body.error.code).toBe('already_exists');
    await freeze({ name: 'Baseline', country: 'XB' });
    await freeze({ name: 'Baseline' });
    expect((await request(app).get('/api/rounds')).body.rounds).toHaveLength(3);
  });
});

describe('bad input', () => {
  test('when the name is empty, too long or missing, or a field is unknown, then 400 names the field', async () => {
    const empty = await request(app).post('/api/rounds').send({ name: '   ', country: 'XA' }).expect(400);
    expect(empty.body.error.problems[0]).toMatchObject({ field: 'name' });
    const long = await request(app)
      .post('/api/rounds')
      .send({ name: 'x'.repeat(121), country: 'XA' })
      .expect(400);
    expect(long.body.error.problems[0]).toMatchObject({ field: 'name', message: expect.stringContaining('120') });
    await freeze({ name: 'x'.repeat(120), country: 'XA' });
    await request(app).post('/api/rounds').send({ country: 'XA' }).expect(400);
    const extra = await request(app).post('/api/rounds').send({ name: 'n', colour: 'red' }).expect(400);
    expect(extra.body.error.problems[0]).toMatchObject({ field: 'colour' });
  });

  test('when the country is unknown or malformed, then 404 or 400 and nothing is frozen', async () => {
    const unknown = await request(app).post('/api/rounds').send({ name: 'n', country: 'XQ' }).expect(404);
    expect(unknown.body.error.message).toContain('XQ');
    await request(app).post('/api/rounds').send({ name: 'n', country: 'Sweden' }).expect(400);
    await request(app).get('/api/rounds?country=XQ').expect(404);
    expect((await request(app).get('/api/rounds')).body.rounds).toEqual([]);
  });

  test("when a comparison names an unknown round, no country, an unknown country or another country's round, then 404 or 400", async () => {
    const xb = await freeze({ name: 'xb', country: 'XB' });
    await request(app).get('/api/rounds/round-999').expect(404);
    await request(app).get('/api/rounds/compare?country=XA&from=round-999&to=now').expect(404);
    const missing = await request(app).get(`/api/rounds/compare?from=${xb.id}&to=now`).expect(400);
    expect(missing.body.error.problems[0]).toMatchObject({ field: 'country' });
    await request(app).get('/api/rounds/compare?country=XQ&from=now&to=now').expect(404);
    const other = await request(app).get(`/api/rounds/compare?country=XA&from=${xb.id}&to=now`).expect(400);
    expect(other.body.error.problems[0]).toMatchObject({ field: 'from' });
    await request(app).get('/api/rounds/compare?country=XA&from=bad%20id&to=now').expect(400);
  });
});

describe('comparing', () => {
  test('when a round is compared with now after edits, then the added flow, the removed stakeholder, the changed field and the coverage change show', async () => {
    const round = await freeze({ name: 'baseline', country: 'XA' });
    await editXa();
    const res = await request(app).get(`/api/rounds/compare?country=XA&from=${round.id}&to=now`).expect(200);
    const { body } = res;
    expect(body.country).toBe('XA');
    expect(body.from).toMatchObject({ id: round.id, name: 'baseline', storeVersion: round.storeVersion });
    expect(body.to).toMatchObject({ id: 'now', storeVersion: round.storeVersion + 3 });
    expect(keys(body.kinds.flows.added)).toEqual(['xa-f9']);
    expect(body.kinds.flows.added[0].item).toMatchObject({ from: 'xa-police', to: 'xa-ncp', indicators: ['TRF-01'] });
    expect(keys(body.kinds.flows.removed)).toEqual(['xa-f2']);
    expect(body.kinds.flows.changed).toEqual([
      expect.objectContaining({
        key: 'xa-f1',
        fields: ['basis'],
        before: expect.objectContaining({ basis: 'statutory' }),
        after: expect.objectContaining({ basis: 'agreement' }),
      }),
    ]);
    expect(keys(body.kinds.stakeholders.removed)).toEqual(['xa-ngo']);
    expect(keys(body.kinds.datasets.removed)).toEqual(['xa-d2']);
    expect(keys(body.kinds.memberships.removed)).toEqual(['xa-ngo|xa-net']);
    expect(body.kinds.interviews).toEqual({ added: [], removed: [], changed: [] });
    // 1 flow added; stakeholder, dataset, flow and membership removed; one flow changed.
    expect(body.counts).toEqual({ added: 1, removed: 4, changed: 1 });
    expect(body.analysis.coverage).toEqual([
      {
        indicator: 'TRF-01',
        name: 'Trafficking offences recorded with child victims',
        before: 'collected_not_reaching',
        after: 'reaches_ncp',
      },
      { indicator: 'VIC-05', name: 'Assistance given', before: 'collected_not_reaching', after: 'not_collected' },
    ]);
    const metric = (m: string) => body.analysis.ncp.find((x: { metric: string }) => x.metric === m);
    // Before: VIC-01 reaches the NCP of 3 collected (VIC-01, TRF-01, VIC-05); after: VIC-01 and TRF-01 of 2.
    expect(metric('coverageRatio')).toMatchObject({ before: 1 / 3, after: 1 });
    expect(metric('indicatorsReceived')).toMatchObject({ before: 1, after: 2 });
    expect(metric('inDegree')).toMatchObject({ before: 1, after: 1 });
  });

  test('when two rounds are compared, then the answer is the same as comparing the first with the map the second froze', async () => {
    const first = await freeze({ name: 'first', country: 'XA' });
    await editXa();
    const second = await freeze({ name: 'second', country: 'XA' });
    const withNow = (await request(app).get(`/api/rounds/compare?country=XA&from=${first.id}&to=now`).expect(200)).body;
    await request(app)
      .post('/api/flows')
      .send({ id: 'xa-f10', from: 'xa-ncp', to: 'xa-police', indicators: [], basis: 'informal' })
      .expect(201);
    const rounds = (
      await request(app).get(`/api/rounds/compare?country=XA&from=${first.id}&to=${second.id}`).expect(200)
    ).body;
    expect(rounds.to).toMatchObject({ id: second.id, name: 'second' });
    expect(rounds.kinds).toEqual(withNow.kinds);
    expect(rounds.analysis).toEqual(withNow.analysis);
    const backwards = (
      await request(app).get(`/api/rounds/compare?country=XA&from=${second.id}&to=${first.id}`).expect(200)
    ).body;
    expect(keys(backwards.kinds.stakeholders.added)).toEqual(['xa-ngo']);
    expect(keys(backwards.kinds.flows.removed)).toEqual(['xa-f9']);
  });

  test("when a region round is compared for a country, then only that country's scope counts", async () => {
    const region = await freeze({ name: 'region' });
    const xb1 = (await request(app).get('/api/flows/xb-f1')).body;
    await request(app)
      .put('/api/flows/xb-f1')
      .send({ ...xb1, status: 'active' })
      .expect(200);
    const xa = (await request(app).get(`/api/rounds/compare?country=XA&from=${region.id}&to=now`).expect(200)).body;
    expect(xa.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(xa.analysis.coverage).toEqual([]);
    const xb = (await request(app).get(`/api/rounds/compare?country=XB&from=${region.id}&to=now`).expect(200)).body;
    expect(xb.kinds.flows.changed).toEqual([expect.objectContaining({ key: 'xb-f1', fields: ['status'] })]);
    expect(xb.kinds.stakeholders).toEqual({ added: [], removed: [], changed: [] });
    // xb-f1 (planned, now active) carries VIC-01 to XB's NCP, but nobody in XB holds VIC-01: no status moves.
    expect(xb.analysis.coverage).toEqual([]);
    // The cross-border flow xa-f3 is in both scopes and unchanged.
    expect(keys(xa.kinds.flows.changed)).toEqual([]);
  });

  test('when a side has no NCP, then its coverage and NCP metrics are null, not an error', async () => {
    const round = await freeze({ name: 'with ncp', country: 'XA' });
    await request(app).delete('/api/stakeholders/xa-ncp?version=1&cascade=true').expect(200);
    const body = (await request(app).get(`/api/rounds/compare?country=XA&from=${round.id}&to=now`).expect(200)).body;
    expect(body.analysis.ncp.length).toBeGreaterThan(10);
    expect(body.analysis.ncp.every((m: { after: unknown }) => m.after === null)).toBe(true);
    expect(body.analysis.ncp.find((m: { metric: string }) => m.metric === 'inDegree').before).toBe(1);
    expect(body.analysis.coverage.find((c: { indicator: string }) => c.indicator === 'VIC-01')).toMatchObject({
      before: 'reaches_ncp',
      after: null,
    });
  });

  test('when now is compared with now, then nothing changed', async () => {
    const body = (await request(app).get('/api/rounds/compare?country=XB&from=now&to=now').expect(200)).body;
    expect(body.counts).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(body.from.id).toBe('now');
    expect(body.analysis.coverage).toEqual([]);
  });
});
