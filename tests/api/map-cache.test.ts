// The map's answers (GET /api/graph, GET /api/countries) are cached per store version and per visibility:
// a hit costs one store-version read and no list read; any write shows at once, on this app and on another
// app over the same store; a viewer never receives an answer cached for someone who sees personal data.
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { signedIn } from '../support/auth';
import { smallMapStore } from '../support/small-store';
import { counting } from '../support/counting';

let store: GraphStore;
afterEach(() => store.close());

describe('map answers cached per store version', () => {
  test('when the same graph and country list are asked for again, then the store is asked only for its version', async () => {
    store = await smallMapStore();
    const { store: watched, calls } = counting(store);
    const editor = await signedIn(createApp({ store: watched }), store, { role: 'editor' });
    const first = (await request(editor).get('/api/graph?country=XA').expect(200)).body;
    await request(editor).get('/api/countries').expect(200);
    const lists = calls.get('listMany') ?? 0;
    const versions = calls.get('storeVersion') ?? 0;
    const again = (await request(editor).get('/api/graph?country=XA').expect(200)).body;
    await request(editor).get('/api/countries').expect(200);
    expect(again).toEqual(first);
    expect(calls.get('listMany') ?? 0).toBe(lists);
    expect(calls.get('storeVersion')).toBe(versions + 2);
  });

  test('when a flow is changed through another app on the same store, then the next graph shows it', async () => {
    store = await smallMapStore();
    const a = await signedIn(createApp({ store }), store, { role: 'editor' });
    const b = await signedIn(createApp({ store }), store, { role: 'editor', username: 'other-editor' });
    const before = (await request(a).get('/api/graph?country=XA').expect(200)).body;
    const flow = (await request(b).get('/api/flows/xa-f2').expect(200)).body;
    await request(b)
      .put('/api/flows/xa-f2')
      .send({ ...flow, note: 'changed on B' })
      .expect(200);
    const after = (await request(a).get('/api/graph?country=XA').expect(200)).body;
    expect(after.storeVersion).toBe(before.storeVersion + 1);
    expect(after.flows.find((f: { id: string }) => f.id === 'xa-f2').note).toBe('changed on B');
    const countries = (await request(a).get('/api/countries').expect(200)).body.countries;
    expect(countries.find((c: { code: string }) => c.code === 'XA').flows).toBeGreaterThan(0);
  });

  test('when an editor has been answered first, then a viewer still gets the graph without personal data', async () => {
    store = await smallMapStore();
    const app = createApp({ store });
    const editor = await signedIn(app, store, { role: 'editor' });
    const viewer = await signedIn(app, store, { role: 'viewer' });
    await request(editor)
      .post('/api/flows')
      .send({
        id: 'xa-pd',
        from: 'xa-ngo',
        to: 'xa-ncp',
        indicators: ['VIC-05'],
        basis: 'informal',
        personalData: 'personal',
      })
      .expect(201);
    const full = (await request(editor).get('/api/graph?country=XA').expect(200)).body;
    const shown = (await request(viewer).get('/api/graph?country=XA').expect(200)).body;
    const ids = (g: { flows: Array<{ id: string }> }) => g.flows.map((f) => f.id).sort();
    expect(full.stakeholders.some((s: { contact?: unknown }) => s.contact)).toBe(true);
    expect(shown.stakeholders.some((s: { contact?: unknown }) => s.contact)).toBe(false);
    expect(ids(full)).toContain('xa-pd');
    expect(ids(shown)).not.toContain('xa-pd');
  });
});
