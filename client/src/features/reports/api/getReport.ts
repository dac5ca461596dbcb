// GET /api/reports/country/:country or /api/reports/region with format=json: the report model the view renders.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Report } from '@model/report';
import { apiFetch } from '../../../lib/apiFetch';

/** null: the regional report. */
export type ReportTarget = string | null;

/** The report's address in a format (json for the view, pdf for the download, html for a page of its own). */
export function reportUrl(country: ReportTarget, round: string | null, format: 'json' | 'pdf' | 'html'): string {
  const path = country ? `/api/reports/country/${encodeURIComponent(country)}` : '/api/reports/region';
  const params = new URLSearchParams({ format, ...(round ? { round } : {}) });
  return `${path}?${params.toString()}`;
}

export const reportKeys = {
  all: () => ['reports'] as const,
  report: (country: ReportTarget, round: string | null) => ['reports', country ?? 'region', round ?? 'now'] as const,
  rounds: (country: string) => ['reports', 'rounds', country] as const,
};

export const getReport = (country: ReportTarget, round: string | null) =>
  apiFetch<Report>(reportUrl(country, round, 'json'));

export const reportQueryOptions = (country: ReportTarget, round: string | null) =>
  queryOptions({ queryKey: reportKeys.report(country, round), queryFn: () => getReport(country, round) });

export function useReport(country: ReportTarget, round: string | null) {
  return useQuery(reportQueryOptions(country, round));
}
