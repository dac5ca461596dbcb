// The map's visual language, in one place: sector colours (Okabe-Ito, colour-blind safe), edge styles
// by basis and status, the NCP marker, and the Cytoscape stylesheet built from them. The HTML legend
// reads the same constants, so graph and legend cannot disagree.
import type cytoscape from 'cytoscape';
import type { Basis, Confidence, FlowStatus, Sector } from '@model';

/** Okabe & Ito (2008) palette; grey for the international layer. */
export const SECTOR_COLORS: Record<Sector, string> = {
  law_enforcement: '#0072B2', // blue
  justice: '#CC79A7', // reddish purple
  child_protection: '#009E73', // bluish green
  migration: '#E69F00', // orange
  civil_society: '#56B4E9', // sky blue
  governance: '#F0E442', // yellow
  international: '#999999', // grey
};

/** The sectors in the model's order (DOMAIN.md); the Record type above makes the palette complete. */
export const SECTOR_ORDER = Object.keys(SECTOR_COLORS) as Sector[];

export const EDGE_COLOR = '#4d4d4d';
/** Vermillion: a broken flow. */
export const BROKEN_COLOR = '#D55E00';
export const PERSON_DEPENDENT_COLOR = '#000000';
export const NCP_BORDER_COLOR = '#000000';
export const NCP_LABEL_PREFIX = 'NCP · ';

export interface EdgeLook {
  width: number;
  lineStyle: 'solid' | 'dashed' | 'dotted';
  description: string;
}

/** Line style by basis: the more formal the basis, the heavier the line. */
export const BASIS_LOOK: Record<Basis, EdgeLook> = {
  statutory: { width: 4, lineStyle: 'solid', description: 'Statutory (set by law)' },
  agreement: { width: 2, lineStyle: 'solid', description: 'Agreement' },
  project: { width: 2, lineStyle: 'dashed', description: 'Project (time-limited)' },
  informal: { width: 2, lineStyle: 'dotted', description: 'Informal' },
};
export const BASIS_ORDER: readonly Basis[] = ['statutory', 'agreement', 'project', 'informal'];

export const STATUS_DESCRIPTION: Record<Exclude<FlowStatus, 'active'>, string> = {
  planned: 'Planned (not yet running): lighter',
  broken: 'Broken (stopped): red, crossed arrow',
};
export const PLANNED_OPACITY = 0.35;
/** Statuses and confidences in the order the filters list them (the Records keep the lists complete). */
export const STATUS_ORDER = Object.keys({ active: 1, planned: 1, broken: 1 } satisfies Record<
  FlowStatus,
  1
>) as FlowStatus[];
export const CONFIDENCE_ORDER = Object.keys({ confirmed: 1, reported: 1, assumed: 1 } satisfies Record<
  Confidence,
  1
>) as Confidence[];

/** Stakeholders holding the filtered indicator: a double black ring. */
export const HOLDER_BORDER_COLOR = '#000000';
/** Marked nodes (single points of failure): a thick vermillion ring and a label suffix. */
export const MARK_COLOR = '#D55E00';
export const DEFAULT_MARK_SUFFIX = ' · SPOF';
/** The highlighted path to the NCP: thick near-black edges, everything else dimmed. */
export const PATH_COLOR = '#111111';
/** Proposed flows in a what-if scenario: bluish green, dashed, labelled with the indicator. */
export const ADDED_COLOR = '#009E73';
export const REMOVED_SUFFIX = ' (removed)';

