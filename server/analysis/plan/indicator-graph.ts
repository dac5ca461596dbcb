// One indicator's X-graph as a plan sees it (ANALYSIS.md §6): the flows carrying X anywhere in the
// region, numbered once per flow graph (coverage/paths.ts), plus the flows the steps so far proposed.
// Everything a step asks is answered on numbers: which nodes the holders reach and which reach the
// NCP (does an edge close a gap?), the disjoint routes up to 2 (is X resilient? would a flow from this
// holder to the NCP add a route?), and the flows that can lie on a route (single points of failure).
import { edgeIndex, type EdgeIndex } from '../coverage/paths';
import type { FlowEdge, FlowGraph } from '../flow-graph';
import { numberedDisjointRoutes } from '../resilience/disjoint-routes';

export type Edge = { from: string; to: string };

/** Routes are counted up to this: enough for every question a plan asks (1, or 2 and more). */
const ROUTES_LIMIT = 2;

export interface PlanRoutes {
  /** The number of disjoint routes, counted up to 2. */
  routes: number;
  /**
   * With fewer than 2 routes: whether a holder's out-copy is reachable from the virtual source in the
   * residual graph, i.e. whether a flow from it to the NCP would add a route. Exact for holders and for
   * the stakeholders with a path to the NCP; false otherwise. Always false with 2 routes.
   */
  extendable(id: string): boolean;
}

export class IndicatorGraph {
  private readonly ix: EdgeIndex;
  /** Stakeholders no flow carrying X touches (a holder without X-flows, a proposed flow's end), numbered after the index's nodes. */
  private readonly extraIds: string[] = [];
  private readonly extraIndex = new Map<string, number>();
  private readonly extraFrom: number[] = [];
  private readonly extraTo: number[] = [];
  /** The proposed flows, in the order the steps added them. */
  readonly added: Edge[] = [];
  private readonly holders: number[];
  private readonly target: number;
  private marks?: { fromHolders: Uint8Array; toNcp: Uint8Array };
  private routes?: PlanRoutes;

  constructor(
    readonly base: readonly FlowEdge[],
    holders: readonly string[],
    readonly ncp: string,
  ) {
    this.ix = edgeIndex(base);
    this.target = this.number(ncp);
    this.holders = holders.map((h) => this.number(h));
  }

  private get size(): number {
    return this.ix.nodes.length + this.extraIds.length;
  }

  private lookup(id: string): number | undefined {
    return this.ix.indexOf.get(id) ?? this.extraIndex.get(id);
  }

  private number(id: string): number {
    let i = this.lookup(id);
    if (i === undefined) {
      i = this.size;
      this.extraIds.push(id);
      this.extraIndex.set(id, i);
    }
    return i;
  }

  /** Adds a proposed flow carrying X; what was worked out from the graph before is dropped. */
  add(edge: Edge): void {
    this.added.push(edge);
    this.extraFrom.push(this.number(edge.from));
    this.extraTo.push(this.number(edge.to));
    this.marks = undefined;
    this.routes = undefined;
  }

