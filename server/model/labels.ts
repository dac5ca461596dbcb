// The enumerations' codes as people write them ("NGO", "CBSS", "Children's ombudsperson"): one table
// per enumeration, used by the client and the reports alike, so that a code reads the same everywhere.
import type {
  Basis,
  Channel,
  Confidence,
  FlowStatus,
  Frequency,
  Granularity,
  Level,
  PersonalData,
  Sector,
  StakeholderType,
  Trigger,
} from './enums';

type Labels<T extends string> = Readonly<Record<T, string>>;

export const SECTOR_LABELS: Labels<Sector> = {
  law_enforcement: 'Law enforcement',
  justice: 'Justice',
  child_protection: 'Child protection',
  migration: 'Migration',
  civil_society: 'Civil society',
  governance: 'Governance',
  international: 'International',
};

export const TYPE_LABELS: Labels<StakeholderType> = {
  police: 'Police',
  criminal_intelligence: 'Criminal intelligence',
  border_guard: 'Border guard',
  labour_inspectorate: 'Labour inspectorate',
  tax_customs: 'Tax and customs',
  prosecution: 'Prosecution',
  court: 'Court',
  guardianship_authority: 'Guardianship authority',
  justice_ministry: 'Justice ministry',
  child_welfare: 'Child welfare',
  care_institution: 'Care institution',
  barnahus: 'Barnahus',
  health: 'Health',
  education: 'Education',
  victim_support: 'Victim support',
  guardian_service: 'Guardian service',
  children_ombudsperson: "Children's ombudsperson",
  migration_authority: 'Migration authority',
  reception_centre: 'Reception centre',
  consulate: 'Consulate',
  ngo: 'NGO',
  outreach_service: 'Outreach service',
  hotline: 'Hotline',
  red_cross: 'Red Cross',
  research: 'Research',
  national_coordinator: 'National coordinator',
  national_rapporteur: 'National rapporteur',
  nrm_secretariat: 'NRM secretariat',
  ministry: 'Ministry',
  statistics_office: 'Statistics office',
  municipality: 'Municipality',
  ncp_office: 'NCP office',
  europol: 'Europol',
  interpol: 'Interpol',
  frontex: 'Frontex',
  eu_body: 'EU body',
  cbss: 'CBSS',
  un_agency: 'UN agency',
  ngo_network: 'NGO network',
  other_international: 'Other international',
};

export const LEVEL_LABELS: Labels<Level> = {
  national: 'National',
  regional: 'Regional',
  local: 'Local',
  international: 'International',
};

export const GRANULARITY_LABELS: Labels<Granularity> = {
  case: 'Case',
  pseudonymised_case: 'Pseudonymised case',
  aggregate: 'Aggregate',
  qualitative: 'Qualitative',
};

export const FREQUENCY_LABELS: Labels<Frequency> = {
  continuous: 'Continuous',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  biannual: 'Biannual',
  annual: 'Annual',
  ad_hoc: 'Ad hoc',
};

export const PERSONAL_DATA_LABELS: Labels<PersonalData> = {
  none: 'None',
  personal: 'Personal',
  special_category: 'Special category',
  criminal_offence: 'Criminal offence',
};

export const BASIS_LABELS: Labels<Basis> = {
  informal: 'Informal',
  project: 'Project',
  agreement: 'Agreement',
  statutory: 'Statutory',
};

export const TRIGGER_LABELS: Labels<Trigger> = { push: 'Push', on_request: 'On request', event: 'Event' };

export const CHANNEL_LABELS: Labels<Channel> = {
  secure_system: 'Secure system',
  database_access: 'Database access',
  report: 'Report',
  questionnaire: 'Questionnaire',
  meeting: 'Meeting',
  email_phone: 'E-mail or phone',
  other: 'Other',
};

export const FLOW_STATUS_LABELS: Labels<FlowStatus> = { active: 'Active', planned: 'Planned', broken: 'Broken' };

export const CONFIDENCE_LABELS: Labels<Confidence> = {
  assumed: 'Assumed',
  reported: 'Reported',
  confirmed: 'Confirmed',
};

export const REPORTING_KIND_LABELS: Labels<'hierarchy' | 'supervision' | 'funding' | 'mandate'> = {
  hierarchy: 'Hierarchy',
  supervision: 'Supervision',
  funding: 'Funding',
  mandate: 'Mandate',
};

export const NETWORK_KIND_LABELS: Labels<
  'multidisciplinary_network' | 'task_force' | 'working_group' | 'referral_mechanism' | 'ncp_network' | 'other'
> = {
  multidisciplinary_network: 'Multidisciplinary network',
  task_force: 'Task force',
  working_group: 'Working group',
  referral_mechanism: 'Referral mechanism',
  ncp_network: 'NCP network',
  other: 'Other',
};

export const MEMBERSHIP_ROLE_LABELS: Labels<'chair' | 'secretariat' | 'member' | 'observer'> = {
  chair: 'Chair',
  secretariat: 'Secretariat',
  member: 'Member',
  observer: 'Observer',
};

export const DISAGGREGATION_LABELS: Labels<
  'age' | 'sex' | 'citizenship' | 'exploitation_form' | 'region' | 'referring_agency' | 'legal_status' | 'disability'
> = {
  age: 'Age',
  sex: 'Sex',
  citizenship: 'Citizenship',
  exploitation_form: 'Exploitation form',
  region: 'Region',
  referring_agency: 'Referring agency',
  legal_status: 'Legal status',
  disability: 'Disability',
};

// Every table in one look-up; a code means the same in each enumeration that has it ("other", "international").
const ALL: ReadonlyMap<string, string> = new Map(
  [
    SECTOR_LABELS,
    TYPE_LABELS,
    LEVEL_LABELS,
    GRANULARITY_LABELS,
    FREQUENCY_LABELS,
    PERSONAL_DATA_LABELS,
    BASIS_LABELS,
    TRIGGER_LABELS,
    CHANNEL_LABELS,
    FLOW_STATUS_LABELS,
    CONFIDENCE_LABELS,
    REPORTING_KIND_LABELS,
    NETWORK_KIND_LABELS,
    MEMBERSHIP_ROLE_LABELS,
    DISAGGREGATION_LABELS,
  ].flatMap((table) => Object.entries(table)),
);

/** The label of a code some table knows; undefined for any other text. */
export function knownLabel(code: string): string | undefined {
  return ALL.get(code);
}

/**
 * A code of any enumeration as people write it (`ngo` -> `NGO`, `child_protection` -> `Child protection`);
 * a code no table knows is written as words (`_` to spaces, first letter capital).
 */
export function codeLabel(code: string): string {
  const known = ALL.get(code);
  if (known) return known;
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The same in running text: lower case but for names and acronyms (`ngo` -> `NGO`, `child_welfare` -> `child welfare`). */
export function codeWords(code: string): string {
  const label = codeLabel(code);
  return /^[A-Z]{2}/.test(label) || PROPER.has(code) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

const PROPER = new Set(['europol', 'interpol', 'frontex', 'red_cross']);
