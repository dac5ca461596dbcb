// Gould & Fernandez brokerage roles of one stakeholder, sectors as groups (ANALYSIS.md §4).
import type Graph from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { assertNode, assertSimpleDirected } from '../indexed-graph';

export interface BrokerageRoles {
  coordinator: number;
  gatekeeper: number;
  representative: number;
  itinerant: number;
  liaison: number;
}

/** The group of a node, from its attributes. */
export type GroupOf<NodeAttributes extends Attributes> = (attributes: NodeAttributes, node: string) => string;

export const DEFAULT_GROUP_OF: GroupOf<Attributes> = (attributes) => attributes.sector as string;

/**
 * Gould and Fernandez (1989) as ANALYSIS.md §4 defines it: for every ordered pair (A, C), A != C,
 * both other than `node`, with A -> node -> C and no direct A -> C edge, one role, by group:
 * coordinator (A, node, C all in one group), gatekeeper (A outside node's group, C in it),
 * representative (A in node's group, C outside), itinerant or consultant (A and C in one group,
 * node in another), liaison (three different groups). The five cases cover every pair exactly once.
 */
export function brokerage<NodeAttributes extends Attributes>(
  graph: Graph<NodeAttributes>,
  node: string,
  groupOf: GroupOf<NodeAttributes> = DEFAULT_GROUP_OF,
): BrokerageRoles {
  assertSimpleDirected('brokerage', graph);
  assertNode('brokerage', graph, node);
  if (typeof groupOf !== 'function') throw new Error('brokerage: groupOf must be a function');
  const group = (id: string): string => {
    const g = groupOf(graph.getNodeAttributes(id), id);
    if (g === undefined || g === null) throw new Error(`brokerage: node "${id}" has no group`);
    return g;
  };

  const roles: BrokerageRoles = { coordinator: 0, gatekeeper: 0, representative: 0, itinerant: 0, liaison: 0 };
  const senders = graph.inNeighbors(node).filter((a) => a !== node);
  const receivers = graph.outNeighbors(node).filter((c) => c !== node);
  if (senders.length === 0 || receivers.length === 0) return roles;
  const gB = group(node);
  const receiverGroups = receivers.map(group);
  for (const a of senders) {
    const gA = group(a);
    for (let j = 0; j < receivers.length; j++) {
      const c = receivers[j]!;
      if (c === a || graph.hasDirectedEdge(a, c)) continue; // a direct A -> C flow needs no broker
      const gC = receiverGroups[j]!;
      if (gA === gB) {
        if (gC === gB) roles.coordinator++;
        else roles.representative++;
      } else if (gC === gB) roles.gatekeeper++;
      else if (gA === gC) roles.itinerant++;
      else roles.liaison++;
    }
  }
  return roles;
}
