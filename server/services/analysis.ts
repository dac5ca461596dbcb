// The analysis use cases: take a snapshot of the store, build the flow graph, run the pure analysis,
// and cache results by store version. When the version moves, the store's audit trail says what
// changed (`changesSince`): if nothing the analyses read changed (an interview, a reporting line, a
// membership), every cached result stays; otherwise a new snapshot is read and everything is computed
// again, except the structure of each country no stakeholder or flow change touched (its country
// graph and Brandes' betweenness, which depend on that country's stakeholders and the flows between
// them alone). When the trail cannot tell, or the store cannot say, the cache is emptied.
import { bottlenecks } from '../analysis/bottlenecks/bottlenecks';
import { whatIf, whatIfWithGraph, type WhatIfInput } from '../analysis/bottlenecks/what-if';
import { compare } from '../analysis/compare/compare';
import { assertCountry, assertIndicator, countryCoverage, coverageMatrix } from '../analysis/coverage/coverage';
import {
  buildFlowGraph,
  countryStructure,
  nationalCountries,
  prepareCountryDependencies,
  seedCountryStructure,
  type CountryStructure,
  type FlowGraph,
} from '../analysis/flow-graph';
import { ncpPosition } from '../analysis/ncp/position';
import { optionsKey, type AnalysisOptions } from '../analysis/options';
import { suggestions } from '../analysis/suggestions/suggestions';
import { seesPersonalData } from '../auth/personal-data';
import type { SessionUser } from '../model/roles';
import type { GraphStore, Snapshot } from '../store/port';
import {
  bottlenecksForViewer,
  coverageForViewer,
  hiddenFlowsOf,
  ncpForViewer,
  personalFlowsOf,
  suggestionsForViewer,
} from './hidden';
import { currentStoreVersion } from './store-version';

/** What every result names: the inputs it was computed from. */
export interface ComputedFrom {
  storeVersion: number;
  snapshotTakenAt: string;
  options: AnalysisOptions;
}

const MAX_RESULTS = 500;

/**
 * One change of the store's audit trail as `changesSince` reports it (the fields this cache needs),
 * and the store method itself, typed here so that the service also runs on a store without it.
 */
export interface TrailChange {
  storeVersion: number;
  kind: string;
  countries: string[];
}
export type TrailAnswer =
  { known: true; storeVersion: number; changes: TrailChange[] } | { known: false; storeVersion: number };
interface WithTrail {
  changesSince?(version: number): Promise<TrailAnswer>;
}

/** Kinds no analysis of this service reads: a change to them leaves every result as it was. */
const UNREAD_KINDS: ReadonlySet<string> = new Set(['interview', 'reportingLine', 'membership', 'round', 'account']);
/** Kinds that make up a country graph (its stakeholders, the flows between them). */
const STRUCTURE_KINDS: ReadonlySet<string> = new Set(['stakeholder', 'flow']);

interface VersionCache {
  storeVersion: number;
  /** What results of this version name, by the options' JSON: one object each, so that answers can be kept whole. */
  froms: Map<string, ComputedFrom>;
  snapshot: Snapshot;
  graphs: Map<string, FlowGraph>;
  /** Results without `computedFrom` (added per answer: a result kept across versions names the current one). */
  results: Map<string, unknown>;
  /** By options key: the structure of the countries no change touched, from the previous version's flow graphs. */
  carried: Map<string, CountryStructure>;
}

/**
 * The countries whose country graph may differ after `changes`: those of every stakeholder or flow
 * change (before and after). Undefined: any of them (a structure change that names no country).
 */
export function structureTouched(changes: readonly TrailChange[]): Set<string> | undefined {
  const touched = new Set<string>();
  for (const c of changes) {
    if (!STRUCTURE_KINDS.has(c.kind)) continue;
    if (!c.countries.length) return undefined;
    for (const country of c.countries) touched.add(country);
  }
  return touched;
}

