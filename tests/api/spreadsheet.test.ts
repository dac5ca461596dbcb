// Spreadsheet import and export through the HTTP API (supertest against createApp, embedded store):
// template downloads, preview and commit, bad files, size limits, and round trips of the seeded region.
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { createApp } from '../../server/app';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import type { GraphStore } from '../../server/store/port';
import { readSeedDocument } from '../../seed/loader';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';
import {
  csvOf,
  csvZipOf,
  docxBytes,
  pdfBytes,
  randomBytes,
  smallSheets,
  withCell,
  xlsxOf,
} from '../support/spreadsheets';
import { signedIn } from '../support/auth';
import { binary } from '../support/binary';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let store: GraphStore;
let raw: ReturnType<typeof createApp>;
let app: ReturnType<typeof createApp>;

async function emptyStore(): Promise<GraphStore> {
  const s = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await s.init();
  await s.ensureCatalogue(catalogue, 'test');
  return s;
}

beforeEach(async () => {
  store = await emptyStore();
  await store.importDocument(smallMap(), { mode: 'merge', actor: 'test' });
  raw = createApp({ store });
  app = await signedIn(raw, store, { role: 'admin' });
});
/** An app on `s` signed in as its administrator. */
const adminApp = (s: GraphStore) => signedIn(createApp({ store: s }), s, { role: 'admin' });
afterEach(() => store.close());

/** Collects a binary response body as a Buffer. */
const download = (a: ReturnType<typeof createApp>, url: string) =>
  request(a).get(url).buffer(true).parse(binary).expect(200);
const upload = (a: ReturnType<typeof createApp>, url: string, type: string, data: Buffer | string) =>
  request(a).post(url).set('Content-Type', type).send(data);

async function loadXlsx(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}

/** An export without when and at which store version it was taken (DOMAIN.md), to compare two exports' content. */
function content(doc: Record<string, unknown>): Record<string, unknown> {
  const { exportedAt: _at, storeVersion: _v, ...rest } = doc;
  return rest;
}

describe('templates', () => {
  test('when the XLSX template is downloaded, then it is a workbook with every sheet, its headers, README and reference', async () => {
    const res = await download(app, '/api/template?format=xlsx');
    expect(res.headers['content-type']).toContain(XLSX);
    expect(res.headers['content-disposition']).toContain('flow-atlas-template.xlsx');
    const wb = await loadXlsx(res.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'README',
      'countries',
      'stakeholders',
      'datasets',
      'flows',
      'reportingLines',
      'networks',
      'memberships',
      'interviews',
      'reference',
    ]);
    expect((wb.getWorksheet('memberships')!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'stakeholder',
      'network',
      'role',
      'version',
    ]);
    expect(wb.getWorksheet('flows')!.actualRowCount).toBe(1);
  });

  test('when the CSV template is downloaded, then it is a ZIP with one header-only CSV per sheet', async () => {
    const res = await download(app, '/api/template?format=csv');
    expect(res.headers['content-type']).toContain('application/zip');
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    expect(strFromU8(files['networks.csv']!).trim()).toBe('id,name,country,kind,meets,version');
    expect(Object.keys(files)).toHaveLength(10);
    await request(app).get('/api/template?format=ods').expect(400);
  });

  test('when the empty template is filled in and imported, then its items are created', async () => {
    const template = await loadXlsx((await download(app, '/api/template')).body as Buffer);
    template.getWorksheet('networks')!.addRow(['xa-wg', 'Working group', 'XA', 'working_group', 'monthly']);
    const filled = Buffer.from(await template.xlsx.writeBuffer());
    const res = await upload(app, '/api/import', XLSX, filled).expect(200);
    expect(res.body).toMatchObject({ mode: 'merge', dryRun: false, created: { network: 1 } });
    expect((await request(app).get('/api/networks/xa-wg').expect(200)).body.meets).toBe('monthly');
  });
});

