// What an edit makes stale: the graphs (every country and the region), the countries' counts, every
// analysis, single stakeholders, the to-confirm lists, and the history and rounds views (by their
// leading key). The graphs and to-confirm lists are awaited, so a saved item is on screen when the
// form closes; the rest refresh in the background.
import type { QueryClient } from '@tanstack/react-query';
import { analysisKeys } from '../../analysis/api/keys';
import { evidenceKeys } from '../../evidence/api/keys';
import { auditKeys } from '../../audit/api/keys';
import { gapsKeys } from '../../gaps/api/keys';
import { roundKeys } from '../../rounds/api/keys';
import { mapKeys } from '../../../graph/api/keys';

const BACKGROUND: ReadonlyArray<readonly string[]> = [
  mapKeys.countries(),
  analysisKeys.all(),
  gapsKeys.stakeholders(),
  auditKeys.all(),
  roundKeys.all(),
];

export async function invalidateAfterEdit(queryClient: QueryClient): Promise<void> {
  for (const queryKey of BACKGROUND) void queryClient.invalidateQueries({ queryKey });
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: mapKeys.graphs() }),
    queryClient.invalidateQueries({ queryKey: evidenceKeys.all() }),
  ]);
}
