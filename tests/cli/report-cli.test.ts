// `npm run report`, run as a user would on a temporary embedded store: a country profile and the
// regional report as HTML (and as PDF where Chromium is installed), and the usage errors.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserAvailable } from '../support/chromium';
import { smallMap } from '../support/small-map';

const root = path.resolve(__dirname, '../..');
let dataDir: string;

function run(script: string, ...args: string[]) {
  return runWith({}, script, ...args);
}

function runWith(env: Record<string, string>, script: string, ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts', script), ...args],
    {
      cwd: dataDir,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '', ...env },
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-report-cli-'));
  expect(run('seed.ts', '--catalogue-only').code).toBe(0);
  const file = path.join(dataDir, 'map.json');
  fs.writeFileSync(file, JSON.stringify(smallMap()));
  expect(run('import.ts', file).code).toBe(0);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run report', () => {
  test('when a country profile is written as HTML, then the file is a whole document about that country, without personal data', () => {
    const out = path.join(dataDir, 'xa.html');
    const r = run('report.ts', '--country', 'xa', out);
    expect(r.err).toContain(`to ${out}`);
    expect(r.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('</html>');
    expect(html).toContain('Testland A');
    expect(html).toContain('XA Police');
    expect(html).not.toContain('XB Police');
    // The office contact of the NCP is personal data a circulated report leaves out, as a viewer's would.
    expect(html).not.toContain('ncp@office.example');
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  test('when the regional report is written to standard output, then it is HTML naming every country', () => {
    const r = run('report.ts', '--region', '--format', 'html', '-');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!doctype html>/i);
    expect(r.out).toContain('Testland A');
    expect(r.out).toContain('Testland B');
  });

  test('when the arguments are wrong, then a usage error (exit 2) says what to give', () => {
    expect(run('report.ts', 'x.html')).toMatchObject({
      code: 2,
      err: expect.stringContaining('give either --country XX or --region'),
    });
    expect(run('report.ts', '--country', 'XA', '--region', 'x.html')).toMatchObject({ code: 2 });
    expect(run('report.ts', '--country', 'Sweden', 'x.html')).toMatchObject({
      code: 2,
      err: expect.stringContaining("'Sweden' is not a country code"),
    });
    expect(run('report.ts', '--country', 'XA', 'x.txt')).toMatchObject({
      code: 2,
      err: expect.stringContaining('must end in .html or .pdf'),
    });
    expect(run('report.ts', '--region', '--format', 'docx', 'x.docx')).toMatchObject({
      code: 2,
      err: expect.stringContaining("--format must be html or pdf, not 'docx'"),
    });
    expect(run('report.ts', '--country', 'XA')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Usage: npm run report'),
    });
    expect(fs.existsSync(path.join(dataDir, 'x.html'))).toBe(false);
  });

  test('when the country or the round is unknown, then the message says so (exit 1) and no file is written', () => {
    const out = path.join(dataDir, 'none.html');
    const country = run('report.ts', '--country', 'XC', out);
    expect(country.code).toBe(1);
    expect(country.err).toContain("'XC'");
    const round = run('report.ts', '--region', '--round', 'no-such-round', out);
    expect(round.code).toBe(1);
    expect(round.err).toContain('no-such-round');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('when a PDF is asked for and Chromium is not installed, then the message says what to install (exit 1) and no file is written', () => {
    const out = path.join(dataDir, 'none.pdf');
    const r = runWith({ CHROMIUM_PATH: path.join(dataDir, 'no-chromium') }, 'report.ts', '--country', 'XA', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('PDF reports need Chromium');
    expect(r.err).toContain('no-chromium');
    expect(fs.existsSync(out)).toBe(false);
  });

  if (browserAvailable) {
    test('when a country profile is written as PDF, then the file is a PDF', () => {
      const out = path.join(dataDir, 'xa.pdf');
      const r = run('report.ts', '--country', 'XA', out);
      expect(r.code).toBe(0);
      const pdf = fs.readFileSync(out);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-7).toString('latin1')).toMatch(/%%EOF\s*$/);
    }, 120_000);
  } else {
    console.warn(
      'report-cli: /usr/bin/chromium not found, the PDF case of npm run report is not tested (install chromium or set CHROMIUM_PATH)',
    );
  }
});
