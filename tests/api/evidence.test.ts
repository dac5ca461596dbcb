// The "to confirm" list through the HTTP API, on the small two-country map: xa-f1 was reported in an
// interview of its receiver only, xa-f2 has no evidence, xa-f3 is assumed and known only from a third
// party's interview (the XA NCP spoke of a flow between the two police forces).
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { signedIn } from '../support/auth';
import { smallMapStore } from '../support/small-store';

let store: GraphStore;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  store = await smallMapStore();
  app = await signedIn(createApp({ store }), store, { role: 'admin' });
});
afterEach(() => store.close());

type Item = { flow: { id: string; version: number }; reasons: string[]; reportedBy: string[] };
const summary = (items: Item[]) => items.map((i) => `${i.flow.id}:${i.reasons.join('+')}:${i.reportedBy.join('+')}`);

describe('to confirm', () => {
  test('when a country is asked, then each flow touching it with thin evidence is listed once with all its reasons', async () => {
    const res = await request(app).get('/api/to-confirm?country=XA').expect(200);
    expect(res.body.country).toBe('XA');
    // xa-f1 is reported by its receiver only, but the consultant marked it confirmed: not listed.
    expect(summary(res.body.items)).toEqual(['xa-f2:no_evidence:', 'xa-f3:single_end+assumed:']);
    expect(res.body.counts).toEqual({ single_end: 1, assumed: 1, no_evidence: 1, total: 2 });
    expect(res.body.items[0].flow).toMatchObject({ id: 'xa-f2', version: 1, updatedBy: 'test' });
  });

  test('when the other country of a cross-border flow is asked, then the flow is listed there too', async () => {
    const res = await request(app).get('/api/to-confirm?country=XB').expect(200);
    expect(summary(res.body.items)).toEqual(['xa-f3:single_end+assumed:', 'xb-f1:no_evidence:']);
  });

  test('when the sender is interviewed too and the interview is attached, then the flow leaves the list', async () => {
    await request(app)
      .post('/api/interviews')
      .send({ id: 'xa-i2', date: '2026-03-02', stakeholder: 'xa-police', round: '2026' })
      .expect(201);
    const f1 = (await request(app).get('/api/flows/xa-f1')).body;
    const reported = (
      await request(app)
        .put('/api/flows/xa-f1')
        .send({ ...f1, confidence: 'reported' })
        .expect(200)
    ).body;
    const listed = await request(app).get('/api/to-confirm?country=XA').expect(200);
    expect(summary(listed.body.items)[0]).toBe('xa-f1:single_end:xa-ncp');
    await request(app)
      .put('/api/flows/xa-f1')
      .send({ ...reported, evidence: ['xa-i1', 'xa-i2'] })
      .expect(200);
    const res = await request(app).get('/api/to-confirm?country=XA').expect(200);
    expect(res.body.items.map((i: Item) => i.flow.id)).toEqual(['xa-f2', 'xa-f3']);
    expect(res.body.counts.total).toBe(2);
  });

  test('when a flow with both ends interviewed is assumed, then it is listed for that reason alone', async () => {
    await request(app)
      .post('/api/interviews')
      .send({ id: 'xa-i2', date: '2026-03-02', stakeholder: 'xa-police', round: '2026' })
      .expect(201);
    const f1 = (await request(app).get('/api/flows/xa-f1')).body;
    await request(app)
      .put('/api/flows/xa-f1')
      .send({ ...f1, evidence: ['xa-i2', 'xa-i1'], confidence: 'assumed' })
      .expect(200);
    const res = await request(app).get('/api/to-confirm?country=XA').expect(200);
    expect(summary(res.body.items)[0]).toBe('xa-f1:assumed:xa-police+xa-ncp');
  });

  test('when the country is missing, malformed or unknown, then 400 or 404', async () => {
    expect((await request(app).get('/api/to-confirm').expect(400)).body.error.problems[0]).toMatchObject({
      field: 'country',
    });
    await request(app).get('/api/to-confirm?country=Sweden').expect(400);
    expect((await request(app).get('/api/to-confirm?country=XQ').expect(404)).body.error.message).toContain('XQ');
  });
});
