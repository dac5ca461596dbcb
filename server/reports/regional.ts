// The regional report (issue 7, item 2): the coverage matrix, the comparison of national structures with a
// chart, their similarity, the indicators missing almost everywhere and the most common missing links,
// the most common recommended actions, every sentence built from the analyses (server/analysis).
import { compare } from '../analysis/compare/compare';
import { coverageMatrix, type CoverageStatus } from '../analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries } from '../analysis/flow-graph';
import { suggestions } from '../analysis/suggestions/suggestions';
import { barChartSvg } from './figures';
import { recommendedActionsSection } from './recommendations';
import { COMPARED_METRICS } from './country';
import { ILLUSTRATIVE_NOTICE, type Block, type RegionalReport, type Section } from '../model/report';
import { percent } from '../model/format';
import { decimal2, hiddenFlowsLine, median, namer, plural, typeNoun, type ReportInput } from './text';

/** An indicator is "missing almost everywhere" when it fails to reach the NCP in at least this share of the national countries. */
export const ALMOST_EVERYWHERE = 0.8;
/** How many of the most common missing links the report lists. */
export const TOP_MISSING_LINKS = 10;

/** One-character marks of the coverage matrix (explained in its caption). */
export const MATRIX_MARKS: Readonly<Record<CoverageStatus, string>> = {
  held_by_ncp: 'H',
  reaches_ncp: 'R',
  collected_not_reaching: 'C',
  not_collected: '–',
  no_ncp: 'x',
};

export const MISSING_STATUSES: ReadonlySet<CoverageStatus> = new Set([
  'collected_not_reaching',
  'not_collected',
  'no_ncp',
]);

export interface MissingLink {
  fromType: string;
  /** 'ncp' when the link goes to the NCP, else the receiver's type. */
  toType: string;
  indicator: string;
  countries: string[];
}

/** Missing links by type: a (sender type, receiver type or NCP, indicator) counted once per country in which a suggestion proposes it. */
export function commonMissingLinks(input: ReportInput): MissingLink[] {
  const fg = buildFlowGraph(input.document, { indicators: input.catalogue.indicators });
  const found = new Map<string, MissingLink>();
  for (const country of nationalCountries(fg)) {
    const ncp = fg.ncpOf(country);
    if (!ncp) continue;
    for (const s of suggestions(fg, country).suggestions) {
      const fromType = fg.graph.getNodeAttribute(s.from, 'type');
      const toType = s.to === ncp ? 'ncp' : fg.graph.getNodeAttribute(s.to, 'type');
      const key = `${fromType}|${toType}|${s.indicator}`;
      const link = found.get(key) ?? { fromType, toType, indicator: s.indicator, countries: [] };
      if (!link.countries.includes(country)) link.countries.push(country);
      found.set(key, link);
    }
  }
  return [...found.values()].sort(
    (a, b) =>
      b.countries.length - a.countries.length ||
      a.indicator.localeCompare(b.indicator) ||
      a.fromType.localeCompare(b.fromType) ||
      a.toType.localeCompare(b.toType),
  );
}

