// Every problem an import preview found, as a table (sheet, row, cell, column, item, message), sortable
// by its column headings and filtered by sheet.
import { useId, useMemo, useState } from 'react';
import {
  filterProblems, nextProblemSort, problemSheets, sortProblems, toProblemRows, type ImportProblem, type ProblemSortKey, type SortDir,
} from '../problems';

const COLUMNS: ReadonlyArray<{ key: ProblemSortKey | null; label: string }> = [
  { key: 'sheet', label: 'Sheet' },
  { key: 'row', label: 'Row' },
  { key: null, label: 'Cell' },
  { key: 'column', label: 'Column' },
  { key: null, label: 'Item' },
  { key: 'message', label: 'Problem' },
];

export function ProblemTable({ problems }: { problems: readonly ImportProblem[] }) {
  const rows = useMemo(() => toProblemRows(problems), [problems]);
  const sheets = useMemo(() => problemSheets(rows), [rows]);
  const [sheet, setSheet] = useState<string | null>(null);
  const [sort, setSort] = useState<{ key: ProblemSortKey; dir: SortDir }>({ key: 'sheet', dir: 'asc' });
  const shown = useMemo(() => sortProblems(filterProblems(rows, sheet), sort.key, sort.dir), [rows, sheet, sort]);
  const filterId = useId();
  const sortedBy = COLUMNS.find((c) => c.key === sort.key)?.label.toLowerCase() ?? sort.key;

  return (
    <div className="problem-table">
      {sheets.length > 1 && (
        <div className="field problem-filter">
          <label htmlFor={filterId}>Show the problems of</label>
          <select id={filterId} value={sheet ?? ''} onChange={(e) => setSheet(e.target.value || null)}>
            <option value="">every sheet ({rows.length})</option>
            {sheets.map((s) => (
              <option key={s} value={s}>
                the sheet {s} ({rows.filter((r) => r.sheet === s).length})
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="page-table-scroll" role="region" aria-label="Problems found in the file" tabIndex={0}>
        <table className="page-table">
          <caption>
            {shown.length === rows.length ? `${rows.length} ${rows.length === 1 ? 'problem' : 'problems'}` : `${shown.length} of ${rows.length} problems (sheet ${sheet})`}
            , sorted by {sortedBy} ({sort.dir === 'asc' ? 'ascending' : 'descending'}). Select a column heading to sort by it.
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) =>
                c.key === null ? (
                  <th key={c.label} scope="col">{c.label}</th>
                ) : (
                  <th
                    key={c.label}
                    scope="col"
                    className="sortable"
                    aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button type="button" onClick={() => setSort(nextProblemSort(sort, c.key as ProblemSortKey))}>
                      {c.label}
                      <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}</span>
                    </button>
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.index} data-sheet={r.sheet ?? ''} data-row={r.row ?? ''} data-column={r.column ?? ''}>
                <td>{r.sheet ?? '—'}</td>
                <td className="num">{r.row ?? '—'}</td>
                <td>{r.cell ?? '—'}</td>
                <td>{r.column ?? '—'}</td>
                <td>{r.item ?? '—'}</td>
                <td>{r.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
