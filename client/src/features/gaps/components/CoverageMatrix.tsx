// The coverage heat map: countries by indicators (grouped by theme) as a real table, one button per
// cell. One cell is in the tab order at a time; the arrow keys, Home and End move between cells.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { percent } from '@model/format';
import { cellSymbol, statusWords, type MatrixCell, type ThemeGroup } from '../matrix';

export interface MatrixRow {
  code: string;
  name: string;
  coverageRatio: number | null;
  referenceCoverage: number | null;
}

interface Props {
  rows: MatrixRow[];
  groups: ThemeGroup[];
  cellAt: (country: string, indicator: string) => MatrixCell | undefined;
  selected: { country: string; indicator: string } | null;
  onSelect: (country: string, indicator: string) => void;
}

export function CoverageMatrix({ rows, groups, cellAt, selected, onSelect }: Props) {
  const columns = groups.flatMap((g) => g.indicators);
  const columnIndex = new Map(columns.map((ind, c) => [ind.code, c]));
  const tableRef = useRef<HTMLTableElement>(null);
  const selectedRow = selected ? rows.findIndex((r) => r.code === selected.country) : -1;
  const selectedCol = selected ? columns.findIndex((c) => c.code === selected.indicator) : -1;
  const [active, setActive] = useState({ r: Math.max(selectedRow, 0), c: Math.max(selectedCol, 0) });

  // The selection (from a click or the URL) becomes the cell in the tab order.
  useEffect(() => {
    if (selectedRow >= 0 && selectedCol >= 0) setActive({ r: selectedRow, c: selectedCol });
  }, [selectedRow, selectedCol]);

  function moveFocus(e: KeyboardEvent<HTMLTableSectionElement>) {
    const last = { r: rows.length - 1, c: columns.length - 1 };
    const { r, c } = active;
    const next = (() => {
      switch (e.key) {
        case 'ArrowRight':
          return { r, c: Math.min(c + 1, last.c) };
        case 'ArrowLeft':
          return { r, c: Math.max(c - 1, 0) };
        case 'ArrowDown':
          return { r: Math.min(r + 1, last.r), c };
        case 'ArrowUp':
          return { r: Math.max(r - 1, 0), c };
        case 'Home':
          return e.ctrlKey ? { r: 0, c: 0 } : { r, c: 0 };
        case 'End':
          return e.ctrlKey ? last : { r, c: last.c };
        default:
          return null;
      }
    })();
    if (!next) return;
    e.preventDefault();
    setActive(next);
    tableRef.current?.querySelector<HTMLButtonElement>(`button[data-r="${next.r}"][data-c="${next.c}"]`)?.focus();
  }

  return (
    <div className="gaps-matrix-scroll">
      <table className="gaps-matrix" ref={tableRef}>
        <caption className="visually-hidden">
          Coverage of {columns.length} indicators in {rows.length} countries: whether each reaches the national contact
          point
        </caption>
        <colgroup span={3} />
        {groups.map((g) => (
          <colgroup key={g.code || 'other'} span={g.indicators.length} className="gaps-theme-cols" />
        ))}
        <thead>
          <tr className="gaps-theme-row">
            <td colSpan={3} className="gaps-corner">
              <span aria-hidden="true">Themes</span>
            </td>
            {groups.map((g) => (
              <th key={g.code || 'other'} scope="colgroup" colSpan={g.indicators.length}>
                {g.name}
              </th>
            ))}
          </tr>
          <tr className="gaps-indicator-row">
            <th scope="col" className="gaps-country-head">
              Country
            </th>
            <th
              scope="col"
              className="gaps-ratio-head"
              title="Share of the indicators collected in the country that reach or are held by the NCP"
            >
              Coverage
            </th>
            <th
              scope="col"
              className="gaps-ratio-head"
              title="Share of all the catalogue's indicators that reach or are held by the NCP"
            >
              Reference coverage
            </th>
            {groups.flatMap((g) =>
              g.indicators.map((ind, i) => (
                <th
                  key={ind.code}
                  scope="col"
                  className={`gaps-indicator-head${i === 0 ? ' gaps-group-start' : ''}${ind.code === selected?.indicator ? ' is-selected' : ''}`}
                  title={`${ind.code}: ${ind.name}`}
                >
                  <span>{ind.code}</span>
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody onKeyDown={moveFocus}>
          {rows.map((row, r) => (
            <tr key={row.code} className={row.code === selected?.country ? 'is-selected' : undefined}>
              <th scope="row" className="gaps-country">
                {row.name}
              </th>
              <td className="gaps-ratio">{percent(row.coverageRatio)}</td>
              <td className="gaps-ratio">{percent(row.referenceCoverage)}</td>
              {groups.flatMap((g) =>
                g.indicators.map((ind, i) => {
                  const c = columnIndex.get(ind.code) ?? -1;
                  const cell = cellAt(row.code, ind.code);
                  const isSelected = selected?.country === row.code && selected.indicator === ind.code;
                  const words = cell ? statusWords(cell.status, cell.hops) : 'not computed';
                  return (
                    <td key={ind.code} className={i === 0 ? 'gaps-group-start' : undefined}>
                      <button
                        type="button"
                        className={`gaps-cell${cell ? ` status-${cell.status}` : ''}`}
                        data-r={r}
                        data-c={c}
                        tabIndex={active.r === r && active.c === c ? 0 : -1}
                        aria-label={`${row.name}, ${ind.code}: ${words}`}
                        aria-current={isSelected ? 'true' : undefined}
                        title={ind.name}
                        onClick={() => {
                          setActive({ r, c });
                          onSelect(row.code, ind.code);
                        }}
                        onFocus={() => setActive({ r, c })}
                      >
                        <span aria-hidden="true">{cell ? cellSymbol(cell.status, cell.hops) : ''}</span>
                      </button>
                    </td>
                  );
                }),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
