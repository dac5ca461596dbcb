// What the template says about itself: the README (how to fill it in, what each column takes) and the
// reference table (the allowed values of each enum column, the indicator codes with their names).
import { KIND_SPECS } from '../model';
import { SHEETS, VERSION_COLUMN, type ColumnSpec, type SheetSpec } from './columns';
import { MAX_ROWS_PER_SHEET, UPLOAD_LIMIT_BYTES, formatMB } from '../model/limits';

export interface GuideIndicator {
  code: string;
  name: string;
  themes?: readonly string[];
}

/** One column of the reference table: the enum columns that share a list of values, and the values. */
export interface ReferenceList {
  /** e.g. `datasets.frequency, flows.frequency, networks.meets` */
  header: string;
  values: readonly string[];
  /** The template columns whose values come from this list. */
  usedBy: ReadonlyArray<{ collection: string; column: string }>;
}

/** The distinct enum value lists, in the order they first appear in the template. */
export function referenceLists(): ReferenceList[] {
  const lists: Array<ReferenceList & { usedBy: Array<{ collection: string; column: string }> }> = [];
  for (const sheet of SHEETS) {
    for (const col of sheet.columns) {
      if (col.value !== 'enum' || !col.values) continue;
      const key = col.values.join('|');
      let list = lists.find((l) => l.values.join('|') === key);
      if (!list) {
        list = { header: '', values: col.values, usedBy: [] };
        lists.push(list);
      }
      list.usedBy.push({ collection: sheet.collection, column: col.name });
    }
  }
  return lists.map((l) => ({ ...l, header: l.usedBy.map((u) => `${u.collection}.${u.column}`).join(', ') }));
}

/** The reference table as rows (header first): one column per value list, then the indicators. */
export function referenceRows(indicators: readonly GuideIndicator[]): string[][] {
  const lists = referenceLists();
  const header = [...lists.map((l) => l.header), 'indicator code', 'indicator name', 'indicator themes'];
  const height = Math.max(indicators.length, ...lists.map((l) => l.values.length));
  const rows = [header];
  for (let i = 0; i < height; i++) {
    const ind = indicators[i];
    rows.push([
      ...lists.map((l) => l.values[i] ?? ''),
      ind?.code ?? '',
      ind?.name ?? '',
      ind?.themes?.join('; ') ?? '',
    ]);
  }
  return rows;
}

