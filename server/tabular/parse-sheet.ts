// One known sheet of a workbook read into items (parse.ts reads the workbook): its header mapped to columns, then
// its rows, each cell converted (cells.ts) and every problem reported at its cell (cellProblem), with the sheet and
// row each item came from.
import type { Problem } from '../model';
import { IndicatorLookup, convertCell } from './cells';
import { VERSION_COLUMN, columnLetter, type ColumnSpec, type SheetSpec } from './columns';
import { CellError, type RawRow, type RawSheet, type Warning } from './raw';
import { didYouMean } from './suggest';

/** Where an item of the document came from. */
export interface RowOrigin {
  sheet: string;
  row: number;
  /** Column name to 0-based column index in that sheet. */
  columns: ReadonlyMap<string, number>;
}

export interface SheetContext {
  spec: SheetSpec;
  sheet: RawSheet;
  problems: Problem[];
  reported: Set<string>;
}

export function cellProblem(
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
export function readHeader(
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
export function readRows(
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