/** Whether the changes leave everything the analyses read as it was. */
export function nothingReadChanged(changes: readonly TrailChange[]): boolean {
  return changes.every((c) => UNREAD_KINDS.has(c.kind));
}

/** The cells of one indicator (404 when it is not in the catalogue), or all without one. */
function onlyIndicator<T extends { indicator: string }>(fg: FlowGraph, cells: T[], indicator?: string): T[] {
  if (!indicator) return cells;
  assertIndicator(fg, indicator);
  return cells.filter((c) => c.indicator === indicator);
}

/**
 * One object per pair of parts for as long as both live: an answer made again from the same cached result and the
 * same inputs is the very object sent before, whose bytes and compressed bytes are kept (api/answer.ts).
 */
function joined<R extends object>(
  kept: WeakMap<object, WeakMap<object, object>>,
  a: object,
  b: object,
  make: () => R,
): R {
  let byB = kept.get(a);
  if (!byB) {
    byB = new WeakMap();
    kept.set(a, byB);
  }
  let joint = byB.get(b) as R | undefined;
  if (!joint) {
    joint = make();
    byB.set(b, joint);
  }
  return joint;
}

export class AnalysisService {
  private cache?: VersionCache;
  private loading?: Promise<VersionCache>;
  /** Answers by cached result and the inputs they name (run), or by answer and what a viewer is told besides. */
  private readonly answers = new WeakMap<object, WeakMap<object, object>>();

  constructor(private readonly store: GraphStore) {}

  /**
   * A country's coverage (or the matrix without a country), optionally of one indicator only. For a user who may not
   * see personal data, a country's cells show no route along a flow carrying it (coverageForViewer: the best route
   * along the flows the user sees, or none; `hidden.routes` counts those cells), and the matrix says how many of the
   * map's flows carry it (`hidden`): the statuses count them.
   */
  async coverage(options: AnalysisOptions, country?: string, indicator?: string, user?: SessionUser) {
    if (country) {
      const answer = await this.coverageOfCountry(options, country, indicator);
      if (!user || seesPersonalData(user)) return answer;
      return this.run('coverage-viewer', options, `${country}|${indicator ?? ''}`, (fg) =>
        coverageForViewer(fg, answer),
      );
    }
    const answer = await this.matrixOf(options, indicator);
    if (!user || seesPersonalData(user)) return answer;
    const hidden = await this.run('matrix-hidden', options, '', (fg) => ({ flows: personalFlowsOf(fg).size }));
    return joined(this.answers, answer, hidden, () => ({ ...answer, hidden: { flows: hidden.flows } }));
  }

  private coverageOfCountry(options: AnalysisOptions, country: string, indicator?: string) {
    return this.run('coverage', options, `${country}|${indicator ?? ''}`, (fg) => {
      const cov = countryCoverage(fg, country);
      return { ...cov, cells: onlyIndicator(fg, cov.cells, indicator) };
    });
  }

  private matrixOf(options: AnalysisOptions, indicator?: string) {
    return this.run('matrix', options, indicator ?? '', (fg) => {
      const m = coverageMatrix(fg);
      return { ...m, ...(indicator ? { indicators: [indicator] } : {}), cells: onlyIndicator(fg, m.cells, indicator) };
    });
  }

  /**
   * The suggestions; for a user who may not see personal data, without those extending a flow that carries it and
   * with `hidden`, how many were left out (hidden.ts). Plans start from every suggestion (no user).
   */
  async suggestions(options: AnalysisOptions, country: string, user?: SessionUser) {
    const answer = await this.run('suggestions', options, country, (fg) => suggestions(fg, country));
    if (!user || seesPersonalData(user)) return answer;
    return this.run('suggestions-viewer', options, country, (fg) => suggestionsForViewer(fg, answer));
  }

