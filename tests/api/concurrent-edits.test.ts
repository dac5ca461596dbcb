// Concurrent editing: two people read the same item and both save; the second save, made with the
// version both read, gets 409 version_conflict with the item as the first save left it, for every
// editable kind (memberships included), and nothing of the second save is written.
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { signedIn } from '../support/auth';
import { smallMapStore } from '../support/small-store';

let store: GraphStore;
let app: ReturnType<typeof createApp>;
/** Two people, each signed in as an editor. */
let first: ReturnType<typeof createApp>;
let second: ReturnType<typeof createApp>;

beforeEach(async () => {
  store = await smallMapStore();
  const raw = createApp({ store });
  app = await signedIn(raw, store, { role: 'admin' });
  first = await signedIn(raw, store, { role: 'editor', username: 'first' });
  second = await signedIn(raw, store, { role: 'editor', username: 'second' });
});
afterEach(() => store.close());

/** Per editable kind: the item's path, and two different edits of one field. */
const CASES: Array<[path: string, first: object, second: object]> = [
  ['stakeholders/xa-ngo', { name: 'Shelter NGO' }, { name: 'Outreach NGO' }],
  ['datasets/xa-d2', { frequency: 'monthly' }, { frequency: 'quarterly' }],
  ['flows/xa-f2', { basis: 'agreement' }, { basis: 'project' }],
  ['reporting-lines/xa-r1', { kind: 'hierarchy' }, { kind: 'funding' }],
  ['networks/xa-net', { name: 'Task force on children' }, { name: 'Working group' }],
  ['memberships/xa-ngo/xa-net', { role: 'secretariat' }, { role: 'observer' }],
  ['interviews/xa-i1', { notes: 'first visit' }, { notes: 'second reading' }],
];

describe('concurrent editing', () => {
  test.each(CASES)(
    'when two people save %s with the version both read, then the second gets 409 with the first save',
    async (path, one, other) => {
      const read = (await request(app).get(`/api/${path}`).expect(200)).body;
      const saved = await request(first)
        .put(`/api/${path}`)
        .send({ ...read, ...one })
        .expect(200);
      expect(saved.body).toMatchObject({ ...one, version: read.version + 1, updatedBy: 'first' });
      const stale = await request(second)
        .put(`/api/${path}`)
        .send({ ...read, ...other })
        .expect(409);
      expect(stale.body.error.code).toBe('version_conflict');
      expect(stale.body.error.current).toEqual(saved.body);
      expect((await request(app).get(`/api/${path}`)).body).toEqual(saved.body);
    },
  );

  test('when the stale version comes in If-Match or ?version=, then it is refused the same way', async () => {
    const read = (await request(app).get('/api/flows/xa-f1')).body;
    const { version: _v, ...entity } = read;
    await request(app)
      .put('/api/flows/xa-f1')
      .set('If-Match', `"${read.version}"`)
      .send({ ...entity, latencyDays: 10 })
      .expect(200);
    const viaHeader = await request(app)
      .put('/api/flows/xa-f1')
      .set('If-Match', `"${read.version}"`)
      .send({ ...entity, latencyDays: 20 })
      .expect(409);
    expect(viaHeader.body.error.current).toMatchObject({ latencyDays: 10, version: read.version + 1 });
    await request(app)
      .put(`/api/flows/xa-f1?version=${read.version}`)
      .send({ ...entity, latencyDays: 30 })
      .expect(409);
  });

  test('when an item is deleted with the version read before someone else saved it, then 409 and it stays', async () => {
    const read = (await request(app).get('/api/memberships/xa-police/xa-net')).body;
    await request(app)
      .put('/api/memberships/xa-police/xa-net')
      .send({ ...read, role: 'member' })
      .expect(200);
    const res = await request(app).delete(`/api/memberships/xa-police/xa-net?version=${read.version}`).expect(409);
    expect(res.body.error).toMatchObject({
      code: 'version_conflict',
      current: { role: 'member', version: read.version + 1 },
    });
    await request(app).get('/api/memberships/xa-police/xa-net').expect(200);
  });
});
