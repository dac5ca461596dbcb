// Personal data in routes, plans and ids (issue 18, point 9): a viewer is shown no route along a flow carrying
// personal data in a coverage cell (the Gaps view's "via flow X") nor in what-if's coverage, no plan step extending
// one, and a personal flow's id answers as an id the map does not have (what-if, item reads). An editor's answers
// name them, so each check can fail.
import type { Express } from 'express';
import request from 'supertest';
import type { GraphStore } from '../../server/store/port';
import { createApp, eventsOf } from '../../server/app';
import { createTestAccount, loginCookie } from '../support/auth';
import { listen, openEvents, type SseConnection } from '../support/sse-client';
import { PERSONAL_FLOWS, nordicViewerAndEditor } from './access-fixture';
import { postEditorFlows, viewerAsksAsForUnknown } from './personal-data-scenarios';

let store: GraphStore;
let viewer: Express;
let editor: Express;

beforeEach(async () => {
  ({ store, viewer, editor } = await nordicViewerAndEditor());
});
afterEach(() => store.close());

const PERSONAL = [...PERSONAL_FLOWS, 'se-fp2'];
const named = (body: unknown) => PERSONAL.filter((id) => JSON.stringify(body).includes(`"${id}"`));

interface Cell {
  indicator: string;
  status: string;
  hops?: number;
  path?: string[];
  flows?: string[];
  weakestBasis?: string;
  hidden?: { route: string };
}
const cellOf = (body: { cells: Cell[] }, indicator: string) => body.cells.find((c) => c.indicator === indicator)!;

describe("a coverage cell's route (the Gaps view)", () => {
  test('when the best route goes along a personal flow, then a viewer gets the best route it may see, or none; an editor gets it', async () => {
    await postEditorFlows(editor);
    const seen = (await request(viewer).get('/api/analysis/coverage?country=SE').expect(200)).body;
    const full = (await request(editor).get('/api/analysis/coverage?country=SE').expect(200)).body;
    // VIC-02: se-ngo -> NCP over se-fp2 (personal, 1 hop), or over se-v1, se-v2 through the police (2 hops).
    expect(cellOf(full, 'VIC-02')).toMatchObject({ status: 'reaches_ncp', hops: 1, flows: ['se-fp2'] });
    expect(cellOf(seen, 'VIC-02')).toMatchObject({
      status: 'reaches_ncp',
      hops: 2,
      path: ['se-ngo', 'se-police', 'se-ncp'],
      flows: ['se-v1', 'se-v2'],
      weakestBasis: 'project',
      hidden: { route: 'best' },
    });
    // VIC-03 reaches the NCP over se-fp2 alone: the status and hop count stay, the route is not shown.
    expect(cellOf(full, 'VIC-03')).toMatchObject({ status: 'reaches_ncp', hops: 1, path: ['se-ngo', 'se-ncp'] });
    expect(cellOf(seen, 'VIC-03')).toEqual({
      indicator: 'VIC-03',
      status: 'reaches_ncp',
      hops: 1,
      holders: ['se-ngo'],
      passedOn: false,
      hidden: { route: 'every' },
    });
    // VIC-01 goes along se-f1, which the viewer sees: as for the editor.
    expect(cellOf(seen, 'VIC-01')).toEqual(cellOf(full, 'VIC-01'));
    expect(seen.hidden).toEqual({ routes: 2 });
    expect(full).not.toHaveProperty('hidden');
    expect(full.cells.filter((c: Cell) => 'hidden' in c)).toEqual([]);
    expect(named(seen)).toEqual([]);
    expect(named(full)).toEqual(['se-fp2']);
    // The statuses and ratios are the same for both roles (and the matrix's).
    expect(seen.cells.map((c: Cell) => c.status)).toEqual(full.cells.map((c: Cell) => c.status));
    expect(seen.coverageRatio).toBe(full.coverageRatio);
    // One indicator asked alone: the same cell.
    const one = (await request(viewer).get('/api/analysis/coverage?country=SE&indicator=VIC-03').expect(200)).body;
    expect(one.cells).toEqual([cellOf(seen, 'VIC-03')]);
    expect(one.hidden).toEqual({ routes: 1 });
  });

  test("when a viewer asks what-if, then the coverage before and after names no personal flow; an editor's does", async () => {
    await postEditorFlows(editor);
    const scenario = { country: 'SE', removeFlows: ['se-v1'] };
    const seen = (await request(viewer).post('/api/analysis/what-if').send(scenario).expect(200)).body;
    const full = (await request(editor).post('/api/analysis/what-if').send(scenario).expect(200)).body;
    expect(named(full)).toEqual(['se-fp2']);
    expect(named(seen)).toEqual([]);
    expect(cellOf(seen.before, 'VIC-02').hidden).toEqual({ route: 'best' });
    // Without se-v1, VIC-02 reaches the NCP over se-fp2 alone.
    expect(cellOf(seen.after, 'VIC-02')).toMatchObject({ status: 'reaches_ncp', hops: 1, hidden: { route: 'every' } });
    expect(cellOf(seen.after, 'VIC-02')).not.toHaveProperty('path');
    expect(seen.changed).toEqual(full.changed);
    expect(seen.after.hidden).toEqual({ routes: 2 });
  });
});

