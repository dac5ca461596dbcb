// A synthetic region for benchmarks and load tests: `syntheticRegion({ countries, stakeholdersPerCountry,
// seed })` builds a valid map document, the same for the same seed, shaped like a real region (DOMAIN.md's
// type mix, local -> regional -> national hubs -> NCP, uneven coverage, a few cross-border channels).
// CLI: npx tsx tests/perf/synthetic.ts --countries 13 --stakeholders 1000 [--seed 1] <out.json>
import { mulberry32 } from '../support/random';
import fs from 'node:fs';
import path from 'node:path';
import {
  FORMAT_VERSION,
  sectorOf,
  type Basis,
  type Channel,
  type Confidence,
  type Country,
  type Dataset,
  type Flow,
  type FlowStatus,
  type Frequency,
  type Granularity,
  type Interview,
  type Level,
  type MapDocument,
  type Membership,
  type Network,
  type PersonalData,
  type ReportingLine,
  type Sector,
  type Stakeholder,
  type StakeholderType,
  type Trigger,
} from '../../server/model';

export interface SyntheticOptions {
  countries: number;
  stakeholdersPerCountry: number;
  seed: number;
  /** The indicator catalogue whose `typicalHolders` decide what datasets cover; default: the shipped one. */
  catalogue?: { indicators: ReadonlyArray<{ code: string; typicalHolders?: readonly string[] }> };
}

/** User-assigned ISO 3166-1 codes (test maps): XA-XZ, then QM-QZ. */
export const SYNTHETIC_CODES: readonly string[] = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c) => `X${c}`),
  ...'MNOPQRSTUVWXYZ'.split('').map((c) => `Q${c}`),
];

const MIN_STAKEHOLDERS = 1;
const DATASETS_PER_STAKEHOLDER = 0.6;
const INTERVIEW_ROUND = '2026-baseline';

