// The analysis service's cache across store versions: what the audit trail says changed decides what
// is kept (everything, the structure of untouched countries, or nothing); what is kept answers exactly
// what a fresh computation does.
import {
  AnalysisService,
  nothingReadChanged,
  structureTouched,
  type TrailAnswer,
  type TrailChange,
} from '../../../server/services/analysis';
import {
  buildFlowGraph,
  countryBetweenness,
  countryDependencies,
  countryIndex,
  countryStructure,
  seedCountryStructure,
} from '../../../server/analysis/flow-graph';
import { AnalysisOptions } from '../../../server/analysis/options';
import type { MapDocument } from '../../../server/model';
import type { GraphStore, Snapshot } from '../../../server/store/port';
import { catalogue } from '../../support/catalogue';
import { syntheticRegion } from '../../perf/synthetic';

const options = AnalysisOptions.parse({});
const change = (storeVersion: number, kind: string, countries: string[]): TrailChange => ({
  storeVersion,
  kind,
  countries,
});

/** A store of versioned documents; `trail` is what changesSince answers (undefined: it cannot tell). */
class FakeStore {
  version = 1;
  documents = new Map<number, MapDocument>();
  trail: TrailChange[] | undefined = [];
  snapshots = 0;
  storeVersion = async () => this.version;
  snapshot = async (): Promise<Snapshot> => {
    this.snapshots++;
    return {
      scope: {},
      storeVersion: this.version,
      takenAt: `t${this.version}`,
      document: this.documents.get(this.version)!,
      catalogue: catalogue as Snapshot['catalogue'],
    };
  };
  changesSince = async (from: number): Promise<TrailAnswer> =>
    this.trail
      ? { known: true, storeVersion: this.version, changes: this.trail.filter((c) => c.storeVersion > from) }
      : { known: false, storeVersion: this.version };
  /** A new version with `document` (the same one when only unread kinds change). */
  write(document: MapDocument, changes: Array<[string, string[]]>): void {
    this.version++;
    this.documents.set(this.version, document);
    this.trail?.push(...changes.map(([kind, countries]) => change(this.version, kind, countries)));
  }
}

const base = syntheticRegion({ countries: 3, stakeholdersPerCountry: 60, seed: 5 });
/** The document without one flow between two stakeholders of `country`. */
function withoutAFlowIn(doc: MapDocument, country: string): { doc: MapDocument; flow: string } {
  const countryOf = new Map(doc.stakeholders.map((s) => [s.id, s.country]));
  const flow = doc.flows.find(
    (f) =>
      f.status === 'active' && f.from !== f.to && countryOf.get(f.from) === country && countryOf.get(f.to) === country,
  )!;
  return { doc: { ...doc, flows: doc.flows.filter((f) => f !== flow) }, flow: flow.id };
}
const strip = <T extends { computedFrom: unknown }>({ computedFrom: _c, ...rest }: T) => rest;

function fresh(doc: MapDocument, version: number) {
  const store = new FakeStore();
  store.version = version;
  store.documents.set(version, doc);
  return new AnalysisService(store as unknown as GraphStore);
}

describe('what the trail says changed', () => {
  test('when only interviews, reporting lines or memberships change, then nothing the analyses read changed', () => {
    expect(
      nothingReadChanged([
        change(2, 'interview', ['XA']),
        change(3, 'reportingLine', ['XA', 'XB']),
        change(4, 'membership', ['XB']),
      ]),
    ).toBe(true);
    expect(nothingReadChanged([change(2, 'interview', ['XA']), change(3, 'dataset', ['XA'])])).toBe(false);
    expect(nothingReadChanged([change(2, 'indicator', [])])).toBe(false);
  });

  test('when stakeholders or flows change, then their countries are touched; other kinds touch no structure; one naming no country touches all', () => {
    expect(
      structureTouched([
        change(2, 'flow', ['XA', 'XB']),
        change(3, 'dataset', ['XC']),
        change(4, 'stakeholder', ['XC']),
      ]),
    ).toEqual(new Set(['XA', 'XB', 'XC']));
    expect(
      structureTouched([change(2, 'dataset', ['XA']), change(3, 'indicator', []), change(4, 'network', ['XB'])]),
    ).toEqual(new Set());
    expect(structureTouched([change(2, 'flow', [])])).toBeUndefined();
  });
});

