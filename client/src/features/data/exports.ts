// The export formats and template downloads offered as plain links, with what each is for.

export type ExportFormat = 'json' | 'yaml' | 'xlsx' | 'csv' | 'graphml' | 'gexf';

export interface ExportFormatInfo {
  format: ExportFormat;
  name: string;
  extension: string;
  purpose: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { format: 'json', name: 'JSON', extension: '.json', purpose: 'The lossless backup: the map document, which imports back unchanged.' },
  { format: 'yaml', name: 'YAML', extension: '.yaml', purpose: 'The same map document, easier to read and edit by hand.' },
  { format: 'xlsx', name: 'Excel (XLSX)', extension: '.xlsx', purpose: 'The template’s workbook filled in: edit it and import it back.' },
  { format: 'csv', name: 'CSV', extension: '.zip', purpose: 'The template’s CSV files filled in, in one ZIP.' },
  { format: 'graphml', name: 'GraphML', extension: '.graphml', purpose: 'The network for Gephi, yEd and Cytoscape desktop.' },
  { format: 'gexf', name: 'GEXF', extension: '.gexf', purpose: 'The network for Gephi (its own format), also read by Cytoscape desktop.' },
];

export function exportUrl(format: ExportFormat, country: string | null): string {
  const params = new URLSearchParams({ format });
  if (country) params.set('country', country);
  return `/api/export?${params.toString()}`;
}

export function templateUrl(format: 'xlsx' | 'csv'): string {
  return `/api/template?format=${format}`;
}