describe('preview and commit', () => {
  test('when a workbook with problems is previewed, then 400 lists each at its sheet, row, column and cell, and nothing is written', async () => {
    const before = await store.storeVersion();
    const sheets = withCell(
      withCell(withCell(smallSheets(), 'flows', 3, 'basis', 'vibes'), 'interviews', 2, 'date', 'April'),
      'datasets',
      2,
      'holder',
      'xa-ghost',
    );
    const res = await upload(app, '/api/import?dryRun=true', XLSX, await xlsxOf(sheets)).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toBe('the spreadsheet has 2 problems; nothing was written');
    expect(res.body.error.problems).toEqual([
      expect.objectContaining({ sheet: 'flows', row: 3, column: 'basis', cell: 'E3', kind: 'flow', id: 'xa-f2' }),
      expect.objectContaining({ sheet: 'interviews', row: 2, column: 'date', cell: 'B2' }),
    ]);
    expect(await store.storeVersion()).toBe(before);
    // Fixing those shows the next layer: the reference to a stakeholder that does not exist.
    const next = await upload(
      app,
      '/api/import?dryRun=true',
      XLSX,
      await xlsxOf(withCell(smallSheets(), 'datasets', 2, 'holder', 'xa-ghost')),
    ).expect(400);
    expect(next.body.error.problems).toEqual([
      expect.objectContaining({ sheet: 'datasets', cell: 'C2', column: 'holder', path: 'datasets[0].holder' }),
    ]);
    expect(await store.storeVersion()).toBe(before);
  });

  test('when a good workbook is previewed, then it counts the changes, warns of missing sheets and writes nothing', async () => {
    const before = await store.storeVersion();
    const { interviews: _i, ...rest } = withCell(smallSheets(), 'stakeholders', 4, 'name', 'Renamed NGO');
    const res = await upload(app, '/api/import?dryRun=true&mode=merge', XLSX, await xlsxOf(rest)).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, updated: { stakeholder: 1 }, storeVersion: before });
    expect(res.body.warnings).toEqual([
      { sheet: 'interviews', message: "there is no sheet 'interviews': interviews are not touched" },
    ]);
    expect((await request(app).get('/api/stakeholders/xa-ngo')).body.name).toBe('XA NGO');
  });

  test('when a workbook is committed with merge, then it updates and adds, and leaves what it lacks', async () => {
    const sheets = withCell(smallSheets(), 'flows', 2, 'confidence', 'reported');
    sheets.flows = sheets.flows!.filter((r) => r[0] !== 'xa-f2');
    sheets.flows.push(['xa-f9', 'xa-ngo', 'xa-ncp', 'assistance GIVEN', 'project']);
    const consultant = await signedIn(raw, store, { role: 'editor', username: 'consultant-1' });
    const res = await upload(consultant, '/api/import', XLSX, await xlsxOf(sheets)).expect(200);
    expect(res.body).toMatchObject({ created: { flow: 1 }, updated: { flow: 1 }, deleted: {} });
    expect((await request(app).get('/api/flows/xa-f9')).body).toMatchObject({
      indicators: ['VIC-05'],
      updatedBy: 'consultant-1',
    });
    await request(app).get('/api/flows/xa-f2').expect(200);
  });

  test('when a workbook is committed with replace, then what the listed countries lack is deleted; a missing sheet is refused', async () => {
    const sheets = smallSheets();
    sheets.flows = sheets.flows!.filter((r) => r[0] !== 'xa-f2');
    sheets.memberships = sheets.memberships!.slice(0, 1);
    const res = await upload(app, '/api/import?mode=replace', XLSX, await xlsxOf(sheets)).expect(200);
    expect(res.body).toMatchObject({ mode: 'replace', deleted: { flow: 1, membership: 3 } });
    await request(app).get('/api/flows/xa-f2').expect(404);

    const { reportingLines: _r, ...rest } = smallSheets();
    const refused = await upload(app, '/api/import?mode=replace', XLSX, await xlsxOf(rest)).expect(400);
    expect(refused.body.error.problems).toEqual([
      expect.objectContaining({ sheet: 'reportingLines', kind: 'reportingLine' }),
    ]);
    expect(refused.body.error.problems[0].message).toMatch(/just its header row/);
  });

  test('when a ZIP of CSV files or one CSV named by sheet is sent, then it imports like a workbook', async () => {
    const zip = csvZipOf(withCell(smallSheets(), 'stakeholders', 3, 'name', 'Police (from CSV)'));
    expect((await upload(app, '/api/import', 'application/zip', zip).expect(200)).body.updated).toEqual({
      stakeholder: 1,
    });
    const flows = csvOf(withCell(smallSheets(), 'flows', 2, 'latencyDays', '45').flows!, ';');
    const one = await upload(app, '/api/import?sheet=flows', 'text/csv; charset=utf-8', flows).expect(200);
    expect(one.body.updated).toEqual({ flow: 1 });
    expect(one.body.warnings).toHaveLength(7);
    const noSheet = await upload(app, '/api/import', 'text/csv', flows).expect(400);
    expect(noSheet.body.error.problems[0]).toMatchObject({ field: 'sheet' });
    await upload(app, '/api/import?sheet=flowz', 'text/csv', flows).expect(400);
  });
});

