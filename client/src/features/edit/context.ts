// What a form needs to know about the map it edits: the items its pickers offer (the country's
// stakeholders, interviews and networks), the countries, the catalogue, the ids already taken, and
// the words that name an item ("Police Authority → Migration Agency").
import { humanize } from '../../lib/format';
import type { CountrySummary, MapGraph, ReferenceResponse } from '../../graph/api/types';
import type { NameOf } from './form';
import type { EditKind } from './kinds';

export interface PickerStakeholder {
  id: string;
  name: string;
  country: string;
  external?: boolean;
}

export interface PickerInterview {
  id: string;
  date: string;
  stakeholder: string;
  round: string;
  interviewer?: string;
}

export interface EditContext {
  /** The country new items belong to. */
  country: string;
  stakeholders: readonly PickerStakeholder[];
  interviews: readonly PickerInterview[];
  networks: ReadonlyArray<{ id: string; name: string; country: string }>;
  countries: readonly CountrySummary[];
  reference: ReferenceResponse | undefined;
  /** Every id in the map (new ids must differ). */
  takenIds: ReadonlySet<string>;
}

export function editContextOf(
  graph: MapGraph,
  country: string,
  reference: ReferenceResponse | undefined,
  countries: readonly CountrySummary[] | undefined,
): EditContext {
  const ids = [
    ...graph.stakeholders,
    ...graph.flows,
    ...graph.datasets,
    ...graph.reportingLines,
    ...graph.networks,
    ...graph.interviews,
  ].map((x) => x.id);
  return {
    country,
    stakeholders: graph.stakeholders,
    interviews: graph.interviews,
    networks: graph.networks,
    countries: countries ?? [],
    reference,
    takenIds: new Set(ids),
  };
}

/** An id as people call it: a stakeholder's or network's name, an interview's date and who, an indicator's code. */
export function nameResolver(ctx: EditContext): NameOf {
  const stakeholders = new Map(ctx.stakeholders.map((s) => [s.id, s]));
  const interviews = new Map(ctx.interviews.map((i) => [i.id, i]));
  const networks = new Map(ctx.networks.map((n) => [n.id, n]));
  return (target, id) => {
    if (target === 'stakeholder') return stakeholders.get(id)?.name ?? id;
    if (target === 'network') return networks.get(id)?.name ?? id;
    if (target === 'interview') {
      const i = interviews.get(id);
      return i ? `${i.date}, ${stakeholders.get(i.stakeholder)?.name ?? i.stakeholder} (${id})` : id;
    }
    return id;
  };
}

/** What an item is called in titles and confirmations. */
export function itemTitle(kind: EditKind, item: Readonly<Record<string, unknown>>, ctx: EditContext): string {
  const name = nameResolver(ctx);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  switch (kind) {
    case 'stakeholder':
    case 'dataset':
    case 'network':
      return str(item.name) || str(item.id);
    case 'flow':
      return `${name('stakeholder', str(item.from))} → ${name('stakeholder', str(item.to))}`;
    case 'reportingLine':
      return `${name('stakeholder', str(item.from))} reports to ${name('stakeholder', str(item.to))}${item.kind ? ` (${humanize(str(item.kind)).toLowerCase()})` : ''}`;
    case 'membership':
      return `${name('stakeholder', str(item.stakeholder))} in ${name('network', str(item.network))}`;
    case 'interview':
      return `Interview with ${name('stakeholder', str(item.stakeholder))} on ${str(item.date)}`;
  }
}
