// Stale files through the HTTP API (issue 17, point 3): an export carries each item's version and the store
// version; importing it after others changed the store merges field by field, lists the conflicts with who and
// when, keeps the stored value unless onConflict=overwrite, and replace keeps what was added after the export.
// The same story in every format that can be imported again: JSON, YAML, XLSX and a ZIP of CSV files.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import request from 'supertest';
import YAML from 'yaml';
import { createApp } from '../../server/app';
import type { GraphStore } from '../../server/store/port';
import type { ImportResponse } from '../../server/model/api';
import { smallMapStore } from '../support/small-store';
import { signedIn } from '../support/auth';
import { binary } from '../support/binary';

type Format = 'json' | 'yaml' | 'xlsx' | 'csv';
const TYPES: Record<Format, string> = {
  json: 'application/json',
  yaml: 'application/yaml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'application/zip',
};

/** One change made to a file: set some fields of an item, or take its row out. */
interface Edit {
  collection: string;
  key: string;
  set?: Record<string, string | number>;
  remove?: boolean;
}

let store: GraphStore;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  store = await smallMapStore();
  app = await signedIn(createApp({ store }), store, { role: 'admin' });
});
afterEach(() => store.close());

async function exportOf(format: Format, country = 'XA'): Promise<Buffer> {
  const res = await request(app)
    .get(`/api/export?country=${country}&format=${format}`)
    .buffer(true)
    .parse(binary)
    .expect(200);
  return res.body as Buffer;
}

/** Edits a document's items by key (id, or stakeholder|network). */
function editDocument(doc: Record<string, Array<Record<string, unknown>>>, edits: readonly Edit[]): void {
  for (const e of edits) {
    const items = doc[e.collection]!;
    const i = items.findIndex(
      (it) => (it.id ?? it.code ?? `${String(it.stakeholder)}|${String(it.network)}`) === e.key,
    );
    if (i < 0) throw new Error(`no ${e.key} in ${e.collection}`);
    if (e.remove) items.splice(i, 1);
    else Object.assign(items[i]!, e.set);
  }
}

/**
 * Edits an XLSX export as a person would in a spreadsheet program: cells found by header, and first a new
 * empty column inserted at A (so every column, version included, moves) and the data rows put in reverse order.
 */
