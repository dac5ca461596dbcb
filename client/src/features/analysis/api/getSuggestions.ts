// GET /api/analysis/suggestions?country=XX: ranked links that would close the country's gaps.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { analysisKeys } from './keys';
import type { SuggestionsResponse } from './types';

export const getSuggestions = (country: string) =>
  apiFetch<SuggestionsResponse>(`/api/analysis/suggestions?country=${encodeURIComponent(country)}`);

export const suggestionsQueryOptions = (country: string) =>
  queryOptions({ queryKey: analysisKeys.suggestions(country), queryFn: () => getSuggestions(country) });

export function useSuggestions(country: string | null) {
  return useQuery({ ...suggestionsQueryOptions(country ?? ''), enabled: country !== null });
}
