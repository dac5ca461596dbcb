// Coverage (ANALYSIS.md §1): does each kind of information reach a country's NCP, and how.
import { NotFoundError } from '../../errors';
import { INTERNATIONAL } from '../../model';
import { nationalCountries, nodeOf, type FlowGraph } from '../flow-graph';
import { memoOn } from '../memo';
import { bestPath, reachesAny } from './paths';

export type CoverageStatus = 'held_by_ncp' | 'reaches_ncp' | 'collected_not_reaching' | 'not_collected' | 'no_ncp';

export interface CoverageCell {
  indicator: string;
  status: CoverageStatus;
  hops?: number;
  path?: string[];
  flows?: string[];
  weakestBasis?: string;
  slowestFrequency?: string;
  latencyDays?: number;
  holders: string[];
  /** For indicators the NCP holds or receives: whether an X-path leads on from the NCP to another country's NCP or an international body. */
  passedOn?: boolean;
}

export interface CountryCoverage {
  country: string;
  ncp: string | null;
  /** (held_by_ncp + reaches_ncp) / indicators collected in the country; null when none is collected or there is no NCP. */
  coverageRatio: number | null;
  /** (held_by_ncp + reaches_ncp) / indicators in the catalogue; null when there is no NCP. */
  referenceCoverage: number | null;
  cells: CoverageCell[];
}

export function assertCountry(fg: FlowGraph, country: string): void {
  if (!fg.countries.some((c) => c.code === country)) throw new NotFoundError(`country '${country}' is not in the map`);
}

export function assertIndicator(fg: FlowGraph, indicator: string): void {
  if (!fg.indicators.includes(indicator)) throw new NotFoundError(`indicator '${indicator}' is not in the catalogue`);
}

/** The coverage of one indicator in one country (`outward`: also work out `passedOn`). Memoised: suggestions, bottlenecks, fragile coverage and the NCP's metrics ask for the same cells. */
export function coverageCell(fg: FlowGraph, country: string, indicator: string, outward = true): CoverageCell {
  return memoOn(fg, `cell|${country}|${indicator}|${outward}`, () => computeCell(fg, country, indicator, outward));
}

function computeCell(fg: FlowGraph, country: string, indicator: string, outward: boolean): CoverageCell {
  const ncp = fg.ncpOf(country);
  const holders = fg.holders(country, indicator);
  if (!ncp) return { indicator, status: 'no_ncp', holders };
  const edges = fg.flowsCarrying(indicator);
  if (fg.holds(ncp, indicator)) {
    return { indicator, status: 'held_by_ncp', hops: 0, path: [ncp], flows: [], holders, ...(outward ? { passedOn: passesOn(fg, country, ncp, indicator) } : {}) };
  }
  if (!holders.length) return { indicator, status: 'not_collected', holders };
  const best = bestPath(edges, holders, ncp);
  if (!best) return { indicator, status: 'collected_not_reaching', holders };
  const { holder: _h, ...rest } = best;
  return { indicator, status: 'reaches_ncp', ...rest, holders, ...(outward ? { passedOn: passesOn(fg, country, ncp, indicator) } : {}) };
}

/** Whether an X-path leads from the NCP to another country's NCP or to an international body. */
function passesOn(fg: FlowGraph, country: string, ncp: string, indicator: string): boolean {
  return reachesAny(fg.flowsCarrying(indicator), ncp, (id) => {
    if (id === ncp) return false;
    const node = nodeOf(fg, id);
    return node.country === INTERNATIONAL || (node.ncp && node.country !== country);
  });
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** A country's coverage; `outward: false` leaves out `passedOn` (the ratios and hops do not depend on it). */
export function countryCoverage(fg: FlowGraph, country: string, outward = true): CountryCoverage {
  assertCountry(fg, country);
  const cells = fg.indicators.map((x) => coverageCell(fg, country, x, outward));
  const ncp = fg.ncpOf(country) ?? null;
  const reached = cells.filter((c) => c.status === 'held_by_ncp' || c.status === 'reaches_ncp').length;
  const collected = cells.filter((c) => c.status !== 'not_collected' && c.status !== 'no_ncp').length;
  return {
    country,
    ncp,
    coverageRatio: ncp ? ratio(reached, collected) : null,
    referenceCoverage: ncp ? ratio(reached, fg.indicators.length) : null,
    cells,
  };
}

export interface CoverageMatrix {
  countries: string[];
  indicators: string[];
  cells: Array<{ country: string; indicator: string; status: CoverageStatus; hops?: number }>;
}

/** Countries (national ones by default) by indicators. */
export function coverageMatrix(fg: FlowGraph, countries: readonly string[] = nationalCountries(fg)): CoverageMatrix {
  const cells: CoverageMatrix['cells'] = [];
  for (const country of countries) {
    assertCountry(fg, country);
    for (const indicator of fg.indicators) {
      const cell = coverageCell(fg, country, indicator, false);
      cells.push({ country, indicator, status: cell.status, ...(cell.hops !== undefined ? { hops: cell.hops } : {}) });
    }
  }
  return { countries: [...countries], indicators: [...fg.indicators], cells };
}
