// The map legend as HTML, drawn from the same constants as the Cytoscape stylesheet.
import { humanize } from '../../../lib/format';
import {
  BASIS_LOOK, BASIS_ORDER, BROKEN_COLOR, EDGE_COLOR, PERSON_DEPENDENT_COLOR, PLANNED_OPACITY, SECTOR_COLORS,
  SECTOR_ORDER, STATUS_DESCRIPTION,
} from '../styles';

const DASH: Record<'solid' | 'dashed' | 'dotted', string | undefined> = {
  solid: undefined,
  dashed: '6 4',
  dotted: '2 4',
};

function EdgeSample({ width, dash, color = EDGE_COLOR, opacity = 1, cross = false, dot = false }: {
  width: number; dash?: string; color?: string; opacity?: number; cross?: boolean; dot?: boolean;
}) {
  return (
    <svg width="44" height="14" viewBox="0 0 44 14" aria-hidden="true" opacity={opacity}>
      <line x1="2" y1="7" x2="34" y2="7" stroke={color} strokeWidth={width} strokeDasharray={dash} />
      <polygon points="34,2 43,7 34,12" fill={color} />
      {cross && <line x1="29" y1="1" x2="29" y2="13" stroke={color} strokeWidth="2" />}
      {dot && <circle cx="18" cy="7" r="3.5" fill={PERSON_DEPENDENT_COLOR} />}
    </svg>
  );
}

function NodeSample({ color, dashed = false, faded = false }: { color: string; dashed?: boolean; faded?: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" opacity={faded ? 0.55 : 1}>
      <circle cx="8" cy="8" r="6.5" fill={color} stroke="#333" strokeWidth="1.5" strokeDasharray={dashed ? '2 2' : undefined} />
    </svg>
  );
}

function StarSample() {
  return (
    <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <polygon
        points="11,1.5 13.6,8 20.5,8.3 15.1,12.6 17,19.5 11,15.6 5,19.5 6.9,12.6 1.5,8.3 8.4,8"
        fill="#ffffff"
        stroke="#000"
        strokeWidth="2.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Legend() {
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">Legend</h2>
      <h3>Stakeholders by sector</h3>
      <ul>
        {SECTOR_ORDER.map((sector) => (
          <li key={sector}>
            <NodeSample color={SECTOR_COLORS[sector]} />
            {humanize(sector)}
          </li>
        ))}
        <li>
          <StarSample />
          <span>
            <strong>NCP</strong> (national contact point): star, thick border, label "NCP ·"
          </span>
        </li>
        <li>
          <NodeSample color="#cccccc" dashed faded />
          Foreign stakeholder (other end of a cross-border flow)
        </li>
      </ul>
      <h3>Information flows (arrow: direction)</h3>
      <ul>
        {BASIS_ORDER.map((basis) => (
          <li key={basis}>
            <EdgeSample width={BASIS_LOOK[basis].width} dash={DASH[BASIS_LOOK[basis].lineStyle]} />
            {BASIS_LOOK[basis].description}
          </li>
        ))}
        <li>
          <EdgeSample width={2} opacity={PLANNED_OPACITY} />
          {STATUS_DESCRIPTION.planned}
        </li>
        <li>
          <EdgeSample width={2} color={BROKEN_COLOR} cross />
          {STATUS_DESCRIPTION.broken}
        </li>
        <li>
          <EdgeSample width={2} dot />
          Rests on one person (black dot)
        </li>
      </ul>
    </section>
  );
}
