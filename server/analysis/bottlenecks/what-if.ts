// What-if (ANALYSIS.md §3): remove stakeholders and/or flows, or add proposed flows, and see which
// indicators change coverage status and what becomes of the NCP's metrics — without touching the store.
import { ValidationError } from '../../errors';
import type { MapDocument, Problem } from '../../model';
import type { WhatIfInput } from '../../model/api-analysis';
import { countryCoverage, assertCountry, type CountryCoverage, type CoverageStatus } from '../coverage/coverage';
import { buildFlowGraph, type FlowGraph } from '../flow-graph';
import { ncpPosition, type NcpPosition } from '../ncp/position';

export { WhatIfInput } from '../../model/api-analysis';

export interface WhatIf {
  country: string;
  before: CountryCoverage;
  after: CountryCoverage;
  changed: Array<{ indicator: string; from: CoverageStatus; to: CoverageStatus }>;
  ncp: { before: NcpPosition; after: NcpPosition };
}

/** A flow's id in the scenario when a proposed flow takes that id: no id a request can give has a NUL in it. */
const moved = (id: string) => `${id}\u0000unseen`;

/**
 * The document with the scenario applied; every unknown id or bad new flow is a problem. The flows of `unseen` (those
 * the user may not see) are unknown to the scenario: removing one is an unknown flow and proposing a flow with the
 * id of one is allowed, exactly as for an id the map does not have (so that the answer tells nothing of them); such
 * a flow stays in the scenario under another id.
 */
function scenario(fg: FlowGraph, input: WhatIfInput, unseen: ReadonlySet<string>): MapDocument {
  const doc = fg.document;
  const problems: Problem[] = [];
  const stakeholderIds = new Set(doc.stakeholders.map((s) => s.id));
  const flowIds = new Set(doc.flows.flatMap((f) => (unseen.has(f.id) ? [] : [f.id])));
  input.removeStakeholders.forEach((id, i) => {
    if (!stakeholderIds.has(id))
      problems.push({
        path: `removeStakeholders[${i}]`,
        field: 'removeStakeholders',
        id,
        message: `unknown stakeholder '${id}'`,
      });
  });
  input.removeFlows.forEach((id, i) => {
    if (!flowIds.has(id))
      problems.push({ path: `removeFlows[${i}]`, field: 'removeFlows', id, message: `unknown flow '${id}'` });
  });
  const gone = new Set(input.removeStakeholders);
  const known = new Set(fg.indicators);
  const added = input.addFlows.map((f, i) => {
    const id = f.id ?? `what-if-${i + 1}`;
    if (flowIds.has(id))
      problems.push({ path: `addFlows[${i}].id`, field: 'id', id, message: `flow '${id}' already exists` });
    for (const end of ['from', 'to'] as const) {
      if (!stakeholderIds.has(f[end]) || gone.has(f[end])) {
        problems.push({
          path: `addFlows[${i}].${end}`,
          field: end,
          id,
          message: `unknown or removed stakeholder '${f[end]}'`,
        });
      }
    }
    f.indicators.forEach((x, j) => {
      if (!known.has(x))
        problems.push({
          path: `addFlows[${i}].indicators[${j}]`,
          field: 'indicators',
          id,
          message: `unknown indicator code '${x}'`,
        });
    });
    return { ...f, id };
  });
  if (problems.length) throw new ValidationError('the scenario names items that do not exist', problems);
  const removedFlows = new Set(input.removeFlows);
  const taken = new Set(added.flatMap((f) => (unseen.has(f.id) ? [f.id] : [])));
  const kept = doc.flows.filter((f) => !removedFlows.has(f.id) && !gone.has(f.from) && !gone.has(f.to));
  return {
    ...doc,
    stakeholders: doc.stakeholders.filter((s) => !gone.has(s.id)),
    datasets: doc.datasets.filter((d) => !gone.has(d.holder)),
    flows: [...(taken.size ? kept.map((f) => (taken.has(f.id) ? { ...f, id: moved(f.id) } : f)) : kept), ...added],
  };
}

export function whatIf(fg: FlowGraph, input: WhatIfInput): WhatIf {
  return whatIfWithGraph(fg, input).answer;
}

/**
 * The what-if answer and the scenario's flow graph it was computed on; `unseen`: the ids of the flows the user may not
 * see, which the scenario treats as ids the map does not have (scenario()).
 */
export function whatIfWithGraph(
  fg: FlowGraph,
  input: WhatIfInput,
  unseen: ReadonlySet<string> = new Set(),
): { answer: WhatIf; after: FlowGraph } {
  assertCountry(fg, input.country);
  const after = buildFlowGraph(scenario(fg, input, unseen), fg.catalogue, fg.options);
  const before = countryCoverage(fg, input.country);
  const afterCoverage = countryCoverage(after, input.country);
  const changed = before.cells.flatMap((cell, i) => {
    const to = afterCoverage.cells[i]!.status;
    return cell.status === to ? [] : [{ indicator: cell.indicator, from: cell.status, to }];
  });
  const answer = {
    country: input.country,
    before,
    after: afterCoverage,
    changed,
    ncp: { before: ncpPosition(fg, input.country), after: ncpPosition(after, input.country) },
  };
  return { answer, after };
}
