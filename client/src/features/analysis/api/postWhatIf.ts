// POST /api/analysis/what-if: coverage and NCP metrics of a scenario (nothing is stored, so nothing to invalidate).
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/apiFetch';
import type { WhatIfRequest, WhatIfResponse } from './types';

export const postWhatIf = (scenario: WhatIfRequest) =>
  apiFetch<WhatIfResponse>('/api/analysis/what-if', { method: 'POST', body: JSON.stringify(scenario) });

export function useWhatIf() {
  return useMutation({ mutationFn: postWhatIf });
}
