// GET /api/analysis/compare[?countries=A,B]: national topologies side by side (default: every national country).
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { analysisKeys } from './keys';
import type { CompareResponse } from './types';

export const getCompare = (countries: readonly string[]) =>
  apiFetch<CompareResponse>(
    `/api/analysis/compare${countries.length ? `?countries=${countries.map(encodeURIComponent).join(',')}` : ''}`,
  );

export const compareQueryOptions = (countries: readonly string[] = []) =>
  queryOptions({ queryKey: analysisKeys.compare(countries), queryFn: () => getCompare(countries) });
