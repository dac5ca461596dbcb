// Reads CSV files (csv-parse) into raw sheets: UTF-8 with or without BOM, UTF-16 with BOM (Windows-1252 as a fallback),
// comma, semicolon or tab separated as the header line shows, and the apostrophe that guards a text
// starting with = + - @ against formula injection removed again.
import { parse } from 'csv-parse/sync';
import { MAX_ROWS_PER_SHEET } from './limits';
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
      warning: { sheet: name, message: `${name} is not UTF-8; it was read as Windows-1252 (check accented letters, or save it as "CSV UTF-8")` },
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

export function readCsv(name: string, text: string): RawSheet {
  const sheet: RawSheet = { name, rows: [], merges: [], problems: [] };
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: separatorOf(text), relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    sheet.problems.push({ ...(line ? { row: line } : {}), message: `the CSV cannot be read: ${(err as Error).message}` });
    return sheet;
  }
  let count = 0;
  records.forEach((record, i) => {
    const cells: RawValue[] = [];
    let filled = false;
    record.forEach((raw, col) => {
      const v = textValue(unguard(raw));
      if (v === null) return;
      cells[col] = v;
      filled = true;
    });
    if (!filled) return;
    count += 1;
    if (count <= MAX_ROWS_PER_SHEET + 1) sheet.rows.push({ row: i + 1, cells });
  });
  if (count > MAX_ROWS_PER_SHEET + 1) sheet.tooManyRows = count - 1;
  return sheet;
}
