// Reads CSV files (csv-parse) into raw sheets: UTF-8 with or without BOM, UTF-16 with BOM (Windows-1252 as a fallback),
// comma, semicolon or tab separated as the header line shows, and the apostrophe that guards a text
// starting with = + - @ against formula injection removed again.
import { parse } from 'csv-parse/sync';
import { MAX_CELLS_PER_SHEET, MAX_ROWS_PER_SHEET } from '../model/limits';
import { textValue, type RawSheet, type RawValue, type Warning } from './raw';

/** A UTF-16 byte order mark (Excel's "Unicode text" is UTF-16). */
export function utf16Of(data: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** The text of a CSV file (UTF-8, or UTF-16 with its BOM), and a warning when it was neither and read as Windows-1252. */
export function decodeText(data: Uint8Array, name: string): { text: string; warning?: Warning } {
  const utf16 = utf16Of(data);
  if (utf16) return { text: new TextDecoder(utf16).decode(data) };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data) };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(data),
      warning: {
        sheet: name,
        message: `${name} is not UTF-8; it was read as Windows-1252 (check accented letters, or save it as "CSV UTF-8")`,
      },
    };
  }
}

/** The separator used in the first line: Excel writes `;` where the decimal mark is a comma. */
function separatorOf(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((sep) => ({ sep, n: first.split(sep).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.sep : ',';
}

/** Undoes the export's guard: `'=x` was written for a text `=x`. */
function unguard(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/** Stops csv-parse at a limit (thrown from on_record, which ends the parse at once). */
class StopReading extends Error {}

/** Reads the rows, stopping at the first row or cell past the limits (the sheet is then marked `overLimit`). */
export function readCsv(name: string, text: string): RawSheet {
  const sheet: RawSheet = { name, rows: [], merges: [], problems: [] };
  let index = 0;
  let count = 0;
  let cellCount = 0;
  const onRecord = (record: string[]) => {
    index += 1;
    cellCount += record.length;
    if (cellCount > MAX_CELLS_PER_SHEET) {
      sheet.overLimit = 'cells';
      throw new StopReading();
    }
    const cells: RawValue[] = [];
    let filled = false;
    record.forEach((raw, col) => {
      const v = textValue(unguard(raw));
      if (v === null) return;
      cells[col] = v;
      filled = true;
    });
    if (!filled) return null;
    count += 1;
    if (count > MAX_ROWS_PER_SHEET + 1) {
      sheet.overLimit = 'rows';
      throw new StopReading();
    }
    sheet.rows.push({ row: index, cells });
    return null;
  };
  try {
    parse(text, {
      bom: true,
      delimiter: separatorOf(text),
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: onRecord,
    });
  } catch (err) {
    if (err instanceof StopReading) return sheet;
    const line = (err as { lines?: number }).lines;
    sheet.rows = [];
    sheet.problems.push({
      ...(line ? { row: line } : {}),
      message: `the CSV cannot be read: ${(err as Error).message}`,
    });
  }
  return sheet;
}
