// Opens an uploaded file as raw sheets, after checking what it really is: an XLSX workbook, a ZIP of CSV
// files or one CSV. A ZIP's entries are listed (fflate) before anything is unpacked, so a claimed absurd size
// or a ZIP that is no workbook (a .docx) is refused at once; a PDF, random bytes or text sent as XLSX too.
// Then the members are unpacked counting the bytes really inflated, and a workbook's rows and cells are
// counted in its XML as it comes out: reading stops at the first byte, row or cell past a limit.
import type { UnzipFileInfo } from 'fflate';
import { NotASpreadsheetError, TooLargeError, ValidationError } from '../errors';
import {
  MAX_CELLS_PER_SHEET,
  MAX_ROWS_PER_SHEET,
  MAX_UNPACKED_BYTES,
  UPLOAD_LIMIT_BYTES,
  formatMB,
} from '../model/limits';
import { overLimitMessage } from './parse';
import { decodeText, readCsv, utf16Of } from './read-csv';
import type { RawWorkbook, Warning } from './raw';
import { listZip, unpackZip } from './unzip';

/** What the sender says the file is; the bytes decide in the end where that is unambiguous. */
export type UploadFormat = 'xlsx' | 'zip' | 'csv';

export interface Upload {
  format: UploadFormat;
  data: Uint8Array;
  /** For one CSV file: the collection it holds (its sheet name). */
  sheet?: string;
}

const startsWith = (data: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b);
const isZip = (data: Uint8Array) =>
  startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06]);
const isOle = (data: Uint8Array) => startsWith(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const isPdf = (data: Uint8Array) => startsWith(data, [0x25, 0x50, 0x44, 0x46]);

/** Text has no NUL bytes and few control characters in its first 64 KB. */
function looksLikeText(data: Uint8Array): boolean {
  const n = Math.min(data.length, 65536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = data[i]!;
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) control += 1;
  }
  return control <= n / 100;
}

/** What a ZIP that is not an XLSX workbook is, for the message. */
function describeZip(entries: readonly UnzipFileInfo[]): string {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) return 'a Word document (.docx)';
  if (names.has('ppt/presentation.xml')) return 'a PowerPoint presentation (.pptx)';
  if (names.has('mimetype') && names.has('content.xml'))
    return 'an OpenDocument file (.ods or .odt): save a spreadsheet as .xlsx';
  return 'a ZIP archive without a workbook (no xl/workbook.xml)';
}

const isCsvEntry = (name: string) =>
  /\.csv$/i.test(name) && !name.startsWith('__MACOSX/') && !(name.split('/').pop() ?? '').startsWith('.');
const baseName = (name: string) => (name.split('/').pop() ?? name).replace(/\.csv$/i, '');

function readCsvZip(data: Uint8Array, entries: readonly UnzipFileInfo[]): RawWorkbook {
  const csv = entries.filter((e) => isCsvEntry(e.name));
  if (!csv.length) {
    throw new NotASpreadsheetError(
      `the ZIP archive holds no CSV files (it is ${describeZip(entries)}); send one CSV file per sheet, named after it (flows.csv), in one ZIP`,
    );
  }
  const warnings: Warning[] = entries
    .filter(
      (e) =>
        !e.name.endsWith('/') &&
        !isCsvEntry(e.name) &&
        !e.name.startsWith('__MACOSX/') &&
        !/(^|\/)(README\.txt|\.[^/]*)$/i.test(e.name),
    )
    .map((e) => ({ message: `${e.name} is not a CSV file: ignored` }));
  const { files } = unpackZip(data, { want: isCsvEntry, limit: MAX_UNPACKED_BYTES });
  const sheets = csv.map((e) => {
    const name = baseName(e.name);
    const { text, warning } = decodeText(files.get(e.name) ?? new Uint8Array(), name);
    if (warning) warnings.push(warning);
    return readCsv(name, text);
  });
  return { sheets, warnings };
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

/** Counts, in a worksheet's XML as it is inflated, the rows holding a value (`<v>` or inline `<is>`) and the value cells. */
class SheetCounter {
  rows = 0;
  cells = 0;
  private rowHasValue = false;
  private carry = '';
  private static readonly TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|v|is)[\s>/]/g;

  /** Adds a chunk; returns 'rows' or 'cells' once a limit is passed. */
  add(chunk: Uint8Array, final: boolean): 'rows' | 'cells' | undefined {
    const text = this.carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    const seen = this.carry.length;
    SheetCounter.TAG.lastIndex = 0;
    for (let m = SheetCounter.TAG.exec(text); m; m = SheetCounter.TAG.exec(text)) {
      // A tag wholly inside the carried tail was counted with the previous chunk.
      if (m.index + m[0].length <= seen) continue;
      if (m[1] === 'row') {
        this.rowHasValue = false;
      } else {
        this.cells += 1;
        if (!this.rowHasValue) {
          this.rowHasValue = true;
          this.rows += 1;
        }
      }
    }
    this.carry = final ? '' : text.slice(-32);
    if (this.rows > MAX_ROWS_PER_SHEET + 1) return 'rows';
    if (this.cells > MAX_CELLS_PER_SHEET) return 'cells';
    return undefined;
  }
}

