// Country scoping of `ncp` accounts through the API: an NCP changes only what belongs to its countries (either
// end of a flow), cascades and imports that reach abroad are refused before anything is written, rounds are its
// countries' only, and its audit trail is filtered to its countries.
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { signedIn } from '../support/auth';
import { nordicMap, nordicStore } from './access-fixture';
import { binary } from '../support/binary';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let store: GraphStore;
let ncp: Express;
let editor: Express;
let admin: Express;

beforeEach(async () => {
  store = await nordicStore();
  const app = createApp({ store });
  ncp = await signedIn(app, store, { role: 'ncp', username: 'ncp-se', countries: ['SE'] });
  editor = await signedIn(app, store, { role: 'editor', username: 'editor-1' });
  admin = await signedIn(app, store, { role: 'admin', username: 'admin-1' });
});
afterEach(() => store.close());

/** The whole store as the API exports it, and the length of the audit trail: what "nothing written" compares. */
async function state(): Promise<{ doc: unknown; audit: number; version: number }> {
  const doc = await store.exportDocument({});
  return { doc, audit: (await store.audit({ limit: 10000 })).length, version: await store.storeVersion() };
}

describe('entity writes', () => {
  test('when the NCP of SE creates a stakeholder in SE, then 201; in NO, then 403 naming NO and nothing is written', async () => {
    await request(ncp)
      .post('/api/stakeholders')
      .send({ id: 'se-new', name: 'New', country: 'SE', type: 'ngo' })
      .expect(201);
    const before = await state();
    const res = await request(ncp)
      .post('/api/stakeholders')
      .send({ id: 'no-new', name: 'New', country: 'NO', type: 'ngo' })
      .expect(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(res.body.error.message).toMatch(/NCP of SE.*stakeholder 'no-new' would belong to NO/);
    expect(await state()).toEqual(before);
  });

  test('when the NCP of SE moves its stakeholder to NO or edits a Norwegian one, then 403 and the items are unchanged', async () => {
    const moved = await request(ncp)
      .put('/api/stakeholders/se-ngo')
      .send({ name: 'SE NGO', country: 'NO', type: 'ngo', version: 1 })
      .expect(403);
    expect(moved.body.error.message).toContain("stakeholder 'se-ngo' would then belong to NO");
    const foreign = await request(ncp)
      .put('/api/stakeholders/no-police')
      .send({ name: 'Renamed', country: 'NO', type: 'police', version: 1 })
      .expect(403);
    expect(foreign.body.error.message).toContain("stakeholder 'no-police' belongs to NO");
    expect((await store.get('stakeholder', 'se-ngo')).country).toBe('SE');
    expect((await store.get('stakeholder', 'no-police')).name).toBe('NO Police');
    // The same change by an editor goes through: the refusal is the scope, not the input.
    await request(editor)
      .put('/api/stakeholders/no-police')
      .send({ name: 'Renamed', country: 'NO', type: 'police', version: 1 })
      .expect(200);
  });

  test('when the NCP of SE creates and changes a cross-border flow, then it may; a flow between two foreign stakeholders, then 403 naming both countries', async () => {
    await request(ncp)
      .post('/api/flows')
      .send({ id: 'x-new', from: 'no-police', to: 'se-ncp', indicators: ['VIC-01'], basis: 'agreement' })
      .expect(201);
    await request(ncp)
      .put('/api/flows/x-f1')
      .send({ from: 'se-police', to: 'no-police', indicators: ['VIC-01'], basis: 'informal', version: 1 })
      .expect(200);
    const foreign = await request(ncp)
      .post('/api/flows')
      .send({ id: 'no-new', from: 'no-police', to: 'dk-police', indicators: ['VIC-01'], basis: 'agreement' })
      .expect(403);
    expect(foreign.body.error.message).toMatch(/flow 'no-new' would belong to DK, NO/);
    // Re-pointing its cross-border flow so that neither end is Swedish any more is refused too.
    const away = await request(ncp)
      .put('/api/flows/x-f1')
      .send({ from: 'dk-police', to: 'no-police', indicators: ['VIC-01'], basis: 'informal', version: 2 })
      .expect(403);
    expect(away.body.error.message).toContain('would then belong to DK, NO');
    expect((await store.get('flow', 'x-f1')).from).toBe('se-police');
    await request(ncp).delete('/api/flows/no-dk?version=1').expect(403);
    await request(ncp).delete('/api/flows/x-f1?version=2').expect(200);
  });

  test('when the NCP of SE adds a foreign member to its network, then it may (the network is Swedish); a foreign network, not', async () => {
    await request(ncp)
      .post('/api/memberships')
      .send({ stakeholder: 'dk-police', network: 'se-net', role: 'observer' })
      .expect(201);
    await request(ncp)
      .post('/api/memberships')
      .send({ stakeholder: 'dk-police', network: 'no-net', role: 'observer' })
      .expect(403);
  });

  test('when the NCP of SE refers to something that does not exist, then the store answers 400 as for anyone', async () => {
    const res = await request(ncp)
      .post('/api/datasets')
      .send({
        id: 'se-dx',
        name: 'X',
        holder: 'ghost',
        indicators: ['VIC-01'],
        granularity: 'case',
        frequency: 'annual',
      })
      .expect(400);
    expect(res.body.error.problems[0]).toMatchObject({ field: 'holder' });
  });
});

describe('deletes with cascade', () => {
  test('when a cascade stays in SE and the cross-border flows, then the NCP of SE may run it', async () => {
    const res = await request(ncp).delete('/api/stakeholders/se-police?version=1&cascade=true').expect(200);
    expect(res.body.deleted).toMatchObject({ stakeholder: 1, flow: 4, dataset: 1, reportingLine: 1, membership: 1 });
  });

  test('when a cascade would update a Norwegian flow, then 403 lists it and nothing is written; an editor may', async () => {
    const before = await state();
    const res = await request(ncp).delete('/api/interviews/se-i1?version=1&cascade=true').expect(403);
    expect(res.body.error.message).toMatch(/flow 'no-f1' \(NO\)/);
    expect(res.body.error.message).not.toContain("'se-f1'");
    expect(res.body.error.message).toContain('nothing was deleted');
    expect(await state()).toEqual(before);
    const ok = await request(editor).delete('/api/interviews/se-i1?version=1&cascade=true').expect(200);
    expect(ok.body.updated).toEqual({ flow: 2 });
  });

  test('when the NCP of SE deletes without cascade an item that has dependants, then the usual 409 (nothing reaches abroad)', async () => {
    const res = await request(ncp).delete('/api/interviews/se-i1?version=1').expect(409);
    expect(res.body.error.code).toBe('has_dependants');
  });
});

describe('imports', () => {
  const doc = (extra: object) => ({ formatVersion: 1, ...extra });

  test('when the NCP of SE imports Swedish items, then 200; with a Norwegian stakeholder, then 403 in merge, replace and dry run, and nothing is written', async () => {
    await request(ncp)
      .post('/api/import')
      .send(doc({ stakeholders: [{ id: 'se-imp', name: 'Imported', country: 'SE', type: 'ngo' }] }))
      .expect(200);
    const before = await state();
    const foreign = doc({ stakeholders: [{ id: 'no-imp', name: 'Imported', country: 'NO', type: 'ngo' }] });
    for (const query of ['', '?dryRun=true', '?mode=replace', '?mode=replace&dryRun=true']) {
      const res = await request(ncp).post(`/api/import${query}`).send(foreign).expect(403);
      expect(res.body.error.message).toMatch(/stakeholder 'no-imp' \(NO\).*nothing was written/);
    }
    expect(await state()).toEqual(before);
  });

  test("when the file holds a foreign country, then 403 naming it; the NCP's own country exported and imported back, then 200", async () => {
    const norway = nordicMap().countries.filter((c) => c.code === 'NO');
    const res = await request(ncp)
      .post('/api/import?mode=replace&dryRun=true')
      .send(doc({ countries: norway }))
      .expect(403);
    expect(res.body.error.message).toContain('the file holds NO');
    const sweden = (await request(ncp).get('/api/export?country=SE').expect(200)).body;
    const back = await request(ncp).post('/api/import?mode=replace').send(sweden).expect(200);
    expect(back.body.unchanged.flow).toBe(sweden.flows.length);
  });

  test('when the file would change a country record, then 403: country records are the catalogue', async () => {
    const renamed = nordicMap()
      .countries.filter((c) => c.code === 'SE')
      .map((c) => ({ ...c, name: 'Konungariket Sverige' }));
    const res = await request(ncp)
      .post('/api/import')
      .send(doc({ countries: renamed }))
      .expect(403);
    expect(res.body.error.message).toContain('only an administrator');
    expect((await store.get('country', 'SE')).name).toBe('Sweden');
  });

  test('when a spreadsheet of the region (SE, NO, DK) is imported by the NCP of SE, then 403; the Swedish one, then 200', async () => {
    const region = await request(admin).get('/api/export?format=xlsx').buffer(true).parse(binary).expect(200);
    const before = await state();
    const refused = await request(ncp)
      .post('/api/import?dryRun=true')
      .set('Content-Type', XLSX)
      .send(region.body as Buffer)
      .expect(403);
    expect(refused.body.error.message).toMatch(/the file holds (DK, NO|NO, DK)/);
    expect(await state()).toEqual(before);
    const sweden = await request(admin)
      .get('/api/export?country=SE&format=xlsx')
      .buffer(true)
      .parse(binary)
      .expect(200);
    await request(ncp)
      .post('/api/import')
      .set('Content-Type', XLSX)
      .send(sweden.body as Buffer)
      .expect(200);
  });
});

describe('rounds', () => {
  test('when the NCP of SE freezes a round of SE, then 201; of NO or of the region, then 403', async () => {
    await request(ncp).post('/api/rounds').send({ name: 'SE baseline', country: 'SE' }).expect(201);
    const norway = await request(ncp).post('/api/rounds').send({ name: 'NO baseline', country: 'NO' }).expect(403);
    expect(norway.body.error.message).toContain('a round of NO');
    const region = await request(ncp).post('/api/rounds').send({ name: 'Region' }).expect(403);
    expect(region.body.error.message).toContain('not region rounds');
    expect((await store.listRounds()).map((r) => r.name)).toEqual(['SE baseline']);
  });

  test("when the NCP of SE deletes rounds, then its country's go; a Norwegian or a region round stays (403)", async () => {
    const se = await store.freezeRound({ name: 'SE', country: 'SE' }, 'someone');
    const no = await store.freezeRound({ name: 'NO', country: 'NO' }, 'someone');
    const region = await store.freezeRound({ name: 'Region' }, 'someone');
    await request(ncp).delete(`/api/rounds/${no.id}`).expect(403);
    await request(ncp).delete(`/api/rounds/${region.id}`).expect(403);
    await request(ncp).delete(`/api/rounds/${se.id}`).expect(200);
    expect((await store.listRounds()).map((r) => r.id).sort()).toEqual([no.id, region.id].sort());
    // Reading is every role's: the NCP reads the region.
    await request(ncp).get(`/api/rounds/${no.id}`).expect(200);
  });
});

describe('the audit trail', () => {
  test('when the NCP of SE reads the audit trail, then only entries of SE come, and a filter on NO is refused', async () => {
    await request(editor)
      .put('/api/stakeholders/no-police')
      .send({ name: 'Renamed', country: 'NO', type: 'police', version: 1 })
      .expect(200);
    await request(editor)
      .put('/api/stakeholders/se-ngo')
      .send({ name: 'Renamed', country: 'SE', type: 'ngo', version: 1 })
      .expect(200);
    const all = (await request(admin).get('/api/audit?limit=1000').expect(200)).body.entries as Array<{
      countries: string[];
      key: string;
    }>;
    const own = (await request(ncp).get('/api/audit?limit=1000').expect(200)).body.entries as Array<{
      countries: string[];
      key: string;
    }>;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((e) => e.countries.includes('SE'))).toBe(true);
    expect(own).toEqual(all.filter((e) => e.countries.includes('SE')));
    expect(own.some((e) => e.key === 'x-f1')).toBe(true);
    expect(own.some((e) => e.key === 'no-police')).toBe(false);
    await request(ncp).get('/api/audit?country=SE').expect(200);
    const refused = await request(ncp).get('/api/audit?country=NO').expect(403);
    expect(refused.body.error.message).toContain('not of NO');
  });

  test('when an NCP of two countries pages through the audit trail, then it gets exactly the entries of either, newest first, without repeats', async () => {
    const app = createApp({ store });
    const two = await signedIn(app, store, { role: 'ncp', username: 'ncp-se-dk', countries: ['SE', 'DK'] });
    const all = (await request(admin).get('/api/audit?limit=1000').expect(200)).body.entries as Array<{
      seq: number;
      countries: string[];
    }>;
    const expected = all.filter((e) => e.countries.includes('SE') || e.countries.includes('DK')).map((e) => e.seq);
    const seen: number[] = [];
    let before: number | undefined;
    do {
      const page = (
        await request(two)
          .get(`/api/audit?limit=4${before ? `&before=${before}` : ''}`)
          .expect(200)
      ).body;
      seen.push(...page.entries.map((e: { seq: number }) => e.seq));
      before = page.nextBefore;
    } while (before !== undefined);
    expect(seen).toEqual(expected);
    expect(expected.length).toBeGreaterThan(4);
  });

  test("when the NCP of SE asks who changed things, then only the people of its countries' entries", async () => {
    const app = createApp({ store });
    const norwegianEditor = await signedIn(app, store, { role: 'editor', username: 'editor-no' });
    await request(norwegianEditor)
      .put('/api/stakeholders/no-police')
      .send({ name: 'Renamed', country: 'NO', type: 'police', version: 1 })
      .expect(200);
    await request(editor)
      .put('/api/stakeholders/se-ngo')
      .send({ name: 'Renamed', country: 'SE', type: 'ngo', version: 1 })
      .expect(200);
    const everyone = (await request(admin).get('/api/audit/actors').expect(200)).body.actors;
    const own = (await request(ncp).get('/api/audit/actors').expect(200)).body.actors;
    expect(everyone).toEqual(expect.arrayContaining(['editor-1', 'editor-no', 'fixture']));
    expect(own).toContain('editor-1');
    expect(own).toContain('fixture');
    expect(own).not.toContain('editor-no');
  });
});
