// The country profile against the analyses it is built from, for every seed country.
import { bottlenecks } from '../../../server/analysis/bottlenecks/bottlenecks';
import { compare } from '../../../server/analysis/compare/compare';
import { countryCoverage } from '../../../server/analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries } from '../../../server/analysis/flow-graph';
import { ncpPosition } from '../../../server/analysis/ncp/position';
import { suggestions } from '../../../server/analysis/suggestions/suggestions';
import { buildCountryReport, TOP_SUGGESTIONS } from '../../../server/reports/country';
import { ILLUSTRATIVE_NOTICE } from '../../../server/model/report';
import { STATUS_LABELS } from '../../../server/reports/text';
import { allBlocks, section, seedInput, tables, texts } from './seed-input';

const input = seedInput();
const fg = buildFlowGraph(input.document, { indicators: input.catalogue.indicators });
const COUNTRIES = nationalCountries(fg);
const nameOf = (id: string) => input.document.stakeholders.find((s) => s.id === id)!.name;
const pct = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r * 100)}%`);

test('when the seed is loaded, then there are countries to report on', () => {
  expect(COUNTRIES.length).toBeGreaterThanOrEqual(10);
});

describe.each(COUNTRIES.map((c) => [c]))('the country profile of %s', (country) => {
  const report = buildCountryReport(input, country);
  const coverage = countryCoverage(fg, country);

  test("when it is built, then the NCP named is the country's NCP", () => {
    const ncp = fg.ncpOf(country);
    expect(ncp).toBeDefined();
    expect(texts(section(report, 'summary')).join(' ')).toContain(
      `${nameOf(ncp!)} is the National Contact Point (NCP)`,
    );
    expect(texts(section(report, 'ncp'))[0]).toContain(nameOf(ncp!));
  });

  test('when it is built, then every gap of the coverage analysis is in a coverage table with its status', () => {
    const rows = tables(section(report, 'coverage')).flatMap((t) => t.rows);
    const gaps = coverage.cells.filter((c) => c.status === 'collected_not_reaching' || c.status === 'not_collected');
    expect(gaps.length).toBeGreaterThan(0);
    for (const cell of gaps) {
      const row = rows.find((r) => r[0]!.endsWith(`(${cell.indicator})`));
      expect({ indicator: cell.indicator, status: row?.[1] }).toEqual({
        indicator: cell.indicator,
        status: STATUS_LABELS[cell.status],
      });
    }
  });

  test('when it is built, then every indicator reaching the NCP shows its path and hop count', () => {
    const rows = tables(section(report, 'coverage')).flatMap((t) => t.rows);
    for (const cell of coverage.cells.filter((c) => c.status === 'reaches_ncp')) {
      const row = rows.find((r) => r[0]!.endsWith(`(${cell.indicator})`))!;
      expect(row[1]).toBe(`Reaches the NCP (${cell.hops} hop${cell.hops === 1 ? '' : 's'})`);
      expect(row[2]!.startsWith(cell.path!.map(nameOf).join(' → '))).toBe(true);
    }
  });

  test("when it is built, then the percentages equal the analyses' rounded ratios", () => {
    const summary = texts(section(report, 'summary')).join(' ');
    expect(summary).toContain(`coverage ratio ${pct(coverage.coverageRatio)}`);
    expect(summary).toContain(`reference coverage ${pct(coverage.referenceCoverage)}`);
    const metrics = compare(fg, COUNTRIES).countries;
    const row = tables(section(report, 'comparison'))[0]!.rows.find((r) => r[0]!.startsWith('Coverage ratio'))!;
    const ratios = metrics.map((m) => m.coverageRatio!).sort((a, b) => a - b);
    const mid = ratios.length / 2;
    const median = ratios.length % 2 ? ratios[Math.floor(mid)]! : (ratios[mid - 1]! + ratios[mid]!) / 2;
    expect(row.slice(1)).toEqual([pct(coverage.coverageRatio), pct(median)]);
  });

  test('when it is built, then every single point of failure, critical flow and fragile indicator is named', () => {
    const weak = bottlenecks(fg, country);
    const weakTables = tables(section(report, 'weak-points'));
    const cells = weakTables.flatMap((t) => t.rows.map((r) => r.join(' | ')));
    for (const s of weak.singlePointsOfFailure)
      expect(cells.some((c) => c.startsWith(`${nameOf(s.id)} |`) && c.endsWith(s.indicators.join(', ')))).toBe(true);
    for (const f of weak.criticalFlows) expect(cells.some((c) => c.startsWith(`${f.id} |`))).toBe(true);
    for (const f of weak.fragile.filter((x) => x.reasons.length))
      expect(cells.some((c) => c.includes(`(${f.indicator}) |`))).toBe(true);
  });

  test("when it is built, then the NCP's position is told with its centralities to two decimals", () => {
    const position = ncpPosition(fg, country);
    if (position.status !== 'ok') throw new Error('expected an NCP');
    const text = texts(section(report, 'position')).join(' ');
    expect(text).toContain(`Its betweenness is ${position.betweenness.toFixed(2)}`);
    expect(text).toContain(`ranks ${position.betweennessRank} of ${fg.stakeholdersOf(country).length}`);
    expect(text).toContain(`harmonic closeness ${position.harmonicClosenessIn.toFixed(2)} inward`);
    for (const [role, count] of Object.entries(position.brokerage)) {
      if (count > 0) expect(text).toContain(`${count} pair`);
      else expect(text).not.toMatch(new RegExp(`^${role} `, 'm'));
    }
  });

  test('when it is built, then every cross-border channel of the NCP is in the table', () => {
    const position = ncpPosition(fg, country);
    if (position.status !== 'ok') throw new Error('expected an NCP');
    const rows = tables(section(report, 'cross-border')).flatMap((t) => t.rows);
    expect(rows.map((r) => r[4]).sort()).toEqual(
      [...position.crossBorder.in, ...position.crossBorder.out].map((c) => c.flow).sort(),
    );
  });

  test('when it is built, then the top suggestions are listed with their explanations, in rank order', () => {
    const expected = suggestions(fg, country).suggestions.slice(0, TOP_SUGGESTIONS);
    const items = section(report, 'suggestions').blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
    expect(items).toHaveLength(expected.length);
    expected.forEach((s, i) => expect(items[i]!.endsWith(s.explanation)).toBe(true));
  });

  test('when it is built, then the provenance gives the share of confirmed flows', () => {
    const inCountry = (id: string) => input.document.stakeholders.find((s) => s.id === id)?.country === country;
    const flows = input.document.flows.filter((f) => inCountry(f.from) || inCountry(f.to));
    const confirmed = flows.filter((f) => f.confidence === 'confirmed').length;
    expect(texts(section(report, 'provenance')).join(' ')).toContain(
      `${pct(confirmed / flows.length)} of the ${flows.length} flows with an end in the country (${confirmed})`,
    );
  });

  test('when it is built, then every table and figure has a caption and figures are SVG without scripts', () => {
    for (const block of allBlocks(report)) {
      if (block.type === 'table' || block.type === 'figure') expect(block.caption.length).toBeGreaterThan(10);
      if (block.type === 'figure') {
        expect(block.svg.startsWith('<svg')).toBe(true);
        expect(block.svg).not.toMatch(/<script/i);
      }
    }
    expect(allBlocks(report).some((b) => b.type === 'figure')).toBe(true);
  });

  test('when the country is illustrative, then the notice appears', () => {
    expect(report.illustrative).toBe(true);
    expect(texts(section(report, 'summary'))).toContain(ILLUSTRATIVE_NOTICE);
  });
});

describe('the illustrative notice', () => {
  test('when the country is not marked illustrative, then the report carries no notice', () => {
    const base = seedInput();
    const document = {
      ...base.document,
      countries: base.document.countries.map((c) => (c.code === 'SE' ? { ...c, illustrative: false } : c)),
    };
    const report = buildCountryReport({ ...base, document }, 'SE');
    expect(report.illustrative).toBe(false);
    expect(allBlocks(report).some((b) => b.type === 'paragraph' && b.text === ILLUSTRATIVE_NOTICE)).toBe(false);
  });
});

describe('the basis of a report', () => {
  test('when it is built from a round, then the round is named as its basis', () => {
    const round = { id: 'r-1', name: '2010 baseline', createdAt: '2026-01-02T03:04:05.000Z' };
    const report = buildCountryReport(seedInput({ round }), 'NO');
    expect(report.basis).toEqual({ round, storeVersion: 7 });
    expect(texts(section(report, 'provenance'))[0]).toBe(
      'This report is built from the mapping round "2010 baseline", frozen on 2026-01-02.',
    );
  });

  test('when the country has no NCP, then the report says so instead of describing one', () => {
    const base = seedInput();
    const document = {
      ...base.document,
      stakeholders: base.document.stakeholders.map((s) => (s.country === 'FI' ? { ...s, ncp: false } : s)),
    };
    const report = buildCountryReport({ ...base, document }, 'FI');
    expect(texts(section(report, 'summary')).join(' ')).toContain(
      'No stakeholder of Finland is marked as its National Contact Point',
    );
    expect(
      tables(section(report, 'coverage'))
        .flatMap((t) => t.rows)
        .every((r) => r[1] === STATUS_LABELS.no_ncp),
    ).toBe(true);
  });
});
