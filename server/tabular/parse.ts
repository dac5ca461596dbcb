// Raw sheets to a map document, remembering the sheet and row of every item. Everything a spreadsheet can
// get wrong before the schemas see it is a problem at its cell: unknown or missing columns, merged cells,
// values that are not numbers / booleans / dates / enum values / indicators, duplicate rows, missing
// sheets (in replace mode), too many rows. Empty rows are skipped; unknown sheets are ignored with a warning.
// Over 350 lines on purpose: header, rows, meta sheet and workbook are read in one pass that shares the sheet's
// context (SheetContext, cellProblem) and the order problems are reported in; split, one sheet's reading would be
// scattered over several files.
import { FORMAT_VERSION, type Problem } from '../model';
import type { ImportMode } from '../model/api';
import { IndicatorLookup, convertCell, type CatalogueIndicator } from './cells';
import {
  META_SHEET,
  SHEETS,
  VERSION_COLUMN,
  columnLetter,
  sheetByName,
  type ColumnSpec,
  type SheetSpec,
} from './columns';
import { MAX_CELLS_PER_SHEET, MAX_ROWS_PER_SHEET } from '../model/limits';
import { CellError, type RawRow, type RawSheet, type RawWorkbook, type Warning } from './raw';
import { didYouMean } from './suggest';

/** Sheets of the template that are not data: ignored without a warning. */
export const GUIDE_SHEETS = ['README', 'reference'];

export interface ParseOptions {
  mode: ImportMode;
  indicators: readonly CatalogueIndicator[];
  /** Called as data rows are read: done of total. */
  onProgress?: (done: number, total: number) => void;
}

