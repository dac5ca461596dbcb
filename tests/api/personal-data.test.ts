// Personal data through the API: a viewer's graph, lists, item reads, exports (json, yaml, xlsx, csv, graphml,
// gexf), rounds, comparisons and to-confirm list carry no contact and no flow marked as personal data; an
// editor's carry them all (so each check can fail).
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import type { CompareResponse } from '../../server/model/api-analysis';
import type { GraphStore } from '../../server/store/port';
import { CONTACTS, PERSONAL_FLOWS, nordicStore, nordicViewerAndEditor } from './access-fixture';
import { binary } from '../support/binary';

let store: GraphStore;
let viewer: Express;
let editor: Express;

beforeEach(async () => {
  ({ store, viewer, editor } = await nordicViewerAndEditor());
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

  test('when a viewer lists the countries, then each counts the flows it may see, the hidden ones beside; cached per visibility', async () => {
    const touching = (flows: Array<{ from: string; to: string }>, code: string) =>
      flows.filter((f) => f.from.startsWith(`${code.toLowerCase()}-`) || f.to.startsWith(`${code.toLowerCase()}-`))
        .length;
    const full = (await request(editor).get('/api/countries').expect(200)).body;
    const seen = (await request(viewer).get('/api/countries').expect(200)).body;
    const again = (await request(editor).get('/api/countries').expect(200)).body;
    type Row = { code: string; flows: number; hidden?: { flows: number } };
    const counts = (body: { countries: Row[] }) =>
      Object.fromEntries(body.countries.map((c) => [c.code, { flows: c.flows, hidden: c.hidden }]));
    // SE: se-f1, x-f1 seen; se-fp, se-fs, se-dk hidden. NO: no-f1, no-dk, x-f1; no-fc. DK: no-dk; se-dk.
    expect(counts(seen)).toEqual({
      SE: { flows: 2, hidden: { flows: 3 } },
      NO: { flows: 3, hidden: { flows: 1 } },
      DK: { flows: 1, hidden: { flows: 1 } },
    });
    expect(counts(full)).toEqual({
      SE: { flows: 5, hidden: undefined },
      NO: { flows: 4, hidden: undefined },
      DK: { flows: 2, hidden: undefined },
    });
    expect(again).toEqual(full);
    for (const row of full.countries as Row[]) expect(row).not.toHaveProperty('hidden');
    for (const row of seen.countries as Row[]) {
      // The hidden count is the difference, and what is seen is what the viewer's map of the country draws.
      const other = (full.countries as Row[]).find((c) => c.code === row.code)!;
      expect(row.flows + row.hidden!.flows).toBe(other.flows);
      const graph = (await request(viewer).get(`/api/graph?country=${row.code}`).expect(200)).body;
      expect({ code: row.code, flows: row.flows }).toEqual({ code: row.code, flows: touching(graph.flows, row.code) });
    }

    // A new personal flow moves the viewer's hidden count (the cache follows the store version), not its seen one.
    await request(editor)
      .post('/api/flows')
      .send({
        id: 'se-fp9',
        from: 'se-ngo',
        to: 'se-ncp',
        indicators: ['VIC-01'],
        basis: 'project',
        personalData: 'personal',
      })
      .expect(201);
    const after = (await request(viewer).get('/api/countries').expect(200)).body;
    expect(counts(after).SE).toEqual({ flows: 2, hidden: { flows: 4 } });
    expect(counts((await request(editor).get('/api/countries').expect(200)).body).SE).toEqual({
      flows: 6,
      hidden: undefined,
    });
  });

  /**
   * A Swedish NGO that alone holds VIC-02 and sends it to the NCP over a personal flow only (so that flow is critical
   * and the NGO an in-neighbour of the NCP through personal data alone), and a personal channel from Norway's NCP.
   */
  async function personalRoutes(): Promise<void> {
    await request(editor)
      .post('/api/datasets')
      .send({
        id: 'se-d2',
        name: 'NGO records',
        holder: 'se-ngo',
        indicators: ['VIC-02'],
        granularity: 'case',
        frequency: 'monthly',
      })
      .expect(201);
    for (const flow of [
      { id: 'se-fp2', from: 'se-ngo', to: 'se-ncp', indicators: ['VIC-02'], personalData: 'personal' },
      { id: 'x-fp', from: 'no-ncp', to: 'se-ncp', indicators: ['VIC-01'], personalData: 'special_category' },
    ])
      await request(editor)
        .post('/api/flows')
        .send({ ...flow, basis: 'agreement' })
        .expect(201);
  }

  test("when a viewer asks for the NCP's position, then the cross-border lists leave personal flows out and hidden says how many of each count; an editor is told nothing", async () => {
    await personalRoutes();
    const seen = (await request(viewer).get('/api/analysis/ncp?country=SE').expect(200)).body;
    const full = (await request(editor).get('/api/analysis/ncp?country=SE').expect(200)).body;
    expect(full).not.toHaveProperty('hidden');
    expect(full.crossBorder.in.map((c: { flow: string }) => c.flow)).toEqual(['x-fp']);
    // To or from se-ncp: se-fs, se-fp2 and x-fp carry personal data; se-ngo sends to it over se-fp2 alone.
    expect(seen.hidden).toEqual({ flows: 3, inDegree: 1, outDegree: 0, crossBorder: { in: 1, out: 0 } });
    expect(seen.crossBorder).toEqual({ in: [], out: [] });
    expect(personalIn(JSON.stringify(seen)).flows).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('se-fp2');
    // The counts are computed over every flow (the same for both roles); the view shows count - hidden.
    expect(seen.inDegree).toBe(full.inDegree);
    expect(full.inDegree).toBe(2);
    expect(seen.betweenness).toBe(full.betweenness);

    // What-if: without se-f1, se-police reaches the NCP over se-fs alone, so it too is hidden from the viewer.
    const scenario = { country: 'SE', removeFlows: ['se-f1'] };
    const whatIf = (await request(viewer).post('/api/analysis/what-if').send(scenario).expect(200)).body;
    expect(whatIf.ncp.before.hidden).toEqual(seen.hidden);
    expect(whatIf.ncp.after.hidden).toEqual({ flows: 3, inDegree: 2, outDegree: 0, crossBorder: { in: 1, out: 0 } });
    expect(whatIf.ncp.after.crossBorder).toEqual({ in: [], out: [] });
    const editors = (await request(editor).post('/api/analysis/what-if').send(scenario).expect(200)).body;
    expect(editors.ncp.after).not.toHaveProperty('hidden');
    expect(editors.ncp.after.inDegree).toBe(2);
  });

  test('when a viewer asks for the bottlenecks, then the lists of flows leave personal flows out and hidden says how many; an editor is told nothing', async () => {
    await personalRoutes();
    const seen = (await request(viewer).get('/api/analysis/bottlenecks?country=SE').expect(200)).body;
    const full = (await request(editor).get('/api/analysis/bottlenecks?country=SE').expect(200)).body;
    expect(full).not.toHaveProperty('hidden');
    const ids = (list: Array<{ id: string }>) => list.map((e) => e.id).sort();
    // se-fp2 alone takes VIC-02 to the NCP: a critical flow, which the viewer is told of but not shown.
    expect(ids(full.criticalFlows)).toContain('se-fp2');
    const personal = new Set([...PERSONAL_FLOWS, 'se-fp2']);
    expect(ids(seen.criticalFlows)).toEqual(ids(full.criticalFlows).filter((id) => !personal.has(id)));
    expect(ids(seen.edgeBetweenness)).toEqual(ids(full.edgeBetweenness).filter((id) => !personal.has(id)));
    expect(seen.hidden).toEqual({
      flows: full.edgeBetweenness.length - seen.edgeBetweenness.length,
      criticalFlows: full.criticalFlows.length - seen.criticalFlows.length,
    });
    // SE's own personal flows: se-fp, se-fs, se-fp2.
    expect(seen.hidden).toEqual({ flows: 3, criticalFlows: 1 });
    expect(personalIn(JSON.stringify(seen)).flows).toEqual([]);
    expect(seen.betweenness).toEqual(full.betweenness);
    expect(seen.singlePointsOfFailure).toEqual(full.singlePointsOfFailure);
  });

  test('when a viewer asks for suggestions, then those extending a personal flow are left out and counted; an editor gets them all', async () => {
    // se-ngo holds VIC-03, which reaches se-police over se-fp (personal) but not the NCP: extending se-fp, or
    // se-f1 after it, would close the gap.
    await request(editor)
      .post('/api/datasets')
      .send({
        id: 'se-d3',
        name: 'NGO intake',
        holder: 'se-ngo',
        indicators: ['VIC-03'],
        granularity: 'case',
        frequency: 'monthly',
      })
      .expect(201);
    const seen = (await request(viewer).get('/api/analysis/suggestions?country=SE').expect(200)).body;
    const full = (await request(editor).get('/api/analysis/suggestions?country=SE').expect(200)).body;
    expect(full).not.toHaveProperty('hidden');
    const extending = (body: { suggestions: Array<{ flow?: string }> }) =>
      body.suggestions.flatMap((s) => (s.flow ? [s.flow] : []));
    expect(extending(full)).toContain('se-fp');
    const personal = full.suggestions.filter((s: { flow?: string }) => s.flow && PERSONAL_FLOWS.includes(s.flow));
    expect(seen.suggestions).toEqual(full.suggestions.filter((s: object) => !personal.includes(s)));
    expect(seen.hidden).toEqual({ suggestions: personal.length });
    expect(personalIn(JSON.stringify(seen)).flows).toEqual([]);
  });
});
