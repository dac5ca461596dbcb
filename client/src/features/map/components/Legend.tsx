// The map legend as HTML, drawn from the same constants as the Cytoscape stylesheet.
import { humanize } from '../../../lib/format';
import {
  ADDED_COLOR,
  BASIS_LOOK,
  BASIS_ORDER,
  BROKEN_COLOR,
  DEFAULT_MARK_SUFFIX,
  EDGE_COLOR,
  MARK_COLOR,
  PATH_COLOR,
  PERSON_DEPENDENT_COLOR,
  PLANNED_OPACITY,
  SECTOR_COLORS,
  SECTOR_ORDER,
  STATUS_DESCRIPTION,
} from '../../../graph/styles';

/** Marks that only some views draw; the legend lists those the view uses. */
export interface LegendExtras {
  countryBoxes?: boolean;
  holders?: string | null;
  path?: boolean;
  sizedBy?: string;
  marked?: { suffix?: string; meaning: string };
  removed?: boolean;
  added?: boolean;
}

const DASH: Record<'solid' | 'dashed' | 'dotted', string | undefined> = {
  solid: undefined,
  dashed: '6 4',
  dotted: '2 4',
};

function EdgeSample({
  width,
  dash,
  color = EDGE_COLOR,
  opacity = 1,
  cross = false,
  dot = false,
}: {
  width: number;
  dash?: string;
  color?: string;
  opacity?: number;
  cross?: boolean;
  dot?: boolean;
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

function NodeSample({
  color,
  dashed = false,
  faded = false,
  stroke = '#333',
  strokeWidth = 1.5,
  double = false,
}: {
  color: string;
  dashed?: boolean;
  faded?: boolean;
  stroke?: string;
  strokeWidth?: number;
  double?: boolean;
}) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" opacity={faded ? 0.55 : 1}>
      <circle
        cx="9"
        cy="9"
        r="6.5"
        fill={color}
        stroke={stroke}
        strokeWidth={strokeWidth}
        strokeDasharray={dashed ? '2 2' : undefined}
      />
      {double && <circle cx="9" cy="9" r="8.3" fill="none" stroke={stroke} strokeWidth="1" />}
    </svg>
  );
}

function SizeSample() {
  return (
    <svg width="34" height="18" viewBox="0 0 34 18" aria-hidden="true">
      <circle cx="5" cy="9" r="3.5" fill="#cccccc" stroke="#333" />
      <circle cx="23" cy="9" r="8" fill="#cccccc" stroke="#333" />
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

export function Legend({ extras = {} }: { extras?: LegendExtras }) {
  const { countryBoxes, holders, path, sizedBy, marked, removed, added } = extras;
  const hasMarks = Boolean(countryBoxes || holders || path || sizedBy || marked || removed || added);
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
      {hasMarks && (
        <>
          <h3>On this map</h3>
          <ul>
            {countryBoxes && (
              <li>
                <svg width="22" height="16" viewBox="0 0 22 16" aria-hidden="true">
                  <rect x="1" y="1" width="20" height="14" rx="3" fill="#f4f4f1" stroke="#8c8c8c" />
                </svg>
                A box per country; arrows between boxes cross a border
              </li>
            )}
            {holders && (
              <li>
                <NodeSample color="#cccccc" stroke="#000" strokeWidth={2} double />
                Holds {holders} (double ring)
              </li>
            )}
            {path && (
              <li>
                <EdgeSample width={5} color={PATH_COLOR} />
                Best path to the NCP (the rest is faded)
              </li>
            )}
            {sizedBy && (
              <li>
                <SizeSample />
                Size: {sizedBy}
              </li>
            )}
            {marked && (
              <li>
                <NodeSample color="#cccccc" stroke={MARK_COLOR} strokeWidth={3} />
                {marked.meaning} (vermillion ring, label “{(marked.suffix ?? DEFAULT_MARK_SUFFIX).trim()}”)
              </li>
            )}
            {removed && (
              <li>
                <EdgeSample width={2} color={MARK_COLOR} opacity={0.5} />
                Removed in the scenario (faded, dashed)
              </li>
            )}
            {added && (
              <li>
                <EdgeSample width={3} color={ADDED_COLOR} dash="6 3" />
                Added in the scenario (labelled with the indicator)
              </li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
