// The analysis use cases: take a snapshot of the store, build the flow graph, run the pure analysis,
// and cache results by store version (any write changes the version and so empties the cache).
import { bottlenecks } from '../analysis/bottlenecks/bottlenecks';
import { whatIf, type WhatIfInput } from '../analysis/bottlenecks/what-if';
import { compare } from '../analysis/compare/compare';
import { assertCountry, assertIndicator, countryCoverage, coverageMatrix } from '../analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries, type FlowGraph } from '../analysis/flow-graph';
import { ncpPosition } from '../analysis/ncp/position';
import { optionsKey, type AnalysisOptions } from '../analysis/options';
import { suggestions } from '../analysis/suggestions/suggestions';
import type { GraphStore, Snapshot } from '../store/port';
import { currentStoreVersion } from './store-version';

/** What every result names: the inputs it was computed from. */
export interface ComputedFrom {
  storeVersion: number;
  snapshotTakenAt: string;
  options: AnalysisOptions;
}

const MAX_RESULTS = 500;

interface VersionCache {
  storeVersion: number;
  snapshot: Snapshot;
  graphs: Map<string, FlowGraph>;
  results: Map<string, unknown>;
}

export class AnalysisService {
  private cache?: VersionCache;
  private loading?: Promise<VersionCache>;

  constructor(private readonly store: GraphStore) {}

  /** A country's coverage (or the matrix without a country), optionally of one indicator only. */
  coverage(options: AnalysisOptions, country?: string, indicator?: string) {
    const only = <T extends { indicator: string }>(fg: FlowGraph, cells: T[]) => {
      if (!indicator) return cells;
      assertIndicator(fg, indicator);
      return cells.filter((c) => c.indicator === indicator);
    };
    return country
      ? this.run('coverage', options, `${country}|${indicator ?? ''}`, (fg) => {
        const cov = countryCoverage(fg, country);
        return { ...cov, cells: only(fg, cov.cells) };
      })
      : this.run('matrix', options, indicator ?? '', (fg) => {
        const m = coverageMatrix(fg);
        return { ...m, ...(indicator ? { indicators: [indicator] } : {}), cells: only(fg, m.cells) };
      });
  }

  suggestions(options: AnalysisOptions, country: string) {
    return this.run('suggestions', options, country, (fg) => suggestions(fg, country));
  }

  bottlenecks(options: AnalysisOptions, country: string) {
    return this.run('bottlenecks', options, country, (fg) => bottlenecks(fg, country));
  }

  ncp(options: AnalysisOptions, country: string) {
    return this.run('ncp', options, country, (fg) => ncpPosition(fg, country));
  }

  compare(options: AnalysisOptions, countries?: readonly string[]) {
    return this.run('compare', options, countries?.join(',') ?? '', (fg) => compare(fg, countries ?? nationalCountries(fg)));
  }

  /** Never cached: every scenario is different. */
  async whatIf(options: AnalysisOptions, input: WhatIfInput) {
    const { fg, from } = await this.graph(options);
    return { ...whatIf(fg, input), computedFrom: from };
  }

  /** Validates a country against the current map (404 when it is not there). */
  async assertCountry(options: AnalysisOptions, country: string): Promise<void> {
    const { fg } = await this.graph(options);
    assertCountry(fg, country);
  }

  private async run<T extends object>(name: string, options: AnalysisOptions, params: string, compute: (fg: FlowGraph) => T): Promise<T & { computedFrom: ComputedFrom }> {
    const { fg, from, cache } = await this.graph(options);
    const key = `${name}|${optionsKey(options)}|${params}`;
    const hit = cache.results.get(key) as (T & { computedFrom: ComputedFrom }) | undefined;
    if (hit) return hit;
    const result = { ...compute(fg), computedFrom: from };
    if (cache.results.size >= MAX_RESULTS) cache.results.delete(cache.results.keys().next().value!);
    cache.results.set(key, result);
    return result;
  }

  private async graph(options: AnalysisOptions): Promise<{ fg: FlowGraph; from: ComputedFrom; cache: VersionCache }> {
    const cache = await this.current();
    const key = optionsKey(options);
    let fg = cache.graphs.get(key);
    if (!fg) {
      fg = buildFlowGraph(cache.snapshot.document, cache.snapshot.catalogue, options);
      cache.graphs.set(key, fg);
    }
    return { fg, cache, from: { storeVersion: cache.storeVersion, snapshotTakenAt: cache.snapshot.takenAt, options } };
  }

  /** The cache of the store's current version; one snapshot per version, shared by concurrent requests. */
  private async current(): Promise<VersionCache> {
    const version = await currentStoreVersion(this.store);
    if (this.cache?.storeVersion === version) return this.cache;
    if (!this.loading) {
      this.loading = this.store.snapshot({}).then((snapshot) => {
        this.cache = { storeVersion: snapshot.storeVersion, snapshot, graphs: new Map(), results: new Map() };
        return this.cache;
      }).finally(() => {
        this.loading = undefined;
      });
    }
    const loaded = await this.loading;
    // A load started for an older version serves only requests that saw that version.
    return loaded.storeVersion >= version ? loaded : this.current();
  }
}