async function editXlsx(data: Buffer, edits: readonly Edit[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  for (const collection of new Set(edits.map((e) => e.collection))) {
    const ws = wb.getWorksheet(collection)!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header, ...body] = rows as [string[], ...unknown[][]];
    body.reverse();
    for (const e of edits.filter((x) => x.collection === collection)) {
      const i = body.findIndex((r) => r[header.indexOf('id')] === e.key);
      if (e.remove) body.splice(i, 1);
      else for (const [field, value] of Object.entries(e.set ?? {})) body[i]![header.indexOf(field)] = value;
    }
    wb.removeWorksheet(ws.id);
    const again = wb.addWorksheet(collection);
    for (const r of [header, ...body]) again.addRow([null, ...r]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Edits a ZIP of CSV files: rows found by id, and the version column moved to the front. */
function editCsvZip(data: Buffer, edits: readonly Edit[]): Buffer {
  const files = unzipSync(data);
  for (const collection of new Set(edits.map((e) => e.collection))) {
    const rows = parse(strFromU8(files[`${collection}.csv`]!), { bom: true });
    const [header, ...body] = rows as [string[], ...string[][]];
    for (const e of edits.filter((x) => x.collection === collection)) {
      const i = body.findIndex((r) => r[header.indexOf('id')] === e.key);
      if (e.remove) body.splice(i, 1);
      else for (const [field, value] of Object.entries(e.set ?? {})) body[i]![header.indexOf(field)] = String(value);
    }
    const v = header.indexOf('version');
    const moved = [header, ...body].map((r) => [r[v]!, ...r.filter((_, j) => j !== v)]);
    files[`${collection}.csv`] = strToU8(stringify(moved));
  }
  return Buffer.from(zipSync(files));
}

async function edited(format: Format, file: Buffer, edits: readonly Edit[]): Promise<Buffer | string> {
  if (format === 'json') {
    const doc = JSON.parse(file.toString('utf8'));
    editDocument(doc, edits);
    return JSON.stringify(doc);
  }
  if (format === 'yaml') {
    const doc = YAML.parse(file.toString('utf8'));
    editDocument(doc, edits);
    return YAML.stringify(doc);
  }
  return format === 'xlsx' ? editXlsx(file, edits) : editCsvZip(file, edits);
}

async function importFile(format: Format, file: Buffer | string, query: string): Promise<ImportResponse> {
  const body = Buffer.isBuffer(file) && (format === 'json' || format === 'yaml') ? file.toString('utf8') : file;
  const res = await request(app).post(`/api/import?${query}`).set('Content-Type', TYPES[format]).send(body);
  if (res.status !== 200) throw new Error(`import answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as ImportResponse;
}

const flow = (id: string) => store.get('flow', id);

describe.each<Format>(['json', 'yaml', 'xlsx', 'csv'])('a stale %s export', (format) => {
  test("when it is exported, then it carries each item's version and the store version it was taken at", async () => {
    const file = await exportOf(format);
    const storeVersion = await store.storeVersion();
    const preview = await importFile(format, file, 'mode=merge&dryRun=true');
    expect(preview.conflictCount.total).toBe(0);
    expect(preview.unchanged.flow).toBeGreaterThan(0);
    if (format === 'json' || format === 'yaml') {
      const doc = format === 'json' ? JSON.parse(file.toString('utf8')) : YAML.parse(file.toString('utf8'));
      expect(doc.storeVersion).toBe(storeVersion);
      expect(Number.isNaN(Date.parse(doc.exportedAt))).toBe(false);
      expect(doc.flows.find((f: { id: string }) => f.id === 'xa-f1').version).toBe(1);
    } else if (format === 'xlsx') {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
      const flows = wb.getWorksheet('flows')!;
      const header = (flows.getRow(1).values as unknown[]).slice(1);
      expect(flows.getRow(2).getCell(header.indexOf('version') + 1).value).toBe(1);
      const meta = wb.getWorksheet('meta')!;
      expect(meta.getRow(2).values).toEqual([undefined, 'storeVersion', storeVersion, expect.any(String)]);
    } else {
      const files = unzipSync(file);
      expect(strFromU8(files['flows.csv']!).split('\r\n')[0]).toMatch(/,version$/);
      expect(strFromU8(files['meta.csv']!)).toContain(`storeVersion,${storeVersion},`);
    }
  });

  test("when a field changed only in the file, only in the store, and on both sides, then the file's is taken, the store's kept, and the conflict listed with who and when", async () => {
    const file = await exportOf(format);
    const before = await flow('xa-f1');
    await store.update(
      'flow',
      'xa-f1',
      { ...stripped(before), note: 'store note', latencyDays: 45 },
      before.version,
      'bob',
    );
    const f2 = await flow('xa-f2');
    await store.update('flow', 'xa-f2', { ...stripped(f2), confidence: 'confirmed' }, f2.version, 'carol');
    const changed = await edited(format, file, [
      { collection: 'flows', key: 'xa-f1', set: { frequency: 'monthly', latencyDays: 60 } },
    ]);

    const preview = await importFile(format, changed, 'mode=merge&dryRun=true');
    const bobAt = (await store.audit({ kind: 'flow', key: 'xa-f1', actor: 'bob' }))[0]!.at;
    expect(preview.conflictCount).toEqual({ total: 1, kept: 1, overwritten: 0 });
    expect(preview.conflicts).toEqual([
      expect.objectContaining({
        kind: 'flow',
        key: 'xa-f1',
        field: 'latencyDays',
        file: 60,
        current: 45,
        changedBy: 'bob',
        changedAt: bobAt,
        base: 'known',
        fileVersion: 1,
        storeVersion: 2,
        resolution: 'kept',
      }),
    ]);
    expect(preview.merged.flow).toBe(2);
    expect((await flow('xa-f1')).frequency).toBe('annual');

    const result = await importFile(format, changed, 'mode=merge');
    expect(result.conflictCount).toEqual({ total: 1, kept: 1, overwritten: 0 });
    const now = await flow('xa-f1');
    expect(now).toMatchObject({ frequency: 'monthly', note: 'store note', latencyDays: 45 });
    expect((await flow('xa-f2')).confidence).toBe('confirmed');
  });

  test("when onConflict=overwrite, then the file's value replaces the stored one and the result says so", async () => {
    const file = await exportOf(format);
    const before = await flow('xa-f1');
    await store.update(
      'flow',
      'xa-f1',
      { ...stripped(before), note: 'store note', latencyDays: 45 },
      before.version,
      'bob',
    );
    const changed = await edited(format, file, [{ collection: 'flows', key: 'xa-f1', set: { latencyDays: 60 } }]);

    const result = await importFile(format, changed, 'mode=merge&onConflict=overwrite');
    expect(result.conflictCount).toEqual({ total: 1, kept: 0, overwritten: 1 });
    expect(result.conflicts[0]).toMatchObject({ field: 'latencyDays', resolution: 'overwritten' });
    expect(await flow('xa-f1')).toMatchObject({ latencyDays: 60, note: 'store note' });
  });

  test('when replace imports it after others added items, then those are kept and listed, and a row taken out of the file is deleted', async () => {
    const file = await exportOf(format);
    await store.create('stakeholder', { id: 'xa-new', name: 'XA New office', country: 'XA', type: 'police' }, 'dave');
    await store.create(
      'flow',
      { id: 'xa-f9', from: 'xa-new', to: 'xa-ncp', indicators: ['VIC-01'], basis: 'informal' },
      'dave',
    );
    const changed = await edited(format, file, [{ collection: 'flows', key: 'xa-f2', remove: true }]);

    const result = await importFile(format, changed, 'mode=replace');
    expect(result.kept).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'stakeholder', key: 'xa-new', reason: 'created', changedBy: 'dave' }),
        expect.objectContaining({ kind: 'flow', key: 'xa-f9', reason: 'created', changedBy: 'dave' }),
      ]),
    );
    expect(result.kept).toHaveLength(2);
    expect(result.deleted).toEqual({ flow: 1 });
    await expect(flow('xa-f2')).rejects.toThrow(/not found/);
    expect((await flow('xa-f9')).from).toBe('xa-new');
  });

  test('when replace would delete a row someone changed after the export, then that item is kept and listed as changed, with who', async () => {
    const file = await exportOf(format);
    const f1 = await flow('xa-f1');
    await store.update('flow', 'xa-f1', { ...stripped(f1), note: 'changed after the export' }, f1.version, 'erin');
    const changed = await edited(format, file, [
      { collection: 'flows', key: 'xa-f1', remove: true },
      { collection: 'flows', key: 'xa-f2', remove: true },
    ]);

    const result = await importFile(format, changed, 'mode=replace');
    expect(result.kept).toEqual([
      expect.objectContaining({ kind: 'flow', key: 'xa-f1', reason: 'changed', changedBy: 'erin' }),
    ]);
    expect(result.deleted).toEqual({ flow: 1 });
    expect((await flow('xa-f1')).note).toBe('changed after the export');
    await expect(flow('xa-f2')).rejects.toThrow(/not found/);
  });
});

describe('files without versions', () => {
  test("when a hand-made document without versions changes a field someone else changed, then the file's value is taken as before, with no conflict", async () => {
    const before = await flow('xa-f1');
    await store.update('flow', 'xa-f1', { ...stripped(before), latencyDays: 45 }, before.version, 'bob');
    const doc = { formatVersion: 1, flows: [{ ...stripped(before), latencyDays: 60 }] };
    const result = await importFile('json', JSON.stringify(doc), 'mode=merge');
    expect(result.conflictCount.total).toBe(0);
    expect(result.updated).toEqual({ flow: 1 });
    expect((await flow('xa-f1')).latencyDays).toBe(60);
  });

  test('when a replace file has no store version, then it deletes what it lacks, as before', async () => {
    await store.create(
      'flow',
      { id: 'xa-f9', from: 'xa-ngo', to: 'xa-ncp', indicators: ['VIC-01'], basis: 'informal' },
      'dave',
    );
    const doc = JSON.parse((await exportOf('json')).toString('utf8'));
    delete doc.storeVersion;
    doc.flows = doc.flows.filter((f: { id: string }) => f.id !== 'xa-f9');
    const result = await importFile('json', JSON.stringify(doc), 'mode=replace');
    expect(result.kept).toEqual([]);
    expect(result.deleted).toEqual({ flow: 1 });
  });

  test('when an item carries a field the document does not know, then it is still refused', async () => {
    const doc = JSON.parse((await exportOf('json')).toString('utf8'));
    doc.flows[0].revision = 3;
    const res = await request(app).post('/api/import?mode=merge&dryRun=true').send(doc).expect(400);
    expect(res.body.error.problems).toEqual([
      expect.objectContaining({ path: 'flows[0].revision', message: 'unknown field' }),
    ]);
  });
});

describe('a base the audit trail does not hold', () => {
  test('when the item was deleted and created again since the export, then every differing field is a conflict and a note says why', async () => {
    const file = JSON.parse((await exportOf('json')).toString('utf8'));
    const old = await flow('xa-f2');
    await store.delete('flow', 'xa-f2', old.version, 'erin');
    const again = { ...stripped(old), note: 'created again' };
    await store.create('flow', again, 'erin');
    await store.update('flow', 'xa-f2', { ...again, latencyDays: 5 }, 1, 'erin');
    editDocument(file, [{ collection: 'flows', key: 'xa-f2', set: { latencyDays: 9 } }]);

    const result = await importFile('json', JSON.stringify(file), 'mode=merge&dryRun=true');
    expect(result.conflicts.map((c) => [c.field, c.base, c.file, c.current]).sort()).toEqual([
      ['latencyDays', 'unknown', 9, 5],
      ['note', 'unknown', null, 'created again'],
    ]);
    expect(result.notes).toEqual([expect.stringMatching(/flow 'xa-f2' .*audit trail does not hold/)]);
  });
});

function stripped<T extends { version?: number; updatedAt?: string; updatedBy?: string }>(row: T) {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = row;
  return rest;
}
