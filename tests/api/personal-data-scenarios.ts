// Scenarios of the personal-data tests shared by both stores (personal-data-routes.test.ts on the embedded store,
// personal-data-neo4j.int.test.ts on Neo4j), on the Nordic map of access-fixture.ts.
import type { Express } from 'express';
import request from 'supertest';

/**
 * Routes to the Swedish NCP: se-ngo holds VIC-02 and VIC-03 and sends both straight to the NCP over se-fp2 (personal
 * data, the shortest route), and VIC-02 also through the police (se-v1, se-v2: two hops anyone may see).
 */
export async function postEditorFlows(editor: Express): Promise<void> {
  await request(editor)
    .post('/api/datasets')
    .send({
      id: 'se-d2',
      name: 'NGO records',
      holder: 'se-ngo',
      indicators: ['VIC-02', 'VIC-03'],
      granularity: 'case',
      frequency: 'monthly',
    })
    .expect(201);
  for (const flow of [
    { id: 'se-fp2', from: 'se-ngo', to: 'se-ncp', indicators: ['VIC-02', 'VIC-03'], personalData: 'personal' },
    { id: 'se-v1', from: 'se-ngo', to: 'se-police', indicators: ['VIC-02'], basis: 'project' },
    { id: 'se-v2', from: 'se-police', to: 'se-ncp', indicators: ['VIC-02'] },
  ])
    await request(editor)
      .post('/api/flows')
      .send({ basis: 'statutory', ...flow })
      .expect(201);
}

/** A what-if answer with `id` written as ID: two answers that differ only in the id asked about are equal. */
async function whatIfAnswer(app: Express, body: object, id: string): Promise<{ status: number; body: string }> {
  const res = await request(app).post('/api/analysis/what-if').send(body);
  return {
    status: res.status,
    body: JSON.stringify(res.body).replaceAll(`'${id}'`, "'ID'").replaceAll(`"${id}"`, '"ID"'),
  };
}

/**
 * What-if: a viewer removing a personal flow (se-fp) gets what removing a flow the map does not have gets (400, the
 * same error), and proposing a flow with a personal flow's id gets what proposing it with a free id gets (200, the
 * same answer); an editor's answers differ (se-fp is there: removed, 200; its id is taken, 400).
 */
export async function viewerAsksAsForUnknown(viewer: Express, editor: Express): Promise<void> {
  const remove = (id: string) => ({ country: 'SE', removeFlows: [id] });
  const unknown = await whatIfAnswer(viewer, remove('zz-none'), 'zz-none');
  expect(unknown.status).toBe(400);
  expect(unknown.body).toContain("unknown flow 'ID'");
  for (const id of ['se-fp', 'se-fs', 'se-dk', 'no-fc'])
    expect({ id, answer: await whatIfAnswer(viewer, remove(id), id) }).toEqual({ id, answer: unknown });
  expect((await whatIfAnswer(editor, remove('se-fp'), 'se-fp')).status).toBe(200);

  const propose = (id: string) => ({
    country: 'SE',
    addFlows: [{ id, from: 'se-ngo', to: 'se-ncp', indicators: ['VIC-01'], basis: 'informal' }],
  });
  const free = await whatIfAnswer(viewer, propose('zz-new'), 'zz-new');
  expect(free.status).toBe(200);
  for (const id of ['se-fp', 'se-fs'])
    expect({ id, answer: await whatIfAnswer(viewer, propose(id), id) }).toEqual({ id, answer: free });
  const taken = await whatIfAnswer(editor, propose('se-fp'), 'se-fp');
  expect(taken.status).toBe(400);
  expect(taken.body).toContain("flow 'ID' already exists");
}
