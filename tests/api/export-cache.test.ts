// Exports are cached per store version, scope, format and visibility (issue 11, point 2): a repeated download
// reads only the store version; a write through another app over the same store shows in the next download;
// a viewer never receives a file rendered for someone who sees personal data.
import request from 'supertest';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { signedIn } from '../support/auth';
import { counting } from '../support/counting';
import { smallMapStore } from '../support/small-store';

let store: GraphStore;
afterEach(() => store.close());

describe('exports cached per store version', () => {
  test('when the same export is downloaded again, then the store is asked only for its version, and the file is the same', async () => {
    store = await smallMapStore();
    const { store: watched, calls } = counting(store);
    const editor = await signedIn(createApp({ store: watched }), store, { role: 'editor' });
    for (const format of ['json', 'yaml', 'graphml', 'gexf']) {
      const first = await request(editor).get(`/api/export?format=${format}&country=XA`).expect(200);
      const reads = calls.get('exportDocument') ?? 0;
      const versions = calls.get('storeVersion') ?? 0;
      const again = await request(editor).get(`/api/export?format=${format}&country=XA`).expect(200);
      expect(again.text).toBe(first.text);
      expect(again.headers['content-type']).toBe(first.headers['content-type']);
      expect(again.headers['content-disposition']).toBe(first.headers['content-disposition']);
      expect(calls.get('exportDocument') ?? 0).toBe(reads);
      expect(calls.get('storeVersion')).toBe(versions + 1);
    }
    // Another scope is another file.
    const region = (await request(editor).get('/api/export?format=json').expect(200)).body;
    expect(region.countries.length).toBeGreaterThan(1);
  });

  test('when a flow is changed through another app on the same store, then the next export shows it', async () => {
    store = await smallMapStore();
    const a = await signedIn(createApp({ store }), store, { role: 'editor' });
    const b = await signedIn(createApp({ store }), store, { role: 'editor', username: 'other-editor' });
    const before = (await request(a).get('/api/export?format=json&country=XA').expect(200)).body;
    const flow = (await request(b).get('/api/flows/xa-f2').expect(200)).body;
    await request(b)
      .put('/api/flows/xa-f2')
      .send({ ...flow, note: 'changed on B' })
      .expect(200);
    const after = (await request(a).get('/api/export?format=json&country=XA').expect(200)).body;
    expect(after.storeVersion).toBe(before.storeVersion + 1);
    expect(after.flows.find((f: { id: string }) => f.id === 'xa-f2').note).toBe('changed on B');
  });

  test('when an editor has downloaded first, then a viewer still gets the export without personal data', async () => {
    store = await smallMapStore();
    const { version, updatedAt: _at, updatedBy: _by, ...flow } = await store.get('flow', 'xa-f2');
    await store.update('flow', 'xa-f2', { ...flow, personalData: 'personal' }, version, 'test');
    const app = createApp({ store });
    const editor = await signedIn(app, store, { role: 'editor' });
    const viewer = await signedIn(app, store, { role: 'viewer', username: 'viewer-1' });
    const full = (await request(editor).get('/api/export?format=json&country=XA').expect(200)).body;
    expect(full.flows.map((f: { id: string }) => f.id)).toContain('xa-f2');
    const shown = (await request(viewer).get('/api/export?format=json&country=XA').expect(200)).body;
    expect(shown.flows.map((f: { id: string }) => f.id)).not.toContain('xa-f2');
  });

  test('when the country is unknown, then 404 each time (a refusal is not kept)', async () => {
    store = await smallMapStore();
    const editor = await signedIn(createApp({ store }), store, { role: 'editor' });
    await request(editor).get('/api/export?format=json&country=ZZ').expect(404);
    await request(editor).get('/api/export?format=json&country=ZZ').expect(404);
  });
});