/** The sheet names of a workbook by their part (`xl/worksheets/sheet1.xml`), for messages; empty when unreadable. */
function sheetNames(data: Uint8Array): Map<string, string> {
  const names = new Map<string, string>();
  try {
    const { files } = unpackZip(data, {
      want: (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels',
      limit: 4 * 1024 * 1024,
    });
    const text = (name: string) => Buffer.from(files.get(name) ?? new Uint8Array()).toString('utf8');
    const targets = new Map<string, string>();
    for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
      if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
    for (const m of text('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
      const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
      const part = id ? targets.get(id) : undefined;
      if (name && part)
        names.set(
          part,
          name
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'"),
        );
    }
  } catch {
    // Only the message loses the sheet's name.
  }
  return names;
}

/**
 * Unpacks the workbook once, counting the bytes really inflated and each sheet's rows and cells as its XML
 * comes out, so that exceljs (which holds about 15 times the unpacked size) only ever sees a workbook within
 * the limits. Stops at the first byte, row or cell past a limit.
 */
function checkWorkbook(data: Uint8Array): void {
  const counters = new Map<string, SheetCounter>();
  let over: { part: string; what: 'rows' | 'cells' } | undefined;
  try {
    unpackZip(data, {
      want: () => true,
      limit: MAX_UNPACKED_BYTES,
      onChunk: (name, chunk, final) => {
        if (!WORKSHEET.test(name)) return;
        const counter = counters.get(name) ?? new SheetCounter();
        counters.set(name, counter);
        const what = counter.add(chunk, final);
        if (what) {
          over = { part: name, what };
          throw new Error('over the limit');
        }
      },
    });
  } catch (err) {
    if (!over) throw err;
  }
  if (over) {
    const sheet = sheetNames(data).get(over.part) ?? over.part;
    throw new ValidationError(`the sheet ${sheet} is too large to import; nothing was written`, [
      { path: sheet, sheet, message: overLimitMessage(over.what) },
    ]);
  }
}

/** The upload as raw sheets; NotASpreadsheetError (415) or TooLargeError (413) when it cannot be one. */
export async function readSpreadsheet(upload: Upload): Promise<RawWorkbook> {
  const { data, format } = upload;
  if (data.length === 0) throw new NotASpreadsheetError('the file is empty');
  if (data.length > UPLOAD_LIMIT_BYTES) {
    throw new TooLargeError(
      `the file is ${formatMB(data.length)}; the limit is ${formatMB(UPLOAD_LIMIT_BYTES)}: split it by country and import the parts one after the other`,
    );
  }
  if (isZip(data)) {
    const entries = listZip(data);
    const unpacked = entries.reduce((sum, e) => sum + e.originalSize, 0);
    if (unpacked > MAX_UNPACKED_BYTES) {
      // What the headers claim may be a lie in either direction: this only refuses an honest giant early.
      throw new TooLargeError(
        `the archive unpacks to ${formatMB(unpacked)}; the limit is ${formatMB(MAX_UNPACKED_BYTES)}: split it by country`,
        { limitBytes: MAX_UNPACKED_BYTES, inflatedBytes: 0 },
      );
    }
    if (entries.some((e) => e.name === 'xl/workbook.xml')) {
      checkWorkbook(data);
      // Loaded when first needed: exceljs takes seconds to load on a busy machine, and CSV uploads do without it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- import() here is Node's ES module loader (under tsx, in the upload worker), which does not resolve './read-xlsx' without its extension
      const { readXlsx } = require('./read-xlsx') as typeof import('./read-xlsx');
      return readXlsx(data);
    }
    if (format === 'xlsx')
      throw new NotASpreadsheetError(`the file is not an XLSX workbook: it is ${describeZip(entries)}`);
    return readCsvZip(data, entries);
  }
  if (isOle(data)) {
    throw new NotASpreadsheetError(
      'the file is an Excel 97-2003 workbook (.xls) or a password-protected workbook: save it as "Excel Workbook (.xlsx)" without a password',
    );
  }
  if (isPdf(data)) throw new NotASpreadsheetError('the file is a PDF document, not a spreadsheet');
  const text = Boolean(utf16Of(data)) || looksLikeText(data);
  if (format !== 'csv' || !text) {
    const what =
      format === 'xlsx'
        ? 'an XLSX workbook (those are ZIP archives)'
        : format === 'zip'
          ? 'a ZIP archive of CSV files'
          : 'CSV text';
    throw new NotASpreadsheetError(
      `the file is not ${what}: it is ${text ? 'plain text' : 'binary data of an unknown kind'}`,
    );
  }
  if (!upload.sheet) {
    throw new ValidationError('name the sheet this CSV file holds', [
      {
        path: 'query.sheet',
        field: 'sheet',
        message: 'a single CSV file needs the collection it holds, e.g. sheet=flows',
      },
    ]);
  }
  const { text: decoded, warning } = decodeText(data, upload.sheet);
  return { sheets: [readCsv(upload.sheet, decoded)], warnings: warning ? [warning] : [] };
}
