// zod schemas of every entity and relationship of the graph (DOMAIN.md), as they appear in a map
// document and in API bodies. These are the only source of the domain's types.
import { z } from 'zod';
import { isCountryCode } from './countries';
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
  StakeholderTypeSchema,
  Trigger,
} from './enums';

/** The patterns, limits and predicates of the schemas below, shared with their fast path (document-fast.ts). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
export const INDICATOR_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,9}-[0-9]{2,3}$/;
export const YEARS = { min: 1900, max: 2100 } as const;
export const LATENCY_DAYS = { min: 0, max: 3650 } as const;
export const TEXT_MAX = 10000;
export const NAME_MAX = 300;
export const TAG_MAX = 60;
export const INTERVIEWER_MAX = 200;
export const ROUND_MAX = 60;
export const LEGAL_BASIS_MAX = 500;
export const Id = z
  .string()
  .regex(ID_PATTERN, 'must be 1-128 letters, digits, "-", "_", "." or ":", starting with a letter or digit');
export const CountryCode = z
  .string()
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 code (XA-XZ for test maps) or INT');
export const IndicatorCode = z
  .string()
  .regex(INDICATOR_CODE_PATTERN, 'must look like VIC-01 (letters, a dash, two or three digits)');
export const ThemeCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'must be upper-case letters, digits and _');
const Year = z.number().int().min(YEARS.min).max(YEARS.max);
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Free text: any Unicode, NUL and bidi or joining controls included, stored as given. It must be well
 * formed: a lone surrogate is not a character, and the stores would not keep it (Neo4j writes U+FFFD).
 */
export const UnicodeText = (typeError?: string) =>
  z
    .string(typeError)
    .refine((s) => !LONE_SURROGATE.test(s), 'must be valid Unicode text (it holds an unpaired surrogate)');
const Name = UnicodeText().trim().min(1, 'must not be empty').max(NAME_MAX);
const Text = UnicodeText().max(TEXT_MAX);
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A YYYY-MM-DD string naming a day of the calendar. */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
const IsoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDate, 'is not a calendar date');
const unique = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine((a) => new Set(a).size === a.length, 'must not repeat a value');

export const Country = z.strictObject({
  code: CountryCode,
  name: Name,
  euMember: z.boolean(),
  cbssMember: z.boolean(),
  /** True for maps built for illustration (the seed): the interface says so wherever it shows them. */
  illustrative: z.boolean().optional(),
});

/** An office contact: a mailbox, switchboard or web page, never a private person. */
export const Contact = z.strictObject({
  email: z.email('must be an e-mail address').max(200).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{3,30}$/, 'must be a phone number')
    .optional(),
  url: z.url('must be a URL').max(500).optional(),
});

export const Stakeholder = z.strictObject({
  id: Id,
  name: Name,
  country: CountryCode,
  type: StakeholderTypeSchema,
  level: Level.default('national'),
  ncp: z.boolean().default(false),
  description: Text.optional(),
  contact: Contact.optional(),
  tags: unique(UnicodeText().trim().min(1).max(TAG_MAX)).default([]),
});

export const Dataset = z.strictObject({
  id: Id,
  name: Name,
  holder: Id,
  indicators: unique(IndicatorCode),
  granularity: Granularity,
  frequency: Frequency,
  disaggregation: unique(Disaggregation).optional(),
  personalData: PersonalData.optional(),
  legalBasis: UnicodeText().max(LEGAL_BASIS_MAX).optional(),
  definitionAligned: z.boolean().optional(),
  since: Year.optional(),
  notes: Text.optional(),
});

export const Flow = z.strictObject({
  id: Id,
  from: Id,
  to: Id,
  indicators: unique(IndicatorCode),
  basis: Basis,
  trigger: Trigger.optional(),
  frequency: Frequency.optional(),
  granularity: Granularity.optional(),
  personalData: PersonalData.optional(),
  channel: Channel.optional(),
  latencyDays: z.number().int().min(LATENCY_DAYS.min).max(LATENCY_DAYS.max).optional(),
  status: FlowStatus.default('active'),
  personDependent: z.boolean().default(false),
  evidence: unique(Id).default([]),
  confidence: Confidence.default('reported'),
  since: Year.optional(),
  note: Text.optional(),
});

export const ReportingLine = z.strictObject({
  id: Id,
  from: Id,
  to: Id,
  kind: ReportingKind,
  evidence: unique(Id).default([]),
});

export const Network = z.strictObject({
  id: Id,
  name: Name,
  country: CountryCode,
  kind: NetworkKind,
  meets: Frequency.optional(),
});

export const Membership = z.strictObject({
  stakeholder: Id,
  network: Id,
  role: MembershipRole.default('member'),
});

export const Interview = z.strictObject({
  id: Id,
  date: IsoDate,
  stakeholder: Id,
  interviewer: UnicodeText().trim().min(1).max(INTERVIEWER_MAX).optional(),
  round: UnicodeText().trim().min(1).max(ROUND_MAX),
  notes: Text.optional(),
});

export const Theme = z.strictObject({ code: ThemeCode, name: Name });

export const Indicator = z.strictObject({
  code: IndicatorCode,
  name: Name,
  themes: unique(ThemeCode).min(1, 'must name at least one theme'),
  description: Text.optional(),
  typicalHolders: unique(StakeholderTypeSchema).optional(),
});

/** An item's version in a map document: the version it had when exported (optional; see DOMAIN.md). */
export const ItemVersion = z.number().int('must be a whole number').min(1, 'must be 1 or more');

/** What a map document adds to each item: its optional export `version` (the item stays strict otherwise). */
export const VersionField = { version: ItemVersion.optional() };

export type Country = z.infer<typeof Country>;
export type Contact = z.infer<typeof Contact>;
export type Stakeholder = z.infer<typeof Stakeholder>;
export type Dataset = z.infer<typeof Dataset>;
export type Flow = z.infer<typeof Flow>;
export type ReportingLine = z.infer<typeof ReportingLine>;
export type Network = z.infer<typeof Network>;
export type Membership = z.infer<typeof Membership>;
export type Interview = z.infer<typeof Interview>;
export type Theme = z.infer<typeof Theme>;
export type Indicator = z.infer<typeof Indicator>;
