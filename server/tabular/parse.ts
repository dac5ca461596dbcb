// Raw sheets to a map document, remembering the sheet and row of every item. Everything a spreadsheet can
// get wrong before the schemas see it is a problem at its cell: unknown or missing columns, merged cells,
// values that are not numbers / booleans / dates / enum values / indicators, duplicate rows, missing
// sheets (in replace mode), too many rows. Empty rows are skipped; unknown sheets are ignored with a warning.
// Each known sheet's header and rows are read in parse-sheet.ts; this file reads the workbook and its meta sheet.
import { FORMAT_VERSION, type Problem } from '../model';
import type { ImportMode } from '../model/api';
import { IndicatorLookup, type CatalogueIndicator } from './cells';
import { META_SHEET, SHEETS, sheetByName, type SheetSpec } from './columns';
import { MAX_CELLS_PER_SHEET, MAX_ROWS_PER_SHEET } from '../model/limits';
import { type RawSheet, type RawWorkbook, type Warning } from './raw';
import { didYouMean } from './suggest';
import { cellProblem, readHeader, readRows, type RowOrigin, type SheetContext } from './parse-sheet';

export type { RowOrigin } from './parse-sheet';

/** Sheets of the template that are not data: ignored without a warning. */
export const GUIDE_SHEETS = ['README', 'reference'];

export interface ParseOptions {
  mode: ImportMode;
  indicators: readonly CatalogueIndicator[];
  /** Called as data rows are read: done of total. */
  onProgress?: (done: number, total: number) => void;
}

export interface ParsedSpreadsheet {
  /** The map document to validate (the store's schemas have not seen it yet). */
  document: Record<string, unknown>;
  /** Per collection, the origin of each item, by its index in the document. */
  origins: ReadonlyMap<string, RowOrigin[]>;
  problems: Problem[];
  warnings: Warning[];
  /** `sheet!A1` addresses that already have a problem, and `sheet.column` of columns missing from a header. */
  reported: ReadonlySet<string>;
  /** Data rows read (items in the document). */
  items: number;
}

function sheetOrder(problem: Problem): [number, number, string] {
  const i = problem.sheet ? SHEETS.findIndex((s) => s === sheetByName(problem.sheet!)) : -1;
  return [i, problem.row ?? 0, problem.cell ?? ''];
}

/** Problems in reading order: the file's own first, then sheet by sheet in template order, row by row, left to right. */
export function compareProblems(a: Problem, b: Problem): number {
  const [sa, ra, ca] = sheetOrder(a);
  const [sb, rb, cb] = sheetOrder(b);
  return sa - sb || ra - rb || ca.length - cb.length || ca.localeCompare(cb);
}

/** Reading stopped at the limit, so the message says "more than". */
export function overLimitMessage(what: 'rows' | 'cells'): string {
  return what === 'rows'
    ? `the sheet has more than ${MAX_ROWS_PER_SHEET.toLocaleString('en')} rows; the limit is ${MAX_ROWS_PER_SHEET.toLocaleString('en')} rows per sheet: split the file by country`
    : `the sheet has more than ${MAX_CELLS_PER_SHEET.toLocaleString('en')} cells; the limit is ${MAX_CELLS_PER_SHEET.toLocaleString('en')} cells per sheet: split the file by country`;
}

/**
 * The meta sheet of an export (meta.csv): rows of key and value, found by the key in column A wherever the
 * row is. `storeVersion` and `exportedAt` go to the document; other rows (the header, notes) are ignored.
 */
function readMeta(sheet: RawSheet, document: Record<string, unknown>, problems: Problem[]): void {
  for (const row of sheet.rows) {
    const [name, value] = row.cells;
    const key = typeof name === 'string' ? name.trim().toLowerCase() : '';
    const at = { path: `${sheet.name}!B${row.row}`, sheet: sheet.name, row: row.row, cell: `B${row.row}` };
    if (key === 'storeversion') {
      const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
      if (/^\d+$/.test(text)) document.storeVersion = Number(text);
      else if (value !== undefined && value !== null) {
        problems.push({
          ...at,
          field: 'storeVersion',
          message: 'the store version must be a whole number (as exported): put it back, or delete the row',
        });
      }
    } else if (key === 'exportedat') {
      if (value instanceof Date) document.exportedAt = value.toISOString();
      else if (typeof value === 'string' && !Number.isNaN(Date.parse(value.trim())))
        document.exportedAt = new Date(value.trim()).toISOString();
      else if (value !== undefined && value !== null) {
        problems.push({
          ...at,
          field: 'exportedAt',
          message: 'exportedAt must be a date and time (as exported): put it back, or delete the row',
        });
      }
    }
  }
}

