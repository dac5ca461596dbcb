// Turns a country graph from the API into Cytoscape elements (pure; the stylesheet keys on the data
// fields and classes set here).
import type cytoscape from 'cytoscape';
import { shorten } from '../../lib/format';
import type { GraphResponse, GraphStakeholder } from './api/types';
import { NCP_LABEL_PREFIX } from './styles';

const LABEL_MAX = 56;

export function nodeLabel(s: GraphStakeholder): string {
  const name = shorten(s.name, LABEL_MAX);
  const label = s.ncp ? `${NCP_LABEL_PREFIX}${name}` : name;
  return s.external ? `${label} (${s.country})` : label;
}

export function toElements(graph: GraphResponse): cytoscape.ElementDefinition[] {
  const ids = new Set(graph.stakeholders.map((s) => s.id));
  const nodes: cytoscape.ElementDefinition[] = graph.stakeholders.map((s) => ({
    group: 'nodes',
    data: { id: s.id, label: nodeLabel(s), sector: s.sector, name: s.name },
    // Only the country's own NCP gets the big star; a foreign NCP is a small faded star.
    classes: [s.ncp ? (s.external ? 'ncp-foreign' : 'ncp') : '', s.external ? 'external' : '']
      .filter(Boolean)
      .join(' '),
  }));
  const edges: cytoscape.ElementDefinition[] = graph.flows
    .filter((f) => ids.has(f.from) && ids.has(f.to))
    .map((f) => ({
      group: 'edges',
      data: { id: `flow:${f.id}`, flowId: f.id, source: f.from, target: f.to, basis: f.basis, status: f.status },
      classes: [f.status !== 'active' ? f.status : '', f.personDependent ? 'person-dependent' : '']
        .filter(Boolean)
        .join(' '),
    }));
  return [...nodes, ...edges];
}

/** Stakeholders in reading order: the NCP first, then the country's own by name, then foreign ones. */
export function sortStakeholders(stakeholders: readonly GraphStakeholder[]): GraphStakeholder[] {
  const rank = (s: GraphStakeholder) => (s.ncp && !s.external ? 0 : s.external ? 2 : 1);
  return [...stakeholders].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
