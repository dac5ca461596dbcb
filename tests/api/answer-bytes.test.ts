// JSON answers are sent from bytes kept with the answer (server/api/answer.ts): the same bytes JSON.stringify
// gives, a strong ETag, 304 to If-None-Match; a cached answer served again keeps its ETag, a write changes it.
import request from 'supertest';
import { answerBytes } from '../../server/api/answer';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import { signedIn } from '../support/auth';
import { smallMapStore } from '../support/small-store';

describe('answerBytes', () => {
  test("when an answer has nested, undefined, null, date and array members, then its bytes are JSON.stringify's", () => {
    const shared = { a: [1, 'x', { b: null }], c: undefined };
    const answers: object[] = [
      {
        n: 1,
        s: 'é"\\',
        u: undefined,
        f: () => 1,
        nul: null,
        d: new Date(0),
        shared,
        again: shared,
        list: [shared, undefined],
      },
      [shared, 2, 'three'],
      {},
      Object.assign(Object.create(null) as object, { k: shared }),
      { toJSON: () => ({ replaced: true }) },
    ];
    for (const answer of answers) {
      const first = answerBytes(answer);
      expect(first.body.toString()).toBe(JSON.stringify(answer));
      expect(first.etag).toMatch(/^"[0-9a-f]+-[A-Za-z0-9_-]+"$/);
      expect(answerBytes(answer)).toBe(first);
    }
    // A new answer around the same members: the same bytes and ETag.
    expect(answerBytes({ shared, v: 2 }).etag).toBe(answerBytes({ shared, v: 2 }).etag);
    expect(answerBytes({ shared, v: 2 }).etag).not.toBe(answerBytes({ shared, v: 3 }).etag);
  });

  test('when a member is changed after it was sent, then serving it again fails under test (answers must not change)', () => {
    const member = { x: 1 };
    answerBytes({ member });
    member.x = 2;
    expect(() => answerBytes({ member })).toThrow(/changed after it was first sent/);
  });
});

describe('ETag and 304 on JSON answers', () => {
  let store: GraphStore;
  afterEach(() => store.close());

  test('when the graph, the country list and an analysis are asked again, then the ETag is the same and If-None-Match gets 304; after a write, a new ETag', async () => {
    store = await smallMapStore();
    const editor = await signedIn(createApp({ store }), store, { role: 'editor' });
    for (const path of ['/api/graph?country=XA', '/api/countries', '/api/analysis/coverage?country=XA']) {
      const first = await request(editor).get(path).expect(200);
      expect(first.headers.etag).toMatch(/^"/); // strong
      expect(first.text).toBe(JSON.stringify(first.body));
      const again = await request(editor).get(path).expect(200);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.text).toBe(first.text);
      const notModified = await request(editor)
        .get(path)
        .set('If-None-Match', first.headers.etag as string)
        .expect(304);
      expect(notModified.text).toBe('');
      await request(editor).get(path).set('If-None-Match', '"other"').expect(200);
      const head = await request(editor).head(path).expect(200);
      expect(head.headers.etag).toBe(first.headers.etag);
    }
    const before = (await request(editor).get('/api/graph?country=XA').expect(200)).headers.etag as string;
    const flow = (await request(editor).get('/api/flows/xa-f2').expect(200)).body;
    await request(editor)
      .put('/api/flows/xa-f2')
      .send({ ...flow, note: 'changed' })
      .expect(200);
    const after = await request(editor).get('/api/graph?country=XA').set('If-None-Match', before).expect(200);
    expect(after.headers.etag).not.toBe(before);
  });
});
