// Personal data through the API: a viewer's graph, lists, item reads, exports (json, yaml, xlsx, csv, graphml,
// gexf), rounds, comparisons and to-confirm list carry no contact and no flow marked as personal data; an
// editor's carry them all (so each check can fail).
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { createApp } from '../../server/app';
import type { CompareResponse } from '../../server/model/api-analysis';
import type { GraphStore } from '../../server/store/port';
import { signedIn } from '../support/auth';
import { CONTACTS, PERSONAL_FLOWS, nordicStore } from './access-fixture';
import { binary } from '../support/binary';

let store: GraphStore;
let viewer: Express;
let editor: Express;

beforeEach(async () => {
  store = await nordicStore();
  const app = createApp({ store });
  viewer = await signedIn(app, store, { role: 'viewer', username: 'viewer-1' });
  editor = await signedIn(app, store, { role: 'editor', username: 'editor-1' });
});
afterEach(() => store.close());

/** What of the personal data a text holds: the contacts and the personal flows' ids found in it. */
function personalIn(text: string): { contacts: string[]; flows: string[] } {
  const has = (s: string) => new RegExp(`(^|[^\\w-])${s.replace(/[.+()]/g, '\\$&')}($|[^\\w-])`).test(text);
  return { contacts: CONTACTS.filter(has), flows: PERSONAL_FLOWS.filter(has) };
}
const NONE = { contacts: [], flows: [] };

/** An export in a format, as text to search: workbooks by their cells, ZIPs by their files. */
async function exported(app: Express, format: string, country?: string): Promise<string> {
  const url = `/api/export?format=${format}${country ? `&country=${country}` : ''}`;
  if (format === 'xlsx') {
    const res = await request(app).get(url).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const cells: string[] = [];
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells.push(String(cell.text));
        }),
      ),
    );
    return cells.join('\n');
  }
  if (format === 'csv') {
    const res = await request(app).get(url).buffer(true).parse(binary).expect(200);
    return Object.values(unzipSync(new Uint8Array(res.body as Buffer)))
      .map((f) => strFromU8(f))
      .join('\n');
  }
  const res = await request(app).get(url).buffer(true).expect(200);
  return res.text;
}

describe('the graph and the lists', () => {
  test('when a viewer asks for the graph of the region or of SE, then no contact and no personal flow (nor the foreign end only they reach)', async () => {
    for (const country of ['', '?country=SE']) {
      const graph = (await request(viewer).get(`/api/graph${country}`).expect(200)).body;
      expect(personalIn(JSON.stringify(graph))).toEqual(NONE);
      expect(graph.flows.map((f: { id: string }) => f.id)).toContain('x-f1');
    }
    const se = (await request(viewer).get('/api/graph?country=SE').expect(200)).body;
    expect(se.stakeholders.filter((s: { external: boolean }) => s.external).map((s: { id: string }) => s.id)).toEqual([
      'no-police',
    ]);
    const full = (await request(editor).get('/api/graph?country=SE').expect(200)).body;
    expect(personalIn(JSON.stringify(full))).toEqual({
      contacts: ['ncp@se.example', '+46 10 000 00 00', 'police@no.example'],
      flows: ['se-fp', 'se-fs', 'se-dk'],
    });
    expect(full.stakeholders.map((s: { id: string }) => s.id)).toContain('dk-police');
  });

  test('when a viewer lists stakeholders and flows, then no contact and no personal flow; an editor gets them', async () => {
    for (const path of ['/api/stakeholders', '/api/flows', '/api/flows?country=SE', '/api/stakeholders?country=NO']) {
      expect(personalIn(JSON.stringify((await request(viewer).get(path).expect(200)).body))).toEqual(NONE);
    }
    expect(personalIn(JSON.stringify((await request(editor).get('/api/flows').expect(200)).body)).flows).toEqual(
      PERSONAL_FLOWS,
    );
    expect(
      personalIn(JSON.stringify((await request(editor).get('/api/stakeholders').expect(200)).body)).contacts,
    ).toEqual(CONTACTS);
  });

  test('when a viewer reads a personal flow, then 404 as if it did not exist; a stakeholder comes without its contact', async () => {
    for (const id of PERSONAL_FLOWS) await request(viewer).get(`/api/flows/${id}`).expect(404);
    await request(viewer).get('/api/flows/se-f1').expect(200);
    const s = (await request(viewer).get('/api/stakeholders/se-ncp').expect(200)).body;
    expect(s).toMatchObject({ id: 'se-ncp', ncp: true });
    expect(s).not.toHaveProperty('contact');
    await request(editor).get('/api/flows/se-fp').expect(200);
    expect((await request(editor).get('/api/stakeholders/se-ncp').expect(200)).body.contact).toEqual({
      email: 'ncp@se.example',
    });
  });
});

