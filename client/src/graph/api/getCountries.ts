// GET /api/countries: every country with its NCP and counts (INT, the international layer, included).
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../lib/apiFetch';
import { mapKeys } from './keys';
import type { CountriesResponse } from './types';

export function getCountries(): Promise<CountriesResponse> {
  return apiFetch<CountriesResponse>('/api/countries');
}

export const countriesQueryOptions = () => queryOptions({ queryKey: mapKeys.countries(), queryFn: getCountries });

export function useCountries() {
  return useQuery(countriesQueryOptions());
}
