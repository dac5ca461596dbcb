// Part of `npm run bench -- --only analysis` (issue 13 point 7): resilience of every indicator and both
// plans with budget 20 on 1,000-stakeholder countries where the plans have work to do (plan-stress.ts:
// close_gaps and harden each run the full 20 steps over hundreds of candidates). Each figure is the median
// of the runs on a fresh flow graph (built outside the timing), as wall time and as this process's CPU time
// (less disturbed when other processes share the machine).
import { countryCoverage } from '../../server/analysis/coverage/coverage';
import { buildFlowGraph, type FlowGraph } from '../../server/analysis/flow-graph';
import { plan, planCandidates, type PlanGoal } from '../../server/analysis/plan/plan';
import { resilience } from '../../server/analysis/resilience/resilience';
import { suggestions } from '../../server/analysis/suggestions/suggestions';
import type { Snapshot } from '../../server/store/port';
import { readCatalogue } from '../../seed/loader';
import { wallAndCpu } from './cpu-timing';
import { planStressRegion } from './plan-stress';

const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);

function describe(fg: FlowGraph, country: string, goal: PlanGoal): string {
  const statuses = new Map<string, number>();
  for (const cell of countryCoverage(fg, country, false).cells)
    statuses.set(cell.status, (statuses.get(cell.status) ?? 0) + 1);
  const kinds = new Map<string, number>();
  const candidates = planCandidates(fg, country, goal);
  for (const c of candidates) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  const made = plan(fg, country, goal, 20);
  const gains = made.steps.map((s) => s.gained.length);
  return (
    `${country}: ${[...statuses].map(([s, k]) => `${k} ${s}`).join(', ')}; resilience ${JSON.stringify(resilience(fg, country).summary)}; ` +
    `${goal}: ${candidates.length} candidates (${[...kinds].map(([k, n]) => `${n} ${k}`).join(', ')}), ${made.steps.length} steps ` +
    `gaining ${gains.join(',')} indicator(s)${made.steps.length < 20 ? ' (then the best gain was 0)' : ''}`
  );
}

export function planBenchmarks(runs: number, countries: number, perCountry: number): void {
  const catalogue = readCatalogue() as Snapshot['catalogue'];
  const region = planStressRegion({
    countries: Math.max(2, countries),
    stakeholdersPerCountry: perCountry,
    seed: 1,
    catalogue,
  });
  const build = () => buildFlowGraph(region.document, catalogue);
  const rows: Array<[string, { wall: number; cpu: number }]> = [];
  const cases: Array<[string, PlanGoal]> = [
    [region.closeGaps, 'close_gaps'],
    [region.harden, 'harden'],
  ];
  const summary: string[] = [];
  for (const [country, goal] of cases) {
    summary.push(describe(build(), country, goal));
    rows.push([`resilience of every indicator, ${country}`, wallAndCpu(runs, build, (fg) => resilience(fg, country))]);
    const steps = plan(build(), country, goal, 20).steps.length;
    const candidates = planCandidates(build(), country, goal).length;
    const what = `plan ${goal}, budget 20, ${country} (${steps} steps, ${candidates.toLocaleString('en')} candidates)`;
    rows.push([
      `${what}, cold: a fresh flow graph, coverage${goal === 'close_gaps' ? ', suggestions' : ' and resilience'} inside`,
      wallAndCpu(runs, build, (fg) => plan(fg, country, goal, 20)),
    ]);
    // As the service answers it: the country's suggestions and resilience already computed, close_gaps handed the suggestions.
    let known: ReturnType<typeof suggestions>['suggestions'] = [];
    const warm = () => {
      const fg = build();
      known = suggestions(fg, country).suggestions;
      resilience(fg, country);
      return fg;
    };
    rows.push([
      `${what}, after its suggestions and resilience`,
      wallAndCpu(runs, warm, (fg) => plan(fg, country, goal, 20, goal === 'close_gaps' ? known : undefined)),
    ]);
  }
  const flows = region.document.flows.length.toLocaleString('en');
  console.log(
    `\nResilience and plans where the plans have work to do (tests/perf/plan-stress.ts: ${Math.max(2, countries)} x ${perCountry.toLocaleString('en')} stakeholders, ${flows} flows; one core)\n`,
  );
  for (const line of summary) console.log(`- ${line}`);
  console.log('\n| what | wall | CPU |\n|---|---:|---:|');
  for (const [row, t] of rows) console.log(`| ${row} | ${ms(t.wall)} | ${ms(t.cpu)} |`);
}