describe('exports', () => {
  test.each(['json', 'yaml', 'xlsx', 'csv'])(
    "when a viewer exports %s, then it holds no contact and no personal flow; an editor's holds them",
    async (format) => {
      expect(personalIn(await exported(viewer, format))).toEqual(NONE);
      expect(personalIn(await exported(viewer, format, 'SE'))).toEqual(NONE);
      expect(personalIn(await exported(editor, format))).toEqual({ contacts: CONTACTS, flows: PERSONAL_FLOWS });
    },
  );

  test.each(['graphml', 'gexf'])(
    "when a viewer exports %s, then no personal flow and no node only they reach; an editor's has them",
    async (format) => {
      const text = await exported(viewer, format, 'SE');
      expect(personalIn(text)).toEqual(NONE);
      expect(text).toContain('x-f1');
      expect(text).not.toContain('dk-police');
      expect(personalIn(await exported(viewer, format))).toEqual(NONE);
      expect(personalIn(await exported(editor, format)).flows).toEqual(PERSONAL_FLOWS);
      expect(await exported(editor, format, 'SE')).toContain('dk-police');
    },
  );

  test("when a viewer's JSON export is read back, then it is still a whole map document (no reference to what was left out)", async () => {
    const doc = (await request(viewer).get('/api/export').expect(200)).body;
    const other = await nordicStore();
    try {
      const problems = await other.validateDocument(doc, 'merge');
      expect(problems).toEqual([]);
      expect(doc.flows).toHaveLength(8 - PERSONAL_FLOWS.length);
    } finally {
      await other.close();
    }
  });
});

describe('rounds and the to-confirm list', () => {
  test("when a viewer reads a round, then its document has no contact and no personal flow; an editor's has them", async () => {
    const round = await store.freezeRound({ name: 'baseline', country: 'SE' }, 'fixture');
    const seen = (await request(viewer).get(`/api/rounds/${round.id}`).expect(200)).body;
    expect(personalIn(JSON.stringify(seen))).toEqual(NONE);
    expect(seen.document.flows.map((f: { id: string }) => f.id)).toContain('x-f1');
    expect(
      personalIn(JSON.stringify((await request(editor).get(`/api/rounds/${round.id}`).expect(200)).body)).flows,
    ).toEqual(['se-fp', 'se-fs', 'se-dk']);
  });

  test('when a viewer compares a round with now after contacts and personal flows changed, then the comparison shows none of them', async () => {
    const round = await store.freezeRound({ name: 'baseline', country: 'SE' }, 'fixture');
    await store.create(
      'flow',
      {
        id: 'se-new',
        from: 'se-ngo',
        to: 'se-ncp',
        indicators: ['VIC-01'],
        basis: 'informal',
        personalData: 'special_category',
      },
      'fixture',
    );
    await store.create(
      'flow',
      { id: 'se-open', from: 'se-ngo', to: 'se-ncp', indicators: ['VIC-01'], basis: 'informal' },
      'fixture',
    );
    await store.update(
      'flow',
      'se-fp',
      {
        from: 'se-ngo',
        to: 'se-police',
        indicators: ['VIC-01', 'VIC-05'],
        basis: 'statutory',
        personalData: 'personal',
      },
      1,
      'fixture',
    );
    await store.update(
      'stakeholder',
      'se-police',
      { name: 'SE Police', country: 'SE', type: 'police', contact: { email: 'new@se.example' } },
      1,
      'fixture',
    );
    const path = `/api/rounds/compare?country=SE&from=${round.id}`;
    const seen = (await request(viewer).get(path).expect(200)).body;
    const text = JSON.stringify(seen);
    expect(personalIn(text)).toEqual(NONE);
    expect(text).not.toContain('se-new');
    expect(text).not.toContain('new@se.example');
    expect(seen.kinds.flows.added.map((a: { key: string }) => a.key)).toEqual(['se-open']);
    expect(seen.kinds.stakeholders.changed).toEqual([]);
    const full = (await request(editor).get(path).expect(200)).body;
    expect(full.kinds.flows.added.map((a: { key: string }) => a.key)).toEqual(['se-new', 'se-open']);
    expect(full.kinds.flows.changed.map((c: { key: string }) => c.key)).toEqual(['se-fp']);
    expect(full.kinds.stakeholders.changed.map((c: { key: string }) => c.key)).toEqual(['se-police']);
    // The analyses run on the whole map for everyone.
    expect(seen.analysis).toEqual(full.analysis);
  });

  test('when a viewer asks what to confirm, then personal flows are left out and the counts agree; an editor sees them', async () => {
    const seen = (await request(viewer).get('/api/to-confirm?country=SE').expect(200)).body;
    const full = (await request(editor).get('/api/to-confirm?country=SE').expect(200)).body;
    expect(personalIn(JSON.stringify(seen))).toEqual(NONE);
    expect(seen.counts.total).toBe(seen.items.length);
    expect(full.items.map((i: { flow: { id: string } }) => i.flow.id)).toEqual(
      expect.arrayContaining(['se-fp', 'se-fs', 'se-dk']),
    );
    expect(full.counts.total - seen.counts.total).toBe(3);
  });
});