  /**
   * Breadth-first search from `starts` along the flows ('out') or against them ('in'), proposed flows
   * included and the NCP passed through like any node (as X-paths are): 1 for every node found.
   */
  private spread(starts: readonly number[], direction: 'in' | 'out'): Uint8Array {
    const { ix } = this;
    const n0 = ix.nodes.length;
    const seen = new Uint8Array(this.size);
    const queue = new Int32Array(this.size);
    const start = direction === 'out' ? ix.outStart : ix.inStart;
    const list = direction === 'out' ? ix.outEdges : ix.inEdges;
    const other = direction === 'out' ? ix.to : ix.from;
    const [extraNear, extraFar] = direction === 'out' ? [this.extraFrom, this.extraTo] : [this.extraTo, this.extraFrom];
    let tail = 0;
    for (const s of starts) {
      if (seen[s]) continue;
      seen[s] = 1;
      queue[tail++] = s;
    }
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      if (v < n0) {
        for (let p = start[v]!, end = start[v + 1]!; p < end; p++) {
          const w = other[list[p]!]!;
          if (!seen[w]) {
            seen[w] = 1;
            queue[tail++] = w;
          }
        }
      }
      for (let k = 0; k < extraNear.length; k++) {
        if (extraNear[k] !== v) continue;
        const w = extraFar[k]!;
        if (!seen[w]) {
          seen[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    return seen;
  }

  private reach(): { fromHolders: Uint8Array; toNcp: Uint8Array } {
    this.marks ??= { fromHolders: this.spread(this.holders, 'out'), toNcp: this.spread([this.target], 'in') };
    return this.marks;
  }

  /** Whether a flow from -> to carrying X would give X a path to the NCP: a holder reaches `from` and `to` reaches the NCP. */
  closes(from: string, to: string): boolean {
    const { fromHolders, toNcp } = this.reach();
    const a = this.lookup(from);
    const b = this.lookup(to);
    return a !== undefined && b !== undefined && fromHolders[a] === 1 && toNcp[b] === 1;
  }

  /**
   * The flows (given and proposed) that can lie on a path from a holder to the NCP: a holder reaches
   * their sender and their receiver reaches the NCP. Every such path, so every route and every cut, uses only these.
   */
  private onRoutes(visit: (u: number, v: number, k: number) => void): void {
    const { fromHolders, toNcp } = this.reach();
    const { from, to } = this.ix;
    for (let k = 0; k < from.length; k++) if (fromHolders[from[k]!] && toNcp[to[k]!]) visit(from[k]!, to[k]!, k);
    for (let k = 0; k < this.extraFrom.length; k++) {
      if (fromHolders[this.extraFrom[k]!] && toNcp[this.extraTo[k]!])
        visit(this.extraFrom[k]!, this.extraTo[k]!, -1 - k);
    }
  }

  /** The disjoint routes from the holders to the NCP, counted up to 2. */
  routesOf(): PlanRoutes {
    if (this.routes) return this.routes;
    let m = 0;
    this.onRoutes(() => m++);
    const from = new Int32Array(m);
    const to = new Int32Array(m);
    let k = 0;
    this.onRoutes((u, v) => {
      from[k] = u;
      to[k++] = v;
    });
    // Restricted to those flows, the residual graph reaches the same stakeholders with a path to the NCP (and the holders) as on the whole X-graph.
    const r = numberedDisjointRoutes({
      nodes: this.size,
      from,
      to,
      edges: m,
      sources: this.holders,
      target: this.target,
      limit: ROUTES_LIMIT,
    });
    const { toNcp } = this.reach();
    const holder = new Uint8Array(this.size);
    for (const h of this.holders) holder[h] = 1;
    this.routes = {
      routes: r.routes,
      extendable: (id) => {
        const i = this.lookup(id);
        return i !== undefined && r.outReached[i] === 1 && (toNcp[i] === 1 || holder[i] === 1);
      },
    };
    return this.routes;
  }

  /** The flows that can lie on a route as flow edges (proposed ones with ids of their own), for the single points of failure of §3. */
  routeEdges(): Array<{ id: string; from: string; to: string }> {
    const edges: Array<{ id: string; from: string; to: string }> = [];
    this.onRoutes((_u, _v, k) =>
      edges.push(k >= 0 ? this.base[k]! : { id: `\u0000plan-${-1 - k}`, ...this.added[-1 - k]! }),
    );
    return edges;
  }
}

/** The X-graph of every indicator a plan touches, made on first use. */
export function indicatorGraphs(fg: FlowGraph, country: string, ncp: string): (x: string) => IndicatorGraph {
  const graphs = new Map<string, IndicatorGraph>();
  return (x) => {
    let g = graphs.get(x);
    if (!g) graphs.set(x, (g = new IndicatorGraph(fg.flowsCarrying(x), fg.holders(country, x), ncp)));
    return g;
  };
}