describe('plans', () => {
  test('when a plan step extends a personal flow, then a viewer does not get it and is told how many; an editor gets it', async () => {
    // VIC-01 is held by the police and the NGO, and reaches the NCP only through the police (resilience 1): harden
    // asks the NGO to add VIC-01 to what it sends the NCP already, se-fp2 (personal).
    await postEditorFlows(editor);
    await request(editor)
      .post('/api/datasets')
      .send({
        id: 'se-d4',
        name: 'NGO log',
        holder: 'se-ngo',
        indicators: ['VIC-01'],
        granularity: 'case',
        frequency: 'monthly',
      })
      .expect(201);
    const path = '/api/analysis/plan?country=SE&goal=harden';
    const full = (await request(editor).get(path).expect(200)).body;
    const seen = (await request(viewer).get(path).expect(200)).body;
    type Step = { step: number; action: { kind: string; flow?: string } };
    expect(full.steps.map((s: Step) => s.action)).toContainEqual(
      expect.objectContaining({ kind: 'extend_flow', flow: 'se-fp2', from: 'se-ngo', to: 'se-ncp' }),
    );
    expect(full).not.toHaveProperty('hidden');
    const personal = full.steps.filter((s: Step) => s.action.flow && PERSONAL.includes(s.action.flow));
    expect(seen.steps).toEqual(full.steps.filter((s: Step) => !personal.includes(s)));
    expect(seen.hidden).toEqual({ steps: personal.length });
    expect(personal.length).toBeGreaterThan(0);
    expect(named(seen)).toEqual([]);
    // The figures are the plan's, made over every flow.
    expect(seen.after).toEqual(full.after);
    expect(seen.before).toEqual(full.before);
  });

  test('when no step extends a personal flow, then a viewer gets the whole plan and hidden is 0', async () => {
    const path = '/api/analysis/plan?country=SE&goal=close_gaps';
    const full = (await request(editor).get(path).expect(200)).body;
    const seen = (await request(viewer).get(path).expect(200)).body;
    expect(seen).toEqual({ ...full, hidden: { steps: 0 } });
  });
});

describe("a personal flow's id answers as an unknown id does (no oracle)", () => {
  test('when a viewer removes a personal flow in what-if, or proposes a flow with its id, then the answer is that of an id the map does not have', async () => {
    await viewerAsksAsForUnknown(viewer, editor);
  });

  test('when a viewer reads, changes or deletes a personal flow, then it gets the answer of an unknown id', async () => {
    const answers = async (id: string) => {
      const flow = { id, from: 'se-ngo', to: 'se-ncp', indicators: ['VIC-01'], basis: 'informal', version: 1 };
      const reads = await request(viewer).get(`/api/flows/${id}`);
      const puts = await request(viewer).put(`/api/flows/${id}`).send(flow);
      const deletes = await request(viewer).delete(`/api/flows/${id}?version=1`);
      return [reads, puts, deletes].map((r) => ({
        status: r.status,
        body: JSON.stringify(r.body).replaceAll(id, 'ID'),
      }));
    };
    const unknown = await answers('zz-none');
    expect(unknown.map((a) => a.status)).toEqual([404, 403, 403]);
    for (const id of PERSONAL_FLOWS) expect({ id, answers: await answers(id) }).toEqual({ id, answers: unknown });
  });
});

describe('presence (who is editing what)', () => {
  test('when an editor edits a personal flow, then a viewer is told the tab is there but not which flow; an editor is told', async () => {
    const app = createApp({ store, events: { presenceMs: 50 } });
    const server = await listen(app);
    const streams: SseConnection[] = [];
    try {
      const cookie: Record<string, string> = {};
      for (const role of ['editor', 'viewer'] as const) {
        await createTestAccount(store, { role });
        cookie[role] = await loginCookie(app, role);
      }
      const here = (tab: string, key: string) =>
        request(app)
          .post('/api/presence')
          .set('Cookie', cookie.editor!)
          .send({ tab, country: 'SE', view: 'map', editing: { kind: 'flow', key } })
          .expect(200);
      await here('tab-editor-personal', 'se-fp');
      await here('tab-editor-seen', 'se-f1');
      type Entry = { tab: string; editing: unknown };
      const editing = (present: Entry[]) => Object.fromEntries(present.map((p) => [p.tab, p.editing]));
      const listed = async (who: string) =>
        editing((await request(app).get('/api/presence').set('Cookie', cookie[who]!).expect(200)).body.present);
      expect(await listed('editor')).toEqual({
        'tab-editor-personal': { kind: 'flow', key: 'se-fp' },
        'tab-editor-seen': { kind: 'flow', key: 'se-f1' },
      });
      expect(await listed('viewer')).toEqual({
        'tab-editor-personal': null,
        'tab-editor-seen': { kind: 'flow', key: 'se-f1' },
      });
      // The change feed's presence events: the same copies.
      for (const who of ['viewer', 'editor']) streams.push(await openEvents(server.url, { cookie: cookie[who] }));
      const last = (c: SseConnection) =>
        [...c.events].reverse().find((e) => e.event === 'presence')?.data as { present: Entry[] } | undefined;
      for (const c of streams) await c.until('the presence list', (x) => (last(x)?.present.length ?? 0) === 2);
      expect(editing(last(streams[0]!)!.present)).toEqual(await listed('viewer'));
      expect(editing(last(streams[1]!)!.present)).toEqual(await listed('editor'));
      expect(JSON.stringify(streams[0]!.events)).not.toContain('se-fp');
    } finally {
      for (const c of streams) c.close();
      eventsOf(app)?.close();
      await server.close();
    }
  });
});