describe('bad files', () => {
  test('when the body is over 25 MB, then 413 names the limit before anything is parsed', async () => {
    const res = await upload(app, '/api/import', XLSX, Buffer.alloc(50 * 1024 * 1024, 0x41)).expect(413);
    expect(res.body.error).toEqual({
      code: 'too_large',
      message: expect.stringMatching(/the upload is 50 MB; the limit is 25 MB per request/),
    });
    await request(app).get('/api/health').expect(200);
  });

  test('when the file is not a spreadsheet at all, then 415 not_a_spreadsheet says what it is, and the server goes on', async () => {
    const cases: Array<[string, Buffer | string, RegExp]> = [
      [XLSX, randomBytes(10_000), /not an XLSX workbook .*binary data/],
      [XLSX, pdfBytes(), /PDF document/],
      [XLSX, docxBytes(), /Word document \(\.docx\)/],
      [XLSX, 'just some text\nthat is not a workbook\n', /not an XLSX workbook .*plain text/],
      ['application/zip', pdfBytes(), /PDF document/],
      ['text/csv', randomBytes(5000, 3), /not CSV text/],
    ];
    for (const [type, data, message] of cases) {
      const res = await upload(app, '/api/import?sheet=flows', type, data).expect(415);
      expect(res.body.error).toEqual({ code: 'not_a_spreadsheet', message: expect.stringMatching(message) });
    }
    await request(app).get('/api/health').expect(200);
  });

  test('when the content type is neither a document nor a spreadsheet, then 415 unsupported_media_type; an empty file is 400', async () => {
    const res = await upload(app, '/api/import', 'application/pdf', pdfBytes()).expect(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
    expect(
      (await request(app).post('/api/import').set('Content-Type', XLSX).expect(400)).body.error.problems[0].message,
    ).toBe('the request has no file');
  });
});

describe('exports and round trips', () => {
  let region: GraphStore;
  let regionApp: ReturnType<typeof createApp>;
  beforeEach(async () => {
    region = await emptyStore();
    await region.importDocument(readSeedDocument(), { mode: 'merge', actor: 'seed' });
    regionApp = await adminApp(region);
  });
  afterEach(() => region.close());

  test('when the seeded region is exported as XLSX and as CSV and imported into an empty store, then it exports the same document as JSON', async () => {
    const json = (await request(regionApp).get('/api/export?format=json').expect(200)).body;
    for (const [format, type] of [
      ['xlsx', XLSX],
      ['csv', 'application/zip'],
    ] as const) {
      const file = await download(regionApp, `/api/export?format=${format}`);
      expect(file.headers['content-disposition']).toContain(
        format === 'xlsx' ? 'flow-atlas-region.xlsx' : 'flow-atlas-region-csv.zip',
      );
      const empty = await emptyStore();
      const emptyApp = await adminApp(empty);
      const res = await upload(emptyApp, '/api/import', type, file.body as Buffer).expect(200);
      expect(res.body.created.flow).toBe(json.flows.length);
      expect(res.body.warnings).toEqual([]);
      expect(content((await request(emptyApp).get('/api/export').expect(200)).body)).toEqual(content(json));
      await empty.close();
    }
  });

  test('when one country is exported as XLSX and CSV and imported where it is missing, then it exports the same country document', async () => {
    // Every seeded country has cross-border flows (at least to the international bodies), so a country's
    // export refers to stakeholders outside it and cannot go into an empty store on its own. The store it
    // goes into holds the rest of the region: the seed with Iceland's scope removed by a replace.
    const json = (await request(regionApp).get('/api/export?country=IS').expect(200)).body;
    for (const [format, type] of [
      ['xlsx', XLSX],
      ['csv', 'application/zip'],
    ] as const) {
      const file = await download(regionApp, `/api/export?country=IS&format=${format}`);
      const other = await emptyStore();
      await other.importDocument(readSeedDocument(), { mode: 'merge', actor: 'seed' });
      await other.importDocument(
        { formatVersion: 1, countries: [json.countries[0]] },
        { mode: 'replace', actor: 'test' },
      );
      const otherApp = await adminApp(other);
      expect((await request(otherApp).get('/api/export?country=IS').expect(200)).body.flows).toEqual([]);
      await upload(otherApp, '/api/import', type, file.body as Buffer).expect(200);
      expect(content((await request(otherApp).get('/api/export?country=IS').expect(200)).body)).toEqual(content(json));
      await other.close();
    }
  });

  test('when an export format is unknown, then 400; an unknown country is 404', async () => {
    await request(app).get('/api/export?format=ods').expect(400);
    await request(app).get('/api/export?format=xlsx&country=XQ').expect(404);
  });
});
