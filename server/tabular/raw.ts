// What the readers hand the parser: sheets of plain cell values with their spreadsheet row numbers,
// whatever the file was (XLSX or CSV). Whitespace-only cells are already null here.

/** A cell the reader could not turn into a value (an error value, a formula never calculated). */
export class CellError {
  constructor(readonly message: string) {}
}

export type RawValue = string | number | boolean | Date | CellError | null;

export interface RawRow {
  /** The 1-based row number a spreadsheet program shows. */
  row: number;
  /** Sparse: index 0 is column A; a missing entry is an empty cell. */
  cells: RawValue[];
}

export interface RawMerge {
  /** e.g. `A4:B5` */
  range: string;
  top: number;
  left: number;
}

export interface RawSheet {
  name: string;
  /** The non-empty rows, in order (at most MAX_ROWS_PER_SHEET + 1 of them). */
  rows: RawRow[];
  /** Reading stopped at the first row (or cell) past MAX_ROWS_PER_SHEET (MAX_CELLS_PER_SHEET): the rows are incomplete. */
  overLimit?: 'rows' | 'cells';
  /** Merged ranges that hold a value. */
  merges: RawMerge[];
  /** Problems of the sheet as a whole (a CSV syntax error), with the row when known. */
  problems: Array<{ row?: number; message: string }>;
}

export interface Warning {
  sheet?: string;
  message: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  warnings: Warning[];
}

/** A string cell as a value: trimmed-empty is empty; the text itself is kept as it is. */
export function textValue(s: string): string | null {
  return s.trim() === '' ? null : s;
}
