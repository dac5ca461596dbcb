// The audit log through the HTTP API: the countries of each entry, filters by country, kind, key and
// person, paging newest first with before / nextBefore, and the list of people who changed something.
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import type { AuditEntry } from '../../server/model';
import { signedIn } from '../support/auth';
import { smallMapStore } from '../support/small-store';

let store: GraphStore;
let raw: ReturnType<typeof createApp>;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  store = await smallMapStore({ catalogue: 'catalogue', map: 'importer' });
  raw = createApp({ store });
  app = await signedIn(raw, store, { role: 'admin' });
});
/** The app signed in as an editor of that name: the audit names the signed-in user. */
const as = (username: string) => signedIn(raw, store, { role: 'editor', username });
afterEach(() => store.close());

const entries = async (query: string): Promise<AuditEntry[]> =>
  (await request(app).get(`/api/audit?${query}`).expect(200)).body.entries;
const countriesOf = async (kind: string, key: string) =>
  (await entries(`kind=${kind}&key=${encodeURIComponent(key)}&limit=1`))[0]?.countries;

describe('countries of audit entries', () => {
  test('when a map is imported, then each entry names the countries its item belongs to', async () => {
    expect(await countriesOf('country', 'XB')).toEqual(['XB']);
    expect(await countriesOf('stakeholder', 'xb-police')).toEqual(['XB']);
    expect(await countriesOf('network', 'xa-net')).toEqual(['XA']);
    expect(await countriesOf('dataset', 'xa-d2')).toEqual(['XA']);
    expect(await countriesOf('interview', 'xa-i1')).toEqual(['XA']);
    expect(await countriesOf('reportingLine', 'xa-r1')).toEqual(['XA']);
    // A cross-border flow belongs to both ends' countries; a membership to the stakeholder's and the network's.
    expect(await countriesOf('flow', 'xa-f3')).toEqual(['XA', 'XB']);
    expect(await countriesOf('membership', 'xb-police|xa-net')).toEqual(['XA', 'XB']);
    expect(await countriesOf('indicator', 'VIC-01')).toEqual([]);
  });

  test('when a flow is moved to a sender in another country, then the entry names the old and the new countries', async () => {
    const f2 = (await request(app).get('/api/flows/xa-f2')).body;
    await request(await as('mover'))
      .put('/api/flows/xa-f2')
      .send({ ...f2, from: 'xb-ncp' })
      .expect(200);
    expect(await countriesOf('flow', 'xa-f2')).toEqual(['XA', 'XB']);
  });

  test('when a stakeholder is deleted with cascade, then the entries of what went with it still name their countries', async () => {
    await request(await as('remover'))
      .delete('/api/stakeholders/xa-police?version=1&cascade=true')
      .expect(200);
    const mine = await entries('actor=remover');
    const byKey = Object.fromEntries(mine.map((e) => [`${e.kind}:${e.key}`, e.countries]));
    expect(byKey).toMatchObject({
      'stakeholder:xa-police': ['XA'],
      'flow:xa-f3': ['XA', 'XB'],
      'dataset:xa-d1': ['XA'],
      'membership:xa-police|xa-net': ['XA'],
    });
  });
});

