// GET /api/analysis/coverage: the countries-by-indicators matrix of statuses.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { analysisKeys } from './keys';
import type { CoverageMatrixResponse } from './types';

export const getMatrix = () => apiFetch<CoverageMatrixResponse>('/api/analysis/coverage');

export const matrixQueryOptions = () => queryOptions({ queryKey: analysisKeys.matrix(), queryFn: getMatrix });

export function useMatrix() {
  return useQuery(matrixQueryOptions());
}