/** Rounds: what changed between two sides, told by line style and label suffix as well as colour. */
export type DiffMark = 'added' | 'removed' | 'changed';
export const DIFF_COLORS: Record<DiffMark, string> = { added: '#009E73', removed: '#D55E00', changed: '#E69F00' };
export const DIFF_NODE_SUFFIX: Record<DiffMark, string> = { added: ' (+)', removed: ' (−)', changed: ' (~)' };
export const DIFF_EDGE_LABEL: Record<DiffMark, string> = { added: '+', removed: '−', changed: '~' };
/** Unchanged elements recede so that the changes stand out. */
export const DIFF_SAME_OPACITY = 0.4;
const DIFF_STYLES: cytoscape.StylesheetStyle[] = [
  { selector: '.diff-same', style: { opacity: DIFF_SAME_OPACITY } },
  {
    selector: 'node.diff-added',
    style: { 'border-width': 5, 'border-style': 'solid', 'border-color': DIFF_COLORS.added, 'font-weight': 'bold' },
  },
  {
    selector: 'node.diff-removed',
    style: {
      opacity: 0.55,
      'border-width': 4,
      'border-style': 'dashed',
      'border-color': DIFF_COLORS.removed,
      'font-style': 'italic',
    },
  },
  {
    selector: 'node.diff-changed',
    style: { 'border-width': 6, 'border-style': 'double', 'border-color': DIFF_COLORS.changed, 'font-weight': 'bold' },
  },
  ...(['added', 'removed', 'changed'] as const).map((mark) => ({
    selector: `edge.diff-${mark}`,
    style: {
      width: 5,
      'line-color': DIFF_COLORS[mark],
      'target-arrow-color': DIFF_COLORS[mark],
      'line-style': mark === 'removed' ? ('dashed' as const) : ('solid' as const),
      'line-dash-pattern': [7, 5],
      label: DIFF_EDGE_LABEL[mark],
      'font-size': 16,
      'font-weight': 'bold' as const,
      color: '#1a1a1a',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'z-index': 45,
      ...(mark === 'removed' ? { opacity: 0.75 } : {}),
    },
  })),
];

/** Live (canvasLive.ts): changed a moment ago (an amber outline), being edited by someone else (a purple dashed ring and badge). */
export const LIVE_CHANGED_COLOR = '#E69F00';
export const LIVE_EDITING_COLOR = '#7B3294';
const LIVE_STYLES: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node.live-changed',
    style: {
      'underlay-color': LIVE_CHANGED_COLOR,
      'underlay-opacity': 0.55,
      'underlay-padding': 12,
      'underlay-shape': 'ellipse',
      'border-width': 4,
      'border-color': LIVE_CHANGED_COLOR,
    },
  },
  {
    selector: 'edge.live-changed',
    style: { 'underlay-color': LIVE_CHANGED_COLOR, 'underlay-opacity': 0.55, 'underlay-padding': 8, 'z-index': 55 },
  },
  {
    // Faded in, unless the person prefers reduced motion (then the outline shows just as long, without moving).
    selector: '.live-changed.live-motion',
    style: { 'transition-property': 'underlay-opacity, underlay-padding', 'transition-duration': 350 },
  },
  {
    selector: 'node.live-editing',
    style: {
      'border-width': 4,
      'border-style': 'dashed',
      'border-color': LIVE_EDITING_COLOR,
      label: 'data(liveLabel)',
      'text-opacity': 1,
      'text-background-opacity': 0.9,
      color: LIVE_EDITING_COLOR,
      'font-weight': 'bold',
      'z-index': 30,
    },
  },
  {
    selector: 'edge.live-editing',
    style: {
      'underlay-color': LIVE_EDITING_COLOR,
      'underlay-opacity': 0.35,
      'underlay-padding': 6,
      label: 'data(liveLabel)',
      'font-size': 11,
      'font-weight': 'bold',
      color: LIVE_EDITING_COLOR,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'z-index': 50,
    },
  },
];

export const NODE_SIZE = 30;
const NCP_SIZE = 64;
/** Node sizes when sized by a value (betweenness): from this minimum, growing with the square root. */
export const SIZE_MIN = 22;
export const SIZE_MAX = 78;

