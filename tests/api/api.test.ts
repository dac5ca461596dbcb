// The HTTP API through supertest against createApp on the embedded store, with a small fixture map.
import { spawnSync } from 'node:child_process';
import request from 'supertest';
import YAML from 'yaml';
import { createApp } from '../../server/app';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore } from '../../server/store/port';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import { signedIn } from '../support/auth';
import { smallMapStore } from '../support/small-store';

let store: GraphStore;
let raw: ReturnType<typeof createApp>;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  store = await smallMapStore();
  raw = createApp({ store });
  app = await signedIn(raw, store, { role: 'admin' });
});
afterEach(() => store.close());

/** A schema of the OpenAPI document, following its $ref into components. */
type Schema = { required?: string[]; properties: Record<string, any> };
const resolve = (doc: any, schema: any): Schema =>
  schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema;
const noStack = (body: unknown) => expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/);

describe('system', () => {
  test('when health is asked, then it names the store and says it is reachable', async () => {
    const res = await request(app).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', store: 'sqlite', reachable: true });
    expect(res.body.storeVersion).toBeGreaterThan(0);
  });

  test('when the reference is asked, then it has the catalogue, sectors and vocabularies', async () => {
    const res = await request(app).get('/api/reference').expect(200);
    expect(res.body.indicators).toHaveLength(32);
    expect(res.body.themes.map((t: { code: string }) => t.code)).toContain('UNACCOMPANIED');
    expect(res.body.sectors.find((s: { code: string }) => s.code === 'migration').types).toEqual([
      'migration_authority',
      'reception_centre',
      'consulate',
    ]);
    expect(res.body.enums.basis).toEqual(['informal', 'project', 'agreement', 'statutory']);
    expect(res.body.indicators[0].version).toBeUndefined();
  });

  test('when the OpenAPI document is asked, then it describes every route with schemas', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/stakeholders',
        '/api/stakeholders/{id}',
        '/api/memberships/{stakeholder}/{network}',
        '/api/graph',
        '/api/import',
        '/api/export',
        '/api/reporting-lines',
      ]),
    );
    const post = res.body.paths['/api/flows'].post;
    const body = resolve(res.body, post.requestBody.content['application/json'].schema);
    expect(body.properties.basis.enum).toEqual(['informal', 'project', 'agreement', 'statutory']);
    expect(body.required).toEqual(expect.arrayContaining(['id', 'from', 'to', 'basis']));
    // Who may call each route is part of the document.
    expect(post['x-access']).toBe('edit');
    expect(post.description).toContain('an ncp account only for its own countries');
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['401', '403']));
    // Signing in is public, and answers 401 for a wrong password and 429 while locked out.
    expect(res.body.paths['/api/auth/login'].post.security).toEqual([]);
    expect(Object.keys(res.body.paths['/api/auth/login'].post.responses)).toEqual(
      expect.arrayContaining(['401', '429']),
    );
  });

  test('when the OpenAPI document shows the PUT of an item, then its body is the whole item (what POST requires but the key) plus the version read', async () => {
    const res = await request(app).get('/api/openapi.json').expect(200);
    type Operation = {
      requestBody: {
        content: Record<string, { schema: { required?: string[]; properties: Record<string, unknown> } }>;
      };
    };
    const bodyOf = (op: Operation | undefined) =>
      resolve(res.body, op!.requestBody.content['application/json']!.schema);
    // Every item of the map and the catalogue (an account's PUT changes only the fields given, by design).
    const puts = Object.entries(res.body.paths as Record<string, Record<string, Operation | undefined>>).filter(
      ([p, ops]) => ops.put && !p.startsWith('/api/accounts/'),
    );
    expect(puts.map(([p]) => p)).toEqual(
      expect.arrayContaining(['/api/flows/{id}', '/api/stakeholders/{id}', '/api/memberships/{stakeholder}/{network}']),
    );
    for (const [itemPath, ops] of puts) {
      const collection = itemPath.split('/')[2]!;
      const post = bodyOf(res.body.paths[`/api/${collection}`].post);
      const put = bodyOf(ops.put);
      const keys = [...itemPath.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      expect({ itemPath, required: [...(put.required ?? [])].sort() }).toEqual({
        itemPath,
        required: (post.required ?? []).filter((f) => !keys.includes(f)).sort(),
      });
      expect({ itemPath, fields: Object.keys(put.properties).sort() }).toEqual({
        itemPath,
        fields: [...Object.keys(post.properties), 'version'].sort(),
      });
    }
    expect(bodyOf(res.body.paths['/api/flows/{id}'].put).required).toEqual(
      expect.arrayContaining(['from', 'to', 'indicators', 'basis']),
    );
  });

  test('when an unknown API route is asked, then 404 in JSON', async () => {
    const res = await request(app).get('/api/nothing-here').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('map', () => {
  test('when countries are listed, then each has its NCP and counts', async () => {
    const res = await request(app).get('/api/countries').expect(200);
    expect(res.body.countries).toEqual([
      {
        code: 'XA',
        name: 'Testland A',
        euMember: true,
        cbssMember: true,
        illustrative: true,
        ncp: 'xa-ncp',
        stakeholders: 3,
        flows: 3,
      },
      { code: 'XB', name: 'Testland B', euMember: false, cbssMember: true, ncp: 'xb-ncp', stakeholders: 2, flows: 2 },
    ]);
  });

  test('when a country graph is asked, then it has its stakeholders, flows touching them and the foreign ends marked external', async () => {
    const res = await request(app).get('/api/graph?country=XA').expect(200);
    const ids = res.body.stakeholders
      .map((s: { id: string; external: boolean }) => `${s.id}${s.external ? '*' : ''}`)
      .sort();
    expect(ids).toEqual(['xa-ncp', 'xa-ngo', 'xa-police', 'xb-police*']);
    expect(res.body.flows.map((f: { id: string }) => f.id).sort()).toEqual(['xa-f1', 'xa-f2', 'xa-f3']);
    expect(res.body.stakeholders.find((s: { id: string }) => s.id === 'xa-police')).toMatchObject({
      sector: 'law_enforcement',
      version: 1,
    });
    expect(res.body.datasets).toHaveLength(2);
    expect(res.body.country.illustrative).toBe(true);
  });

  test('when the graph names an unknown, malformed or extra parameter, then 404 or 400 naming it', async () => {
    expect((await request(app).get('/api/graph?country=XQ').expect(404)).body.error.message).toContain('XQ');
    const bad = await request(app).get('/api/graph?country=Sweden').expect(400);
    expect(bad.body.error.problems[0]).toMatchObject({ field: 'country' });
    const extra = await request(app).get('/api/graph?contry=SE').expect(400);
    expect(extra.body.error.problems[0]).toMatchObject({ field: 'contry', message: 'unknown field' });
  });
});

describe('CRUD', () => {
  const newFlow = { id: 'xa-f9', from: 'xa-ngo', to: 'xa-ncp', indicators: ['VIC-05'], basis: 'project' };

  test('when a flow is created, then 201 with defaults, a Location, and it can be read back', async () => {
    const consultant = await signedIn(raw, store, { role: 'editor', username: 'consultant-1' });
    const res = await request(consultant).post('/api/flows').send(newFlow).expect(201);
    expect(res.headers.location).toBe('/api/flows/xa-f9');
    expect(res.body).toMatchObject({
      ...newFlow,
      status: 'active',
      confidence: 'reported',
      personDependent: false,
      version: 1,
      updatedBy: 'consultant-1',
    });
    expect((await request(app).get('/api/flows/xa-f9').expect(200)).body.basis).toBe('project');
  });

  test('when lists are filtered, then only matching items come back', async () => {
    const flows = await request(app).get('/api/flows?stakeholder=xb-police').expect(200);
    expect(flows.body.items.map((f: { id: string }) => f.id).sort()).toEqual(['xa-f3', 'xb-f1']);
    const police = await request(app).get('/api/stakeholders?sector=law_enforcement&country=XA').expect(200);
    expect(police.body.items.map((s: { id: string }) => s.id)).toEqual(['xa-police']);
    const ncps = await request(app).get('/api/stakeholders?ncp=true').expect(200);
    expect(ncps.body.items).toHaveLength(2);
    await request(app).get('/api/flows?status=lost').expect(400);
  });

  test('when a body has wrong types, an unknown field and an unknown enum value, then 400 names each field', async () => {
    const res = await request(app)
      .post('/api/flows')
      .send({ ...newFlow, basis: 'handshake', latencyDays: -1, colour: 'red' })
      .expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'basis',
      'colour',
      'latencyDays',
    ]);
    noStack(res.body);
  });

  test('when the body is not JSON, then 400 invalid_json without internals', async () => {
    const res = await request(app)
      .post('/api/flows')
      .set('Content-Type', 'application/json')
      .send('{"id": ')
      .expect(400);
    expect(res.body.error.code).toBe('invalid_json');
    noStack(res.body);
  });

  test('when an item is updated with its version, then 200; with a stale one, then 409 with the current item', async () => {
    const read = (await request(app).get('/api/stakeholders/xa-ngo').expect(200)).body;
    const first = await request(app)
      .put('/api/stakeholders/xa-ngo')
      .send({ ...read, name: 'Shelter NGO' })
      .expect(200);
    expect(first.body).toMatchObject({ name: 'Shelter NGO', version: 2, sector: 'civil_society' });
    const stale = await request(app)
      .put('/api/stakeholders/xa-ngo')
      .send({ ...read, name: 'Lost update' })
      .expect(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', current: { name: 'Shelter NGO', version: 2 } });
    await request(app)
      .put('/api/stakeholders/xa-ngo')
      .set('If-Match', '"2"')
      .send({ name: 'Via If-Match', country: 'XA', type: 'ngo' })
      .expect(200);
  });

  test('when an update or delete gives no version, then 400 asks for it', async () => {
    const res = await request(app)
      .put('/api/stakeholders/xa-ngo')
      .send({ name: 'x', country: 'XA', type: 'ngo' })
      .expect(400);
    expect(res.body.error.problems[0]).toMatchObject({ field: 'version', message: 'is required' });
    await request(app).delete('/api/flows/xa-f2').expect(400);
    await request(app).delete('/api/flows/xa-f2?version=abc').expect(400);
  });

  test('when a stakeholder with flows is deleted, then 409 lists dependants unless cascade=true', async () => {
    const res = await request(app).delete('/api/stakeholders/xa-police?version=1').expect(409);
    expect(res.body.error).toMatchObject({ code: 'has_dependants', dependants: { flow: 3 } });
    const done = await request(app).delete('/api/stakeholders/xa-police?version=1&cascade=true').expect(200);
    expect(done.body.deleted).toMatchObject({ stakeholder: 1, flow: 3, dataset: 1 });
    await request(app).get('/api/stakeholders/xa-police').expect(404);
  });

  test('when unknown ids are addressed, then 404', async () => {
    await request(app).get('/api/flows/nope').expect(404);
    await request(app)
      .put('/api/flows/nope')
      .send({ ...newFlow, id: 'nope', version: 1 })
      .expect(404);
    await request(app).delete('/api/networks/nope?version=1').expect(404);
    await request(app).get('/api/stakeholders/bad%20id').expect(400);
  });

  test('when a membership is addressed by stakeholder and network, then it can be read, updated and deleted', async () => {
    const m = await request(app).get('/api/memberships/xa-ngo/xa-net').expect(200);
    expect(m.body).toMatchObject({ role: 'member', version: 1 });
    await request(app).put('/api/memberships/xa-ngo/xa-net').send({ role: 'observer', version: 1 }).expect(200);
    await request(app).delete('/api/memberships/xa-ngo/xa-net?version=2').expect(200);
    await request(app).get('/api/memberships/xa-ngo/xa-net').expect(404);
  });

  test('when each kind is created through the API, then it is listed for its country', async () => {
    await request(app)
      .post('/api/interviews')
      .send({ id: 'xa-i2', date: '2026-02-30', stakeholder: 'xa-ngo', round: '2026' })
      .expect(400);
    await request(app)
      .post('/api/interviews')
      .send({ id: 'xa-i2', date: '2026-02-28', stakeholder: 'xa-ngo', round: '2026' })
      .expect(201);
    await request(app)
      .post('/api/datasets')
      .send({
        id: 'xa-d3',
        name: 'Hotline log',
        holder: 'xa-ngo',
        indicators: ['RSK-07'],
        granularity: 'aggregate',
        frequency: 'monthly',
      })
      .expect(201);
    await request(app)
      .post('/api/reporting-lines')
      .send({ id: 'xa-r2', from: 'xa-ngo', to: 'xa-ncp', kind: 'funding' })
      .expect(201);
    await request(app)
      .post('/api/networks')
      .send({ id: 'xa-net2', name: 'Working group', country: 'XA', kind: 'working_group' })
      .expect(201);
    await request(app)
      .post('/api/memberships')
      .send({ stakeholder: 'xa-ncp', network: 'xa-net2', role: 'chair' })
      .expect(201);
    for (const [path, n] of [
      ['interviews', 2],
      ['datasets', 3],
      ['reporting-lines', 2],
      ['networks', 2],
      ['memberships', 4],
    ] as const) {
      expect((await request(app).get(`/api/${path}?country=XA`).expect(200)).body.items).toHaveLength(n);
    }
  });
});

/** An export without when and at which store version it was taken (DOMAIN.md), to compare two exports' content. */
function content(doc: Record<string, unknown>): Record<string, unknown> {
  const { exportedAt: _at, storeVersion: _v, ...rest } = doc;
  return rest;
}

describe('import and export', () => {
  test('when the region is exported and imported into an empty store, then it exports the same document', async () => {
    const exported = await request(app).get('/api/export').expect(200);
    expect(exported.headers['content-disposition']).toContain('flow-atlas-region.json');
    const other = new CoreGraphStore(new SqliteAdapter(':memory:'));
    await other.init();
    await other.ensureCatalogue(catalogue, 'test');
    const otherApp = await signedIn(createApp({ store: other }), other, { role: 'admin' });
    const res = await request(otherApp).post('/api/import').send(exported.body).expect(200);
    expect(res.body.created.flow).toBe(4);
    expect(content((await request(otherApp).get('/api/export').expect(200)).body)).toEqual(content(exported.body));
    await other.close();
  });

  test('when a document has problems, then 400 lists every one and nothing is written', async () => {
    const before = (await request(app).get('/api/export')).body;
    const doc = smallMap();
    doc.flows.push({ ...doc.flows[0]!, id: 'xa-f1' });
    (doc.stakeholders[0] as Record<string, unknown>).type = 'wizard';
    const res = await request(app)
      .post('/api/import')
      .send({ ...doc, flows: [...doc.flows, { id: 'zz', from: 'xa-ncp' }] })
      .expect(400);
    expect(res.body.error.problems.length).toBeGreaterThanOrEqual(3);
    expect(res.body.error.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['stakeholders[0].type', 'flows[5].to', 'flows[5].basis']),
    );
    expect(content((await request(app).get('/api/export')).body)).toEqual(content(before));
  });

  test('when an import is a dry run, then it reports what would change and writes nothing', async () => {
    const doc = smallMap();
    doc.stakeholders[2]!.name = 'Renamed';
    const res = await request(app).post('/api/import?dryRun=true').send(doc).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, updated: { stakeholder: 1 } });
    expect((await request(app).get('/api/stakeholders/xa-ngo')).body.name).toBe('XA NGO');
  });

  test('when a document comes as YAML, then it is imported; broken YAML gets 400 with the line', async () => {
    const doc = smallMap();
    doc.stakeholders[2]!.name = 'From YAML';
    await request(app)
      .post('/api/import')
      .set('Content-Type', 'application/yaml')
      .send(YAML.stringify(doc))
      .expect(200);
    expect((await request(app).get('/api/stakeholders/xa-ngo')).body.name).toBe('From YAML');
    const bad = await request(app)
      .post('/api/import')
      .set('Content-Type', 'application/yaml')
      .send('formatVersion: 1\ncountries: [\n  - x')
      .expect(400);
    expect(bad.body.error.problems[0].message).toMatch(/YAML syntax error/);
  });

  test('when an import has no document or an unknown mode, then 400', async () => {
    await request(app).post('/api/import').expect(400);
    await request(app).post('/api/import?mode=overwrite').send(smallMap()).expect(400);
    await request(app).post('/api/import').send([1, 2]).expect(400);
  });

  test('when a country is exported as YAML, then it parses back to the same document as JSON', async () => {
    const json = (await request(app).get('/api/export?country=XA').expect(200)).body;
    const yaml = await request(app).get('/api/export?country=XA&format=yaml').expect(200);
    expect(yaml.headers['content-type']).toContain('application/yaml');
    expect(content(YAML.parse(yaml.text))).toEqual(content(json));
    await request(app).get('/api/export?country=XQ').expect(404);
  });
});

