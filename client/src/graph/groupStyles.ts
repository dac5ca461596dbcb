// The look of a grouped map (grouping.ts, canvasGroups.ts), added to the map's stylesheet (styles.ts).
import type cytoscape from 'cytoscape';
import { NCP_BORDER_COLOR } from './styles';

/**
 * A grouped map (grouping.ts): a collapsed group is a disc in its sector's colour sized by its members,
 * labelled with its counts (labels chosen like the stakeholders', canvasLabels.ts); the NCP's group has
 * the NCP's black ring, doubled; an open group is a box; aggregated flows are as wide as they are many.
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
  {
    selector: 'node[?collapsed][lscale]',
    style: {
      'font-size': 'data(lfs)',
      'text-max-width': 'data(lmw)',
      'text-margin-y': 'data(lmy)',
    } as unknown as cytoscape.Css.Node,
  },
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
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
    } as unknown as cytoscape.Css.Edge,
  },
];