export const mapStylesheet: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      width: NODE_SIZE,
      height: NODE_SIZE,
      'background-color': '#cccccc',
      'border-width': 1.5,
      'border-color': '#333333',
      label: 'data(label)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 11,
      color: '#1a1a1a',
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 6,
    },
  },
  ...SECTOR_ORDER.map((sector) => ({
    selector: `node[sector = "${sector}"]`,
    style: { 'background-color': SECTOR_COLORS[sector] },
  })),
  {
    selector: 'node.ncp',
    style: {
      shape: 'star',
      width: NCP_SIZE,
      height: NCP_SIZE,
      'border-width': 4,
      'border-color': NCP_BORDER_COLOR,
      'font-size': 12,
      'font-weight': 'bold',
      'z-index': 20,
    },
  },
  {
    selector: 'node.ncp-foreign',
    style: { shape: 'star', width: NODE_SIZE * 1.3, height: NODE_SIZE * 1.3 },
  },
  {
    selector: 'node.external',
    style: {
      opacity: 0.55,
      'border-style': 'dashed',
      'border-width': 2,
      'font-style': 'italic',
    },
  },
  // Labels by priority (canvasLabels.ts): a stakeholder's label is drawn only while it fits beside the
  // others ("labelled"); zoomed out, labels keep their size on screen (lscale = 1 / zoom).
  // A label left out has no text: Cytoscape neither measures, wraps nor draws it (on a map of a thousand
  // stakeholders that took long on every restyle); canvasLabels.ts measures the candidates itself.
  {
    selector: 'node[?stakeholder]',
    style: { label: '', 'text-opacity': 0, 'text-background-opacity': 0, 'min-zoomed-font-size': 10_000 },
  },
  {
    selector: 'node[?stakeholder].labelled',
    style: { label: 'data(label)', 'text-opacity': 1, 'text-background-opacity': 0.75 },
  },
  { selector: 'node[?stakeholder].labelled, node.live-editing', style: { 'min-zoomed-font-size': 6 } },
  {
    selector: 'node[?stakeholder][lscale]',
    // Data mappers (set by canvasLabels.ts), which @types/cytoscape does not allow for a margin.
    style: {
      'font-size': 'data(lfs)',
      'text-max-width': 'data(lmw)',
      'text-margin-y': 'data(lmy)',
    } as unknown as cytoscape.Css.Node,
  },
  {
    selector: 'edge',
    style: {
      width: 2,
      'line-color': EDGE_COLOR,
      'target-arrow-color': EDGE_COLOR,
      'target-arrow-shape': 'triangle',
      'arrow-scale': 1.1,
      'curve-style': 'bezier',
      'line-style': 'solid',
    },
  },
  ...BASIS_ORDER.map((basis) => ({
    selector: `edge[basis = "${basis}"]`,
    style: { width: BASIS_LOOK[basis].width, 'line-style': BASIS_LOOK[basis].lineStyle },
  })),
  {
    selector: 'edge[basis = "informal"]',
    style: { 'line-dash-pattern': [2, 4] },
  },
  {
    selector: 'edge.planned',
    style: { opacity: PLANNED_OPACITY },
  },
  {
    selector: 'edge.broken',
    style: {
      'line-color': BROKEN_COLOR,
      'target-arrow-color': BROKEN_COLOR,
      'target-arrow-shape': 'triangle-cross',
      'mid-target-arrow-shape': 'tee',
      'mid-target-arrow-color': BROKEN_COLOR,
    },
  },
  {
    // Rests on one individual: a black dot mid-edge.
    selector: 'edge.person-dependent',
    style: {
      'mid-source-arrow-shape': 'circle',
      'mid-source-arrow-color': PERSON_DEPENDENT_COLOR,
      'mid-source-arrow-fill': 'filled',
    },
  },
  {
    selector: 'node.selected',
    style: {
      'underlay-color': '#000000',
      'underlay-opacity': 0.18,
      'underlay-padding': 10,
      'underlay-shape': 'ellipse',
      'border-width': 3,
      'border-color': '#000000',
    },
  },
  {
    selector: 'node.ncp.selected',
    style: { 'border-width': 5 },
  },
  {
    // Country boxes (the whole region) and sector boxes (the "by sector" layout).
    selector: 'node.group',
    style: {
      shape: 'round-rectangle',
      'background-color': '#f4f4f1',
      'background-opacity': 1,
      'border-width': 1.5,
      'border-color': '#8c8c8c',
      label: 'data(label)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'font-size': 'data(fontSize)',
      'text-wrap': 'none',
      'font-weight': 'bold',
      color: '#333333',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-y': -4,
      padding: '18px',
      'min-zoomed-font-size': 0,
    },
  },
  {
    selector: 'node.sector-group',
    style: {
      'background-color': '#fbfbf9',
      'border-style': 'dashed',
      'border-color': '#b3b3b3',
      'font-weight': 'normal',
      color: '#5c5c5c',
      padding: '12px',
    },
  },
  {
    // A large map's sector boxes (plainBoxes.ts): plain nodes sized round their members, drawn beneath everything
    // and letting clicks through to the canvas.
    selector: 'node.plain-box',
    style: {
      width: 'data(bw)',
      height: 'data(bh)',
      padding: '0px',
      'z-compound-depth': 'bottom',
      events: 'no',
    } as unknown as cytoscape.Css.Node,
  },
  {
    selector: 'node[size]',
    style: { width: 'data(size)', height: 'data(size)' },
  },
  {
    selector: 'node.holder',
    style: { 'border-width': 5, 'border-style': 'double', 'border-color': HOLDER_BORDER_COLOR },
  },
  {
    selector: 'node.marked',
    style: { 'border-width': 5, 'border-style': 'solid', 'border-color': MARK_COLOR, 'font-weight': 'bold' },
  },
  {
    selector: '.path-dimmed',
    style: { opacity: 0.4 },
  },
  {
    selector: '.muted',
    style: { opacity: 0.28 },
  },
  {
    selector: 'edge.path',
    style: {
      width: 7,
      'line-color': PATH_COLOR,
      'target-arrow-color': PATH_COLOR,
      'line-style': 'solid',
      opacity: 1,
      'z-index': 50,
    },
  },
  {
    selector: 'node.path',
    style: {
      'underlay-color': PATH_COLOR,
      'underlay-opacity': 0.22,
      'underlay-padding': 9,
      'underlay-shape': 'ellipse',
      'font-weight': 'bold',
      opacity: 1,
      'z-index': 40,
    },
  },
  {
    selector: 'edge.selected',
    style: {
      width: 7,
      'underlay-color': '#000000',
      'underlay-opacity': 0.2,
      'underlay-padding': 6,
      'z-index': 60,
    },
  },
  {
    selector: 'node.removed',
    style: { opacity: 0.3, 'border-style': 'dashed', 'border-color': MARK_COLOR, 'border-width': 3 },
  },
  {
    selector: 'edge.removed',
    style: {
      opacity: 0.35,
      'line-style': 'dashed',
      'line-dash-pattern': [6, 5],
      'line-color': MARK_COLOR,
      'target-arrow-color': MARK_COLOR,
      'target-arrow-shape': 'tee',
    },
  },
  {
    selector: 'edge.added',
    style: {
      width: 4,
      'line-color': ADDED_COLOR,
      'target-arrow-color': ADDED_COLOR,
      'line-style': 'dashed',
      'line-dash-pattern': [8, 4],
      label: 'data(label)',
      'font-size': 10,
      'font-weight': 'bold',
      color: '#00563f',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'z-index': 45,
    },
  },
  ...DIFF_STYLES,
  ...LIVE_STYLES,
  {
    // Filtered out: gone from the drawing (and from fits), positions kept for when the filter is cleared.
    selector: '.hidden',
    style: { display: 'none' },
  },
  {
    selector: '.dimmed',
    style: { opacity: 0.15 },
  },
];