describe('audit', () => {
  test('when an item is changed through the API, then the audit trail names who, what, before and after', async () => {
    const read = (await request(app).get('/api/flows/xa-f2')).body;
    const consultant = await signedIn(raw, store, { role: 'editor', username: 'consultant-2' });
    await request(consultant)
      .put('/api/flows/xa-f2')
      .send({ ...read, basis: 'agreement' })
      .expect(200);
    const res = await request(app).get('/api/audit?kind=flow&key=xa-f2').expect(200);
    expect(res.body.entries[0]).toMatchObject({
      actor: 'consultant-2',
      action: 'update',
      before: { basis: 'informal' },
      after: { basis: 'agreement' },
    });
    expect(res.body.entries[1]).toMatchObject({ actor: 'test', action: 'create', before: null });
    const mine = await request(app).get('/api/audit?actor=consultant-2').expect(200);
    expect(mine.body.entries).toHaveLength(1);
    await request(app).get('/api/audit?kind=nonsense').expect(400);
    await request(app).get('/api/audit?limit=0').expect(400);
  });
});

describe('unexpected failures', () => {
  test('when the store throws an unknown error, then 500 says nothing of it', async () => {
    const broken = Object.create(store) as GraphStore;
    broken.listMany = async () => {
      throw new Error('secret detail /var/lib/db at line 3');
    };
    broken.countryCounts = async () => {
      throw new Error('secret detail /var/lib/db at line 3');
    };
    const res = await request(await signedIn(createApp({ store: broken }), broken, { role: 'admin' }))
      .get('/api/countries')
      .expect(500);
    expect(res.body).toEqual({ error: { code: 'internal', message: 'internal error' } });
  });
});

