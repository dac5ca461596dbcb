// The look of a grouped map (grouping.ts, canvasGroups.ts), added to the map's stylesheet (styles.ts).
import type cytoscape from 'cytoscape';
import { LABEL_SIDES, SHORT_LABEL } from './canvasGroupLabels';
import { NCP_BORDER_COLOR } from './styles';

/**
 * A grouped map (grouping.ts): a collapsed group is a disc in its sector's colour sized by its members,
 * labelled with its counts, or its name and members where they do not fit; the NCP's group has the NCP's
 * black ring, doubled; an open group is a box; aggregated flows are as wide as they are many, their counts
 * drawn where they fit (labels chosen like the stakeholders', canvasLabels.ts, canvasGroupLabels.ts).
 */
export const groupStylesheet: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node[?collapsed]',
    style: {
      width: 'data(gsize)',
      height: 'data(gsize)',
      'border-width': 2,
      'border-color': '#333333',
      'font-size': 12,
      'font-weight': 'bold',
      'text-max-width': '200px',
      'text-opacity': 0,
      'text-background-opacity': 0,
      'z-index': 10,
    },
  },
  { selector: 'node[?collapsed].labelled', style: { 'text-opacity': 1, 'text-background-opacity': 0.85 } },
  { selector: `node[?collapsed].${SHORT_LABEL}`, style: { label: 'data(short)' } },
  {
    selector: 'node[?collapsed][lscale]',
    style: {
      'font-size': 'data(lfs)',
      'text-max-width': 'data(lmw)',
      'text-margin-y': 'data(lmy)',
    } as unknown as cytoscape.Css.Node,
  },
  // A label above or beside its disc where below it does not fit (canvasGroupLabels.ts): its margin, lmy, turned.
  {
    selector: `node[?collapsed][lscale].${LABEL_SIDES.above}`,
    style: {
      'text-valign': 'top',
      'text-margin-y': 'mapData(lmy, 0, 10000, 0, -10000)',
    } as unknown as cytoscape.Css.Node,
  },
  ...(['right', 'left'] as const).map((side) => ({
    selector: `node[?collapsed][lscale].${LABEL_SIDES[side]}`,
    style: {
      'text-valign': 'center',
      'text-halign': side,
      'text-margin-y': 0,
      'text-margin-x': side === 'right' ? 'data(lmy)' : 'mapData(lmy, 0, 10000, 0, -10000)',
    } as unknown as cytoscape.Css.Node,
  })),
  {
    selector: 'node.ncp-group',
    style: { 'border-width': 7, 'border-style': 'double', 'border-color': NCP_BORDER_COLOR },
  },
  {
    // Sized by its members' bodies, not their labels (which come and go with the zoom).
    selector: 'node.open-group',
    style: {
      padding: '24px',
      'background-opacity': 0.6,
      'compound-sizing-wrt-labels': 'exclude',
    } as unknown as cytoscape.Css.Node,
  },
  {
    selector: 'node.group-selected',
    style: {
      'underlay-color': '#000000',
      'underlay-opacity': 0.18,
      'underlay-padding': 10,
      'border-color': '#000000',
    },
  },
  {
    selector: 'edge[?aggregate]',
    style: {
      width: 'data(lw)',
      'curve-style': 'bezier',
      'control-point-step-size': 60,
      'line-style': 'solid',
      'arrow-scale': 0.6,
      opacity: 0.75,
      label: 'data(label)',
      'font-size': 'data(lfs)',
      'font-weight': 'bold',
      color: '#1a1a1a',
      'text-opacity': 0,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0,
      'text-background-padding': '2px',
    } as unknown as cytoscape.Css.Edge,
  },
  // Drawn after the other flows, so that none of their lines crosses a count.
  { selector: 'edge[?aggregate].labelled', style: { 'text-opacity': 1, 'text-background-opacity': 0.9, 'z-index': 5 } },
];