/**
 * Added for large maps (thousands of flows): straight, thinner edges, which draw several times faster
 * than curved ones, so that redrawing the map after a click or a zoom stays short; sketched while zoomed out.
 */
/** Where the looks of states (selection, path, what-if, differences, live) begin: they override a sketch. */
const STATES_FROM = mapStylesheet.findIndex((s) => s.selector === 'node.selected');

export const largeMapStylesheet: cytoscape.StylesheetStyle[] = [
  ...mapStylesheet.slice(0, STATES_FROM),
  {
    // Zoomed out, flows are sketches (edgeDetail.ts): plain lines, no arrowheads nor dashes.
    selector: 'edge.sketch',
    style: {
      'target-arrow-shape': 'none',
      'mid-target-arrow-shape': 'none',
      'mid-source-arrow-shape': 'none',
      'line-style': 'solid',
    },
  },
  ...mapStylesheet.slice(STATES_FROM),
  { selector: 'edge', style: { 'curve-style': 'straight', width: 1, 'arrow-scale': 0.8 } },
  // A sketch has no arrowheads: drawn from centre to centre (a haystack), its ends cost nothing to compute, whereas
  // a straight edge's are found where it meets its nodes' outlines, for each of thousands (the first draw's most).
  { selector: 'edge.sketch', style: { 'curve-style': 'haystack', 'haystack-radius': 0 } },
  { selector: 'edge.selected, edge.path, edge.added, edge.removed', style: { width: 5, 'curve-style': 'straight' } },
];
