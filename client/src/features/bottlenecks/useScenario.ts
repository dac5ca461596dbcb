// The what-if scenario of the bottlenecks view as React state: read from and written to the URL
// (`remove`, `removeFlows`, `add`), the proposed flows it draws, the request it sends, and its answer.
import { useMemo } from 'react';
import { useSearchParams } from '../../lib/useSearchParams';
import { useWhatIf } from '../analysis/api/postWhatIf';
import type { ExtraFlow } from '../../graph/elements';
import type { GraphResponse } from '../../graph/api/types';
import {
  isEmpty,
  proposedFlow,
  SCENARIO_PARAMS,
  scenarioFromParams,
  suggestionKey,
  toRequest,
  type Scenario,
  type Suggestion,
} from './scenario';

/**
 * `suggestions` is null while they load: a scenario that adds suggested flows is not asked about until
 * they are in (the request needs their kinds).
 */
export function useScenario(
  country: string,
  graph: GraphResponse,
  suggestions: readonly Suggestion[] | null,
  enabled: boolean,
) {
  const [params, setParams] = useSearchParams(SCENARIO_PARAMS);
  const { remove, removeFlows, add } = params;
  const scenario: Scenario = useMemo(
    () => scenarioFromParams({ remove, removeFlows, add }, graph),
    [remove, removeFlows, add, graph],
  );
  const empty = isEmpty(scenario);
  const suggestionList = useMemo(() => suggestions ?? [], [suggestions]);
  const request = useMemo(
    () =>
      empty || !enabled || (suggestions === null && scenario.add.length > 0)
        ? null
        : toRequest(country, scenario, suggestionList, graph),
    [empty, enabled, country, scenario, suggestions, suggestionList, graph],
  );
  const answer = useWhatIf(request);

  const added: ExtraFlow[] = useMemo(() => {
    const byKey = new Map(suggestionList.map((x) => [suggestionKey(x), x]));
    return scenario.add.flatMap((key, i) => {
      const s = proposedFlow(key, byKey);
      return s ? [{ id: `proposed-${i + 1}`, from: s.from, to: s.to, label: `+ ${s.indicator}` }] : [];
    });
  }, [scenario.add, suggestionList]);
  const chosen = suggestionList.filter((s) => scenario.add.includes(suggestionKey(s)));

  const setScenario = (next: Partial<Scenario>) =>
    setParams({
      ...(next.removeStakeholders ? { remove: next.removeStakeholders } : {}),
      ...(next.removeFlows ? { removeFlows: next.removeFlows } : {}),
      ...(next.add ? { add: next.add } : {}),
    });
  const resetScenario = () => setParams({ remove: null, removeFlows: null, add: null });

  return {
    scenario,
    empty,
    added,
    chosen,
    setScenario,
    resetScenario,
    answer,
    /** Waiting for the answer (or for the suggestions the request needs). */
    pending: !empty && (request === null || answer.isPending),
  };
}

/** What a scenario does, in words: "without X, Y; with 2 suggested flows added". */
export function scenarioSummary(
  scenario: Scenario,
  chosen: number,
  added: number,
  nameOf: (id: string) => string,
): string {
  const plural = (n: number) => (n === 1 ? '' : 's');
  // Flows a plan loaded here that are not suggestions (harden steps).
  const planned = added - chosen;
  return [
    scenario.removeStakeholders.length ? `without ${scenario.removeStakeholders.map(nameOf).join(', ')}` : '',
    scenario.removeFlows.length
      ? `without ${scenario.removeFlows.length} flow${plural(scenario.removeFlows.length)}`
      : '',
    chosen ? `with ${chosen} suggested flow${plural(chosen)} added` : '',
    planned > 0 ? `with ${planned} flow${plural(planned)} from the plan added` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
