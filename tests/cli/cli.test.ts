// The command-line scripts, run as a user would (npm run seed / import / export) on a temporary store.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { readCatalogue } from '../../seed/loader';
import { createStore } from '../../server/store';
import { smallMap } from '../support/small-map';
import { csvOf, smallSheets, withCell, xlsxOf } from '../support/spreadsheets';

const root = path.resolve(__dirname, '../..');
let dataDir: string;

function run(script: string, ...args: string[]) {
  return runIn(dataDir, {}, script, ...args);
}
function runIn(dir: string, env: Record<string, string>, script: string, ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts', script), ...args],
    {
      cwd: dataDir,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, DATA_DIR: dir, NEO4J_URI: '', ...env },
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-cli-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run import / export / seed', () => {
  test('when import runs on a data folder that does not exist yet (SEED=false or not), then it finds the catalogue and imports', () => {
    const file = path.join(dataDir, 'map.json');
    fs.writeFileSync(file, JSON.stringify(smallMap()));
    for (const seed of ['false', 'true']) {
      const fresh = path.join(dataDir, `fresh-${seed}`, 'data');
      const r = runIn(fresh, { SEED: seed }, 'import.ts', file);
      expect(r.err).not.toContain('unknown indicator code');
      expect(r).toMatchObject({ code: 0 });
      expect(r.out).toContain('created: 2 country, 5 stakeholder');
    }
  });

  test("when package.json's own import command (node and its loader, not the tsx command) imports a document, a YAML file, a workbook and a CSV, then each is imported, and tsx's cache of the modules it compiled is written out", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const [node, ...args] = pkg.scripts.import!.split(' ');
    expect(node).toBe('node');
    // A temporary folder of its own (os.tmpdir()), where tsx keeps its cache: empty at first.
    const tmp = path.join(dataDir, 'tmp');
    fs.mkdirSync(tmp);
    const npmImport = (file: string) => {
      const r = spawnSync(process.execPath, [...args, file], {
        cwd: root,
        encoding: 'utf8',
        input: '',
        env: { ...process.env, DATA_DIR: path.join(dataDir, 'data'), NEO4J_URI: '', TMPDIR: tmp },
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const json = path.join(dataDir, 'map.json');
    fs.writeFileSync(json, JSON.stringify(smallMap()));
    expect(npmImport(json)).toMatchObject({
      code: 0,
      out: expect.stringContaining('created: 2 country, 5 stakeholder'),
    });
    // Each module compiled is in the cache, whole (an exit before it was written left empty files, compiled again by
    // every run, each time with esbuild's start-up).
    const [cacheDir] = fs.readdirSync(tmp).filter((name) => name.startsWith('tsx-'));
    const cached = fs.readdirSync(path.join(tmp, cacheDir!)).filter((name) => !name.endsWith('.pipe'));
    expect(cached.length).toBeGreaterThan(10);
    const unreadable = cached.filter((name) => {
      try {
        JSON.parse(fs.readFileSync(path.join(tmp, cacheDir!, name), 'utf8'));
        return false;
      } catch {
        return true;
      }
    });
    expect(unreadable).toEqual([]);
    const yaml = path.join(dataDir, 'map.yaml');
    const doc = smallMap();
    doc.stakeholders[0]!.name = 'Renamed in YAML';
    fs.writeFileSync(yaml, YAML.stringify(doc));
    expect(npmImport(yaml)).toMatchObject({ code: 0, out: expect.stringContaining('updated: 1 stakeholder') });
    const book = path.join(dataDir, 'map.xlsx');
    fs.writeFileSync(book, await xlsxOf(smallSheets()));
    expect(npmImport(book)).toMatchObject({ code: 0, out: expect.stringContaining('Imported into the sqlite store') });
    const flows = path.join(dataDir, 'flows.csv');
    fs.writeFileSync(flows, csvOf(withCell(smallSheets(), 'flows', 2, 'basis', 'agreement').flows!));
    expect(npmImport(flows)).toMatchObject({ code: 0, out: expect.stringContaining('updated: 1 flow') });
  });

  test('when export, report, user or seed runs on a data folder that does not exist yet, then the store holds the catalogue afterwards', async () => {
    const { themes, indicators } = readCatalogue();
    const commands: [string, ...string[]][] = [
      ['export.ts', '-'],
      ['report.ts', '--region', '-'],
      ['user.ts', 'list'],
      ['seed.ts', '--if-empty'],
    ];
    for (const [script, ...args] of commands) {
      const fresh = path.join(dataDir, script, 'data');
      const r = runIn(fresh, { SEED: 'false' }, script, ...args);
      expect({ script, code: r.code, err: r.err }).toEqual({ script, code: 0, err: expect.any(String) });
      const store = await createStore({ dataDir: fresh });
      try {
        expect({
          script,
          themes: (await store.list('theme')).length,
          indicators: (await store.list('indicator')).length,
        }).toEqual({ script, themes: themes.length, indicators: indicators.length });
      } finally {
        await store.close();
      }
    }
  });

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
    expect(run('import.ts', path.join(dataDir, 'm.csv')).err).toContain(
      'a single CSV file must be named after the sheet it holds (countries.csv, stakeholders.csv',
    );
    fs.writeFileSync(path.join(dataDir, 'm.txt'), 'a,b');
    expect(run('import.ts', path.join(dataDir, 'm.txt')).err).toContain(
      'must end in .json, .yaml, .yml, .xlsx, .zip (CSV files) or .csv',
    );
    fs.writeFileSync(path.join(dataDir, 'broken.json'), '{"formatVersion": ');
    const broken = run('import.ts', path.join(dataDir, 'broken.json'));
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('is not valid JSON');
    expect(run('import.ts').err).toContain('Usage: npm run import');
    expect(run('export.ts', '--country', 'Sweden', 'x.json')).toMatchObject({ code: 2 });
  });

  test('when a country is exported as GraphML or GEXF (1.2draft, or 1.3 on request), then the file is the graph; an unknown format or version is a usage error', () => {
    run('seed.ts', '--catalogue-only');
    const file = path.join(dataDir, 'map.json');
    fs.writeFileSync(file, JSON.stringify(smallMap()));
    expect(run('import.ts', file).code).toBe(0);
    const gexf = path.join(dataDir, 'xa.gexf');
    expect(run('export.ts', '--country', 'XA', gexf).code).toBe(0);
    expect(fs.readFileSync(gexf, 'utf8')).toMatch(
      /^<\?xml[^]*<gexf xmlns="http:\/\/www.gexf.net\/1.2draft"[^>]* version="1.2">/,
    );
    expect(run('export.ts', '--country', 'XA', '--gexf-version', '1.3', '--format', 'gexf', '-').out).toMatch(
      /<gexf xmlns="http:\/\/gexf.net\/1.3"[^>]* version="1.3">/,
    );
    expect(run('export.ts', '--gexf-version', '1.4', gexf)).toMatchObject({
      code: 2,
      err: expect.stringContaining('--gexf-version must be 1.2draft or 1.3'),
    });
    const out = run('export.ts', '--format', 'graphml', '-');
    expect(out.out).toContain('<graphml');
    expect(run('export.ts', '--format', 'dot', 'x.dot')).toMatchObject({ code: 2 });
  });

  test('when the region is exported as XLSX and CSV and each is imported into a fresh store, then it exports the same JSON', () => {
    run('seed.ts', '--catalogue-only');
    const map = path.join(dataDir, 'map.json');
    fs.writeFileSync(map, JSON.stringify(smallMap()));
    expect(run('import.ts', map).code).toBe(0);
    const json = path.join(dataDir, 'region.json');
    run('export.ts', json);
    const xlsx = path.join(dataDir, 'region.xlsx');
    const zip = path.join(dataDir, 'region-csv.zip');
    expect(run('export.ts', xlsx)).toMatchObject({ code: 0 });
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    expect(run('export.ts', '--format', 'csv', zip)).toMatchObject({ code: 0 });
    for (const file of [xlsx, zip]) {
      const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-cli-fresh-'));
      const inFresh = (script: string, ...args: string[]) => {
        const r = spawnSync(
          process.execPath,
          [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts', script), ...args],
          {
            cwd: fresh,
            encoding: 'utf8',
            env: { ...process.env, DATA_DIR: fresh, NEO4J_URI: '' },
          },
        );
        return { code: r.status, out: r.stdout, err: r.stderr };
      };
      try {
        inFresh('seed.ts', '--catalogue-only');
        const imported = inFresh('import.ts', file);
        expect(imported.code).toBe(0);
        expect(imported.out).toContain('created: 2 country, 5 stakeholder');
        // Not a terminal here: one line per phase.
        expect(imported.err.split('\n').filter(Boolean)).toEqual([
          'reading...',
          'parsing rows (19)...',
          'validating...',
          'writing...',
        ]);
        const back = path.join(fresh, 'back.json');
        inFresh('export.ts', back);
        // The same content; when and at which store version each was exported differ (DOMAIN.md).
        const content = (file: string) => ({
          ...JSON.parse(fs.readFileSync(file, 'utf8')),
          exportedAt: undefined,
          storeVersion: undefined,
        });
        expect(content(back)).toEqual(content(json));
      } finally {
        fs.rmSync(fresh, { recursive: true, force: true });
      }
    }
  });

  test('when a spreadsheet has problems, then each is printed as sheet!cell column: message, exit 1, and nothing is written', async () => {
    run('seed.ts', '--catalogue-only');
    const file = path.join(dataDir, 'bad.xlsx');
    fs.writeFileSync(
      file,
      await xlsxOf(withCell(withCell(smallSheets(), 'flows', 3, 'basis', 'vibes'), 'stakeholders', 2, 'id', 'xa ncp')),
    );
    const r = run('import.ts', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('the spreadsheet has 2 problems; nothing was written');
    expect(r.err).toContain("  - flows!E3 basis: 'vibes' is not one of: informal, project, agreement, statutory");
    const out = path.join(dataDir, 'all.json');
    run('export.ts', out);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).stakeholders).toEqual([]);
  });

  test('when one CSV named after its sheet is imported with --dry-run, then the change is counted, not written', async () => {
    run('seed.ts', '--catalogue-only');
    const book = path.join(dataDir, 'map.xlsx');
    fs.writeFileSync(book, await xlsxOf(smallSheets()));
    expect(run('import.ts', book).code).toBe(0);
    const flows = path.join(dataDir, 'flows.csv');
    fs.writeFileSync(flows, csvOf(withCell(smallSheets(), 'flows', 2, 'basis', 'agreement').flows!));
    const dry = run('import.ts', '--dry-run', flows);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Dry run (nothing written)');
    expect(dry.out).toContain('updated: 1 flow');
    expect(dry.err).toContain("warning: countries: there is no sheet 'countries': countries are not touched");
    const replace = run('import.ts', '--mode', 'replace', flows);
    expect(replace.code).toBe(1);
    expect(replace.err).toContain("  - countries: there is no sheet 'countries': replace would delete");
  });

  test('when a map document needs more memory than the process may use, then the CLI refuses it before reading it (exit 2) and nothing is written', () => {
    run('seed.ts', '--catalogue-only');
    const big = path.join(dataDir, 'region.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 20 * 1024 * 1024); // sparse: its size is what is checked, before a byte is read
    const r = runIn(dataDir, { NODE_OPTIONS: '--max-old-space-size=100' }, 'import.ts', big);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `'${big}' is 20 MB; importing it takes about 320 MB of memory, more than this process may use`,
    );
    expect(r.err).toContain('split it by country');
    const out = path.join(dataDir, 'all.json');
    run('export.ts', out);
    const after = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect([after.countries, after.stakeholders]).toEqual([[], []]);
    // With the default memory the same size is taken: the file is read (and found not to be JSON).
    expect(run('import.ts', big).err).toContain('is not valid JSON');
  });

  test('when a spreadsheet is over 25 MB or not a spreadsheet, then the CLI refuses it before reading rows', () => {
    const big = path.join(dataDir, 'big.xlsx');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 26 * 1024 * 1024);
    const r = run('import.ts', big);
    expect(r.code).toBe(2);
    expect(r.err).toContain("'" + big + "' is 26 MB; the limit is 25 MB per file");
    const text = path.join(dataDir, 'notes.xlsx');
    fs.writeFileSync(text, 'these are my notes, not a workbook');
    const notSheet = run('import.ts', text);
    expect(notSheet.code).toBe(1);
    expect(notSheet.err).toContain('the file is not an XLSX workbook (those are ZIP archives): it is plain text');
    expect(run('export.ts', '--format', 'csv', path.join(dataDir, 'x.csv')).err).toContain(
      'the CSV export is a ZIP of CSV files',
    );
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
