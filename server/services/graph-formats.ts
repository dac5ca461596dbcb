// Map documents as GraphML and GEXF, for users of Gephi, yEd and Cytoscape desktop: stakeholders as
// nodes (with what they hold), flows and reporting lines as directed edges with their attributes.
// Foreign ends of a country's cross-border edges are included so that no edge dangles. GEXF is written as
// 1.2draft unless 1.3 is asked for: Gephi reads both, NetworkX (2.x) and most other readers only 1.2draft.
import { z } from 'zod';
import { sectorOf, type MapDocument, type Stakeholder } from '../model';

export const GexfVersion = z.enum(['1.2draft', '1.3']);
export type GexfVersion = z.infer<typeof GexfVersion>;
export const DEFAULT_GEXF_VERSION: GexfVersion = '1.2draft';

/** Each version's namespace, the value of its version attribute and where its schema is published. */
const GEXF_HEADERS: Record<GexfVersion, { ns: string; version: string; xsd: string }> = {
  '1.2draft': { ns: 'http://www.gexf.net/1.2draft', version: '1.2', xsd: 'http://www.gexf.net/1.2draft/gexf.xsd' },
  '1.3': { ns: 'http://gexf.net/1.3', version: '1.3', xsd: 'http://gexf.net/1.3/gexf.xsd' },
};

type AttrType = 'string' | 'boolean' | 'int';
interface Attr<T> {
  id: string;
  type: AttrType;
  value: (item: T) => string | number | boolean | undefined;
}

interface GraphNode extends Stakeholder {
  indicatorsHeld: string[];
  inScope: boolean;
}
interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: 'flow' | 'reporting_line';
  flow?: MapDocument['flows'][number];
  line?: MapDocument['reportingLines'][number];
}

const NODE_ATTRS: Attr<GraphNode>[] = [
  { id: 'name', type: 'string', value: (n) => n.name },
  { id: 'country', type: 'string', value: (n) => n.country },
  { id: 'type', type: 'string', value: (n) => n.type },
  { id: 'sector', type: 'string', value: (n) => sectorOf(n.type) },
  { id: 'level', type: 'string', value: (n) => n.level },
  { id: 'ncp', type: 'boolean', value: (n) => n.ncp },
  { id: 'indicatorsHeld', type: 'string', value: (n) => n.indicatorsHeld.join(',') },
  { id: 'external', type: 'boolean', value: (n) => !n.inScope },
];

const EDGE_ATTRS: Attr<GraphEdge>[] = [
  { id: 'kind', type: 'string', value: (e) => e.kind },
  { id: 'indicators', type: 'string', value: (e) => e.flow?.indicators.join(',') },
  { id: 'basis', type: 'string', value: (e) => e.flow?.basis },
  { id: 'status', type: 'string', value: (e) => e.flow?.status },
  { id: 'confidence', type: 'string', value: (e) => e.flow?.confidence },
  { id: 'personDependent', type: 'boolean', value: (e) => e.flow?.personDependent },
  { id: 'frequency', type: 'string', value: (e) => e.flow?.frequency },
  { id: 'channel', type: 'string', value: (e) => e.flow?.channel },
  { id: 'latencyDays', type: 'int', value: (e) => e.flow?.latencyDays },
  { id: 'reportingKind', type: 'string', value: (e) => e.line?.kind },
];

export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** The nodes and edges of a document; `allStakeholders` supplies the foreign ends of its edges. */
function graphOfDocument(
  doc: MapDocument,
  allStakeholders: readonly Stakeholder[],
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const held = new Map<string, Set<string>>();
  for (const d of doc.datasets)
    for (const x of d.indicators) held.set(d.holder, (held.get(d.holder) ?? new Set()).add(x));
  const byId = new Map(allStakeholders.map((s) => [s.id, s]));
  for (const s of doc.stakeholders) byId.set(s.id, s);
  const inScope = new Set(doc.stakeholders.map((s) => s.id));
  const edges: GraphEdge[] = [
    ...doc.flows.map((f) => ({ id: f.id, from: f.from, to: f.to, kind: 'flow' as const, flow: f })),
    ...doc.reportingLines.map((r) => ({ id: r.id, from: r.from, to: r.to, kind: 'reporting_line' as const, line: r })),
  ];
  const ids = new Set([...inScope, ...edges.flatMap((e) => [e.from, e.to])]);
  const nodes = [...ids].sort().flatMap((id) => {
    const s = byId.get(id);
    return s ? [{ ...s, indicatorsHeld: [...(held.get(id) ?? [])].sort(), inScope: inScope.has(id) }] : [];
  });
  return { nodes, edges };
}

