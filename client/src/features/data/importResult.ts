// The answer of POST /api/import (a preview or a commit) as rows for a table: what would be (or was)
// created, updated, deleted and left unchanged, per kind of item; and the conflicts of a stale file.
import type { ImportResponse } from '@model/api';
import { textOf } from '../../lib/format';

export type Counts = Record<string, number>;

/** The answer of POST /api/import: the type of the server's own schema (server/api/schemas.ts). */
export type ImportResult = ImportResponse;
export type ImportConflict = ImportResponse['conflicts'][number];
export type KeptItem = ImportResponse['kept'][number];

export interface CountRow {
  kind: string;
  label: string;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** Kinds in the map document's order; kinds the server adds later follow, by name. */
const KIND_ORDER = ['country', 'stakeholder', 'network', 'interview', 'dataset', 'flow', 'reportingLine', 'membership', 'theme', 'indicator'];
const KIND_LABELS: Record<string, string> = {
  country: 'Countries', stakeholder: 'Stakeholders', network: 'Networks', interview: 'Interviews', dataset: 'Datasets',
  flow: 'Flows', reportingLine: 'Reporting lines', membership: 'Memberships', theme: 'Themes', indicator: 'Indicators',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}

/** One row per kind named in any of the four counts (kinds with nothing at all are left out). */
export function countRows(result: Pick<ImportResult, 'created' | 'updated' | 'deleted' | 'unchanged'>): CountRow[] {
  const kinds = new Set([result.created, result.updated, result.deleted, result.unchanged].flatMap((c) => Object.keys(c ?? {})));
  const rank = (k: string) => {
    const i = KIND_ORDER.indexOf(k);
    return i === -1 ? KIND_ORDER.length : i;
  };
  return [...kinds]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((kind) => ({
      kind,
      label: kindLabel(kind),
      created: result.created?.[kind] ?? 0,
      updated: result.updated?.[kind] ?? 0,
      deleted: result.deleted?.[kind] ?? 0,
      unchanged: result.unchanged?.[kind] ?? 0,
    }))
    .filter((r) => r.created + r.updated + r.deleted + r.unchanged > 0);
}

export function totals(rows: readonly CountRow[]): Omit<CountRow, 'kind' | 'label'> {
  return rows.reduce(
    (t, r) => ({ created: t.created + r.created, updated: t.updated + r.updated, deleted: t.deleted + r.deleted, unchanged: t.unchanged + r.unchanged }),
    { created: 0, updated: 0, deleted: 0, unchanged: 0 },
  );
}

/** "12 created, 3 updated" — the changes only; "no changes" when the file matches the store. */
export function changeSummary(rows: readonly CountRow[]): string {
  const t = totals(rows);
  const parts = [
    t.created ? `${t.created} created` : '',
    t.updated ? `${t.updated} updated` : '',
    t.deleted ? `${t.deleted} deleted` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

/** A value of a conflict as a person reads it: lists joined with ;, nothing as "(empty)". */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.map((v) => showValue(v)).join('; ') : '(none)';
  return textOf(value);
}

/** An ISO time as `2026-12-06 14:05 UTC`. */
export function showTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** One item as people name it: `Flow xa-f1`. */
export function itemLabel(kind: string, key: string): string {
  const label = kindLabel(kind);
  const singular = label.endsWith('ies') ? `${label.slice(0, -3)}y` : label.replace(/s$/, '');
  return `${singular} ${key}`;
}