  /**
   * The bottlenecks; for a user who may not see personal data, the lists of flows without those carrying it and
   * `hidden`, how many were left out (hidden.ts).
   */
  async bottlenecks(options: AnalysisOptions, country: string, user?: SessionUser) {
    const answer = await this.run('bottlenecks', options, country, (fg) => bottlenecks(fg, country));
    if (!user || seesPersonalData(user)) return answer;
    // run() names the current inputs on every answer (the computedFrom spread in here is replaced).
    return this.run('bottlenecks-viewer', options, country, (fg) => bottlenecksForViewer(fg, answer));
  }

  /**
   * The NCP's position; for a user who may not see personal data, the cross-border lists without flows carrying it
   * and `hidden`, how many flows to or from the NCP carry it and how much of each count rests on them (hidden.ts).
   */
  async ncp(options: AnalysisOptions, country: string, user?: SessionUser) {
    const answer = await this.run('ncp', options, country, (fg) => ncpPosition(fg, country));
    if (!user || seesPersonalData(user)) return answer;
    return this.run('ncp-viewer', options, country, (fg) => ncpForViewer(fg, answer));
  }

  /**
   * The comparison; for a user who may not see personal data, each country also says how many of its counted
   * flows and cross-border channels carry personal data (`hidden`), so that the view can count what the user sees.
   */
  async compare(options: AnalysisOptions, countries?: readonly string[], user?: SessionUser) {
    const answer = await this.compareAll(options, countries);
    if (!user || seesPersonalData(user)) return answer; // no user: a caller inside the server (reports, tests)
    const hidden = await this.run('compare-hidden', options, countries?.join(',') ?? '', (fg) => ({
      byCountry: new Map(answer.countries.map((c) => [c.country, hiddenFlowsOf(fg, c.country)])),
    }));
    return joined(this.answers, answer, hidden, () => ({
      ...answer,
      countries: answer.countries.map((c) => ({ ...c, hidden: hidden.byCountry.get(c.country)! })),
    }));
  }

  private compareAll(options: AnalysisOptions, countries?: readonly string[]) {
    return this.run(
      'compare',
      options,
      countries?.join(',') ?? '',
      (fg) => compare(fg, countries ?? nationalCountries(fg)),
      // Every country's betweenness, two countries at a time (the comparison then finds them memoised).
      (fg) => prepareCountryDependencies(fg, countries ?? nationalCountries(fg)),
    );
  }

  /**
   * Never cached: every scenario is different. For a user who may not see personal data, the ids of flows carrying
   * it are unknown to the scenario (what-if.ts: the same answer as for an id the map does not have), the coverage
   * before and after shows no route along such a flow (coverageForViewer) and the NCP's positions are as ncp() gives
   * them to such a user (hidden.ts).
   */
  async whatIf(options: AnalysisOptions, input: WhatIfInput, user?: SessionUser) {
    const { fg, from } = await this.graph(options);
    if (!user || seesPersonalData(user)) return { ...whatIf(fg, input), computedFrom: from };
    const { answer, after } = whatIfWithGraph(fg, input, personalFlowsOf(fg));
    const ncp = { before: ncpForViewer(fg, answer.ncp.before), after: ncpForViewer(after, answer.ncp.after) };
    const coverage = { before: coverageForViewer(fg, answer.before), after: coverageForViewer(after, answer.after) };
    return { ...answer, ...coverage, ncp, computedFrom: from };
  }

  /** Validates a country against the current map (404 when it is not there). */
  async assertCountry(options: AnalysisOptions, country: string): Promise<void> {
    const { fg } = await this.graph(options);
    assertCountry(fg, country);
  }

  /**
   * Runs `compute` on the flow graph of `options`, cached per store version under `name` and `params` (also for
   * services built on this one); `prepare`, when given, first (only when the result is not cached yet).
   */
  async run<T extends object>(
    name: string,
    options: AnalysisOptions,
    params: string,
    compute: (fg: FlowGraph) => T,
    prepare?: (fg: FlowGraph) => Promise<void>,
  ): Promise<T & { computedFrom: ComputedFrom }> {
    const { fg, from, cache } = await this.graph(options);
    const key = `${name}|${optionsKey(options)}|${params}`;
    let result = cache.results.get(key) as T | undefined;
    if (!result && prepare) {
      await prepare(fg);
      result = cache.results.get(key) as T | undefined; // computed meanwhile by a request that asked at the same time
    }
    if (!result) {
      result = compute(fg);
      if (cache.results.size >= MAX_RESULTS) cache.results.delete(cache.results.keys().next().value!);
      cache.results.set(key, result);
    }
    const answer = result;
    return joined(this.answers, answer, from, () => ({ ...answer, computedFrom: from }));
  }

