// The legend of the difference map, drawn from the map stylesheet's constants: each change has a colour,
// a line or ring style and a label mark, so it can be told apart without colour.
import {
  DIFF_COLORS,
  DIFF_EDGE_LABEL,
  DIFF_NODE_SUFFIX,
  DIFF_SAME_OPACITY,
  type DiffMark,
} from '../../../graph/styles';
import type { DiffStatus } from '../diff';

const WORDS: Record<DiffMark, { node: string; edge: string }> = {
  added: { node: 'Added stakeholder: solid ring', edge: 'Added flow: solid line' },
  removed: { node: 'Removed stakeholder: dashed ring, faded', edge: 'Removed flow: dashed line' },
  changed: { node: 'Changed stakeholder: double ring', edge: 'Changed flow: solid line' },
};

function NodeSample({ mark }: { mark: DiffMark | null }) {
  const color = mark ? DIFF_COLORS[mark] : '#333333';
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 22 22"
      aria-hidden="true"
      opacity={mark === null ? DIFF_SAME_OPACITY : mark === 'removed' ? 0.7 : 1}
    >
      <circle
        cx="11"
        cy="11"
        r="7"
        fill="#cccccc"
        stroke={color}
        strokeWidth={mark ? 3 : 1.5}
        strokeDasharray={mark === 'removed' ? '3 2' : undefined}
      />
      {mark === 'changed' && <circle cx="11" cy="11" r="10" fill="none" stroke={color} strokeWidth="1.5" />}
    </svg>
  );
}

function EdgeSample({ mark }: { mark: DiffMark | null }) {
  const color = mark ? DIFF_COLORS[mark] : '#4d4d4d';
  return (
    <svg width="48" height="18" viewBox="0 0 48 18" aria-hidden="true" opacity={mark === null ? DIFF_SAME_OPACITY : 1}>
      <line
        x1="2"
        y1="12"
        x2="38"
        y2="12"
        stroke={color}
        strokeWidth={mark ? 4 : 2}
        strokeDasharray={mark === 'removed' ? '6 4' : undefined}
      />
      <polygon points="38,7 47,12 38,17" fill={color} />
      {mark && (
        <text x="20" y="8" fontSize="11" fontWeight="bold" textAnchor="middle" fill="#1a1a1a">
          {DIFF_EDGE_LABEL[mark]}
        </text>
      )}
    </svg>
  );
}

export function DiffLegend({ counts }: { counts: Record<DiffStatus, { nodes: number; flows: number }> }) {
  const marks: DiffMark[] = ['added', 'removed', 'changed'];
  return (
    <section className="legend diff-legend" aria-labelledby="diff-legend-heading">
      <h4 id="diff-legend-heading">Legend</h4>
      <ul>
        {marks.map((m) => (
          <li key={`n-${m}`} data-legend={`node-${m}`}>
            <NodeSample mark={m} />
            <span>
              {WORDS[m].node}, label ends “{DIFF_NODE_SUFFIX[m].trim()}” ({counts[m].nodes})
            </span>
          </li>
        ))}
        {marks.map((m) => (
          <li key={`e-${m}`} data-legend={`edge-${m}`}>
            <EdgeSample mark={m} />
            <span>
              {WORDS[m].edge}, marked “{DIFF_EDGE_LABEL[m]}” ({counts[m].flows})
            </span>
          </li>
        ))}
        <li>
          <NodeSample mark={null} />
          <span>Unchanged: faded</span>
        </li>
      </ul>
    </section>
  );
}