describe('filters and paging', () => {
  test('when filtered by country, then only entries of items in that country come, cross-border ones included', async () => {
    const xb = await entries('country=XB');
    expect(xb.map((e) => `${e.kind}:${e.key}`).sort()).toEqual([
      'country:XB',
      'flow:xa-f3',
      'flow:xb-f1',
      'membership:xb-police|xa-net',
      'stakeholder:xb-ncp',
      'stakeholder:xb-police',
    ]);
    expect(xb.every((e) => e.countries.includes('XB'))).toBe(true);
    const xbFlows = await entries('country=XB&kind=flow&actor=importer');
    expect(xbFlows.map((e) => e.key).sort()).toEqual(['xa-f3', 'xb-f1']);
  });

  test('when pages are followed with nextBefore, then every entry comes once, newest first, and the last page has no nextBefore', async () => {
    const all = await entries('country=XA&limit=1000');
    expect(all.length).toBeGreaterThan(10);
    const seen: number[] = [];
    let before: number | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await request(app)
        .get(`/api/audit?country=XA&limit=4${before !== undefined ? `&before=${before}` : ''}`)
        .expect(200);
      seen.push(...res.body.entries.map((e: AuditEntry) => e.seq));
      before = res.body.nextBefore;
      if (before === undefined) break;
      expect(res.body.entries).toHaveLength(4);
    }
    expect(before).toBeUndefined();
    expect(seen).toEqual(all.map((e) => e.seq));
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  test('when exactly limit entries exist, then no nextBefore is given', async () => {
    const xb = await entries('country=XB');
    const res = await request(app).get(`/api/audit?country=XB&limit=${xb.length}`).expect(200);
    expect(res.body.entries).toHaveLength(xb.length);
    expect(res.body.nextBefore).toBeUndefined();
  });

  test('when after and before bound the sequence, then only entries between them come', async () => {
    const all = await entries('limit=1000');
    const [hi, lo] = [all[2]!.seq, all[6]!.seq];
    const between = await entries(`after=${lo}&before=${hi}`);
    expect(between.map((e) => e.seq)).toEqual(all.slice(3, 6).map((e) => e.seq));
  });

  test('when the query is malformed, then 400 names the parameter', async () => {
    for (const [query, field] of [
      ['country=Sweden', 'country'],
      ['before=-1', 'before'],
      ['before=x', 'before'],
      ['kind=nonsense', 'kind'],
      ['limit=0', 'limit'],
      ['colour=red', 'colour'],
    ]) {
      const res = await request(app).get(`/api/audit?${query}`).expect(400);
      expect(res.body.error.problems[0]).toMatchObject({ field });
    }
  });
});

describe('actors', () => {
  test('when people have changed things, then the actors list names each once, sorted', async () => {
    const s = (await request(app).get('/api/stakeholders/xa-ngo')).body;
    const [bea, ann] = [await as('bea'), await as('ann')];
    await request(bea)
      .put('/api/stakeholders/xa-ngo')
      .send({ ...s, name: 'Shelter' })
      .expect(200);
    await request(ann).post('/api/rounds').send({ name: 'r1', country: 'XA' }).expect(201);
    await request(bea).delete('/api/flows/xa-f2?version=1').expect(200);
    const res = await request(app).get('/api/audit/actors').expect(200);
    // 'test' created the accounts (tests/support/auth.ts); the account changes are audited too.
    expect(res.body).toEqual({ actors: ['ann', 'bea', 'catalogue', 'importer', 'test'] });
    expect((await entries('actor=ann'))[0]).toMatchObject({ kind: 'round', action: 'create', countries: ['XA'] });
  });
});

describe('changes to accounts in the audit log', () => {
  test('when an administrator changes an account, then administrators read the change (without any password hash) and editors neither see nor ask for it', async () => {
    const created = await request(app)
      .post('/api/accounts')
      .send({ username: 'new.viewer', role: 'viewer', password: 'a long enough password' })
      .expect(201);
    expect(created.body.username).toBe('new.viewer');

    const seen = await entries('kind=account&key=new.viewer');
    expect(seen.map((e) => e.action)).toEqual(['create']);
    expect(JSON.stringify(seen)).not.toMatch(/scrypt|hash|a long enough password/);

    const editor = await as('ed.itor');
    const page = (await request(editor).get('/api/audit?limit=1000').expect(200)).body.entries as AuditEntry[];
    expect(page.length).toBeGreaterThan(0);
    expect(page.filter((e) => e.kind === 'account')).toEqual([]);
    const refused = await request(editor).get('/api/audit?kind=account').expect(403);
    expect(refused.body.error.code).toBe('forbidden');
  });
});