describe('what a viewer is told it does not see (issue 18, point 9)', () => {
  test('when a viewer asks for a graph, then it says how many flows touching the map were left out; an editor is told none', async () => {
    // SE: se-fp, se-fs (own) and se-dk (cross-border) carry personal data; NO: no-fc; the region: all four.
    for (const [query, hidden] of [
      ['?country=SE', 3],
      ['?country=NO', 1],
      ['?country=DK', 1],
      ['', PERSONAL_FLOWS.length],
    ] as const) {
      const seen = (await request(viewer).get(`/api/graph${query}`).expect(200)).body;
      const full = (await request(editor).get(`/api/graph${query}`).expect(200)).body;
      expect({ query, hidden: seen.hidden }).toEqual({ query, hidden: { flows: hidden } });
      expect(seen.flows.length + hidden).toBe(full.flows.length);
      expect(full.hidden).toEqual({ flows: 0 });
    }
  });

  test('when a viewer asks for the coverage matrix, then it says how many flows of the map carry personal data; an editor is told nothing', async () => {
    const seen = (await request(viewer).get('/api/analysis/coverage').expect(200)).body;
    const full = (await request(editor).get('/api/analysis/coverage').expect(200)).body;
    expect(seen.hidden).toEqual({ flows: PERSONAL_FLOWS.length });
    expect(full).not.toHaveProperty('hidden');
    expect(seen.cells).toEqual(full.cells);
  });

  test("when a viewer compares countries, then each country says how many of its counted flows are hidden, and the rest are its map's; an editor's rows have no such field", async () => {
    const seen = (await request(viewer).get('/api/analysis/compare').expect(200)).body;
    const full = (await request(editor).get('/api/analysis/compare').expect(200)).body;
    type Row = CompareResponse['countries'][number];
    const rows = (body: CompareResponse): Record<string, Row> =>
      Object.fromEntries(body.countries.map((c) => [c.country, c]));
    expect(Object.fromEntries(Object.entries(rows(seen)).map(([c, r]) => [c, r.hidden]))).toEqual({
      SE: { flows: 2, crossBorderChannels: 1 },
      NO: { flows: 1, crossBorderChannels: 0 },
      DK: { flows: 0, crossBorderChannels: 1 },
    });
    for (const row of full.countries) expect(row).not.toHaveProperty('hidden');
    // The metrics themselves are the same for both roles; what is hidden is said beside them.
    expect(rows(seen).SE!.flows).toBe(rows(full).SE!.flows);
    // What a viewer's SE map draws between Swedish stakeholders: the counted flows less the hidden ones.
    const graph = (await request(viewer).get('/api/graph?country=SE').expect(200)).body;
    const own = graph.flows.filter(
      (f: { from: string; to: string }) => f.from.startsWith('se-') && f.to.startsWith('se-'),
    );
    expect(rows(seen).SE!.flows - rows(seen).SE!.hidden!.flows).toBe(own.length);
  });
});
