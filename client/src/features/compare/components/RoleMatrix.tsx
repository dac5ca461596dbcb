// The role matrix of one compared country (the URL's `roles`): which kinds of institution send to
// which, as shares of the country's flows, by stakeholder type or by sector (`level`). A heat map
// drawn as SVG, and the same shares as a table.
import { useId } from 'react';
import type { CompareResponse } from '../../analysis/api/types';
import { useReference } from '../../../graph/api/getReference';
import { SECTOR_ORDER } from '../../../graph/styles';
import { heatColors, HEAT_STOPS } from '../heat';
import { percent } from '../metrics';
import { roleGrid, roleLabel } from '../roles';

export type RoleLevel = 'type' | 'sector';

interface Props {
  data: CompareResponse;
  country: string | null;
  level: RoleLevel;
  onCountry: (code: string) => void;
  onLevel: (level: RoleLevel) => void;
  nameOf: (code: string) => string;
}

const CELL = 32;
const ROW_LABEL_W = 190;
const COL_LABEL_H = 140;
/** Room on the right for the last column's slanted label. */
const RIGHT_PAD = 110;
/** Inside a cell: the percentage without its sign (the legend says "% of the country's flows"). */
const cellText = (share: number) => (share * 100).toFixed(1);

export function RoleMatrix({ data, country, level, onCountry, onLevel, nameOf }: Props) {
  const id = useId();
  const reference = useReference();
  const codes = data.countries.map((c) => c.country);
  const chosen = country && codes.includes(country.toUpperCase()) ? country.toUpperCase() : codes[0];
  const typeOrder = (reference.data?.sectors ?? []).flatMap((s) => s.types);
  const matrices = level === 'type' ? data.roleMatrices : data.sectorMatrices;
  const matrix = chosen ? (matrices[chosen] ?? {}) : {};
  const grid = roleGrid(matrix, level === 'type' ? typeOrder : SECTOR_ORDER);
  const row = data.countries.find((c) => c.country === chosen);
  // A viewer's count: the flows it may see, and beside it the hidden ones (which the shares count too).
  const hidden = row?.hidden?.flows ?? 0;
  const flows = `${(row?.flows ?? 0) - hidden}${hidden ? ` (and ${hidden} hidden)` : ''}`;
  const name = chosen ? nameOf(chosen) : '';
  const noun = level === 'type' ? 'type of institution' : 'sector';
  const title = `Share of ${name}’s ${flows} flows by sending and receiving ${noun}`;

  const width = ROW_LABEL_W + grid.cols.length * CELL + RIGHT_PAD;
  const height = COL_LABEL_H + grid.rows.length * CELL + 4;

  return (
    <div className="role-matrix">
      <p className="compare-lead">
        Each cell is the share of the country’s flows that go from the kind of institution on the left to the kind at
        the top: darker means more of its flows take that route. Countries whose institutions are named differently can
        still be compared this way.
      </p>
      <div className="role-controls">
        <label htmlFor={`${id}-country`}>Country</label>
        <select id={`${id}-country`} value={chosen ?? ''} onChange={(e) => onCountry(e.target.value)}>
          {codes.map((c) => (
            <option key={c} value={c}>
              {nameOf(c)}
            </option>
          ))}
        </select>
        <fieldset className="segmented">
          <legend>Group by</legend>
          {(['type', 'sector'] as const).map((l) => (
            <label key={l}>
              <input type="radio" name={`${id}-level`} value={l} checked={level === l} onChange={() => onLevel(l)} />
              {l === 'type' ? 'Type of institution' : 'Sector'}
            </label>
          ))}
        </fieldset>
      </div>

      {grid.entries.length === 0 ? (
        <p className="state">{name} has no flows between its own institutions to show.</p>
      ) : (
        <>
          <div className="table-scroll heat-scroll" role="region" aria-label={`Heat map: ${title}`} tabIndex={0}>
            <svg
              viewBox={`0 0 ${width} ${height}`}
              width={width}
              height={height}
              role="img"
              aria-labelledby={`${id}-title`}
              aria-describedby={`${id}-desc`}
              className="heat-map"
              data-country={chosen}
              data-level={level}
            >
              <title id={`${id}-title`}>{title}</title>
              <desc id={`${id}-desc`}>
                Rows: who sends. Columns: who receives. Numbers: percent of the flows. The same shares are in the table
                below.
              </desc>
              {grid.cols.map((to, j) => (
                <text
                  key={to}
                  className="heat-col-label"
                  transform={`translate(${ROW_LABEL_W + j * CELL + CELL / 2 + 4}, ${COL_LABEL_H - 6}) rotate(-55)`}
                >
                  {roleLabel(to)}
                </text>
              ))}
              {grid.rows.map((from, i) => (
                <g key={from}>
                  <text
                    className="heat-row-label"
                    x={ROW_LABEL_W - 8}
                    y={COL_LABEL_H + i * CELL + CELL / 2}
                    textAnchor="end"
                    dominantBaseline="middle"
                  >
                    {roleLabel(from)}
                  </text>
                  {grid.cols.map((to, j) => {
                    const share = grid.share(from, to);
                    const { fill, text } = heatColors(grid.max > 0 ? share / grid.max : 0);
                    const x = ROW_LABEL_W + j * CELL;
                    const y = COL_LABEL_H + i * CELL;
                    return (
                      <g key={to} className="heat-cell" data-from={from} data-to={to} data-share={share}>
                        <title>
                          {roleLabel(from)} → {roleLabel(to)}:{' '}
                          {share > 0 ? `${percent.format(share)} of the flows` : 'no flow'}
                        </title>
                        <rect
                          x={x}
                          y={y}
                          width={CELL - 1}
                          height={CELL - 1}
                          fill={share > 0 ? fill : '#fbfbfb'}
                          stroke="#e0e0e0"
                          strokeWidth="0.5"
                        />
                        {share > 0 && (
                          <text
                            x={x + (CELL - 1) / 2}
                            y={y + (CELL - 1) / 2}
                            style={{ fill: text }}
                            textAnchor="middle"
                            dominantBaseline="central"
                            className="heat-value"
                          >
                            {cellText(share)}
                          </text>
                        )}
                      </g>
                    );
                  })}
                </g>
              ))}
            </svg>
          </div>
          <div className="heat-legend" aria-hidden="true">
            <span>0</span>
            <span className="heat-ramp" style={{ background: `linear-gradient(to right, ${HEAT_STOPS.join(', ')})` }} />
            <span>{percent.format(grid.max)} of the flows</span>
          </div>

          <details className="chart-table">
            <summary>The shares as a table</summary>
            <table className="role-table">
              <caption>{title}, largest first</caption>
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col" className="num">
                    Share of the flows
                  </th>
                </tr>
              </thead>
              <tbody>
                {grid.entries.map((e) => (
                  <tr key={`${e.from}>${e.to}`} data-from={e.from} data-to={e.to} data-share={e.share}>
                    <td>{roleLabel(e.from)}</td>
                    <td>{roleLabel(e.to)}</td>
                    <td className="num">{percent.format(e.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </div>
  );
}