describe('graph exports', () => {
  const wellFormed = (xml: string) => {
    // An independent XML parser (Python's) must read it: well-formed, with the counts we expect.
    const script =
      'import sys, xml.etree.ElementTree as ET\nroot = ET.fromstring(sys.stdin.read())\n' +
      'print(sum(1 for e in root.iter() if e.tag.endswith("}node")), sum(1 for e in root.iter() if e.tag.endswith("}edge")))';
    const r = spawnSync('python3', ['-c', script], { input: xml, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return r.stdout.trim();
  };

  test('when a country is exported as GraphML, then its stakeholders, the foreign ends and every flow and reporting line are there, escaped', async () => {
    const read = (await request(app).get('/api/stakeholders/xa-ngo')).body;
    await request(app)
      .put('/api/stakeholders/xa-ngo')
      .send({ ...read, name: 'Shelter & "Safe" <Home>' })
      .expect(200);
    const res = await request(app).get('/api/export?country=XA&format=graphml').expect(200);
    expect(res.headers['content-type']).toContain('application/graphml+xml');
    expect(res.headers['content-disposition']).toContain('flow-atlas-XA.graphml');
    // 3 XA stakeholders + xb-police (the foreign end of flow xa-f3); 3 flows + 1 reporting line.
    expect(wellFormed(res.text)).toBe('4 4');
    expect(res.text).toContain('Shelter &amp; &quot;Safe&quot; &lt;Home&gt;');
    expect(res.text).toContain('<data key="external">true</data>');
  });

  test('when the region is exported as GEXF, then Gephi gets every stakeholder and edge with attributes', async () => {
    const res = await request(app).get('/api/export?format=gexf').expect(200);
    expect(res.headers['content-type']).toContain('application/gexf+xml');
    expect(wellFormed(res.text)).toBe('5 5');
    expect(res.text).toMatch(/<edge id="xa-f1" source="xa-police" target="xa-ncp" label="VIC-01">/);
    expect(res.text).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
    expect((await request(app).get('/api/export?format=gexf&gexfVersion=1.3').expect(200)).text).toContain(
      '<gexf xmlns="http://gexf.net/1.3"',
    );
    await request(app).get('/api/export?format=gexf&gexfVersion=2').expect(400);
    await request(app).get('/api/export?format=dot').expect(400);
  });
});
