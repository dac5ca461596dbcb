// The command-line scripts, run as a user would (npm run seed / import / export) on a temporary store.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { smallMap } from '../fixtures/small-map';

const root = path.resolve(__dirname, '../..');
let dataDir: string;

function run(script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts', script), ...args], {
    cwd: dataDir, encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-cli-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run import / export / seed', () => {
  test('when a document is imported and exported as YAML and JSON, then both files hold it', () => {
    const file = path.join(dataDir, 'map.yaml');
    fs.writeFileSync(file, YAML.stringify(smallMap()));
    expect(run('seed.ts', '--catalogue-only').code).toBe(0);
    const imported = run('import.ts', file);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('created: 2 country, 5 stakeholder');
    const out = path.join(dataDir, 'xa.json');
    expect(run('export.ts', '--country', 'xa', out).code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.stakeholders.map((s: { id: string }) => s.id)).toEqual(['xa-ncp', 'xa-ngo', 'xa-police']);
  });

  test('when the document is invalid, then every problem is printed, exit 1, and nothing is written', () => {
    run('seed.ts', '--catalogue-only');
    const doc = smallMap();
    doc.flows[0]!.basis = 'vibes' as never;
    doc.datasets[0]!.holder = 'ghost';
    const file = path.join(dataDir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = run('import.ts', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('flows[0].basis (flow xa-f1)');
    const out = path.join(dataDir, 'all.json');
    run('export.ts', out);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).flows).toEqual([]);
  });

  test('when the file is missing, of the wrong kind or malformed, then a usage error (exit 2)', () => {
    expect(run('import.ts', path.join(dataDir, 'none.json'))).toMatchObject({ code: 2 });
    fs.writeFileSync(path.join(dataDir, 'm.csv'), 'a,b');
    expect(run('import.ts', path.join(dataDir, 'm.csv')).err).toContain('must end in .json, .yaml or .yml');
    fs.writeFileSync(path.join(dataDir, 'broken.json'), '{"formatVersion": ');
    const broken = run('import.ts', path.join(dataDir, 'broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('is not valid JSON');
    expect(run('import.ts').err).toContain('Usage: npm run import');
    expect(run('export.ts', '--country', 'Sweden', 'x.json')).toMatchObject({ code: 2 });
  });

  test('when a country is exported as GraphML or GEXF, then the file is the graph; an unknown format is a usage error', () => {
    run('seed.ts', '--catalogue-only');
    const file = path.join(dataDir, 'map.json');
    fs.writeFileSync(file, JSON.stringify(smallMap()));
    expect(run('import.ts', file).code).toBe(0);
    const gexf = path.join(dataDir, 'xa.gexf');
    expect(run('export.ts', '--country', 'XA', gexf).code).toBe(0);
    expect(fs.readFileSync(gexf, 'utf8')).toMatch(/^<\?xml[^]*<gexf xmlns="http:\/\/gexf.net\/1.3"/);
    const out = run('export.ts', '--format', 'graphml', '-');
    expect(out.out).toContain('<graphml');
    expect(run('export.ts', '--format', 'dot', 'x.dot')).toMatchObject({ code: 2 });
  });

  test('when seed runs twice, then the second run creates nothing', () => {
    const first = run('seed.ts');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/created \d+ country/);
    expect(first.out).toContain('ILLUSTRATIVE');
    const second = run('seed.ts');
    expect(second.out).toContain('created nothing; updated nothing');
  });
});
