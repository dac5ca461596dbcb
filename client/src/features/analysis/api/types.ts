// Types of the analysis API, inferred from the server's zod schemas (type-only: no zod in the bundle).
export type {
  BottlenecksResponse,
  CompareResponse,
  CountryCoverageResponse,
  CoverageMatrixResponse,
  NcpResponse,
  SuggestionsResponse,
  WhatIfRequest,
  WhatIfResponse,
} from '@model/api-analysis';
