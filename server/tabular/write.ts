// Writes a map document in the template's shape: an XLSX workbook (exceljs) with README and reference
// sheets and dropdowns for enum and true/false columns, or a ZIP of CSV files (csv-stringify, fflate).
// The template is the empty document written this way, so an export is a filled template; an export with
// versions also has a meta sheet (meta.csv) holding the store version it was taken at.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { strToU8, zipSync } from 'fflate';
import type { MapDocument } from '../model';
import { NONE, joinListCell } from './cells';
import { META_SHEET, SHEETS, columnLetter, type ColumnSpec, type SheetSpec } from './columns';
import { metaRows, readmeLines, referenceLists, referenceRows, type GuideIndicator } from './guide';

type Cell = string | number | boolean | null;

/** One field of an item as a cell: lists joined with `; ` (see joinListCell), absent fields empty, an empty optional list `none`. */
function cellOf(item: Record<string, unknown>, col: ColumnSpec): Cell {
  let value: unknown = item;
  for (const p of col.path) value = (value as Record<string, unknown> | undefined)?.[p];
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.length === 0 && col.none ? NONE : joinListCell(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** The rows of one sheet (header first) from the document. */
export function sheetRows(doc: MapDocument, sheet: SheetSpec): Cell[][] {
  const items = (doc as unknown as Record<string, Array<Record<string, unknown>>>)[sheet.collection] ?? [];
  return [sheet.columns.map((c) => c.name), ...items.map((item) => sheet.columns.map((c) => cellOf(item, c)))];
}

// Dropdowns reach this many rows past the data (at least to row 1000): enough to add rows, without making
// big workbooks slow to open (readers expand each validated range cell by cell).
const VALIDATION_SPARE_ROWS = 500;
const VALIDATION_MIN_ROWS = 1000;

/** exceljs has range validations (`dataValidations.add('B2:B99', ...)`) but its typings lack them. */
type WithValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

function addDropdowns(worksheet: ExcelJS.Worksheet, sheet: SheetSpec, dataRows: number): void {
  const ws = worksheet as unknown as WithValidations;
  const last = Math.max(VALIDATION_MIN_ROWS, dataRows + 1 + VALIDATION_SPARE_ROWS);
  const lists = referenceLists();
  sheet.columns.forEach((col, i) => {
    if (col.list) return;
    const range = `${columnLetter(i)}2:${columnLetter(i)}${last}`;
    if (col.value === 'boolean') {
      ws.dataValidations.add(range, { type: 'list', allowBlank: true, formulae: ['"true,false"'] });
    } else if (col.value === 'enum') {
      const at = lists.findIndex((l) =>
        l.usedBy.some((u) => u.collection === sheet.collection && u.column === col.name),
      );
      const list = lists[at];
      if (!list) return;
      const letter = columnLetter(at);
      ws.dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`reference!$${letter}$2:$${letter}$${list.values.length + 1}`],
        showErrorMessage: true,
        errorTitle: col.name,
        error: `Choose one of the values listed in the reference sheet (${col.name}).`,
      });
    }
  });
}

function widths(rows: Cell[][], max = 60): number[] {
  const out: number[] = [];
  for (const row of rows.slice(0, 200)) {
    row.forEach((c, i) => {
      out[i] = Math.min(max, Math.max(out[i] ?? 8, String(c ?? '').length + 2));
    });
  }
  return out;
}

type Sheet = ExcelJS.Worksheet;

/** Rows into a sheet of the streaming writer: widths first (they go before the rows), a bold header, each row committed. */
function writeRows(
  ws: Sheet,
  rows: ReadonlyArray<readonly Cell[]>,
  bold: readonly number[] = [0],
  maxWidth = 60,
): void {
  ws.columns = widths(rows as Cell[][], maxWidth).map((width) => ({ width }));
  rows.forEach((cells, i) => {
    const row = ws.addRow(cells.map((c) => (c === '' ? null : c)));
    if (bold.includes(i)) row.font = { bold: true };
    row.commit();
  });
}

/** The document as an XLSX workbook: README, one sheet per collection, reference. */
export async function toXlsx(doc: MapDocument, indicators: readonly GuideIndicator[]): Promise<Buffer> {
  // The streaming writer: several times faster than building the whole workbook in memory, for big maps.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  wb.creator = 'Flow Atlas';

  const guide = readmeLines();
  const readme = wb.addWorksheet('README');
  const headings = ['How to fill it in', 'Importing', 'What to record', 'The columns'].map((h) =>
    guide.text.indexOf(h),
  );
  readme.columns = [{ width: 18 }, { width: 22 }, { width: 10 }, { width: 80 }];
  guide.text.forEach((line, i) => {
    const row = readme.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
    else if (headings.includes(i)) row.font = { bold: true };
    row.commit();
  });
  guide.columns.forEach((cells, i) => {
    const row = readme.addRow(cells);
    if (i === 0) row.font = { bold: true };
    row.commit();
  });
  readme.commit();

  for (const sheet of SHEETS) {
    const ws = wb.addWorksheet(sheet.collection, { views: [{ state: 'frozen', ySplit: 1 }] });
    const rows = sheetRows(doc, sheet);
    addDropdowns(ws, sheet, rows.length - 1);
    writeRows(ws, rows);
    ws.commit();
  }

  const reference = wb.addWorksheet('reference', { views: [{ state: 'frozen', ySplit: 1 }] });
  writeRows(reference, referenceRows(indicators), [0], 50);
  reference.commit();

  const meta = metaRows(doc);
  if (meta) {
    const ws = wb.addWorksheet(META_SHEET);
    writeRows(ws, meta, [0], 100);
    ws.commit();
  }

  await wb.commit();
  return Buffer.concat(chunks);
}

/** A text cell that a spreadsheet program would take for a formula gets an apostrophe (removed on import). */
function guard(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csv(rows: ReadonlyArray<readonly Cell[]>): Uint8Array {
  const text = stringify(
    rows.map((r) => r.map((c) => guard(c) ?? '')),
    {
      bom: true,
      record_delimiter: 'windows',
      cast: { boolean: (b) => (b ? 'true' : 'false') },
    },
  );
  return strToU8(text);
}

/** The document as a ZIP of CSV files: `<collection>.csv` per sheet, plus README.txt and reference.csv. */
export function toCsvZip(doc: MapDocument, indicators: readonly GuideIndicator[]): Uint8Array {
  const guide = readmeLines();
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(`${[...guide.text, ...guide.columns.map((r) => r.join(' | '))].join('\r\n')}\r\n`),
  };
  for (const sheet of SHEETS) files[`${sheet.collection}.csv`] = csv(sheetRows(doc, sheet));
  files['reference.csv'] = csv(referenceRows(indicators));
  const meta = metaRows(doc);
  if (meta) files[`${META_SHEET}.csv`] = csv(meta);
  return zipSync(files, { level: 6 });
}
