// Response shapes of the map endpoints, composed from the shared zod model's types (server/model)
// plus the fields the API adds (sector, external, version, counts).
import type {
  Country, Dataset, Flow, Indicator, Membership, Network, ReportingLine, Sector, Stakeholder, Theme,
} from '../../../../../server/model';

export type { Country, Dataset, Flow, Indicator, Sector, Stakeholder, Theme };

export type CountrySummary = Country & {
  /** Id of the country's NCP stakeholder, if mapped. */
  ncp: string | null;
  stakeholders: number;
  flows: number;
};

export interface CountriesResponse {
  countries: CountrySummary[];
}

export type GraphStakeholder = Stakeholder & {
  sector: Sector;
  /** A foreign endpoint of a cross-border flow, not one of the country's own stakeholders. */
  external: boolean;
  version: number;
};

export type GraphFlow = Flow & { version: number };

export interface GraphResponse {
  country: Country;
  storeVersion: number;
  stakeholders: GraphStakeholder[];
  flows: GraphFlow[];
  datasets: Dataset[];
  reportingLines: ReportingLine[];
  networks: Network[];
  memberships: Membership[];
}

export interface ReferenceResponse {
  themes: Theme[];
  indicators: Indicator[];
  sectors: Array<{ code: Sector; types: string[] }>;
  enums: Record<string, string[]>;
}