describe('carrying a country structure to the next version', () => {
  test('when an untouched country is seeded, then its index, dependencies and betweenness are the same objects and equal a fresh computation', () => {
    const before = buildFlowGraph(base, catalogue as never);
    for (const c of ['XA', 'XB', 'XC']) countryBetweenness(before, c);
    const { doc } = withoutAFlowIn(base, 'XA');
    const after = buildFlowGraph(doc, catalogue as never);
    seedCountryStructure(after, countryStructure(before, ['XB', 'XC']));
    expect(countryIndex(after, 'XB')).toBe(countryIndex(before, 'XB'));
    expect(countryDependencies(after, 'XC')).toBe(countryDependencies(before, 'XC'));
    expect(countryIndex(after, 'XA')).not.toBe(countryIndex(before, 'XA'));
    const check = buildFlowGraph(doc, catalogue as never);
    for (const c of ['XA', 'XB', 'XC']) expect(countryBetweenness(after, c)).toEqual(countryBetweenness(check, c));
    expect(() =>
      seedCountryStructure(
        buildFlowGraph(doc, catalogue as never, { ...options, includeInformal: false }),
        countryStructure(before, ['XB']),
      ),
    ).toThrow(/other options/);
  });
});

describe('the service across versions', () => {
  test('when only an interview changed, then no snapshot is read, the answers are kept and name the new version', async () => {
    const store = new FakeStore();
    store.documents.set(1, base);
    const service = new AnalysisService(store as unknown as GraphStore);
    const first = await service.compare(options);
    store.write(base, [['interview', ['XA']]]);
    const second = await service.compare(options);
    expect(store.snapshots).toBe(1);
    expect(second.computedFrom.storeVersion).toBe(2);
    expect(strip(second)).toEqual(strip(first));
    expect(strip(second)).toEqual(strip(await fresh(base, 2).compare(options)));
  });

  test('when a flow of one country changed, then a snapshot is read and every answer equals a fresh computation', async () => {
    const store = new FakeStore();
    store.documents.set(1, base);
    const service = new AnalysisService(store as unknown as GraphStore);
    await service.compare(options);
    await service.bottlenecks(options, 'XB');
    const { doc, flow } = withoutAFlowIn(base, 'XA');
    store.write(doc, [['flow', ['XA']]]);
    const check = fresh(doc, 2);
    expect(strip(await service.compare(options))).toEqual(strip(await check.compare(options)));
    for (const c of ['XA', 'XB'])
      expect(strip(await service.bottlenecks(options, c))).toEqual(strip(await check.bottlenecks(options, c)));
    expect(strip(await service.coverage(options))).toEqual(strip(await check.coverage(options)));
    expect(store.snapshots).toBe(2);
    expect((await service.bottlenecks(options, 'XA')).edgeBetweenness.some((e) => e.id === flow)).toBe(false);
  });

  test('when the trail cannot tell, then everything is read and computed again', async () => {
    const store = new FakeStore();
    store.trail = undefined;
    store.documents.set(1, base);
    const service = new AnalysisService(store as unknown as GraphStore);
    await service.compare(options);
    const { doc } = withoutAFlowIn(base, 'XB');
    store.write(doc, []);
    expect(strip(await service.compare(options))).toEqual(strip(await fresh(doc, 2).compare(options)));
    expect(store.snapshots).toBe(2);
  });

  test('when the store has no changesSince, then the cache is emptied on every new version', async () => {
    const store = new FakeStore();
    store.documents.set(1, base);
    store.documents.set(2, base);
    const bare = { storeVersion: store.storeVersion, snapshot: store.snapshot };
    const service = new AnalysisService(bare as unknown as GraphStore);
    await service.compare(options);
    store.version = 2;
    await service.compare(options);
    expect(store.snapshots).toBe(2);
  });
});
