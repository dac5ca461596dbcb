// Enumerations of the domain (DOMAIN.md): stakeholder types and their sectors, and every closed vocabulary.
import { z } from 'zod';

export const SECTOR_TYPES = {
  law_enforcement: ['police', 'criminal_intelligence', 'border_guard', 'labour_inspectorate', 'tax_customs'],
  justice: ['prosecution', 'court', 'guardianship_authority', 'justice_ministry'],
  child_protection: [
    'child_welfare',
    'care_institution',
    'barnahus',
    'health',
    'education',
    'victim_support',
    'guardian_service',
    'children_ombudsperson',
  ],
  migration: ['migration_authority', 'reception_centre', 'consulate'],
  civil_society: ['ngo', 'outreach_service', 'hotline', 'red_cross', 'research'],
  governance: [
    'national_coordinator',
    'national_rapporteur',
    'nrm_secretariat',
    'ministry',
    'statistics_office',
    'municipality',
    'ncp_office',
  ],
  international: [
    'europol',
    'interpol',
    'frontex',
    'eu_body',
    'cbss',
    'un_agency',
    'ngo_network',
    'other_international',
  ],
} as const;

export type Sector = keyof typeof SECTOR_TYPES;
export type StakeholderType = (typeof SECTOR_TYPES)[Sector][number];

export const SECTORS = Object.keys(SECTOR_TYPES) as Sector[];
export const STAKEHOLDER_TYPES = SECTORS.flatMap<StakeholderType>((s) => [...SECTOR_TYPES[s]]);

const sectorByType = new Map<string, Sector>(
  SECTORS.flatMap((s) => SECTOR_TYPES[s].map((t) => [t, s] as [string, Sector])),
);

/** The sector a stakeholder type belongs to (the type determines the sector). */
export function sectorOf(type: StakeholderType): Sector {
  const sector = sectorByType.get(type);
  if (!sector) throw new Error(`sectorOf: unknown stakeholder type '${type}'`);
  return sector;
}

export const Sector = z.enum(SECTORS as [Sector, ...Sector[]]);
export const StakeholderTypeSchema = z.enum(STAKEHOLDER_TYPES as [StakeholderType, ...StakeholderType[]]);
export const Level = z.enum(['national', 'regional', 'local', 'international']);
export const Granularity = z.enum(['case', 'pseudonymised_case', 'aggregate', 'qualitative']);
/** Ordered from fastest to slowest: "slowest frequency" on a path is the one latest in this list. */
export const Frequency = z.enum(['continuous', 'monthly', 'quarterly', 'biannual', 'annual', 'ad_hoc']);
export const PersonalData = z.enum(['none', 'personal', 'special_category', 'criminal_offence']);
/** Ordered from weakest to strongest (ANALYSIS.md: informal < project < agreement < statutory). */
export const Basis = z.enum(['informal', 'project', 'agreement', 'statutory']);
export const Trigger = z.enum(['push', 'on_request', 'event']);
export const Channel = z.enum([
  'secure_system',
  'database_access',
  'report',
  'questionnaire',
  'meeting',
  'email_phone',
  'other',
]);
export const FlowStatus = z.enum(['active', 'planned', 'broken']);
/** Ordered from weakest to strongest evidence. */
export const Confidence = z.enum(['assumed', 'reported', 'confirmed']);
export const ReportingKind = z.enum(['hierarchy', 'supervision', 'funding', 'mandate']);
export const NetworkKind = z.enum([
  'multidisciplinary_network',
  'task_force',
  'working_group',
  'referral_mechanism',
  'ncp_network',
  'other',
]);
export const MembershipRole = z.enum(['chair', 'secretariat', 'member', 'observer']);
export const Disaggregation = z.enum([
  'age',
  'sex',
  'citizenship',
  'exploitation_form',
  'region',
  'referring_agency',
  'legal_status',
  'disability',
]);

export type Level = z.infer<typeof Level>;
export type Granularity = z.infer<typeof Granularity>;
export type Frequency = z.infer<typeof Frequency>;
export type PersonalData = z.infer<typeof PersonalData>;
export type Basis = z.infer<typeof Basis>;
export type Trigger = z.infer<typeof Trigger>;
export type Channel = z.infer<typeof Channel>;
export type FlowStatus = z.infer<typeof FlowStatus>;
export type Confidence = z.infer<typeof Confidence>;

/** Each stakeholder type as a noun with its article, for sentences ("In 6 of 9 other countries a migration authority sends ..."). */
export const TYPE_NOUNS: Readonly<Record<StakeholderType, string>> = {
  police: 'a police authority',
  criminal_intelligence: 'a criminal intelligence unit',
  border_guard: 'a border guard',
  labour_inspectorate: 'a labour inspectorate',
  tax_customs: 'a tax or customs authority',
  prosecution: 'a prosecution service',
  court: 'a court',
  guardianship_authority: 'a guardianship authority',
  justice_ministry: 'a justice ministry',
  child_welfare: 'a child welfare service',
  care_institution: 'a care institution',
  barnahus: 'a barnahus',
  health: 'a health service',
  education: 'an education service',
  victim_support: 'a victim support service',
  guardian_service: 'a guardian service',
  children_ombudsperson: "a children's ombudsperson",
  migration_authority: 'a migration authority',
  reception_centre: 'a reception centre',
  consulate: 'a consulate',
  ngo: 'an NGO',
  outreach_service: 'an outreach service',
  hotline: 'a hotline',
  red_cross: 'a Red Cross society',
  research: 'a research body',
  national_coordinator: 'a national coordinator',
  national_rapporteur: 'a national rapporteur',
  nrm_secretariat: 'a referral mechanism secretariat',
  ministry: 'a ministry',
  statistics_office: 'a statistics office',
  municipality: 'a municipality',
  ncp_office: 'an NCP office',
  europol: 'Europol',
  interpol: 'Interpol',
  frontex: 'Frontex',
  eu_body: 'an EU body',
  cbss: 'the CBSS',
  un_agency: 'a UN agency',
  ngo_network: 'an NGO network',
  other_international: 'an international body',
};
