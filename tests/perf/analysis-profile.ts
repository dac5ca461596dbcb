// Profiling the analysis compute at region scale (issue 11, point 5): the synthetic region built in memory
// (13 x 1,000 stakeholders by default, no store), then buildFlowGraph, the coverage matrix, compare and one
// country's bottlenecks / NCP position / suggestions, each timed on a fresh flow graph (nothing memoised
// reused), median of --runs. With --digest it prints a hash of every result instead (to check that a faster
// version answers exactly the same), with --digest-file it writes the results as JSON.
//   npx tsx tests/perf/analysis-profile.ts [--runs 5] [--countries 13] [--stakeholders 1000] [--only matrix,compare,...]
//   node --cpu-prof --cpu-prof-dir /tmp/prof --import tsx tests/perf/analysis-profile.ts --runs 1 --only compare
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { bottlenecks } from '../../server/analysis/bottlenecks/bottlenecks';
import { compare } from '../../server/analysis/compare/compare';
import { countryCoverage, coverageMatrix } from '../../server/analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries, type FlowGraph } from '../../server/analysis/flow-graph';
import { ncpPosition } from '../../server/analysis/ncp/position';
import { suggestions } from '../../server/analysis/suggestions/suggestions';
import type { Snapshot } from '../../server/store/port';
import { readCatalogue } from '../../seed/loader';
import { wallAndCpu } from './cpu-timing';
import { syntheticRegion } from './synthetic';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    countries: { type: 'string', default: '13' },
    stakeholders: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    only: { type: 'string' },
    digest: { type: 'boolean', default: false },
    'digest-file': { type: 'string' },
  },
});

function main(): void {
  const countries = Number(args.countries);
  const perCountry = Number(args.stakeholders);
  const document = syntheticRegion({ countries, stakeholdersPerCountry: perCountry, seed: Number(args.seed) });
  const catalogue = readCatalogue() as Snapshot['catalogue'];
  const build = () => buildFlowGraph(document, catalogue);
  const probe = build();
  const codes = nationalCountries(probe);
  const one = codes[0]!;

  if (args.digest || args['digest-file']) {
    // Every analysis of every country, on one graph (as the service would answer them) and, for one
    // country, on a fresh graph (nothing memoised by the others).
    const fg = build();
    const results: Record<string, unknown> = {
      [`bottlenecks ${one} (fresh)`]: bottlenecks(build(), one),
      [`ncp ${one} (fresh)`]: ncpPosition(build(), one),
      [`suggestions ${one} (fresh)`]: suggestions(build(), one),
      matrix: coverageMatrix(fg),
      compare: compare(fg),
    };
    for (const c of fg.countries.map((x) => x.code)) {
      results[`coverage ${c}`] = countryCoverage(fg, c);
      results[`bottlenecks ${c}`] = bottlenecks(fg, c);
      results[`ncp ${c}`] = ncpPosition(fg, c);
      results[`suggestions ${c}`] = suggestions(fg, c);
    }
    const text = JSON.stringify(results);
    if (args['digest-file']) fs.writeFileSync(args['digest-file'], text);
    for (const [k, v] of Object.entries(results))
      console.log(`${createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 12)}  ${k}`);
    console.log(
      `${createHash('sha256').update(text).digest('hex')}  all (${countries} x ${perCountry}, seed ${args.seed})`,
    );
    return;
  }

  const runs = Number(args.runs);
  const cases: Record<string, (fg: FlowGraph) => unknown> = {
    matrix: (fg) => coverageMatrix(fg),
    compare: (fg) => compare(fg),
    bottlenecks: (fg) => bottlenecks(fg, one),
    ncp: (fg) => ncpPosition(fg, one),
    suggestions: (fg) => suggestions(fg, one),
    'matrix+compare': (fg) => {
      coverageMatrix(fg);
      compare(fg);
    },
  };
  const only = args.only?.split(',');
  const rows: Array<[string, number, number]> = [];
  const time = (row: string, before: () => FlowGraph | undefined, fn: (fg: FlowGraph | undefined) => unknown) => {
    const { wall, cpu } = wallAndCpu(runs, before, fn);
    rows.push([row, wall, cpu]);
  };
  if (!only || only.includes('build'))
    time(
      'buildFlowGraph',
      () => undefined,
      () => build(),
    );
  for (const [name, fn] of Object.entries(cases)) {
    if (only && !only.includes(name)) continue;
    time(name === 'matrix' || name === 'compare' || name === 'matrix+compare' ? name : `${name} ${one}`, build, (fg) =>
      fn(fg!),
    );
  }
  console.log(
    `\nAnalysis compute, ${countries} x ${perCountry} stakeholders, ${document.flows.length.toLocaleString('en')} flows; median of ${runs}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  console.log('| what | wall ms | CPU ms |\n|---|---:|---:|');
  for (const [row, wall, cpu] of rows) console.log(`| ${row} | ${wall.toFixed(1)} | ${cpu.toFixed(1)} |`);
}

main();