/** Where an item of the document came from. */
export interface RowOrigin {
  sheet: string;
  row: number;
  /** Column name to 0-based column index in that sheet. */
  columns: ReadonlyMap<string, number>;
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

interface SheetContext {
  spec: SheetSpec;
  sheet: RawSheet;
  problems: Problem[];
  reported: Set<string>;
}

function cellProblem(
  ctx: SheetContext,
  row: number,
  colIndex: number | undefined,
  column: string | undefined,
  message: string,
  id?: string,
): Problem {
  const cell = colIndex === undefined ? undefined : `${columnLetter(colIndex)}${row}`;
  if (cell) ctx.reported.add(`${ctx.sheet.name}!${cell}`);
  const field = column?.split('.')[0];
  return {
    path: `${ctx.sheet.name}!${cell ?? row}`,
    sheet: ctx.sheet.name,
    row,
    ...(column ? { column } : {}),
    ...(cell ? { cell } : {}),
    kind: ctx.spec.kind,
    ...(id ? { id } : {}),
    ...(field ? { field } : {}),
    message,
  };
}

/** Maps the header row to columns; problems for unknown, repeated and missing required columns. */
/** undefined when the first row names no column at all: then it is not a header, and one problem says so. */
function readHeader(
  ctx: SheetContext,
  header: RawRow,
  warnings: Warning[],
): { columns: Map<string, number>; named: Set<number> } | undefined {
  const columns = new Map<string, number>();
  const named = new Set<number>();
  const names = ctx.spec.columns.map((c) => c.name);
  const unknown: Problem[] = [];
  header.cells.forEach((raw, i) => {
    if (raw === null || raw === undefined) return;
    named.add(i);
    if (raw instanceof CellError) {
      ctx.problems.push(cellProblem(ctx, header.row, i, undefined, `the header cell ${raw.message}`));
      return;
    }
    const text = (raw instanceof Date ? raw.toISOString() : String(raw)).trim();
    const col =
      ctx.spec.columns.find((c) => c.name === text) ??
      ctx.spec.columns.find((c) => c.name.toLowerCase() === text.toLowerCase());
    if (!col) {
      unknown.push(
        cellProblem(
          ctx,
          header.row,
          i,
          text,
          `unknown column '${text}' in the ${ctx.spec.collection} sheet${didYouMean(text, names)}; the columns are: ${names.join(', ')}`,
        ),
      );
      return;
    }
    const first = columns.get(col.name);
    if (first !== undefined) {
      ctx.problems.push(
        cellProblem(
          ctx,
          header.row,
          i,
          col.name,
          `the column '${col.name}' appears twice (${columnLetter(first)}${header.row} and ${columnLetter(i)}${header.row}): keep one`,
        ),
      );
      return;
    }
    columns.set(col.name, i);
  });
  if (columns.size === 0 && unknown.length) {
    ctx.problems.push(
      cellProblem(
        ctx,
        header.row,
        undefined,
        undefined,
        `row ${header.row} is not a header row: none of its cells names a column of the ${ctx.spec.collection} sheet. ` +
          `The first row must hold the column names: ${names.join(', ')}`,
      ),
    );
    return undefined;
  }
  ctx.problems.push(...unknown);
  const missing = ctx.spec.columns.filter((c) => !columns.has(c.name));
  for (const col of missing) ctx.reported.add(`${ctx.sheet.name}.${col.name}`);
  for (const col of missing.filter((c) => c.required)) {
    ctx.problems.push(
      cellProblem(
        ctx,
        header.row,
        undefined,
        col.name,
        `the required column '${col.name}' is missing from the ${ctx.spec.collection} sheet's header (row ${header.row})`,
      ),
    );
  }
  // A file without versions (hand-made, or from an older template) imports as before: no warning for that.
  const optional = missing.filter((c) => !c.required && c.name !== VERSION_COLUMN);
  if (optional.length) {
    warnings.push({
      sheet: ctx.sheet.name,
      message:
        optional.length === 1
          ? `the column ${optional[0]!.name} is not in the sheet: every row is imported as if it were empty`
          : `the columns ${optional.map((c) => c.name).join(', ')} are not in the sheet: every row is imported as if they were empty`,
    });
  }
  return { columns, named };
}

function setPath(item: Record<string, unknown>, col: ColumnSpec, value: unknown): void {
  if (col.path.length === 1) {
    item[col.field] = value;
    return;
  }
  const parent = (item[col.field] ??= {}) as Record<string, unknown>;
  parent[col.path[1]!] = value;
}

function keyOfRow(spec: SheetSpec, item: Record<string, unknown>): string | undefined {
  const parts = spec.keyColumns.map((c) => item[c]);
  return parts.every((p) => typeof p === 'string' && p !== '') ? parts.join('|') : undefined;
}

/** The rows of one known sheet into items; problems per cell. */
function readRows(
  ctx: SheetContext,
  rows: readonly RawRow[],
  header: { columns: Map<string, number>; named: Set<number> },
  lookup: IndicatorLookup,
  tick: () => void,
): { items: object[]; origins: RowOrigin[] } {
  const { columns, named } = header;
  const { spec, sheet } = ctx;
  const items: object[] = [];
  const origins: RowOrigin[] = [];
  const byIndex = new Map([...columns].map(([name, i]) => [i, spec.columns.find((c) => c.name === name)!] as const));
  const headerless = new Set<number>();
  const seen = new Map<string, { row: number; json: string }>();
  const keyIndex = columns.get(spec.keyColumns[0]!);

  for (const row of rows) {
    tick();
    const item: Record<string, unknown> = {};
    const rowProblems: Array<[number, string, string]> = [];
    row.cells.forEach((raw, i) => {
      // A value under an unknown header was reported with the header; under no header at all, once per column.
      if (raw === undefined || raw === null || byIndex.has(i) || named.has(i) || headerless.has(i)) return;
      headerless.add(i);
      ctx.problems.push(
        cellProblem(
          ctx,
          row.row,
          i,
          undefined,
          `column ${columnLetter(i)} has values (the first in ${columnLetter(i)}${row.row}) but no header: name the column or clear it`,
        ),
      );
    });
    for (const [i, col] of byIndex) {
      const converted = convertCell(col, row.cells[i], lookup);
      if (converted.ok) {
        if (converted.value !== undefined) setPath(item, col, converted.value);
      } else {
        rowProblems.push([i, col.name, converted.message]);
      }
    }
    const key = keyOfRow(spec, item);
    for (const [i, name, message] of rowProblems) ctx.problems.push(cellProblem(ctx, row.row, i, name, message, key));
    if (key !== undefined) {
      const json = JSON.stringify(item);
      const first = seen.get(key);
      if (first) {
        const what = spec.keyColumns.join(' + ');
        ctx.problems.push(
          cellProblem(
            ctx,
            row.row,
            keyIndex,
            spec.keyColumns[0],
            first.json === json
              ? `row ${row.row} is a copy of row ${first.row}: delete one of them`
              : `row ${row.row} repeats the ${what} '${key}' of row ${first.row}: each ${spec.kind} may appear once; merge the two rows or give one another ${what}`,
            key,
          ),
        );
        continue;
      }
      seen.set(key, { row: row.row, json });
    }
    items.push(item);
    origins.push({ sheet: sheet.name, row: row.row, columns });
  }
  return { items, origins };
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
