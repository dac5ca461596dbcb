// The problems an import preview lists: where each one is (sheet, row, cell, column, item), sorted
// and filtered by sheet for the problems table. Spreadsheets name sheet/row/column; map documents
// (JSON, YAML) name a path such as `flows[3].basis`, read here as the same places.

export interface ImportProblem {
  message: string;
  sheet?: string;
  row?: number;
  column?: string;
  cell?: string;
  path?: string;
  kind?: string;
  id?: string;
  field?: string;
}

export interface ProblemRow {
  /** Position in the server's list: keeps the sort stable and gives React a key. */
  index: number;
  sheet: string | null;
  row: number | null;
  cell: string | null;
  column: string | null;
  item: string | null;
  message: string;
}

export type ProblemSortKey = 'sheet' | 'row' | 'column' | 'message';
export type SortDir = 'asc' | 'desc';

/** `flows[3].basis` -> collection `flows`, item number 4 (1-based), field `basis`. */
function fromPath(path: string | undefined): { collection: string | null; item: number | null; field: string | null } {
  const m = path ? /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.([A-Za-z]+))?/.exec(path) : null;
  if (!m || m[1] === undefined) return { collection: null, item: null, field: null };
  return { collection: m[1], item: m[2] === undefined ? null : Number(m[2]) + 1, field: m[3] ?? null };
}

export function toProblemRows(problems: readonly ImportProblem[]): ProblemRow[] {
  return problems.map((p, index) => {
    const place = fromPath(p.path);
    return {
      index,
      sheet: p.sheet ?? place.collection,
      row: typeof p.row === 'number' ? p.row : null,
      cell: p.cell ?? null,
      column: p.column ?? p.field ?? place.field,
      item: p.id ?? (p.sheet === undefined && place.item !== null ? `item ${place.item}` : null),
      message: p.message,
    };
  });
}

/** The sheets named in the problems, in the order they first appear. */
export function problemSheets(rows: readonly ProblemRow[]): string[] {
  return [...new Set(rows.map((r) => r.sheet).filter((s): s is string => s !== null))];
}

/** The rows of one sheet; all rows when `sheet` is null. */
export function filterProblems(rows: readonly ProblemRow[], sheet: string | null): ProblemRow[] {
  return sheet === null ? [...rows] : rows.filter((r) => r.sheet === sheet);
}

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

function compareNumber(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

function compareBy(key: ProblemSortKey, a: ProblemRow, b: ProblemRow): number {
  switch (key) {
    case 'sheet': return compareText(a.sheet, b.sheet);
    case 'row': return compareNumber(a.row, b.row);
    case 'column': return compareText(a.column, b.column);
    case 'message': return compareText(a.message, b.message);
  }
}

/**
 * Sorted by one column; ties fall back to sheet, row, column, then the server's order. Places a
 * problem does not have (a document-wide problem has no row) go last whichever the direction.
 */
export function sortProblems(rows: readonly ProblemRow[], key: ProblemSortKey, dir: SortDir): ProblemRow[] {
  const tieBreak: ProblemSortKey[] = ['sheet', 'row', 'column'];
  const missing = (r: ProblemRow) => (key === 'row' ? r.row === null : r[key] === null);
  return [...rows].sort((a, b) => {
    const ma = missing(a);
    const mb = missing(b);
    if (ma !== mb) return ma ? 1 : -1;
    const primary = compareBy(key, a, b) * (dir === 'asc' ? 1 : -1);
    if (primary !== 0) return primary;
    for (const k of tieBreak) {
      if (k === key) continue;
      const c = compareBy(k, a, b);
      if (c !== 0) return c;
    }
    return a.index - b.index;
  });
}

/** Clicking the active column flips its direction; another column starts ascending. */
export function nextProblemSort(current: { key: ProblemSortKey; dir: SortDir }, key: ProblemSortKey): { key: ProblemSortKey; dir: SortDir } {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

/**
 * The heading of a refused file: how many problems it has in all. The server lists at most the first 100
 * and counts them all (`problemCount`), so a file with 10,000 problems does not read as having 100.
 */
export function problemsHeading(listed: number, total: unknown): string {
  const count = typeof total === 'number' && total > listed ? total : listed;
  const heading = `The file has ${count.toLocaleString('en')} ${count === 1 ? 'problem' : 'problems'}`;
  return count > listed ? `${heading}; the first ${listed.toLocaleString('en')} are listed` : heading;
}
