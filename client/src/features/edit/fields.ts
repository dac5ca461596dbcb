// The field spec of each kind's form: which fields it shows, in which order, with which widget. The
// vocabularies come from the shared model (server/model/enums.ts); validation is the kind's own zod
// schema (see form.ts), plus the few rules a form adds (`required` below).
import {
  Basis,
  Channel,
  Confidence,
  Disaggregation,
  FlowStatus,
  Frequency,
  Granularity,
  Level,
  MembershipRole,
  NetworkKind,
  PersonalData,
  ReportingKind,
  SECTOR_TYPES,
  SECTORS,
  Trigger,
} from '@model/enums';
import type { EditKind } from './kinds';

export type Widget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'checkbox'
  /** One of `options`; with `optional`, also "not recorded". */
  | 'select'
  /** An optional yes / no: "not recorded", "yes", "no". */
  | 'tristate'
  /** Several of `options`, as a group of checkboxes. */
  | 'multi'
  /** Indicator codes, as checkboxes grouped by theme (from /api/reference). */
  | 'indicators'
  /** One item of the country (`target`), as a searchable select. */
  | 'ref'
  /** Several items of the country (`target`), as a searchable group of checkboxes. */
  | 'refs'
  /** Free words separated by commas (tags). */
  | 'list'
  /** A country of the map. */
  | 'country';

export type RefTarget = 'stakeholder' | 'interview' | 'network';

export interface OptionGroup {
  label: string;
  options: readonly string[];
}

export interface FieldSpec {
  /** The entity field; a dot names a nested one (`contact.email`). */
  name: string;
  label: string;
  widget: Widget;
  options?: readonly string[];
  /** Options in groups (stakeholder types by sector). */
  groups?: readonly OptionGroup[];
  target?: RefTarget;
  /** Whether a select may be left empty ("not recorded"). */
  optional?: boolean;
  /** A rule of the form beyond the schema: the message when the field is left empty. */
  required?: string;
  /** Part of the item's key: set when it is created, read-only afterwards. */
  key?: boolean;
  hint?: string;
  /** Shown under "More details", closed at first: what is rarely known in an interview. */
  more?: boolean;
}

/** The id field's label: what the id is for, not just its name. */
const ID_LABEL = 'Id (the code that links other items and spreadsheets to this one)';
const ID_HINT = 'Letters, digits, "-", "_", "." or ":". Left empty, one is made from the name.';

const STAKEHOLDER: FieldSpec[] = [
  { name: 'name', label: 'Name', widget: 'text' },
  { name: 'id', label: ID_LABEL, widget: 'text', key: true, hint: ID_HINT, more: true },
  { name: 'country', label: 'Country', widget: 'country' },
  {
    name: 'type',
    label: 'Type',
    widget: 'select',
    groups: SECTORS.map((s) => ({ label: s, options: SECTOR_TYPES[s] })),
  },
  { name: 'level', label: 'Level', widget: 'select', options: Level.options },
  { name: 'ncp', label: 'National contact point (NCP) of its country', widget: 'checkbox' },
  { name: 'description', label: 'Description', widget: 'textarea' },
  { name: 'contact.email', label: 'Office e-mail (a mailbox, never a person)', widget: 'text', more: true },
  { name: 'contact.phone', label: 'Office phone', widget: 'text', more: true },
  { name: 'contact.url', label: 'Web page', widget: 'text', more: true },
  { name: 'tags', label: 'Tags', widget: 'list', hint: 'Separate tags with commas.', more: true },
];

const DATASET: FieldSpec[] = [
  { name: 'name', label: 'Name', widget: 'text' },
  { name: 'id', label: ID_LABEL, widget: 'text', key: true, hint: ID_HINT, more: true },
  { name: 'holder', label: 'Held by', widget: 'ref', target: 'stakeholder' },
  {
    name: 'indicators',
    label: 'Indicators covered',
    widget: 'indicators',
    required: 'choose at least one indicator the dataset covers',
  },
  { name: 'granularity', label: 'Granularity', widget: 'select', options: Granularity.options },
  { name: 'frequency', label: 'Frequency', widget: 'select', options: Frequency.options },
  { name: 'disaggregation', label: 'Disaggregated by', widget: 'multi', options: Disaggregation.options, more: true },
  {
    name: 'personalData',
    label: 'Personal data',
    widget: 'select',
    options: PersonalData.options,
    optional: true,
    more: true,
  },
  { name: 'legalBasis', label: 'Legal basis', widget: 'text', more: true },
  {
    name: 'definitionAligned',
    label: 'Definition aligned with Directive 2011/36/EU art. 2',
    widget: 'tristate',
    more: true,
  },
  { name: 'since', label: 'Since (year)', widget: 'number', more: true },
  { name: 'notes', label: 'Notes', widget: 'textarea', more: true },
];

