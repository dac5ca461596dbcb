// The matrix legend: each status's colour and symbol, and how many cells have it.
import { STATUS_LOOK, STATUS_ORDER, type CoverageStatus } from '../matrix';

export function StatusLegend({ counts }: { counts: Record<CoverageStatus, number> }) {
  return (
    <section className="gaps-legend" aria-labelledby="gaps-legend-title">
      <h3 id="gaps-legend-title">Legend</h3>
      <ul>
        {STATUS_ORDER.map((status) => (
          <li key={status} data-status={status}>
            <span className={`gaps-swatch status-${status}`} aria-hidden="true">
              {status === 'reaches_ncp' ? '1' : STATUS_LOOK[status].symbol}
            </span>
            <span className="gaps-legend-label">{STATUS_LOOK[status].legend}</span>
            <span className="gaps-legend-count">
              <span className="visually-hidden">: </span>
              {counts[status]}
              <span className="visually-hidden"> cells</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
