// Opens an uploaded file as raw sheets, after checking what it really is: an XLSX workbook, a ZIP of CSV
// files or one CSV. A ZIP's entries are listed (fflate) before anything is unpacked, so an absurd size or
// a ZIP that is no workbook (a .docx) is refused at once; a PDF, random bytes or text sent as XLSX too.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { ValidationError } from '../errors';
import { NotASpreadsheetError, TooLargeError } from './errors';
import { MAX_UNPACKED_BYTES, UPLOAD_LIMIT_BYTES, formatMB } from './limits';
import { decodeText, readCsv, utf16Of } from './read-csv';
import { readXlsx } from './read-xlsx';
import type { RawWorkbook, Warning } from './raw';

/** What the sender says the file is; the bytes decide in the end where that is unambiguous. */
export type UploadFormat = 'xlsx' | 'zip' | 'csv';

export interface Upload {
  format: UploadFormat;
  data: Uint8Array;
  /** For one CSV file: the collection it holds (its sheet name). */
  sheet?: string;
}

const startsWith = (data: Uint8Array, bytes: readonly number[]) => bytes.every((b, i) => data[i] === b);
const isZip = (data: Uint8Array) => startsWith(data, [0x50, 0x4b, 0x03, 0x04]) || startsWith(data, [0x50, 0x4b, 0x05, 0x06]);
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

function listZip(data: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(data, { filter: (file) => { entries.push(file); return false; } });
  } catch (err) {
    throw new NotASpreadsheetError(`the file is a damaged ZIP archive (${(err as Error).message}); an XLSX workbook or a ZIP of CSV files was expected`);
  }
  return entries;
}

/** What a ZIP that is not an XLSX workbook is, for the message. */
function describeZip(entries: readonly UnzipFileInfo[]): string {
  const names = new Set(entries.map((e) => e.name));
  if (names.has('word/document.xml')) return 'a Word document (.docx)';
  if (names.has('ppt/presentation.xml')) return 'a PowerPoint presentation (.pptx)';
  if (names.has('mimetype') && names.has('content.xml')) return 'an OpenDocument file (.ods or .odt): save a spreadsheet as .xlsx';
  return 'a ZIP archive without a workbook (no xl/workbook.xml)';
}

const isCsvEntry = (name: string) =>
  /\.csv$/i.test(name) && !name.startsWith('__MACOSX/') && !(name.split('/').pop() ?? '').startsWith('.');
const baseName = (name: string) => (name.split('/').pop() ?? name).replace(/\.csv$/i, '');

function readCsvZip(data: Uint8Array, entries: readonly UnzipFileInfo[]): RawWorkbook {
  const csv = entries.filter((e) => isCsvEntry(e.name));
  if (!csv.length) {
    throw new NotASpreadsheetError(`the ZIP archive holds no CSV files (it is ${describeZip(entries)}); send one CSV file per sheet, named after it (flows.csv), in one ZIP`);
  }
  const warnings: Warning[] = entries
    .filter((e) => !e.name.endsWith('/') && !isCsvEntry(e.name) && !e.name.startsWith('__MACOSX/') && !/(^|\/)(README\.txt|\.[^/]*)$/i.test(e.name))
    .map((e) => ({ message: `${e.name} is not a CSV file: ignored` }));
  const files = unzipSync(data, { filter: (f) => isCsvEntry(f.name) });
  const sheets = csv.map((e) => {
    const name = baseName(e.name);
    const { text, warning } = decodeText(files[e.name] ?? new Uint8Array(), name);
    if (warning) warnings.push(warning);
    return readCsv(name, text);
  });
  return { sheets, warnings };
}

/** The upload as raw sheets; NotASpreadsheetError (415) or TooLargeError (413) when it cannot be one. */
export async function readSpreadsheet(upload: Upload): Promise<RawWorkbook> {
  const { data, format } = upload;
  if (data.length === 0) throw new NotASpreadsheetError('the file is empty');
  if (data.length > UPLOAD_LIMIT_BYTES) {
    throw new TooLargeError(`the file is ${formatMB(data.length)}; the limit is ${formatMB(UPLOAD_LIMIT_BYTES)}: split it by country and import the parts one after the other`);
  }
  if (isZip(data)) {
    const entries = listZip(data);
    const unpacked = entries.reduce((sum, e) => sum + e.originalSize, 0);
    if (unpacked > MAX_UNPACKED_BYTES) {
      throw new TooLargeError(`the archive unpacks to ${formatMB(unpacked)}; the limit is ${formatMB(MAX_UNPACKED_BYTES)}: split it by country`);
    }
    if (entries.some((e) => e.name === 'xl/workbook.xml')) return readXlsx(data);
    if (format === 'xlsx') throw new NotASpreadsheetError(`the file is not an XLSX workbook: it is ${describeZip(entries)}`);
    return readCsvZip(data, entries);
  }
  if (isOle(data)) {
    throw new NotASpreadsheetError('the file is an Excel 97-2003 workbook (.xls) or a password-protected workbook: save it as "Excel Workbook (.xlsx)" without a password');
  }
  if (isPdf(data)) throw new NotASpreadsheetError('the file is a PDF document, not a spreadsheet');
  const text = Boolean(utf16Of(data)) || looksLikeText(data);
  if (format !== 'csv' || !text) {
    const what = format === 'xlsx' ? 'an XLSX workbook (those are ZIP archives)' : format === 'zip' ? 'a ZIP archive of CSV files' : 'CSV text';
    throw new NotASpreadsheetError(`the file is not ${what}: it is ${text ? 'plain text' : 'binary data of an unknown kind'}`);
  }
  if (!upload.sheet) {
    throw new ValidationError('name the sheet this CSV file holds', [
      { path: 'query.sheet', field: 'sheet', message: 'a single CSV file needs the collection it holds, e.g. sheet=flows' },
    ]);
  }
  const { text: decoded, warning } = decodeText(data, upload.sheet);
  return { sheets: [readCsv(upload.sheet, decoded)], warnings: warning ? [warning] : [] };
}
