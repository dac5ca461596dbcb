// Two routes to the same answers on the whole seed region: the dominator analysis (single points of
// failure, critical flows) against what-if removals, and the best paths against the statuses.
import { bottlenecks } from '../../../server/analysis/bottlenecks/bottlenecks';
import { whatIf, WhatIfInput } from '../../../server/analysis/bottlenecks/what-if';
import { countryCoverage } from '../../../server/analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries } from '../../../server/analysis/flow-graph';
import { readCatalogue, readSeedDocument } from '../../../seed/loader';

const fg = buildFlowGraph(readSeedDocument(), readCatalogue() as never);
const countries = nationalCountries(fg);

test('when the seed region is analysed, then there are countries, single points of failure, critical flows and other stakeholders for the checks below to check', () => {
  // Each check below loops over a list that can be empty for one country; over the region none may be.
  expect(countries.length).toBeGreaterThanOrEqual(10);
  const all = countries.map((c) => bottlenecks(fg, c));
  expect(all.reduce((n, b) => n + b.singlePointsOfFailure.length, 0)).toBeGreaterThan(0);
  expect(all.reduce((n, b) => n + b.criticalFlows.length, 0)).toBeGreaterThan(0);
  expect(countries.every((c) => fg.stakeholdersOf(c).length > 1)).toBe(true);
});

describe.each(countries)('seed country %s', (country) => {
  const b = bottlenecks(fg, country);
  const reaching = countryCoverage(fg, country)
    .cells.filter((c) => c.status === 'reaches_ncp')
    .map((c) => c.indicator);

  test('when each single point of failure is removed, then exactly its indicators stop reaching the NCP', () => {
    for (const { id, indicators } of b.singlePointsOfFailure) {
      const changed = whatIf(fg, WhatIfInput.parse({ country, removeStakeholders: [id] }))
        .changed.filter((c) => c.from === 'reaches_ncp')
        .map((c) => c.indicator);
      expect({ id, changed: changed.sort() }).toEqual({ id, changed: [...indicators].sort() });
    }
  });

  test('when each critical flow is removed, then exactly its indicators stop reaching; other flows change nothing they are not critical for', () => {
    for (const { id, indicators } of b.criticalFlows) {
      const changed = whatIf(fg, WhatIfInput.parse({ country, removeFlows: [id] })).changed.map((c) => c.indicator);
      expect({ id, changed: changed.sort() }).toEqual({ id, changed: [...indicators].sort() });
    }
    const critical = new Set(b.criticalFlows.map((f) => f.id));
    const others = fg.flows
      .filter((f) => !critical.has(f.id) && fg.graph.getNodeAttribute(f.to, 'country') === country)
      .slice(0, 15);
    for (const f of others) {
      expect({ flow: f.id, changed: whatIf(fg, WhatIfInput.parse({ country, removeFlows: [f.id] })).changed }).toEqual({
        flow: f.id,
        changed: [],
      });
    }
  });

  test('when a stakeholder that is no single point of failure is removed, then no indicator that reaches through others is lost', () => {
    const spof = new Set(b.singlePointsOfFailure.map((s) => s.id));
    const ncp = fg.ncpOf(country);
    const others = fg
      .stakeholdersOf(country)
      .filter((id) => !spof.has(id) && id !== ncp)
      .slice(0, 10);
    for (const id of others) {
      const lost = whatIf(fg, WhatIfInput.parse({ country, removeStakeholders: [id] })).changed.filter((c) =>
        reaching.includes(c.indicator),
      );
      expect({ id, lost }).toEqual({ id, lost: [] });
    }
  });
});
