// Coverage statuses (ANALYSIS.md §1) in plain words, shared by the map and the bottlenecks view.
import type { CountryCoverageResponse } from './api/types';

export type CoverageCell = CountryCoverageResponse['cells'][number];
export type CoverageStatus = CoverageCell['status'];

export const STATUS_WORDS: Record<CoverageStatus, string> = {
  held_by_ncp: 'held by the NCP',
  reaches_ncp: 'reaches the NCP',
  collected_not_reaching: 'collected, not reaching',
  not_collected: 'not collected',
  no_ncp: 'no NCP',
};

/** Whether the NCP gets the indicator (held or reached). */
export function isCovered(status: CoverageStatus): boolean {
  return status === 'held_by_ncp' || status === 'reaches_ncp';
}