/** The workbook's sheets as a map document with each item's origin, and every problem found on the way. */
export function parseSpreadsheet(workbook: RawWorkbook, options: ParseOptions): ParsedSpreadsheet {
  const problems: Problem[] = [];
  const warnings: Warning[] = [...workbook.warnings];
  const reported = new Set<string>();
  const lookup = new IndicatorLookup(options.indicators);
  const document: Record<string, unknown> = { formatVersion: FORMAT_VERSION };
  const origins = new Map<string, RowOrigin[]>();

  const bySpec = new Map<SheetSpec, RawSheet>();
  for (const sheet of workbook.sheets) {
    const spec = sheetByName(sheet.name);
    if (!spec && sheet.name.toLowerCase() === META_SHEET) {
      readMeta(sheet, document, problems);
      continue;
    }
    if (!spec) {
      if (!GUIDE_SHEETS.some((g) => g.toLowerCase() === sheet.name.toLowerCase())) {
        warnings.push({
          sheet: sheet.name,
          message: `the sheet '${sheet.name}' is not one of ${SHEETS.map((s) => s.collection).join(', ')}${didYouMean(
            sheet.name,
            SHEETS.map((s) => s.collection),
          )}: ignored`,
        });
      }
      continue;
    }
    const other = bySpec.get(spec);
    if (other) {
      problems.push({
        path: sheet.name,
        sheet: sheet.name,
        kind: spec.kind,
        message: `the sheets '${other.name}' and '${sheet.name}' both hold ${spec.collection}: keep one`,
      });
      continue;
    }
    bySpec.set(spec, sheet);
  }

  const total = [...bySpec.values()].reduce((n, s) => n + (s.overLimit ? 0 : Math.max(0, s.rows.length - 1)), 0);
  let done = 0;
  const step = Math.max(1, Math.floor(total / 100));
  const tick = () => {
    done += 1;
    if (options.onProgress && (done % step === 0 || done === total)) options.onProgress(done, total);
  };
  options.onProgress?.(0, total);

  let items = 0;
  for (const spec of SHEETS) {
    const sheet = bySpec.get(spec);
    const missingMessage = (why: string) =>
      options.mode === 'replace'
        ? `${why}: replace would delete the ${spec.collection} of the countries in the file. Add the sheet '${spec.collection}' with just its header row if that is what you want, or import with merge`
        : `${why}: ${spec.collection} are not touched`;
    if (!sheet) {
      if (options.mode === 'replace')
        problems.push({
          path: spec.collection,
          sheet: spec.collection,
          kind: spec.kind,
          message: missingMessage(`there is no sheet '${spec.collection}'`),
        });
      else warnings.push({ sheet: spec.collection, message: missingMessage(`there is no sheet '${spec.collection}'`) });
      continue;
    }
    const ctx: SheetContext = { spec, sheet, problems, reported };
    for (const p of sheet.problems) problems.push(cellProblem(ctx, p.row ?? 1, undefined, undefined, p.message));
    if (sheet.overLimit) {
      problems.push({
        path: sheet.name,
        sheet: sheet.name,
        kind: spec.kind,
        message: overLimitMessage(sheet.overLimit),
      });
      continue;
    }
    for (const m of sheet.merges) {
      const header = sheet.rows[0];
      const name = header ? (header.cells[m.left - 1] ?? undefined) : undefined;
      problems.push({
        path: `${sheet.name}!${m.range}`,
        sheet: sheet.name,
        row: m.top,
        ...(typeof name === 'string' && m.top !== header?.row ? { column: name.trim() } : {}),
        cell: m.range,
        kind: spec.kind,
        message: `the cells ${m.range} are merged: unmerge them and repeat the value in each cell`,
      });
      reported.add(`${sheet.name}!${m.range.split(':')[0]}`);
    }
    const [header, ...rows] = sheet.rows;
    if (!header) {
      if (options.mode === 'replace')
        problems.push({
          path: sheet.name,
          sheet: sheet.name,
          kind: spec.kind,
          message: missingMessage(`the sheet '${sheet.name}' is empty, without even its header row`),
        });
      else warnings.push({ sheet: sheet.name, message: missingMessage(`the sheet '${sheet.name}' is empty`) });
      continue;
    }
    const columns = readHeader(ctx, header, warnings);
    if (!columns) continue;
    const read = readRows(ctx, rows, columns, lookup, tick);
    document[spec.collection] = read.items;
    origins.set(spec.collection, read.origins);
    items += read.items.length;
  }

  if (
    options.mode === 'replace' &&
    bySpec.has(SHEETS.find((s) => s.collection === 'countries')!) &&
    !(document.countries as unknown[] | undefined)?.length
  ) {
    warnings.push({
      sheet: 'countries',
      message:
        'the countries sheet lists no country, so replace deletes nothing: it deletes only within the countries listed there',
    });
  }
  problems.sort(compareProblems);
  return { document, origins, problems, warnings, reported, items };
}
