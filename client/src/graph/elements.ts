// Turns a graph from the API (one country, or the whole region) into Cytoscape elements (pure; the
// stylesheet keys on the data fields and classes set here). Compound parents group the stakeholders:
// one box per country in the whole region, one box per sector in the "by sector" layout (on a large
// country map, plain nodes behind their members instead: plainBoxes.ts).
import type cytoscape from 'cytoscape';
import { humanize, shorten } from '../lib/format';
import type { GraphStakeholder, MapGraph } from './api/types';
import { compareText } from './compareText';
import type { LayoutName } from './layouts';
import { PLAIN_BOX } from './plainBoxes';
import { NCP_LABEL_PREFIX } from './styles';

const LABEL_MAX = 56;

export type Scope = 'country' | 'region';

export function nodeLabel(s: GraphStakeholder): string {
  const name = shorten(s.name, LABEL_MAX);
  const label = s.ncp ? `${NCP_LABEL_PREFIX}${name}` : name;
  return s.external ? `${label} (${s.country})` : label;
}

/** A flow the canvas draws that is not in the graph (a proposed flow in a what-if scenario). */
export interface ExtraFlow {
  id: string;
  from: string;
  to: string;
  label?: string;
}

export interface ElementOptions {
  scope: Scope;
  layout: LayoutName;
  /** Country code -> name, for the country boxes of the whole region. */
  countryNames?: ReadonlyMap<string, string>;
  /**
   * A country's sector boxes drawn as plain nodes behind their members (plainBoxes.ts), not as compound parents:
   * for large maps, where every flow added to a compound graph restyles its ends' whole boxes.
   */
  plainBoxes?: boolean;
}

/** The sector boxes of a country map drawn as plain nodes (ElementOptions.plainBoxes). */
const plainSectorBoxes = (options: ElementOptions) =>
  options.plainBoxes === true && options.scope === 'country' && options.layout === 'sector';

export const edgeId = (flowId: string) => `flow:${flowId}`;
export const countryGroupId = (code: string) => `country:${code}`;
export const FOREIGN_GROUP = 'other-countries';

function sectorGroupId(country: string | null, sector: string): string {
  return country ? `sector:${country}:${sector}` : `sector:${sector}`;
}

/** The compound parent of a stakeholder, or undefined when there is none. */
function parentOf(s: GraphStakeholder, options: ElementOptions): string | undefined {
  if (options.scope === 'region') {
    return options.layout === 'sector' ? sectorGroupId(s.country, s.sector) : countryGroupId(s.country);
  }
  if (options.layout !== 'sector') return undefined;
  return sectorBoxOf(s);
}

const sectorBoxOf = (s: GraphStakeholder) => (s.external ? `sector:${FOREIGN_GROUP}` : sectorGroupId(null, s.sector));

function groupNodes(graph: MapGraph, options: ElementOptions): cytoscape.ElementDefinition[] {
  const groups = new Map<string, cytoscape.ElementDefinition>();
  // Country titles are drawn large: the whole region is seen from far out.
  const add = (id: string, label: string, classes: string, parent?: string) => {
    const fontSize = classes.includes('country-group') ? 64 : 16;
    if (!groups.has(id))
      groups.set(id, { group: 'nodes', data: { id, label, fontSize, ...(parent ? { parent } : {}) }, classes });
  };
  for (const s of graph.stakeholders) {
    if (options.scope === 'region') {
      const country = countryGroupId(s.country);
      add(country, options.countryNames?.get(s.country) ?? s.country, 'group country-group');
      if (options.layout === 'sector')
        add(sectorGroupId(s.country, s.sector), humanize(s.sector), 'group sector-group', country);
    } else if (options.layout === 'sector') {
      const plain = plainSectorBoxes(options) ? ` ${PLAIN_BOX}` : '';
      if (s.external) add(`sector:${FOREIGN_GROUP}`, 'Other countries', `group sector-group foreign-group${plain}`);
      else add(sectorGroupId(null, s.sector), humanize(s.sector), `group sector-group${plain}`);
    }
  }
  return [...groups.values()];
}

export function toElements(graph: MapGraph, options: ElementOptions): cytoscape.ElementDefinition[] {
  const byId = new Map(graph.stakeholders.map((s) => [s.id, s]));
  const nodes: cytoscape.ElementDefinition[] = graph.stakeholders.map((s) => {
    const box = plainSectorBoxes(options) ? sectorBoxOf(s) : undefined;
    const parent = box ? undefined : parentOf(s, options);
    const label = nodeLabel(s);
    return {
      group: 'nodes',
      data: {
        id: s.id,
        label,
        baseLabel: label,
        sector: s.sector,
        name: s.name,
        country: s.country,
        stakeholder: true,
        ...(parent ? { parent } : {}),
        ...(box ? { box } : {}),
      },
      // In a country map only its own NCP gets the big star; a foreign NCP is a small faded star.
      // In the whole region every country's NCP is its own.
      classes: [s.ncp ? (s.external ? 'ncp-foreign' : 'ncp') : '', s.external ? 'external' : '']
        .filter(Boolean)
        .join(' '),
    };
  });
  const edges: cytoscape.ElementDefinition[] = graph.flows
    .filter((f) => byId.has(f.from) && byId.has(f.to))
    .map((f) => ({
      group: 'edges',
      data: {
        id: edgeId(f.id),
        flowId: f.id,
        source: f.from,
        target: f.to,
        basis: f.basis,
        status: f.status,
        crossBorder: byId.get(f.from)?.country !== byId.get(f.to)?.country,
      },
      classes: [f.status !== 'active' ? f.status : '', f.personDependent ? 'person-dependent' : '']
        .filter(Boolean)
        .join(' '),
    }));
  return [...groupNodes(graph, options), ...nodes, ...edges];
}

/** Stakeholders in reading order: the NCP first, then the country's own by name, then foreign ones. */
export function sortStakeholders(stakeholders: readonly GraphStakeholder[]): GraphStakeholder[] {
  const rank = (s: GraphStakeholder) => (s.ncp && !s.external ? 0 : s.external ? 2 : 1);
  return [...stakeholders].sort((a, b) => rank(a) - rank(b) || compareText(a.name, b.name));
}
