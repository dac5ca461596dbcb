// GET /api/to-confirm?country=XX: the flows touching a country whose evidence is thin, with their reasons and counts.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ToConfirmResponse } from '@model/api-rounds';
import { apiFetch } from '../../../lib/apiFetch';
import { evidenceKeys } from './keys';

export type ToConfirm = ToConfirmResponse;
export type ToConfirmItem = ToConfirmResponse['items'][number];
export type ToConfirmReason = ToConfirmItem['reasons'][number];

export function getToConfirm(country: string): Promise<ToConfirm> {
  return apiFetch<ToConfirm>(`/api/to-confirm?country=${encodeURIComponent(country)}`);
}

export const toConfirmQueryOptions = (country: string) =>
  queryOptions({ queryKey: evidenceKeys.toConfirm(country), queryFn: () => getToConfirm(country) });

export function useToConfirm(country: string) {
  return useQuery(toConfirmQueryOptions(country));
}
