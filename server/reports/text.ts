// Shared wording of the reports: the input they are built from, rounding, names of stakeholders,
// indicators, statuses and metrics, so the country profile and the regional report say things alike.
import type { Indicator, MapDocument, Theme } from '../model';
import { TYPE_NOUNS, type StakeholderType } from '../model';
import { codeWords } from '../model/labels';
import type { CoverageStatus } from '../analysis/coverage/coverage';

/** What a report is built from: a map document (now, or a round's), the catalogue, and where it came from. */
export interface ReportInput {
  document: MapDocument;
  catalogue: { themes: readonly Theme[]; indicators: readonly Indicator[] };
  /** The round the document was frozen in; null for the map as it is now. */
  round: { id: string; name: string; createdAt: string } | null;
  storeVersion: number;
  generatedAt: string;
  /**
   * The flows left out of `document` because the reader may not see personal data (their ends, which stay in the
   * document); absent or empty when nothing was left out.
   */
  hidden?: ReadonlyArray<{ from: string; to: string }>;
}

/** A centrality or other index to two decimals. */
export function decimal2(value: number | null | undefined): string {
  return value === null || value === undefined ? 'n/a' : value.toFixed(2);
}

/** Averages (hops, degrees) to one decimal. */
export function decimal1(value: number | null | undefined): string {
  return value === null || value === undefined ? 'n/a' : value.toFixed(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}

export function median(values: ReadonlyArray<number | null>): number | null {
  const sorted = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function typeNoun(type: string): string {
  return TYPE_NOUNS[type as StakeholderType] ?? `a ${type.replace(/_/g, ' ')}`;
}

/** A code in running text, from the model's label tables (`child_protection` -> `child protection`, `ngo` -> `NGO`). */
export function words(code: string): string {
  return codeWords(code);
}

/** Looks names up in the document and the catalogue. */
export function namer(input: ReportInput) {
  const stakeholders = new Map(input.document.stakeholders.map((s) => [s.id, s]));
  const countries = new Map(input.document.countries.map((c) => [c.code, c]));
  const indicators = new Map(input.catalogue.indicators.map((i) => [i.code, i]));
  return {
    stakeholder: (id: string) => stakeholders.get(id),
    name: (id: string) => stakeholders.get(id)?.name ?? id,
    country: (code: string) => countries.get(code)?.name ?? code,
    indicator: (code: string) => {
      const i = indicators.get(code);
      return i ? `${i.name} (${code})` : code;
    },
  };
}

export const STATUS_LABELS: Readonly<Record<CoverageStatus, string>> = {
  held_by_ncp: 'Held by the NCP',
  reaches_ncp: 'Reaches the NCP',
  collected_not_reaching: 'Gap: collected, does not reach the NCP',
  not_collected: 'Gap: not collected',
  no_ncp: 'No NCP',
};

/**
 * The line telling a reader who may not see personal data what the report leaves out ("3 flows with an end in
 * Sweden are left out ..."), of the country or the whole map; null when nothing is.
 */
export function hiddenFlowsLine(input: ReportInput, country?: string): string | null {
  const names = namer(input);
  const inCountry = (id: string) => names.stakeholder(id)?.country === country;
  const hidden = (input.hidden ?? []).filter((f) => country === undefined || inCountry(f.from) || inCountry(f.to));
  if (!hidden.length) return null;
  const where = country === undefined ? 'of the map' : `with an end in ${names.country(country)}`;
  return (
    `${plural(hidden.length, 'flow')} ${where} ${hidden.length === 1 ? 'is' : 'are'} hidden: ${hidden.length === 1 ? 'it carries' : 'they carry'} personal data, which your account may not see. ` +
    'This report is built without them: every figure and list in it counts only the flows your account may see.'
  );
}