const FLOW: FieldSpec[] = [
  { name: 'from', label: 'From', widget: 'ref', target: 'stakeholder' },
  { name: 'to', label: 'To', widget: 'ref', target: 'stakeholder' },
  {
    name: 'indicators',
    label: 'Indicators carried',
    widget: 'indicators',
    required: 'choose at least one indicator the flow carries',
  },
  { name: 'basis', label: 'Basis', widget: 'select', options: Basis.options },
  { name: 'confidence', label: 'Confidence', widget: 'select', options: Confidence.options },
  { name: 'evidence', label: 'Evidence (interviews)', widget: 'refs', target: 'interview' },
  { name: 'status', label: 'Status', widget: 'select', options: FlowStatus.options },
  { name: 'frequency', label: 'Frequency', widget: 'select', options: Frequency.options, optional: true, more: true },
  { name: 'trigger', label: 'Trigger', widget: 'select', options: Trigger.options, optional: true, more: true },
  { name: 'channel', label: 'Channel', widget: 'select', options: Channel.options, optional: true, more: true },
  {
    name: 'granularity',
    label: 'Granularity',
    widget: 'select',
    options: Granularity.options,
    optional: true,
    more: true,
  },
  {
    name: 'personalData',
    label: 'Personal data',
    widget: 'select',
    options: PersonalData.options,
    optional: true,
    more: true,
  },
  { name: 'latencyDays', label: 'Delay (days)', widget: 'number', more: true },
  { name: 'personDependent', label: 'Rests on one person', widget: 'checkbox', more: true },
  { name: 'since', label: 'Since (year)', widget: 'number', more: true },
  { name: 'note', label: 'Note', widget: 'textarea', more: true },
  {
    name: 'id',
    label: ID_LABEL,
    widget: 'text',
    key: true,
    hint: 'Left empty, the next free one is used.',
    more: true,
  },
];

const REPORTING_LINE: FieldSpec[] = [
  { name: 'from', label: 'From (reports)', widget: 'ref', target: 'stakeholder' },
  { name: 'to', label: 'To (reported to)', widget: 'ref', target: 'stakeholder' },
  { name: 'kind', label: 'Kind', widget: 'select', options: ReportingKind.options },
  { name: 'evidence', label: 'Evidence (interviews)', widget: 'refs', target: 'interview' },
  {
    name: 'id',
    label: ID_LABEL,
    widget: 'text',
    key: true,
    hint: 'Left empty, the next free one is used.',
    more: true,
  },
];

const NETWORK: FieldSpec[] = [
  { name: 'name', label: 'Name', widget: 'text' },
  { name: 'id', label: ID_LABEL, widget: 'text', key: true, hint: ID_HINT, more: true },
  { name: 'country', label: 'Country', widget: 'country' },
  { name: 'kind', label: 'Kind', widget: 'select', options: NetworkKind.options },
  { name: 'meets', label: 'Meets', widget: 'select', options: Frequency.options, optional: true },
];

const MEMBERSHIP: FieldSpec[] = [
  { name: 'stakeholder', label: 'Stakeholder', widget: 'ref', target: 'stakeholder', key: true },
  { name: 'network', label: 'Network', widget: 'ref', target: 'network', key: true },
  { name: 'role', label: 'Role', widget: 'select', options: MembershipRole.options },
];

const INTERVIEW: FieldSpec[] = [
  { name: 'stakeholder', label: 'Stakeholder interviewed', widget: 'ref', target: 'stakeholder' },
  { name: 'date', label: 'Date', widget: 'date' },
  { name: 'round', label: 'Round', widget: 'text', hint: 'The mapping round, e.g. 2010 or 2026-baseline.' },
  { name: 'interviewer', label: 'Interviewer', widget: 'text' },
  { name: 'notes', label: 'Notes', widget: 'textarea' },
  {
    name: 'id',
    label: ID_LABEL,
    widget: 'text',
    key: true,
    hint: 'Left empty, the next free one is used.',
    more: true,
  },
];

export const FORM_FIELDS: Record<EditKind, readonly FieldSpec[]> = {
  stakeholder: STAKEHOLDER,
  dataset: DATASET,
  flow: FLOW,
  reportingLine: REPORTING_LINE,
  network: NETWORK,
  membership: MEMBERSHIP,
  interview: INTERVIEW,
};
