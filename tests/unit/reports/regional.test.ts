// The regional report against the analyses it is built from.
import { compare } from '../../../server/analysis/compare/compare';
import { coverageMatrix } from '../../../server/analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries } from '../../../server/analysis/flow-graph';
import { suggestions } from '../../../server/analysis/suggestions/suggestions';
import { ILLUSTRATIVE_NOTICE } from '../../../server/model/report';
import {
  ALMOST_EVERYWHERE,
  buildRegionalReport,
  commonMissingLinks,
  MATRIX_MARKS,
} from '../../../server/reports/regional';
import { allBlocks, section, seedInput, tables, texts } from './seed-input';

const input = seedInput();
const fg = buildFlowGraph(input.document, { indicators: input.catalogue.indicators });
const countries = nationalCountries(fg);
const report = buildRegionalReport(input);

test('when it is built, then the coverage matrix shows every country and indicator with the status the analysis gives', () => {
  const matrix = coverageMatrix(fg, countries);
  const table = tables(section(report, 'coverage-matrix'))[0]!;
  expect(table.columns).toEqual(['Indicator', ...countries]);
  expect(table.rows.map((r) => r[0])).toEqual(fg.indicators);
  for (const cell of matrix.cells) {
    const mark = table.rows[fg.indicators.indexOf(cell.indicator)]![countries.indexOf(cell.country) + 1];
    expect({ ...cell, mark }).toEqual({
      ...cell,
      mark: cell.status === 'reaches_ncp' ? `R${cell.hops}` : MATRIX_MARKS[cell.status],
    });
  }
});

test("when it is built, then the comparison table gives each country's coverage ratio as a whole percentage", () => {
  const metrics = compare(fg, countries).countries;
  const table = tables(section(report, 'comparison'))[0]!;
  const row = table.rows.find((r) => r[0]!.startsWith('Coverage ratio'))!;
  expect(row.slice(1, -1)).toEqual(metrics.map((m) => `${Math.round(m.coverageRatio! * 100)}%`));
  expect(section(report, 'comparison').blocks.some((b) => b.type === 'figure')).toBe(true);
});

test("when it is built, then the similarity matrix gives the analysis' cosines to two decimals", () => {
  const { similarity } = compare(fg, countries);
  const table = tables(section(report, 'similarity'))[0]!;
  for (const s of similarity) {
    const row = table.rows.find((r) => r[0] === s.a)!;
    expect(row[countries.indexOf(s.b) + 1]).toBe(s.cosine.toFixed(2));
  }
});

test('when it is built, then the indicators missing almost everywhere are exactly those missing in the stated share of countries', () => {
  const matrix = coverageMatrix(fg, countries);
  const threshold = Math.ceil(ALMOST_EVERYWHERE * countries.length);
  const expected = fg.indicators.filter(
    (x) =>
      matrix.cells.filter((c) => c.indicator === x && c.status !== 'held_by_ncp' && c.status !== 'reaches_ncp')
        .length >= threshold,
  );
  const rows = tables(section(report, 'missing')).flatMap((t) => t.rows);
  expect(rows.map((r) => /\(([^)]+)\)$/.exec(r[0]!)?.[1])).toEqual(expected);
  expect(texts(section(report, 'missing'))[0]).toContain(
    `at least ${Math.round(ALMOST_EVERYWHERE * 100)}% of the national countries (${threshold} of ${countries.length})`,
  );
});

test('when it is built, then the most common missing links are counted once per country that a suggestion proposes them for', () => {
  const links = commonMissingLinks(input);
  expect(links.length).toBeGreaterThan(0);
  const top = links[0]!;
  const proposing = countries.filter((c) =>
    suggestions(fg, c).suggestions.some(
      (s) =>
        s.indicator === top.indicator &&
        fg.graph.getNodeAttribute(s.from, 'type') === top.fromType &&
        (top.toType === 'ncp' ? s.to === fg.ncpOf(c) : fg.graph.getNodeAttribute(s.to, 'type') === top.toType),
    ),
  );
  expect(top.countries.sort()).toEqual(proposing);
  for (let i = 1; i < links.length; i++)
    expect(links[i]!.countries.length).toBeLessThanOrEqual(links[i - 1]!.countries.length);
  const rows = tables(section(report, 'missing-links'))[0]!.rows;
  expect(rows[0]![3]).toBe(`${top.countries.length}: ${top.countries.join(', ')}`);
});

test('when it is built from illustrative maps, then the notice appears and every table and figure has a caption', () => {
  expect(report.illustrative).toBe(true);
  expect(texts(section(report, 'summary'))).toContain(ILLUSTRATIVE_NOTICE);
  for (const block of allBlocks(report))
    if (block.type === 'table' || block.type === 'figure') expect(block.caption.length).toBeGreaterThan(10);
});
