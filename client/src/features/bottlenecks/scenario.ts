// The what-if scenario of the bottlenecks view: what it removes and adds, as URL lists (`remove`,
// `removeFlows`, `add`), and as the request body of POST /api/analysis/what-if. A suggested flow is
// named `from>to:indicator`, which stays true when the ranking of suggestions changes. A key that names
// no suggestion (a flow a plan proposes to harden coverage, see features/plan) is read off the key.
import { listParam } from '../../lib/useSearchParams';
import type { SuggestionsResponse, WhatIfRequest } from '../analysis/api/types';
import type { GraphResponse } from '../../graph/api/types';

export type Suggestion = SuggestionsResponse['suggestions'][number];

export const SCENARIO_PARAMS = ['remove', 'removeFlows', 'add'] as const;
export type ScenarioParam = (typeof SCENARIO_PARAMS)[number];

export interface Scenario {
  removeStakeholders: string[];
  removeFlows: string[];
  /** Keys of suggested flows (suggestionKey). */
  add: string[];
}

export const suggestionKey = (s: Pick<Suggestion, 'from' | 'to' | 'indicator'>) => `${s.from}>${s.to}:${s.indicator}`;

/** A proposed flow named by its key: the suggestion if there is one, else what the key says (null if it says nothing). */
export function proposedFlow(
  key: string,
  byKey: ReadonlyMap<string, Suggestion>,
): (Pick<Suggestion, 'from' | 'to' | 'indicator'> & { suggestion?: Suggestion }) | null {
  const suggestion = byKey.get(key);
  if (suggestion) return { from: suggestion.from, to: suggestion.to, indicator: suggestion.indicator, suggestion };
  const arrow = key.indexOf('>');
  const colon = key.lastIndexOf(':');
  if (arrow <= 0 || colon <= arrow + 1 || colon === key.length - 1) return null;
  return { from: key.slice(0, arrow), to: key.slice(arrow + 1, colon), indicator: key.slice(colon + 1) };
}

/** The scenario the URL names, keeping only ids this country's map knows (a link from another country names none). */
export function scenarioFromParams(
  values: Record<ScenarioParam, string | null>,
  graph: GraphResponse | undefined,
): Scenario {
  const stakeholders = new Set(graph?.stakeholders.map((s) => s.id));
  const flows = new Set(graph?.flows.map((f) => f.id));
  return {
    removeStakeholders: listParam(values.remove).filter((id) => !graph || stakeholders.has(id)),
    removeFlows: listParam(values.removeFlows).filter((id) => !graph || flows.has(id)),
    add: listParam(values.add),
  };
}

export function isEmpty(s: Scenario): boolean {
  return s.removeStakeholders.length + s.removeFlows.length + s.add.length === 0;
}

/**
 * The request for the scenario. A proposed flow (direct, or joining a route) is modelled as an active
 * flow on an agreement carrying the indicator; extending an existing flow as a flow parallel to it, on
 * its basis, carrying the indicator (the same reach, without touching the stored flow).
 */
export function toRequest(
  country: string,
  s: Scenario,
  suggestions: readonly Suggestion[],
  graph: GraphResponse,
): WhatIfRequest {
  const byKey = new Map(suggestions.map((x) => [suggestionKey(x), x]));
  const basisOf = new Map(graph.flows.map((f) => [f.id, f.basis]));
  const known = new Set(graph.stakeholders.map((x) => x.id));
  const addFlows = s.add.flatMap((key, i) => {
    const x = proposedFlow(key, byKey);
    // A key read off the URL whose ends this map does not hold (a stale or foreign link) is left out.
    if (!x || (!x.suggestion && (!known.has(x.from) || !known.has(x.to)))) return [];
    // A flow that is no suggestion goes on the basis of an existing flow between the same two (an extension), else an agreement.
    const existing = x.suggestion
      ? undefined
      : graph.flows.find((f) => f.from === x.from && f.to === x.to && f.status === 'active');
    const basis =
      (x.suggestion?.kind === 'extend_flow' && x.suggestion.flow ? basisOf.get(x.suggestion.flow) : existing?.basis) ??
      'agreement';
    return [{ id: `proposed-${i + 1}`, from: x.from, to: x.to, indicators: [x.indicator], basis }];
  });
  return { country, removeStakeholders: s.removeStakeholders, removeFlows: s.removeFlows, addFlows };
}

export function toggled(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}
