// POST /api/analysis/what-if: coverage and NCP metrics of a scenario. A read (nothing is stored), so a
// query keyed on the scenario: the answer to each scenario is cached, and an edit's invalidation of the
// analyses refreshes it. POST only because a scenario does not fit a URL.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import { analysisKeys } from './keys';
import type { WhatIfRequest, WhatIfResponse } from './types';

export const postWhatIf = (scenario: WhatIfRequest) =>
  apiFetch<WhatIfResponse>('/api/analysis/what-if', { method: 'POST', body: JSON.stringify(scenario) });

export const whatIfQueryOptions = (scenario: WhatIfRequest) =>
  queryOptions({ queryKey: analysisKeys.whatIf(scenario), queryFn: () => postWhatIf(scenario) });

/** The answer to a scenario; nothing is asked while it is null (no scenario, or not ready to ask). */
export function useWhatIf(scenario: WhatIfRequest | null) {
  return useQuery({ ...whatIfQueryOptions(scenario ?? { country: '' }), enabled: scenario !== null });
}