function whatToEnter(sheet: SheetSpec, col: ColumnSpec): string {
  const ref = KIND_SPECS[sheet.kind].refs.find(
    (r) => r.field === col.field && col.path.length === 1 && r.target !== 'indicator',
  );
  const key = sheet.keyColumns.includes(col.name);
  if (col.indicator) return 'indicator codes (VIC-01) or names as in the reference sheet, separated by ;';
  const none = col.none ? ' (none when there is none, empty when not known)' : '';
  if (col.list && col.value === 'enum')
    return `values from the reference sheet (${col.values?.join(', ')}), separated by ;${none}`;
  if (col.list && ref) return `ids of ${ref.target}s, separated by ;`;
  if (col.list) return 'texts separated by ;';
  if (ref && ref.target === 'country') return 'a country code (ISO 3166-1, e.g. SE; INT for international bodies)';
  if (ref) return `the id of a ${ref.target}${key ? ' (with the other key column: once per sheet)' : ''}`;
  if (key && sheet.kind === 'country')
    return 'the ISO 3166-1 code (XA-XZ for test maps, INT for international bodies), once per sheet';
  if (key) return `this ${sheet.kind}'s id: unique in the sheet, no spaces`;
  if (col.name === VERSION_COLUMN) return "the row's version when exported: leave it as it is; empty for a new row";
  switch (col.value) {
    case 'enum':
      return `one of: ${col.values?.join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a date, YYYY-MM-DD';
    case 'number':
      return 'a number';
    default:
      return 'text';
  }
}

/** The README: lines of text, then the table of every sheet's columns. */
/** What the meta sheet (meta.csv) of an export says: the store version and time it was taken at. */
export function metaRows(doc: {
  storeVersion?: number;
  exportedAt?: string;
}): Array<Array<string | number>> | undefined {
  if (doc.storeVersion === undefined) return undefined;
  return [
    ['key', 'value', 'what it is'],
    [
      'storeVersion',
      doc.storeVersion,
      'The store version this file was exported at: keep it, so that an import can tell your edits from changes made in Flow Atlas since.',
    ],
    ...(doc.exportedAt ? [['exportedAt', doc.exportedAt, 'When the file was exported.']] : []),
  ];
}

export function readmeLines(): { text: string[]; columns: string[][] } {
  const text = [
    'Flow Atlas: map template',
    '',
    'Who holds which information on child trafficking, and who shares it with whom. One sheet per kind of item:',
    `${SHEETS.map((s) => s.collection).join(', ')}.`,
    'One row per item. The first row of each sheet holds the column names: keep them as they are (the order of',
    'the columns does not matter). The sheets README and reference are not imported.',
    '',
    'How to fill it in',
    "- Ids: letters, digits, - _ . and :, no spaces (e.g. se-police). Rows refer to each other by id: a flow's",
    '  from and to are stakeholder ids, its evidence lists interview ids; memberships pair a stakeholder and a network.',
    '- Lists (indicators, tags, evidence, disaggregation): several values in one cell, separated by ;',
    '  (a ; inside a value is written \\; and a backslash \\\\, e.g. the tag "bilateral; Nordic" as bilateral\\; Nordic).',
    "- Indicators: the code (VIC-01) or the indicator's name as in the reference sheet.",
    '- Columns with a fixed set of values: pick from the dropdown; the reference sheet lists every value.',
    '- true/false columns: true or false (yes/no and 1/0 also work). Dates: YYYY-MM-DD (a date cell works too).',
    '- An empty cell leaves the field out, and it takes its default: level national, ncp false, status active,',
    '  confidence reported, personDependent false; an empty list cell is an empty list. In disaggregation an',
    '  empty cell means "not known"; write none when the source has no breakdown.',
    '- Do not merge cells. Empty rows are skipped. Each id appears once per sheet.',
    '',
    'Importing',
    '- Upload the file in Flow Atlas (Import & export), or run: npm run import -- <file.xlsx> [--mode merge|replace] [--dry-run]',
    '- The preview lists every problem with its sheet, row and cell; nothing is written until all are fixed.',
    '- merge adds and updates the items of the file and changes nothing else. replace also deletes, in each country',
    '  of the countries sheet, what the file does not hold: keep every sheet then (with just its header row when',
    '  there is nothing to list).',
    `- At most ${formatMB(UPLOAD_LIMIT_BYTES)} per file and ${MAX_ROWS_PER_SHEET.toLocaleString('en')} rows per sheet.`,
    "- An export holds each row's version (the version column) and, in the meta sheet (meta.csv), the store version",
    '  it was taken at. Leave them as they are (a new row has no version): then an import takes what you changed,',
    '  keeps what others changed in Flow Atlas meanwhile, lists every field changed on both sides (a conflict) and',
    '  keeps the current value unless you choose to overwrite; replace does not delete what was added or changed',
    '  after your export.',
    '',
    'What to record',
    '- Institutions and offices only: no names of people and no case data. An office contact is a mailbox,',
    '  switchboard or web page, never a person.',
    '- The seed maps shipped with Flow Atlas are illustrative: built from public descriptions of institutions,',
    '  with plausible flows, not verified data.',
    '',
    'The columns',
  ];
  const columns = [['sheet', 'column', 'required', 'what to enter']];
  for (const sheet of SHEETS) {
    for (const col of sheet.columns)
      columns.push([sheet.collection, col.name, col.required ? 'yes' : '', whatToEnter(sheet, col)]);
  }
  return { text, columns };
}
