// The map's visual language, in one place: sector colours (Okabe-Ito, colour-blind safe), edge styles
// by basis and status, the NCP marker, and the Cytoscape stylesheet built from them. The HTML legend
// reads the same constants, so graph and legend cannot disagree.
import type cytoscape from 'cytoscape';
import type { Basis, FlowStatus, Sector } from '../../../../server/model';

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

const NODE_SIZE = 30;
const NCP_SIZE = 64;

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
    selector: '.dimmed',
    style: { opacity: 0.15 },
  },
];