class Random {
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('syntheticRegion: pick from an empty list');
    return items[this.int(items.length)]!;
  }
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let x = this.next() * total;
    for (const [value, w] of entries) {
      x -= w;
      if (x < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  /** k distinct items (k capped at the list's length), in the list's order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const idx = items.map((_, i) => i);
    for (let i = 0; i < Math.min(k, idx.length); i++) {
      const j = i + this.int(idx.length - i);
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    return idx
      .slice(0, Math.min(k, idx.length))
      .sort((a, b) => a - b)
      .map((i) => items[i]!);
  }
}

// The national core every country gets first (in this order, truncated for very small countries).
// `parent` is where its upward flow goes; `rank` orders the upward pass (senders before receivers).
interface CoreSpec {
  key: string;
  type: StakeholderType;
  name: string;
  parent?: string;
  rank: number;
  hubOf?: Sector;
}
const CORE: readonly CoreSpec[] = [
  { key: 'ncp', type: 'ministry', name: 'National contact point', rank: 9 },
  {
    key: 'police',
    type: 'police',
    name: 'National police unit against trafficking',
    parent: 'ncp',
    rank: 7,
    hubOf: 'law_enforcement',
  },
  {
    key: 'coordinator',
    type: 'national_coordinator',
    name: 'National anti-trafficking coordinator',
    parent: 'ncp',
    rank: 7,
    hubOf: 'governance',
  },
  {
    key: 'migration',
    type: 'migration_authority',
    name: 'Migration agency',
    parent: 'ncp',
    rank: 7,
    hubOf: 'migration',
  },
  {
    key: 'welfare-board',
    type: 'child_welfare',
    name: 'National child welfare board',
    parent: 'ncp',
    rank: 7,
    hubOf: 'child_protection',
  },
  {
    key: 'prosecutor',
    type: 'prosecution',
    name: "Prosecutor general's office",
    parent: 'justice',
    rank: 7,
    hubOf: 'justice',
  },
  { key: 'statistics', type: 'statistics_office', name: 'National statistics office', parent: 'ncp', rank: 6 },
  { key: 'nrm', type: 'nrm_secretariat', name: 'National referral mechanism secretariat', parent: 'ncp', rank: 6 },
  { key: 'intel', type: 'criminal_intelligence', name: 'Criminal intelligence service', parent: 'police', rank: 6 },
  { key: 'justice', type: 'justice_ministry', name: 'Ministry of justice', parent: 'ncp', rank: 8 },
  { key: 'border', type: 'border_guard', name: 'Border guard headquarters', parent: 'police', rank: 6 },
  { key: 'hotline', type: 'hotline', name: 'National child helpline', parent: 'coordinator', rank: 6 },
  {
    key: 'ngo-coalition',
    type: 'ngo',
    name: 'National NGO coalition against trafficking',
    parent: 'coordinator',
    rank: 6,
    hubOf: 'civil_society',
  },
  { key: 'ombudsperson', type: 'children_ombudsperson', name: "Children's ombudsperson", parent: 'ncp', rank: 6 },
  { key: 'labour', type: 'labour_inspectorate', name: 'Labour inspectorate', parent: 'police', rank: 6 },
];
const NCP_TYPES: readonly StakeholderType[] = ['ministry', 'ncp_office', 'national_coordinator'];

// The rest of a country, by share (percent): DOMAIN.md's types, local units reporting to regional ones.
interface MixSpec {
  type: StakeholderType;
  level: Level;
  label: string;
  share: number;
}
const MIX: readonly MixSpec[] = [
  // child_protection 25
  { type: 'child_welfare', level: 'local', label: 'Municipal child welfare', share: 14 },
  { type: 'care_institution', level: 'local', label: 'Residential care home', share: 3 },
  { type: 'health', level: 'local', label: 'Health centre', share: 2 },
  { type: 'education', level: 'local', label: 'School district', share: 1 },
  { type: 'barnahus', level: 'regional', label: 'Barnahus', share: 2 },
  { type: 'victim_support', level: 'regional', label: 'Victim support office', share: 1.5 },
  { type: 'guardian_service', level: 'regional', label: 'Guardian service', share: 1.5 },
  // law_enforcement 20
  { type: 'police', level: 'regional', label: 'Regional police unit', share: 7 },
  { type: 'police', level: 'local', label: 'Local police station', share: 8 },
  { type: 'border_guard', level: 'regional', label: 'Border guard post', share: 2 },
  { type: 'labour_inspectorate', level: 'regional', label: 'Regional labour inspection', share: 1.5 },
  { type: 'tax_customs', level: 'regional', label: 'Customs office', share: 1 },
  { type: 'criminal_intelligence', level: 'regional', label: 'Regional intelligence cell', share: 0.5 },
  // civil_society 15
  { type: 'ngo', level: 'local', label: 'NGO shelter', share: 6 },
  { type: 'ngo', level: 'regional', label: 'NGO regional office', share: 2 },
  { type: 'outreach_service', level: 'local', label: 'Street outreach service', share: 3 },
  { type: 'hotline', level: 'regional', label: 'Helpline branch', share: 1 },
  { type: 'red_cross', level: 'regional', label: 'Red Cross branch', share: 1.5 },
  { type: 'research', level: 'national', label: 'Research institute', share: 1.5 },
  // migration 10
  { type: 'reception_centre', level: 'local', label: 'Reception centre for unaccompanied minors', share: 7 },
  { type: 'migration_authority', level: 'regional', label: 'Regional migration office', share: 2 },
  { type: 'consulate', level: 'national', label: 'Consulate of a country of origin', share: 1 },
  // justice 10
  { type: 'prosecution', level: 'regional', label: "Regional prosecutor's office", share: 4.5 },
  { type: 'court', level: 'regional', label: 'District court', share: 3.5 },
  { type: 'guardianship_authority', level: 'local', label: 'Guardianship authority', share: 2 },
  // governance 20
  { type: 'municipality', level: 'local', label: 'Municipality', share: 12 },
  { type: 'national_coordinator', level: 'regional', label: 'Regional anti-trafficking coordinator', share: 3 },
  { type: 'ministry', level: 'national', label: 'Ministry', share: 2 },
  { type: 'statistics_office', level: 'regional', label: 'Regional statistics office', share: 1.5 },
  { type: 'national_rapporteur', level: 'national', label: 'National rapporteur', share: 0.5 },
  { type: 'nrm_secretariat', level: 'regional', label: 'Regional referral point', share: 1 },
];

// The international layer (country INT).
const INT_BODIES: ReadonlyArray<{ key: string; type: StakeholderType; name: string }> = [
  { key: 'europol', type: 'europol', name: 'Europol (synthetic)' },
  { key: 'interpol', type: 'interpol', name: 'Interpol (synthetic)' },
  { key: 'frontex', type: 'frontex', name: 'Frontex (synthetic)' },
  { key: 'eu-atc', type: 'eu_body', name: 'EU anti-trafficking coordinator (synthetic)' },
  { key: 'eurostat', type: 'eu_body', name: 'Eurostat (synthetic)' },
  { key: 'emn', type: 'eu_body', name: 'European Migration Network (synthetic)' },
  { key: 'cbss', type: 'cbss', name: 'CBSS Children at Risk unit (synthetic)' },
  { key: 'iom', type: 'un_agency', name: 'IOM (synthetic)' },
  { key: 'unicef', type: 'un_agency', name: 'UNICEF (synthetic)' },
  { key: 'unhcr', type: 'un_agency', name: 'UNHCR (synthetic)' },
  { key: 'unodc', type: 'un_agency', name: 'UNODC (synthetic)' },
  { key: 'ecpat', type: 'ngo_network', name: 'Child-rights NGO network (synthetic)' },
  { key: 'lastrada', type: 'ngo_network', name: 'Anti-trafficking NGO network (synthetic)' },
  { key: 'greta', type: 'other_international', name: 'Council of Europe expert group (synthetic)' },
  { key: 'osce', type: 'other_international', name: 'OSCE special representative (synthetic)' },
];

const FREQUENCIES: ReadonlyArray<readonly [Frequency, number]> = [
  ['continuous', 20],
  ['monthly', 20],
  ['quarterly', 20],
  ['biannual', 8],
  ['annual', 20],
  ['ad_hoc', 12],
];
const LATENCY: Record<Frequency, readonly [number, number]> = {
  continuous: [0, 7],
  monthly: [10, 45],
  quarterly: [30, 120],
  biannual: [60, 200],
  annual: [90, 365],
  ad_hoc: [1, 30],
};
const FORMAL_BASES: ReadonlyArray<readonly [Basis, number]> = [
  ['statutory', 50],
  ['agreement', 33],
  ['project', 17],
];
const CONFIDENCES: ReadonlyArray<readonly [Confidence, number]> = [
  ['confirmed', 35],
  ['reported', 45],
  ['assumed', 20],
];
const STATUSES: ReadonlyArray<readonly [FlowStatus, number]> = [
  ['active', 95],
  ['planned', 3],
  ['broken', 2],
];
const TRIGGERS: readonly Trigger[] = ['push', 'on_request', 'event'];
const CHANNELS: readonly Channel[] = [
  'secure_system',
  'database_access',
  'report',
  'questionnaire',
  'meeting',
  'email_phone',
  'other',
];
const GRANULARITIES: readonly Granularity[] = ['case', 'pseudonymised_case', 'aggregate', 'qualitative'];
const PERSONAL: readonly PersonalData[] = ['none', 'personal', 'special_category', 'criminal_offence'];
const DISAGGREGATIONS: ReadonlyArray<NonNullable<Dataset['disaggregation']>[number]> = [
  'age',
  'sex',
  'citizenship',
  'exploitation_form',
  'region',
  'referring_agency',
  'legal_status',
];

interface Node {
  s: Stakeholder;
  sector: Sector;
  region: number;
  rank: number;
  core?: CoreSpec;
}

/** Everything one generation run shares: the PRNG, the document under construction, who knows what. */
class Builder {
  readonly doc: MapDocument = {
    formatVersion: FORMAT_VERSION,
    countries: [],
    stakeholders: [],
    datasets: [],
    flows: [],
    reportingLines: [],
    networks: [],
    memberships: [],
    interviews: [],
  };
  /** Indicators a stakeholder holds or receives over active flows (what its flows may carry). */
  readonly known = new Map<string, Set<string>>();
  readonly typical = new Map<string, string[]>();
  readonly pairs = new Set<string>();

  constructor(
    readonly rng: Random,
    readonly codes: readonly string[],
    catalogue: NonNullable<SyntheticOptions['catalogue']>,
  ) {
    for (const indicator of catalogue.indicators) {
      for (const type of indicator.typicalHolders ?? [])
        this.typical.set(type, [...(this.typical.get(type) ?? []), indicator.code]);
    }
  }

  knownOf(id: string): Set<string> {
    let set = this.known.get(id);
    if (!set) this.known.set(id, (set = new Set()));
    return set;
  }

  /** Each known indicator with probability p (at least one), in catalogue order, minus `exclude`. */
  carry(from: string, p: number, exclude?: ReadonlySet<string>): string[] {
    const known = this.knownOf(from);
    const candidates = this.codes.filter((c) => known.has(c) && !exclude?.has(c));
    if (!candidates.length) return [];
    const chosen = candidates.filter(() => this.rng.chance(p));
    return chosen.length ? chosen : [this.rng.pick(candidates)];
  }

  addFlow(
    id: string,
    from: string,
    to: string,
    indicators: string[],
    evidence: readonly string[],
    formal = false,
  ): Flow {
    const r = this.rng;
    const basis: Basis = !formal && r.chance(0.1) ? 'informal' : r.weighted(FORMAL_BASES);
    const status = r.weighted(STATUSES);
    const frequency = basis === 'informal' && r.chance(0.5) ? 'ad_hoc' : r.weighted(FREQUENCIES);
    const flow: Flow = {
      id,
      from,
      to,
      indicators,
      basis,
      trigger: basis === 'informal' ? 'on_request' : r.pick(TRIGGERS),
      frequency,
      status,
      personDependent: r.chance(basis === 'informal' ? 0.35 : 0.05),
      evidence: evidence.length && r.chance(0.1) ? [r.pick(evidence)] : [],
      confidence: r.weighted(CONFIDENCES),
    };
    if (r.chance(0.7)) flow.channel = basis === 'informal' ? 'email_phone' : r.pick(CHANNELS);
    if (r.chance(0.6)) flow.granularity = r.pick(GRANULARITIES);
    if (r.chance(0.7)) {
      const [lo, hi] = LATENCY[frequency];
      flow.latencyDays = lo + r.int(hi - lo + 1);
    }
    if (r.chance(0.4)) flow.since = 2000 + r.int(26);
    this.doc.flows.push(flow);
    this.pairs.add(`${from}>${to}`);
    if (status === 'active') {
      const known = this.knownOf(to);
      for (const code of indicators) known.add(code);
    }
    return flow;
  }

  addDataset(id: string, holder: Node, name: string, indicators: string[]): void {
    const r = this.rng;
    const dataset: Dataset = {
      id,
      name,
      holder: holder.s.id,
      indicators,
      granularity: holder.s.level === 'local' ? r.pick(['case', 'case', 'aggregate'] as const) : r.pick(GRANULARITIES),
      frequency: r.weighted(FREQUENCIES),
    };
    if (r.chance(0.6)) dataset.disaggregation = r.sample(DISAGGREGATIONS, 1 + r.int(4));
    if (r.chance(0.7)) dataset.personalData = r.pick(PERSONAL);
    if (r.chance(0.5)) dataset.definitionAligned = r.chance(0.6);
    if (r.chance(0.5)) dataset.since = 1995 + r.int(31);
    this.doc.datasets.push(dataset);
    const known = this.knownOf(holder.s.id);
    for (const code of indicators) known.add(code);
  }
}

interface CountryState {
  code: string;
  prefix: string;
  nodes: Node[];
  byKey: Map<string, Node>;
  ncp: Node;
  /** Indicators never carried into this NCP (its blind spots). */
  blind: Set<string>;
  interviews: string[];
}

/** A synthetic region: `countries` countries of exactly `stakeholdersPerCountry` stakeholders each, plus INT. */
export function syntheticRegion(options: SyntheticOptions): MapDocument {
  const { countries, stakeholdersPerCountry: n, seed } = options;
  if (!Number.isInteger(countries) || countries < 1 || countries > SYNTHETIC_CODES.length) {
    throw new Error(
      `syntheticRegion: countries must be a whole number from 1 to ${SYNTHETIC_CODES.length}, got ${countries}`,
    );
  }
  if (!Number.isInteger(n) || n < MIN_STAKEHOLDERS) {
    throw new Error(
      `syntheticRegion: stakeholdersPerCountry must be a whole number of at least ${MIN_STAKEHOLDERS}, got ${n}`,
    );
  }
  if (!Number.isInteger(seed)) throw new Error(`syntheticRegion: seed must be a whole number, got ${seed}`);
  const catalogue = options.catalogue ?? shippedCatalogue();
  const codes = catalogue.indicators.map((i) => i.code);
  const b = new Builder(new Random(mulberry32(seed)), codes, catalogue);

  const intl = buildInternational(b);
  const states = SYNTHETIC_CODES.slice(0, countries).map((code) => buildCountry(b, code, n));
  crossBorder(b, states, intl);
  ncpNetwork(b, states, intl);
  return b.doc;
}

function buildInternational(b: Builder): Map<string, Node> {
  b.doc.countries.push({ code: 'INT', name: 'International', euMember: false, cbssMember: false, illustrative: true });
  const nodes = new Map<string, Node>();
  for (const body of INT_BODIES) {
    const s: Stakeholder = {
      id: `int-syn-${body.key}`,
      name: body.name,
      country: 'INT',
      type: body.type,
      level: 'international',
      ncp: false,
      tags: ['synthetic'],
    };
    b.doc.stakeholders.push(s);
    const node: Node = { s, sector: 'international', region: 0, rank: 0 };
    nodes.set(body.key, node);
    const typical = b.typical.get(body.type) ?? [];
    if (typical.length) b.addDataset(`int-syn-d-${body.key}`, node, `${body.name}: data collection`, typical);
  }
  return nodes;
}

function buildCountry(b: Builder, code: string, n: number): CountryState {
  const r = b.rng;
  const prefix = code.toLowerCase();
  const country: Country = {
    code,
    name: `Synthetic ${code}`,
    euMember: r.chance(0.7),
    cbssMember: true,
    illustrative: true,
  };
  b.doc.countries.push(country);

  // Country-level unevenness: indicators nobody here collects, and indicators never passed to the NCP.
  const notCollected = new Set(r.sample(b.codes, 1 + r.int(2)));
  const blind = new Set(
    r.sample(
      b.codes.filter((c) => !notCollected.has(c)),
      2 + r.int(3),
    ),
  );

  const nodes: Node[] = [];
  const byKey = new Map<string, Node>();
  const core = CORE.slice(0, Math.min(n, CORE.length));
  for (const spec of core) {
    const type = spec.key === 'ncp' ? r.pick(NCP_TYPES) : spec.type;
    const s: Stakeholder = {
      id: `${prefix}-${spec.key}`,
      name: `${spec.name} (${code})`,
      country: code,
      type,
      level: 'national',
      ncp: spec.key === 'ncp',
      tags: spec.hubOf || spec.key === 'ncp' ? ['synthetic', 'hub'] : ['synthetic'],
    };
    const node: Node = { s, sector: sectorOf(type), region: -1, rank: spec.rank, core: spec };
    nodes.push(node);
    byKey.set(spec.key, node);
  }
  const rest = n - core.length;
  const regions = Math.max(1, Math.round(rest / 40));
  const width = Math.max(4, String(n).length);
  let serial = 0;
  quotas(rest).forEach((count, m) => {
    const spec = MIX[m]!;
    const offset = r.int(regions);
    for (let i = 0; i < count; i++) {
      const region = spec.level === 'national' ? -1 : (offset + i) % regions;
      serial += 1;
      const s: Stakeholder = {
        id: `${prefix}-s${String(serial).padStart(width, '0')}`,
        name: `${spec.label}${region >= 0 ? `, region ${region + 1}` : ''} (${code} #${serial})`,
        country: code,
        type: spec.type,
        level: spec.level,
        ncp: false,
        tags: ['synthetic'],
      };
      const rank = spec.level === 'local' ? 0 : spec.level === 'regional' ? 1 : 5;
      nodes.push({ s, sector: sectorOf(spec.type), region, rank });
    }
  });
  for (const node of nodes) b.doc.stakeholders.push(node.s);
  const ncp = byKey.get('ncp')!;

  const interviews = ['ncp', 'police', 'coordinator'].flatMap((key, i) => {
    const node = byKey.get(key);
    if (!node || (i === 2 && r.chance(0.5))) return [];
    const interview: Interview = {
      id: `${prefix}-i${i + 1}`,
      date: `2025-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
      stakeholder: node.s.id,
      interviewer: 'consultant',
      round: INTERVIEW_ROUND,
      notes: 'Synthetic interview for load tests.',
    };
    b.doc.interviews.push(interview);
    return [interview.id];
  });

  const state: CountryState = { code, prefix, nodes, byKey, ncp, blind, interviews };
  datasets(b, state, n, notCollected);
  flows(b, state, n);
  reportingLines(b, state);
  networks(b, state);
  return state;
}

/** Stakeholders per MIX entry for `rest` places: shares rounded by largest remainder, summing to `rest`. */
function quotas(rest: number): number[] {
  if (rest <= 0) return MIX.map(() => 0);
  const total = MIX.reduce((s, m) => s + m.share, 0);
  const exact = MIX.map((m) => (m.share / total) * rest);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, c) => c[0] - a[0] || a[1] - c[1]);
  const missing = rest - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; k < missing; k++) counts[order[k]![1]]! += 1;
  return counts;
}

/** About 0.6 datasets per stakeholder, each covering indicators its holder's type typically holds. */
function datasets(b: Builder, c: CountryState, n: number, notCollected: ReadonlySet<string>): void {
  const r = b.rng;
  const typicalOf = (node: Node) => (b.typical.get(node.s.type) ?? []).filter((code) => !notCollected.has(code));
  const eligible = c.nodes.filter((node) => typicalOf(node).length > 0);
  // National agencies hold one dataset each; the rest of the ~0.6 per stakeholder is spread over the others.
  const coreEligible = new Set(eligible.filter((node) => node.core && !node.s.ncp));
  const others = eligible.filter((node) => !coreEligible.has(node));
  const budget = Math.max(0, Math.round(DATASETS_PER_STAKEHOLDER * n) - coreEligible.size);
  const perOther = others.length ? budget / others.length : 0;
  let serial = 0;
  for (const node of eligible) {
    const count = coreEligible.has(node)
      ? 1
      : Math.floor(perOther) + (r.chance(perOther - Math.floor(perOther)) ? 1 : 0);
    for (let k = 0; k < count; k++) {
      const typical = typicalOf(node);
      const picked = typical.filter(() => r.chance(0.6));
      serial += 1;
      b.addDataset(
        `${c.prefix}-d${String(serial).padStart(4, '0')}`,
        node,
        `${node.s.name}: register ${k + 1}`,
        picked.length ? picked : [r.pick(typical)],
      );
    }
  }
}

/** Where a stakeholder's upward flow goes (local -> regional -> national hub -> NCP). */
function parentOf(
  c: CountryState,
  node: Node,
  regionalBySector: Map<string, Node[]>,
  hubs: Map<Sector, Node>,
  r: Random,
): Node | undefined {
  if (node.s.ncp) return undefined;
  const hub = (sector: Sector): Node => hubs.get(sector) ?? c.byKey.get('coordinator') ?? c.ncp;
  if (node.core) {
    const parent = node.core.parent ? c.byKey.get(node.core.parent) : undefined;
    const fallback = hub(node.sector);
    return parent ?? (node.core.hubOf || fallback === node ? c.ncp : fallback);
  }
  if (node.s.level === 'local') {
    const inRegion = regionalBySector.get(`${node.sector}|${node.region}`);
    if (inRegion?.length) return r.pick(inRegion);
    const anywhere = regionalBySector.get(node.sector);
    if (anywhere?.length) return r.pick(anywhere);
  }
  if (node.s.level === 'national' && (node.s.type === 'ministry' || node.s.type === 'national_rapporteur'))
    return c.ncp;
  return hub(node.sector);
}

function flows(b: Builder, c: CountryState, n: number): void {
  const r = b.rng;
  const hubs = new Map<Sector, Node>();
  for (const node of c.nodes) if (node.core?.hubOf) hubs.set(node.core.hubOf, node);
  const regionalBySector = new Map<string, Node[]>();
  const byRegionLevel = new Map<string, Node[]>();
  const push = (map: Map<string, Node[]>, key: string, node: Node) => map.set(key, [...(map.get(key) ?? []), node]);
  for (const node of c.nodes) {
    if (node.s.level === 'regional') {
      push(regionalBySector, `${node.sector}|${node.region}`, node);
      push(regionalBySector, node.sector, node);
    }
    push(byRegionLevel, `${node.region}|${node.s.level}`, node);
  }
  const hubList = [...hubs.values()];
  const nonNcp = c.nodes.filter((node) => !node.s.ncp);
  let serial = 0;
  const width = Math.max(5, String(n * 6).length);
  const domestic: Flow[] = [];
  const add = (from: Node, to: Node, p: number, formal = false): boolean => {
    if (from === to) return false;
    const indicators = b.carry(from.s.id, p, to.s.ncp ? c.blind : undefined);
    if (!indicators.length) return false;
    serial += 1;
    domestic.push(
      b.addFlow(
        `${c.prefix}-f${String(serial).padStart(width, '0')}`,
        from.s.id,
        to.s.id,
        indicators,
        c.interviews,
        formal,
      ),
    );
    return true;
  };

  // Upward pass, senders before receivers, so hubs know what their units send them.
  const parents = new Map<Node, Node>();
  const upward = [...c.nodes].sort((x, y) => x.rank - y.rank);
  for (const node of upward) {
    const parent = parentOf(c, node, regionalBySector, hubs, r);
    if (!parent) continue;
    parents.set(node, parent);
    add(node, parent, 0.75, node.core !== undefined && r.chance(0.8));
  }

  // Then second routes, peers, feedback, hubs and the NCP directly, until 4-5 flows per stakeholder.
  const target = Math.round(n * (4 + r.next()));
  const byId = new Map(c.nodes.map((node) => [node.s.id, node]));
  for (let attempts = 0; nonNcp.length && domestic.length < target && attempts < target * 20; attempts++) {
    const kind = r.weighted([
      ['second', 30],
      ['peer', 30],
      ['feedback', 20],
      ['hub', 10],
      ['ncp', 5],
      ['parallel', 5],
    ] as const);
    if (kind === 'feedback' || kind === 'parallel') {
      if (!domestic.length) continue;
      const f = r.pick(domestic);
      const from = byId.get(kind === 'feedback' ? f.to : f.from)!;
      const to = byId.get(kind === 'feedback' ? f.from : f.to)!;
      if (kind === 'feedback' && b.pairs.has(`${from.s.id}>${to.s.id}`)) continue;
      add(from, to, 0.4);
      continue;
    }
    const from = r.pick(nonNcp);
    let to: Node | undefined;
    if (kind === 'second') {
      const candidates =
        from.s.level === 'local'
          ? (byRegionLevel.get(`${from.region}|regional`) ?? []).filter((x) => x.sector !== from.sector)
          : hubList.filter((x) => x !== parents.get(from));
      to = candidates.length ? r.pick(candidates) : undefined;
    } else if (kind === 'peer') {
      const candidates = byRegionLevel.get(`${from.region}|${from.s.level}`) ?? [];
      to = candidates.length > 1 ? r.pick(candidates) : undefined;
    } else if (kind === 'hub') {
      to = from.s.level !== 'national' && hubList.length ? r.pick(hubList) : undefined;
    } else {
      to = from.s.level !== 'local' ? c.ncp : undefined;
    }
    if (!to) continue;
    if (b.pairs.has(`${from.s.id}>${to.s.id}`) && !r.chance(0.1)) continue; // parallel flows stay occasional
    add(from, to, 0.5);
  }
}

function reportingLines(b: Builder, c: CountryState): void {
  const r = b.rng;
  const ministry = c.byKey.get('justice') ?? c.ncp;
  let serial = 0;
  const line = (from: Node, to: Node, kind: ReportingLine['kind']) => {
    if (from === to) return;
    serial += 1;
    b.doc.reportingLines.push({
      id: `${c.prefix}-r${String(serial).padStart(4, '0')}`,
      from: from.s.id,
      to: to.s.id,
      kind,
      evidence: c.interviews.length && r.chance(0.05) ? [r.pick(c.interviews)] : [],
    });
  };
  const regional = c.nodes.filter((node) => node.s.level === 'regional');
  for (const node of c.nodes) {
    if (node.s.ncp) continue;
    if (node.core?.hubOf && node.core.hubOf !== 'civil_society') line(node, ministry, 'supervision');
    else if (node.core?.parent && node.sector !== 'civil_society')
      line(node, c.byKey.get(node.core.parent) ?? c.ncp, 'hierarchy');
    else if (node.s.level === 'local' && node.sector !== 'civil_society' && r.chance(0.5)) {
      const superiors = regional.filter((x) => x.sector === node.sector && x.region === node.region);
      if (superiors.length) line(node, r.pick(superiors), 'hierarchy');
    } else if (node.s.level === 'regional' && node.sector !== 'civil_society' && r.chance(0.7)) {
      const hub = c.nodes.find((x) => x.core?.hubOf === node.sector);
      if (hub) line(node, hub, 'hierarchy');
    } else if (node.sector === 'civil_society' && r.chance(0.2)) {
      line(node, c.byKey.get('coordinator') ?? c.ncp, 'funding');
    }
  }
  const coordinator = c.byKey.get('coordinator');
  if (coordinator) line(coordinator, c.ncp, 'mandate');
}

function networks(b: Builder, c: CountryState): void {
  const r = b.rng;
  const taskForce: Network = {
    id: `${c.prefix}-net-taskforce`,
    name: `National task force (${c.code})`,
    country: c.code,
    kind: 'task_force',
    meets: 'monthly',
  };
  b.doc.networks.push(taskForce);
  const members: Membership[] = c.nodes
    .filter((node) => node.core)
    .map((node) => ({
      stakeholder: node.s.id,
      network: taskForce.id,
      role: node.s.ncp ? 'chair' : node.core?.key === 'coordinator' ? 'secretariat' : 'member',
    }));
  const regional = c.nodes.filter((node) => node.s.level === 'regional');
  for (const node of r.sample(regional, 8))
    members.push({ stakeholder: node.s.id, network: taskForce.id, role: r.chance(0.2) ? 'observer' : 'member' });
  b.doc.memberships.push(...members);

  const region = c.nodes.filter((node) => node.region === 0);
  if (region.length >= 3) {
    const mdn: Network = {
      id: `${c.prefix}-net-region1`,
      name: `Region 1 multidisciplinary network (${c.code})`,
      country: c.code,
      kind: 'multidisciplinary_network',
      meets: 'quarterly',
    };
    b.doc.networks.push(mdn);
    const picked = r.sample(region, 25);
    const chair = picked.find((node) => node.s.type === 'national_coordinator') ?? picked[0]!;
    for (const node of picked)
      b.doc.memberships.push({ stakeholder: node.s.id, network: mdn.id, role: node === chair ? 'chair' : 'member' });
  }
}

/** A few cross-border channels per country (to other NCPs and to international bodies), then INT's own flows. */
function crossBorder(b: Builder, states: CountryState[], intl: Map<string, Node>): void {
  const r = b.rng;
  const int = (key: string) => intl.get(key)!;
  let serial = 0;
  const add = (from: Node, to: Node, exclude?: ReadonlySet<string>, evidence: readonly string[] = []) => {
    const indicators = b.carry(from.s.id, 0.4, exclude);
    if (!indicators.length) return;
    serial += 1;
    b.addFlow(
      `${from.s.country === 'INT' ? 'int' : from.s.country.toLowerCase()}-x${String(serial).padStart(4, '0')}`,
      from.s.id,
      to.s.id,
      indicators,
      evidence,
    );
  };
  states.forEach((c, i) => {
    const other = states.length > 1 ? states[(i + 1 + r.int(states.length - 1)) % states.length]! : undefined;
    if (other && other !== c) {
      add(c.ncp, other.ncp, other.blind, c.interviews);
      if (r.chance(0.5)) add(other.ncp, c.ncp, c.blind, other.interviews);
    }
    const police = c.byKey.get('police');
    if (police) {
      add(police, int('europol'), undefined, c.interviews);
      if (r.chance(0.6)) add(police, int('interpol'), undefined, c.interviews);
    }
    const border = c.byKey.get('border');
    if (border) add(border, int('frontex'));
    const migration = c.byKey.get('migration');
    if (migration && r.chance(0.7)) add(migration, int(r.pick(['iom', 'unhcr', 'emn'])));
    const statistics = c.byKey.get('statistics');
    if (statistics && r.chance(0.7)) add(statistics, int('eurostat'));
    add(c.ncp, int('cbss'));
  });
  // The international layer passes on among itself, then back to national hubs and NCPs.
  const peers: Array<[string, string]> = [
    ['frontex', 'europol'],
    ['interpol', 'europol'],
    ['europol', 'interpol'],
    ['eurostat', 'eu-atc'],
    ['emn', 'eu-atc'],
    ['iom', 'unicef'],
    ['unhcr', 'unicef'],
    ['unodc', 'greta'],
    ['ecpat', 'cbss'],
    ['lastrada', 'cbss'],
    ['osce', 'greta'],
  ];
  for (const [from, to] of peers) add(int(from), int(to));
  for (const c of states) {
    if (r.chance(0.5)) add(int('europol'), c.ncp, c.blind);
    if (r.chance(0.5)) add(int('europol'), c.byKey.get('police') ?? c.ncp, c.byKey.has('police') ? undefined : c.blind);
    if (r.chance(0.3)) add(int('interpol'), c.ncp, c.blind);
    if (r.chance(0.6)) add(int('cbss'), c.ncp, c.blind);
    if (r.chance(0.3))
      add(
        int(r.pick(['iom', 'unicef', 'unhcr'])),
        c.byKey.get('migration') ?? c.ncp,
        c.byKey.has('migration') ? undefined : c.blind,
      );
  }
}

function ncpNetwork(b: Builder, states: CountryState[], intl: Map<string, Node>): void {
  const network: Network = {
    id: 'int-syn-ncpnet',
    name: 'Synthetic network of National Contact Points',
    country: 'INT',
    kind: 'ncp_network',
    meets: 'biannual',
  };
  b.doc.networks.push(network);
  b.doc.memberships.push({ stakeholder: intl.get('cbss')!.s.id, network: network.id, role: 'secretariat' });
  b.doc.memberships.push({ stakeholder: intl.get('europol')!.s.id, network: network.id, role: 'observer' });
  for (const c of states) b.doc.memberships.push({ stakeholder: c.ncp.s.id, network: network.id, role: 'member' });
}

let cachedCatalogue: SyntheticOptions['catalogue'];
function shippedCatalogue(): NonNullable<SyntheticOptions['catalogue']> {
  cachedCatalogue ??= JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../seed/reference/catalogue.json'), 'utf8'),
  ) as NonNullable<SyntheticOptions['catalogue']>;
  return cachedCatalogue;
}

function cli(argv: readonly string[]): void {
  const usage = 'usage: npx tsx tests/perf/synthetic.ts --countries 13 --stakeholders 1000 [--seed 1] <out.json>';
  const values: Record<string, number> = { countries: NaN, stakeholders: NaN, seed: 1 };
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (!(name in values) || argv[i + 1] === undefined)
        throw new Error(`${usage}\nunknown or incomplete option ${arg}`);
      values[name] = Number(argv[++i]);
    } else if (!out) out = arg;
    else throw new Error(`${usage}\nunexpected argument ${arg}`);
  }
  if (!out || Number.isNaN(values.countries) || Number.isNaN(values.stakeholders)) throw new Error(usage);
  const started = performance.now();
  const doc = syntheticRegion({
    countries: values.countries!,
    stakeholdersPerCountry: values.stakeholders!,
    seed: values.seed!,
  });
  const ms = performance.now() - started;
  fs.writeFileSync(out, `${JSON.stringify(doc, null, 1)}\n`);
  console.log(
    `${out}: ${doc.countries.length} countries, ${doc.stakeholders.length} stakeholders, ${doc.datasets.length} datasets, ` +
      `${doc.flows.length} flows, ${doc.reportingLines.length} reporting lines, ${doc.memberships.length} memberships (generated in ${ms.toFixed(0)} ms)`,
  );
}

if (require.main === module) {
  try {
    cli(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
}