export function toGraphML(doc: MapDocument, allStakeholders: readonly Stakeholder[]): string {
  const { nodes, edges } = graphOfDocument(doc, allStakeholders);
  const type = (t: AttrType) => (t === 'int' ? 'int' : t);
  const data = <T>(attrs: Attr<T>[], item: T) =>
    attrs
      .map((a) => ({ a, v: a.value(item) }))
      .filter(({ v }) => v !== undefined && v !== '')
      .map(({ a, v }) => `<data key="${a.id}">${escapeXml(String(v))}</data>`)
      .join('');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_ATTRS.map((a) => `  <key id="${a.id}" for="node" attr.name="${a.id}" attr.type="${type(a.type)}"/>`),
    ...EDGE_ATTRS.map((a) => `  <key id="${a.id}" for="edge" attr.name="${a.id}" attr.type="${type(a.type)}"/>`),
    '  <graph id="flow-atlas" edgedefault="directed">',
    ...nodes.map((n) => `    <node id="${escapeXml(n.id)}">${data(NODE_ATTRS, n)}</node>`),
    ...edges.map(
      (e) =>
        `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.from)}" target="${escapeXml(e.to)}">${data(EDGE_ATTRS, e)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

export function toGEXF(
  doc: MapDocument,
  allStakeholders: readonly Stakeholder[],
  options: { version?: GexfVersion; today?: Date } = {},
): string {
  const { nodes, edges } = graphOfDocument(doc, allStakeholders);
  const today = options.today ?? new Date();
  const header = GEXF_HEADERS[options.version ?? DEFAULT_GEXF_VERSION];
  const gexfType = (t: AttrType) => (t === 'int' ? 'integer' : t);
  const values = <T>(attrs: Attr<T>[], item: T) => {
    const vs = attrs
      .map((a) => ({ a, v: a.value(item) }))
      .filter(({ v }) => v !== undefined && v !== '')
      .map(({ a, v }) => `<attvalue for="${a.id}" value="${escapeXml(String(v))}"/>`);
    return vs.length ? `<attvalues>${vs.join('')}</attvalues>` : '';
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${header.ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${header.ns} ${header.xsd}" version="${header.version}">`,
    `  <meta lastmodifieddate="${today.toISOString().slice(0, 10)}"><creator>Flow Atlas</creator>` +
      '<description>Information flows between institutions (stakeholders) on child trafficking</description></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    `    <attributes class="node">${NODE_ATTRS.map((a) => `<attribute id="${a.id}" title="${a.id}" type="${gexfType(a.type)}"/>`).join('')}</attributes>`,
    `    <attributes class="edge">${EDGE_ATTRS.map((a) => `<attribute id="${a.id}" title="${a.id}" type="${gexfType(a.type)}"/>`).join('')}</attributes>`,
    '    <nodes>',
    ...nodes.map(
      (n) => `      <node id="${escapeXml(n.id)}" label="${escapeXml(n.name)}">${values(NODE_ATTRS, n)}</node>`,
    ),
    '    </nodes>',
    '    <edges>',
    ...edges.map(
      (e) =>
        `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.from)}" target="${escapeXml(e.to)}" label="${e.kind === 'flow' ? escapeXml(e.flow!.indicators.join(', ')) : escapeXml(e.line!.kind)}">${values(EDGE_ATTRS, e)}</edge>`,
    ),
    '    </edges>',
    '  </graph>',
    '</gexf>',
    '',
  ].join('\n');
}
