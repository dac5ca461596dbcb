// What the import form decides before anything is sent: the file's format from its name, the content
// type the API expects for it, the 25 MB limit, the collections a single CSV can fill, and the URL.
import type { ImportMode } from '@model/api';
import type { OnConflict } from '@model/import-report';
import { formatMB, UPLOAD_LIMIT_BYTES } from '@model/limits';

export type { ImportMode, OnConflict };

/** The API's upload limit (POST /api/import answers 413 above it): the server's own constant. */
export const MAX_UPLOAD_BYTES = UPLOAD_LIMIT_BYTES;

export type ImportFormat = 'json' | 'yaml' | 'xlsx' | 'zip' | 'csv';

const EXTENSIONS: Record<string, ImportFormat> = {
  json: 'json', yaml: 'yaml', yml: 'yaml', xlsx: 'xlsx', zip: 'zip', csv: 'csv',
};

export const CONTENT_TYPES: Record<ImportFormat, string> = {
  json: 'application/json',
  yaml: 'application/yaml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
  csv: 'text/csv',
};

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  json: 'map document (JSON)',
  yaml: 'map document (YAML)',
  xlsx: 'Excel workbook (XLSX)',
  zip: 'ZIP of CSV files',
  csv: 'one CSV file',
};

/** The value of the file input's `accept`. */
export const ACCEPT = '.json,.yaml,.yml,.xlsx,.zip,.csv';

/** The collections (sheets) of the template, which a single CSV file can hold, in the template's order. */
export const SHEETS: ReadonlyArray<{ collection: string; label: string }> = [
  { collection: 'countries', label: 'Countries' },
  { collection: 'stakeholders', label: 'Stakeholders' },
  { collection: 'datasets', label: 'Datasets' },
  { collection: 'flows', label: 'Flows' },
  { collection: 'reportingLines', label: 'Reporting lines' },
  { collection: 'networks', label: 'Networks' },
  { collection: 'memberships', label: 'Memberships' },
  { collection: 'interviews', label: 'Interviews' },
];

export function formatOfFile(name: string): ImportFormat | null {
  const ext = /\.([^./\\]+)$/.exec(name.trim().toLowerCase())?.[1];
  return ext ? (EXTENSIONS[ext] ?? null) : null;
}

/** A CSV named after its collection (`flows.csv`, `reporting-lines.csv`) preselects that sheet. */
export function sheetOfFileName(name: string): string | null {
  const stem = name.trim().toLowerCase().replace(/\.csv$/, '').replace(/[-_ ]/g, '');
  return SHEETS.find((s) => s.collection.toLowerCase() === stem)?.collection ?? null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A message from the API as a sentence: capital first letter, full stop at the end. */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The words the server's 413 uses (server/tabular/open.ts), so a file refused here reads the same. */
export function tooLargeMessage(size: number): string {
  return sentence(`the file is ${formatMB(size)}; the limit is ${formatMB(MAX_UPLOAD_BYTES)}: split it by country and import the parts one after the other`);
}

export type FileCheck = { ok: true; format: ImportFormat } | { ok: false; message: string };

/** Whether a chosen file can be sent: a known format, not empty, within the limit. */
export function checkFile(file: { name: string; size: number }): FileCheck {
  const format = formatOfFile(file.name);
  if (!format) {
    return {
      ok: false,
      message: `"${file.name}" is not a file Flow Atlas can import. Choose a map document (.json, .yaml), an Excel workbook (.xlsx), a ZIP of CSV files (.zip) or one CSV file (.csv).`,
    };
  }
  if (file.size === 0) return { ok: false, message: `"${file.name}" is empty.` };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, message: tooLargeMessage(file.size) };
  return { ok: true, format };
}

export interface ImportRequest {
  mode: ImportMode;
  dryRun: boolean;
  /** Fields changed both in the file and in the map since the file was exported: keep the map's (default) or overwrite. */
  onConflict?: OnConflict;
  /** For one CSV file: the collection it holds. */
  sheet?: string | null;
}

export function importUrl({ mode, dryRun, sheet, onConflict }: ImportRequest): string {
  const params = new URLSearchParams({ mode, dryRun: String(dryRun) });
  if (sheet) params.set('sheet', sheet);
  if (onConflict === 'overwrite') params.set('onConflict', onConflict);
  return `/api/import?${params.toString()}`;
}