  private async graph(options: AnalysisOptions): Promise<{ fg: FlowGraph; from: ComputedFrom; cache: VersionCache }> {
    const cache = await this.current();
    const key = optionsKey(options);
    let fg = cache.graphs.get(key);
    if (!fg) {
      fg = buildFlowGraph(cache.snapshot.document, cache.snapshot.catalogue, options);
      const carried = cache.carried.get(key);
      if (carried) {
        seedCountryStructure(fg, carried);
        cache.carried.delete(key);
      }
      cache.graphs.set(key, fg);
    }
    const optionsJson = JSON.stringify(options);
    let from = cache.froms.get(optionsJson);
    if (!from) {
      from = { storeVersion: cache.storeVersion, snapshotTakenAt: cache.snapshot.takenAt, options };
      if (cache.froms.size >= MAX_RESULTS) cache.froms.delete(cache.froms.keys().next().value!);
      cache.froms.set(optionsJson, from);
    }
    return { fg, cache, from };
  }

  /** The cache of the store's current version; one load per version, shared by concurrent requests. */
  private async current(): Promise<VersionCache> {
    const version = await currentStoreVersion(this.store);
    if (this.cache?.storeVersion === version) return this.cache;
    if (!this.loading) {
      this.loading = this.load(this.cache)
        .then((loaded) => {
          this.cache = loaded;
          return loaded;
        })
        .finally(() => {
          this.loading = undefined;
        });
    }
    const loaded = await this.loading;
    // A load started for an older version serves only requests that saw that version.
    return loaded.storeVersion >= version ? loaded : this.current();
  }

  /** The next version's cache, keeping from `previous` what the changes in between cannot have touched. */
  private async load(previous: VersionCache | undefined): Promise<VersionCache> {
    let changes = previous ? await this.changesSince(previous.storeVersion) : undefined;
    if (previous && changes && nothingReadChanged(changes.changes)) {
      // The snapshot still holds everything the analyses read, as it is at this version.
      return { ...previous, storeVersion: changes.storeVersion, froms: new Map() };
    }
    const snapshot = await this.store.snapshot({});
    const cache: VersionCache = {
      storeVersion: snapshot.storeVersion,
      froms: new Map(),
      snapshot,
      graphs: new Map(),
      results: new Map(),
      carried: new Map(),
    };
    if (!previous || !previous.graphs.size) return cache;
    // The changes up to the snapshot's version exactly (the trail may list later ones too).
    if (!changes || changes.storeVersion < snapshot.storeVersion)
      changes = await this.changesSince(previous.storeVersion);
    if (!changes || changes.storeVersion < snapshot.storeVersion) return cache;
    const touched = structureTouched(changes.changes.filter((c) => c.storeVersion <= snapshot.storeVersion));
    if (!touched) return cache;
    const untouched = snapshot.document.countries.map((c) => c.code).filter((c) => !touched.has(c));
    for (const [key, fg] of previous.graphs) cache.carried.set(key, countryStructure(fg, untouched));
    return cache;
  }

  /** The changes after `version` when the store can list them all; undefined when it cannot tell (or has no such method). */
  private async changesSince(version: number): Promise<{ storeVersion: number; changes: TrailChange[] } | undefined> {
    const store = this.store as GraphStore & WithTrail;
    if (typeof store.changesSince !== 'function') return undefined;
    try {
      const answer = await store.changesSince(version);
      return answer.known ? answer : undefined;
    } catch {
      return undefined;
    }
  }
}