export function buildRegionalReport(input: ReportInput): RegionalReport {
  const fg = buildFlowGraph(input.document, { indicators: input.catalogue.indicators });
  const names = namer(input);
  const countries = nationalCountries(fg);
  const illustrative = input.document.countries.some((c) => c.illustrative === true);
  const matrix = coverageMatrix(fg, countries);
  const comparison = compare(fg, countries);
  const sections: Section[] = [];
  let figure = 0;
  const figureId = () => `figure-${++figure}`;
  const status = new Map(matrix.cells.map((c) => [`${c.country}|${c.indicator}`, c]));

  // Summary
  const coverageMedian = median(comparison.countries.map((m) => m.coverageRatio));
  const withoutNcp = countries.filter((c) => !fg.ncpOf(c));
  const hiddenLine = hiddenFlowsLine(input);
  sections.push({
    id: 'summary',
    title: 'Summary',
    blocks: [
      ...(illustrative ? [{ type: 'paragraph', text: ILLUSTRATIVE_NOTICE } as Block] : []),
      ...(hiddenLine ? [{ type: 'paragraph', text: hiddenLine } as Block] : []),
      {
        type: 'paragraph',
        text:
          `The map covers ${plural(countries.length, 'national country', 'national countries')} and ${plural(fg.indicators.length, 'indicator')} in the catalogue. ` +
          `The median coverage ratio (the share of the indicators collected in a country that reach its NCP) is ${percent(coverageMedian)}.` +
          (withoutNcp.length
            ? ` ${withoutNcp.map(names.country).join(', ')} ${withoutNcp.length === 1 ? 'has' : 'have'} no NCP in the map.`
            : ''),
      },
    ],
  });

  // Coverage matrix: indicators as rows, countries as columns (fits a page better than the other way round).
  sections.push({
    id: 'coverage-matrix',
    title: 'Coverage matrix',
    blocks: [
      {
        type: 'table',
        caption:
          'Coverage of each indicator (rows) in each country (columns): H held by the NCP, R reaches the NCP (with the number of hops), ' +
          'C collected but not reaching the NCP, – not collected, x no NCP.',
        columns: ['Indicator', ...countries],
        rows: fg.indicators.map((x) => [
          x,
          ...countries.map((c) => {
            const cell = status.get(`${c}|${x}`);
            if (!cell) return '';
            return cell.status === 'reaches_ncp' ? `R${cell.hops ?? ''}` : MATRIX_MARKS[cell.status];
          }),
        ]),
      },
    ],
  });

  // Comparison
  const metricRows = COMPARED_METRICS.map((metric) => [
    metric.label,
    ...comparison.countries.map((m) => metric.format(metric.value(m))),
    metric.format(median(comparison.countries.map(metric.value))),
  ]);
  const bars = comparison.countries
    .filter((m) => m.coverageRatio !== null)
    .map((m) => ({ label: m.country, value: Math.round((m.coverageRatio ?? 0) * 100) }));
  sections.push({
    id: 'comparison',
    title: 'Comparison of national structures',
    blocks: [
      {
        type: 'table',
        caption: 'The comparison metrics of each national country, with the regional median in the last column.',
        columns: ['Metric', ...comparison.countries.map((m) => m.country), 'Median'],
        rows: metricRows,
      },
      {
        type: 'figure',
        id: figureId(),
        svg: barChartSvg({
          title: 'Coverage ratio by country',
          unit: '%',
          bars,
          ...(coverageMedian !== null ? { median: Math.round(coverageMedian * 100) } : {}),
        }),
        caption:
          'Coverage ratio of each country (share of the indicators collected there that reach its NCP), with the regional median as a line.',
      },
    ],
  });

  // Similarity
  const cos = new Map(
    comparison.similarity.flatMap((s) => [
      [`${s.a}|${s.b}`, s.cosine],
      [`${s.b}|${s.a}`, s.cosine],
    ]),
  );
  const ranked = [...comparison.similarity].sort(
    (a, b) => b.cosine - a.cosine || a.a.localeCompare(b.a) || a.b.localeCompare(b.b),
  );
  const most = ranked[0];
  const least = ranked[ranked.length - 1];
  const similarityBlocks: Block[] = [
    {
      type: 'paragraph',
      text:
        "Similarity compares who sends information to whom, by type of stakeholder: the cosine of two countries' role matrices, " +
        'from 0 (no pattern in common) to 1 (the same mix of flows).' +
        (most && least
          ? ` The most similar pair is ${names.country(most.a)} and ${names.country(most.b)} (${decimal2(most.cosine)}); ` +
            `the least similar is ${names.country(least.a)} and ${names.country(least.b)} (${decimal2(least.cosine)}).`
          : ''),
    },
  ];
  similarityBlocks.push({
    type: 'table',
    caption:
      'Similarity of national structures: the cosine of the type-level role matrices of each pair of countries (1.00 on the diagonal).',
    columns: ['', ...countries],
    rows: countries.map((a) => [a, ...countries.map((b) => (a === b ? '1.00' : decimal2(cos.get(`${a}|${b}`) ?? 0)))]),
  });
  sections.push({ id: 'similarity', title: 'Similarity of national structures', blocks: similarityBlocks });

  // Indicators missing almost everywhere
  const threshold = Math.ceil(ALMOST_EVERYWHERE * countries.length);
  const missing = fg.indicators
    .map((x) => ({
      indicator: x,
      countries: countries.filter((c) => MISSING_STATUSES.has(status.get(`${c}|${x}`)?.status ?? 'no_ncp')),
    }))
    .filter((m) => countries.length > 0 && m.countries.length >= threshold);
  sections.push({
    id: 'missing',
    title: 'Indicators missing almost everywhere',
    blocks: [
      {
        type: 'paragraph',
        text:
          `"Almost everywhere" here means in at least ${percent(ALMOST_EVERYWHERE)} of the national countries (${threshold} of ${countries.length}): ` +
          'the indicator is not collected there, or is collected but does not reach the NCP.' +
          (missing.length ? '' : ' No indicator is missing that widely.'),
      },
      ...(missing.length
        ? [
            {
              type: 'table',
              caption: `Indicators that do not reach the NCP in at least ${threshold} of the ${countries.length} national countries, and where they are missing.`,
              columns: ['Indicator', 'Countries where it is missing', 'Not collected', 'Collected, not reaching'],
              rows: missing.map((m) => [
                names.indicator(m.indicator),
                `${m.countries.length} of ${countries.length}`,
                String(m.countries.filter((c) => status.get(`${c}|${m.indicator}`)?.status === 'not_collected').length),
                String(
                  m.countries.filter((c) => status.get(`${c}|${m.indicator}`)?.status === 'collected_not_reaching')
                    .length,
                ),
              ]),
            } as Block,
          ]
        : []),
    ],
  });

  // Most common missing links
  const links = commonMissingLinks(input).slice(0, TOP_MISSING_LINKS);
  const receiver = (t: string) => (t === 'ncp' ? 'the NCP' : typeNoun(t));
  sections.push({
    id: 'missing-links',
    title: 'The most common missing links',
    blocks: links.length
      ? [
          {
            type: 'paragraph',
            text: 'A missing link is a flow the analysis suggests to close a coverage gap, described by the types of its ends; each is counted once per country in which it is suggested.',
          },
          {
            type: 'table',
            caption: `The ${plural(links.length, 'missing link')} suggested in the most countries: sender, receiver, indicator and the countries.`,
            columns: ['From', 'To', 'Indicator', 'Countries'],
            rows: links.map((l) => [
              typeNoun(l.fromType),
              receiver(l.toType),
              names.indicator(l.indicator),
              `${l.countries.length}: ${l.countries.join(', ')}`,
            ]),
          },
        ]
      : [
          {
            type: 'paragraph',
            text: 'The analysis suggests no link in any country: no collected indicator fails to reach its NCP along a route it could join.',
          },
        ],
  });

  // The most common recommended actions (issue 13)
  sections.push(recommendedActionsSection(fg, input));

  // Provenance
  const confirmed = input.document.flows.filter((f) => f.confidence === 'confirmed').length;
  sections.push({
    id: 'provenance',
    title: 'Data provenance',
    blocks: [
      {
        type: 'paragraph',
        text: input.round
          ? `This report is built from the mapping round "${input.round.name}", frozen on ${input.round.createdAt.slice(0, 10)}.`
          : `This report is built from the map as it was on ${input.generatedAt.slice(0, 10)} (store version ${input.storeVersion}).`,
      },
      {
        type: 'paragraph',
        text:
          `The map rests on ${plural(input.document.interviews.length, 'interview')} in ${plural(new Set(input.document.interviews.map((i) => i.round)).size, 'interview round')}. ` +
          (input.document.flows.length
            ? `${percent(confirmed / input.document.flows.length)} of its ${plural(input.document.flows.length, 'flow')} (${confirmed}) are confirmed by evidence.`
            : 'It has no flow.'),
      },
      ...(illustrative ? [{ type: 'paragraph', text: ILLUSTRATIVE_NOTICE } as Block] : []),
    ],
  });

  return {
    kind: 'region',
    title: 'How information on trafficking is managed across the region',
    subtitle: `Regional report on ${plural(countries.length, 'country', 'countries')}`,
    generatedAt: input.generatedAt,
    basis: { round: input.round, storeVersion: input.storeVersion },
    illustrative,
    sections,
  };
}
