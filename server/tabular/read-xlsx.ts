// Reads an XLSX workbook (exceljs) into raw sheets: formulas give their cached result, rich text and
// hyperlinks their text, dates stay dates; merged ranges holding a value are listed for the parser.
import ExcelJS from 'exceljs';
import { NotASpreadsheetError } from '../errors';
import { MAX_ROWS_PER_SHEET } from '../model/limits';
import { columnLetter } from './columns';
import { CellError, textValue, type RawSheet, type RawValue, type RawWorkbook } from './raw';

const NO_RESULT =
  'holds a formula with no saved result (the file was never calculated): open it in Excel or LibreOffice and save it again, or paste the value instead';

/** One exceljs cell value as a plain value. */
export function cellValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textValue(value);
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : new CellError('holds a number that is not finite');
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? new CellError('holds an invalid date') : value;
  if ('richText' in value) return textValue(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) {
    const text = cellValue(value.text);
    return text ?? textValue(String(value.hyperlink ?? '').replace(/^mailto:/i, ''));
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const { result } = value as { result?: ExcelJS.CellValue };
    return result === undefined ? new CellError(NO_RESULT) : cellValue(result);
  }
  if ('error' in value) return new CellError(`holds the error value ${value.error}`);
  return new CellError('holds a value of a kind Flow Atlas cannot read');
}

function readSheet(ws: ExcelJS.Worksheet): RawSheet {
  const sheet: RawSheet = { name: ws.name, rows: [], merges: [], problems: [] };
  const merges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  let count = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawValue[] = [];
    let filled = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        const master = cell.master;
        const m = merges.get(master.address) ?? {
          top: Number(master.row),
          left: Number(master.col),
          bottom: 0,
          right: 0,
        };
        m.bottom = Math.max(m.bottom, rowNumber);
        m.right = Math.max(m.right, col);
        merges.set(master.address, m);
        return;
      }
      const v = cellValue(cell.value);
      if (v === null) return;
      cells[col - 1] = v;
      filled = true;
    });
    if (!filled) return;
    count += 1;
    if (count <= MAX_ROWS_PER_SHEET + 1) sheet.rows.push({ row: rowNumber, cells });
    else sheet.overLimit = 'rows';
  });
  for (const m of merges.values()) {
    // Only a merged range holding a value changes what is read (its other cells read as empty).
    const master = sheet.rows.find((r) => r.row === m.top)?.cells[m.left - 1];
    if (master === undefined || master === null) continue;
    sheet.merges.push({
      range: `${columnLetter(m.left - 1)}${m.top}:${columnLetter(m.right - 1)}${m.bottom}`,
      top: m.top,
      left: m.left,
    });
  }
  return sheet;
}

// exceljs holds the whole workbook model while reading: about 15 times the unpacked size (a workbook of
// 69 MB unpacked, 100 000 flows, peaked at 1.1 GB). One workbook at a time, so that concurrent large
// uploads cannot exhaust the heap together; the unpacked size is capped before this (open.ts).
let queue: Promise<unknown> = Promise.resolve();

export function readXlsx(data: Uint8Array): Promise<RawWorkbook> {
  const run = queue.then(() => load(data));
  queue = run.catch(() => undefined);
  return run;
}

async function load(data: Uint8Array): Promise<RawWorkbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as Parameters<ExcelJS.Xlsx['load']>[0],
    );
  } catch (err) {
    throw new NotASpreadsheetError(
      `the XLSX workbook is damaged and cannot be read (${(err as Error).message.split('\n')[0]}); open it in Excel or LibreOffice and save it again`,
    );
  }
  return { sheets: wb.worksheets.map(readSheet), warnings: [] };
}
