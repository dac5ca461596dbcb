// GEXF as other tools read it: the seed region and one country exported as GEXF 1.2draft (the default) and
// 1.3, each validated with lxml against the schema of what we write (tests/fixtures/gexf/*.xsd) and read
// back with NetworkX (Debian's python3-networkx at /usr/bin/python3, which reads only 1.2draft).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedStore } from '../../seed/loader';
import { toGEXF, type GexfVersion } from '../../server/services/graph-formats';
import type { MapDocument, Stakeholder } from '../../server/model';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore } from '../../server/store/port';

const PYTHON = '/usr/bin/python3';
const XSD: Record<GexfVersion, string> = {
  '1.2draft': path.resolve(__dirname, '../fixtures/gexf/gexf-1.2draft.xsd'),
  '1.3': path.resolve(__dirname, '../fixtures/gexf/gexf-1.3.xsd'),
};

/** Validates the file against the XSD with lxml and reads it with nx.read_gexf (its default version). */
const CHECK = `
import json, sys
import networkx as nx
from lxml import etree
path, xsd = sys.argv[1], sys.argv[2]
schema = etree.XMLSchema(etree.parse(xsd))
out = {"valid": schema.validate(etree.parse(path)), "errors": [e.message for e in schema.error_log][:5]}
try:
    g = nx.read_gexf(path)
    out["nodes"] = {n: d for n, d in g.nodes(data=True)}
    out["edges"] = [dict(d, source=u, target=v) for u, v, d in g.edges(data=True)]
except Exception as e:
    out["networkxError"] = str(e)
print(json.dumps(out))
`;

interface Checked {
  valid: boolean;
  errors: string[];
  nodes?: Record<string, Record<string, unknown>>;
  edges?: Record<string, unknown>[];
  networkxError?: string;
}

let dir: string;
let store: GraphStore;
let region: MapDocument;
let all: Stakeholder[];

function check(text: string, xsd: string): Checked {
  const file = path.join(dir, `g-${Math.random().toString(36).slice(2)}.gexf`);
  fs.writeFileSync(file, text);
  const r = spawnSync(PYTHON, ['-c', CHECK, file, xsd], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${PYTHON} could not check the file (needs python3-networkx and python3-lxml): ${r.stderr}`);
  return JSON.parse(r.stdout) as Checked;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-gexf-'));
  store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await seedStore(store, { maps: true });
  region = await store.exportDocument({});
  all = region.stakeholders;
}, 120_000);
afterAll(async () => {
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('GEXF export', () => {
  test('when GEXF is written without a version, then it is 1.2draft, valid against its schema, and NetworkX reads every node, edge and attribute', () => {
    const text = toGEXF(region, all);
    expect(text).toContain('<gexf xmlns="http://www.gexf.net/1.2draft"');
    expect(text).toContain('version="1.2"');
    const r = check(text, XSD['1.2draft']);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.networkxError).toBeUndefined();
    expect(Object.keys(r.nodes!).sort()).toEqual(region.stakeholders.map((s) => s.id).sort());
    expect(r.edges!.map((e) => e.id).sort()).toEqual(
      [...region.flows, ...region.reportingLines].map((e) => e.id).sort(),
    );
    // Attributes come back with their types: strings, booleans and integers.
    const someone = region.stakeholders.find((s) => s.ncp)!;
    expect(r.nodes![someone.id]).toMatchObject({
      label: someone.name,
      country: someone.country,
      type: someone.type,
      ncp: true,
      external: false,
    });
    const timed = region.flows.find((f) => f.latencyDays !== undefined)!;
    expect(r.edges!.find((e) => e.id === timed.id)).toMatchObject({
      source: timed.from,
      target: timed.to,
      kind: 'flow',
      basis: timed.basis,
      latencyDays: timed.latencyDays,
      personDependent: timed.personDependent,
    });
  });

  test('when one country is written as 1.2draft, then the foreign ends of its cross-border edges are nodes and NetworkX reads it', async () => {
    const doc = await store.exportDocument({ country: 'SE' });
    const r = check(toGEXF(doc, all, { version: '1.2draft' }), XSD['1.2draft']);
    expect(r).toMatchObject({ valid: true, errors: [] });
    const ends = new Set([...doc.flows, ...doc.reportingLines].flatMap((e) => [e.from, e.to]));
    for (const id of ends) expect(Object.keys(r.nodes!)).toContain(id);
    expect(Object.values(r.nodes!).some((n) => n.external === true)).toBe(true);
  });

  test("when 1.3 is asked for, then it is valid against the 1.3 schema (not 1.2draft's), and NetworkX 2.x cannot read it", () => {
    const text = toGEXF(region, all, { version: '1.3' });
    expect(text).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(check(text, XSD['1.3'])).toMatchObject({ valid: true, errors: [] });
    const as12 = check(text, XSD['1.2draft']);
    expect(as12.valid).toBe(false);
    // Why 1.2draft is the default: NetworkX looks for the 1.2draft namespace and finds no graph.
    expect(as12.networkxError).toContain('No <graph> element');
  });

  test('when a GEXF file breaks the schema, then the check says so (the schema is not a rubber stamp)', () => {
    const text = toGEXF(region, all);
    const dangling = text.replace(/(<edge id="[^"]+" source=")[^"]+"/, '$1nobody-at-all"');
    expect(check(dangling, XSD['1.2draft']).valid).toBe(false);
    const badType = text.replace('type="integer"', 'type="number"');
    expect(check(badType, XSD['1.2draft']).valid).toBe(false);
    const noVersion = text.replace(' version="1.2"', '');
    expect(check(noVersion, XSD['1.2draft']).valid).toBe(false);
  });
});
