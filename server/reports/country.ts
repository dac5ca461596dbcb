// The country profile (issue 7, item 1): who the NCP is, the national network, what is collected and by whom,
// coverage by theme, weak points, the NCP's position, cross-border channels, suggestions, recommendations (the
// plans of issue 13), the comparison with the regional median and the data's provenance, every sentence built
// from the analyses (server/analysis). The sections telling what the analyses found (coverage by theme to suggested
// links) are built in country-sections.ts; this file puts the report together in order.
import { percent } from '../model/format';
import { bottlenecks } from '../analysis/bottlenecks/bottlenecks';
import { compare, type CountryMetrics } from '../analysis/compare/compare';
import { countryCoverage } from '../analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries, type FlowGraph } from '../analysis/flow-graph';
import { ncpPosition } from '../analysis/ncp/position';
import { suggestions } from '../analysis/suggestions/suggestions';
import { INTERNATIONAL, sectorOf } from '../model';
import { barChartSvg, networkSvg } from './figures';
import {
  coverageSection,
  crossBorderSection,
  positionSection,
  suggestionsSection,
  weakPointsSection,
} from './country-sections';
import { recommendationsSection } from './recommendations';
import { ILLUSTRATIVE_NOTICE, type Block, type CountryReport, type Section } from '../model/report';
import { decimal1, decimal2, hiddenFlowsLine, median, namer, plural, typeNoun, words, type ReportInput } from './text';

/** How many suggestions the profile lists. */
export { TOP_SUGGESTIONS } from './country-sections';

/** The comparison metrics the profile sets against the regional median, each with how it is shown. */
export const COMPARED_METRICS: ReadonlyArray<{
  key: string;
  label: string;
  value: (m: CountryMetrics) => number | null;
  format: (v: number | null) => string;
}> = [
  {
    key: 'coverageRatio',
    label: 'Coverage ratio (indicators collected that reach the NCP)',
    value: (m) => m.coverageRatio,
    format: percent,
  },
  {
    key: 'referenceCoverage',
    label: 'Reference coverage (catalogue indicators that reach the NCP)',
    value: (m) => m.referenceCoverage,
    format: percent,
  },
  {
    key: 'stakeholders',
    label: 'Stakeholders',
    value: (m) => m.stakeholders,
    format: (v) => (v === null ? 'n/a' : String(Math.round(v))),
  },
  {
    key: 'flows',
    label: 'Flows within the country',
    value: (m) => m.flows,
    format: (v) => (v === null ? 'n/a' : String(Math.round(v))),
  },
  { key: 'density', label: 'Density', value: (m) => m.density, format: decimal2 },
  { key: 'reciprocity', label: 'Reciprocity', value: (m) => m.reciprocity, format: percent },
  { key: 'meanDegree', label: 'Mean degree', value: (m) => m.meanDegree, format: decimal1 },
  {
    key: 'betweennessCentralization',
    label: 'Betweenness centralisation',
    value: (m) => m.betweennessCentralization,
    format: decimal2,
  },
  { key: 'meanHopsToNcp', label: 'Mean hops to the NCP', value: (m) => m.meanHopsToNcp, format: decimal1 },
  {
    key: 'statutoryShare',
    label: 'Share of flows on a statutory basis',
    value: (m) => m.basisShare.statutory,
    format: percent,
  },
  {
    key: 'personDependentShare',
    label: 'Share of person-dependent flows',
    value: (m) => m.personDependentShare,
    format: percent,
  },
  {
    key: 'crossBorderChannels',
    label: 'Cross-border channels',
    value: (m) => m.crossBorderChannels,
    format: (v) => (v === null ? 'n/a' : String(Math.round(v))),
  },
];

function notice(): Block {
  return { type: 'paragraph', text: ILLUSTRATIVE_NOTICE };
}

export function buildCountryReport(input: ReportInput, country: string): CountryReport {
  const fg: FlowGraph = buildFlowGraph(input.document, { indicators: input.catalogue.indicators });
  const names = namer(input);
  const coverage = countryCoverage(fg, country);
  const countryName = names.country(country);
  const countryRecord = input.document.countries.find((c) => c.code === country);
  const illustrative = countryRecord?.illustrative === true;
  const ncpId = coverage.ncp;
  const ncp = ncpId ? names.stakeholder(ncpId) : undefined;
  const position = ncpPosition(fg, country);
  const weak = bottlenecks(fg, country);
  const suggested = suggestions(fg, country);
  const national = nationalCountries(fg);
  const comparison = compare(fg, national.includes(country) ? national : [...national, country]);
  const own = comparison.countries.find((m) => m.country === country)!;
  const peers = comparison.countries.filter((m) => m.country !== INTERNATIONAL);
  const sections: Section[] = [];
  let figure = 0;
  const figureId = () => `figure-${++figure}`;

  // Summary
  const collected = coverage.cells.filter((c) => c.status !== 'not_collected' && c.status !== 'no_ncp').length;
  const reached = coverage.cells.filter((c) => c.status === 'held_by_ncp' || c.status === 'reaches_ncp').length;
  const summary: Block[] = [];
  if (illustrative) summary.push(notice());
  const hiddenLine = hiddenFlowsLine(input, country);
  if (hiddenLine) summary.push({ type: 'paragraph', text: hiddenLine });
  summary.push({
    type: 'paragraph',
    text: ncp
      ? `${ncp.name} is the National Contact Point (NCP) of ${countryName}. Of the ${plural(fg.indicators.length, 'indicator')} in the catalogue, ` +
        `${collected} ${collected === 1 ? 'is' : 'are'} collected in ${countryName} and ${reached} reach${reached === 1 ? 'es' : ''} the NCP ` +
        `(coverage ratio ${percent(coverage.coverageRatio)}, reference coverage ${percent(coverage.referenceCoverage)}).`
      : `No stakeholder of ${countryName} is marked as its National Contact Point (NCP) in the map, so coverage, the NCP's position and suggestions cannot be worked out.`,
  });
  sections.push({ id: 'summary', title: 'Summary', blocks: summary });

  // The NCP
  const ncpBlocks: Block[] = [];
  if (ncp) {
    ncpBlocks.push({
      type: 'paragraph',
      text: `${ncp.name} is ${typeNoun(ncp.type)} (sector: ${words(sectorOf(ncp.type))}) working at ${ncp.level} level.`,
    });
    const lines = input.document.reportingLines.filter((l) => l.from === ncp.id || l.to === ncp.id);
    if (lines.length) {
      ncpBlocks.push({
        type: 'table',
        caption: `Reporting lines of ${ncp.name}: who reports to whom, and the kind of line.`,
        columns: ['Reports', 'To', 'Kind'],
        rows: lines.map((l) => [names.name(l.from), names.name(l.to), words(l.kind)]),
      });
    } else {
      ncpBlocks.push({ type: 'paragraph', text: `The map records no reporting line to or from ${ncp.name}.` });
    }
  } else {
    ncpBlocks.push({ type: 'paragraph', text: `The map names no NCP for ${countryName}.` });
  }
  sections.push({ id: 'ncp', title: 'The National Contact Point', blocks: ncpBlocks });

  // The network
  const stakeholders = fg.stakeholdersOf(country);
  const ownFlows = fg.flows.filter(
    (e) =>
      fg.graph.getNodeAttribute(e.from, 'country') === country &&
      fg.graph.getNodeAttribute(e.to, 'country') === country,
  );
  sections.push({
    id: 'network',
    title: 'The national network',
    blocks: [
      {
        type: 'paragraph',
        text:
          `The map of ${countryName} has ${plural(stakeholders.length, 'stakeholder')} and ${plural(ownFlows.length, 'active flow')} of information between them ` +
          `(the flows every analysis in this report counts).`,
      },
      {
        type: 'figure',
        id: figureId(),
        svg: networkSvg(input.document, country),
        caption: `The national network of ${countryName}: stakeholders coloured by sector${ncp ? `, ${ncp.name} (the NCP) at the centre` : ''}, and the flows of information between them as arrows.`,
      },
    ],
  });

  // What is collected and by whom
  const datasets = input.document.datasets
    .filter((d) => names.stakeholder(d.holder)?.country === country)
    .sort((a, b) => names.name(a.holder).localeCompare(names.name(b.holder)) || a.name.localeCompare(b.name));
  sections.push({
    id: 'collection',
    title: 'What is collected and by whom',
    blocks: datasets.length
      ? [
          {
            type: 'paragraph',
            text: `${plural(new Set(datasets.map((d) => d.holder)).size, 'stakeholder')} of ${countryName} hold ${plural(datasets.length, 'dataset')}.`,
          },
          {
            type: 'table',
            caption: `Datasets held in ${countryName}, by holder, with the indicators each covers and how often it is updated.`,
            columns: ['Holder', 'Dataset', 'Indicators', 'Frequency'],
            rows: datasets.map((d) => [names.name(d.holder), d.name, d.indicators.join(', '), words(d.frequency)]),
          },
        ]
      : [{ type: 'paragraph', text: `The map records no dataset held in ${countryName}.` }],
  });

  // Coverage by theme
  sections.push(coverageSection(input, coverage, countryName, names));

  sections.push(
    weakPointsSection(input, weak, countryName, names),
    positionSection(position, stakeholders.length, countryName, names),
    crossBorderSection(position, countryName, names),
    suggestionsSection(suggested, names),
  );

  // Recommendations (issue 13): the two plans and the flows to formalise
  sections.push(recommendationsSection(fg, input, country, coverage));

  // Comparison with the regional median
  const rows = COMPARED_METRICS.map((metric) => [
    metric.label,
    metric.format(metric.value(own)),
    metric.format(median(peers.map(metric.value))),
  ]);
  const bars = peers
    .filter((m) => m.coverageRatio !== null)
    .map((m) => ({
      label: m.country,
      value: Math.round((m.coverageRatio ?? 0) * 100),
      ...(m.country === country ? { highlight: true } : {}),
    }));
  const coverageMedian = median(peers.map((m) => m.coverageRatio));
  sections.push({
    id: 'comparison',
    title: 'Comparison with the regional median',
    blocks: [
      {
        type: 'table',
        caption: `${countryName} and the median of the ${plural(peers.length, 'national country', 'national countries')} of the map on the comparison metrics.`,
        columns: ['Metric', countryName, 'Regional median'],
        rows,
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
        caption: `Coverage ratio of each country (share of the indicators collected there that reach its NCP), ${countryName} highlighted, with the regional median as a line.`,
      },
    ],
  });

  // Provenance
  sections.push({ id: 'provenance', title: 'Data provenance', blocks: provenance(input, country, illustrative) });

  return {
    kind: 'country',
    country,
    title: `${countryName}: how information on trafficking reaches the National Contact Point`,
    subtitle: `Country profile of ${countryName} (${country})`,
    generatedAt: input.generatedAt,
    basis: { round: input.round, storeVersion: input.storeVersion },
    illustrative,
    sections,
  };
}

/** Where the map comes from: its basis, the interviews behind it and how many of the flows were confirmed. */
function provenance(input: ReportInput, country: string, illustrative: boolean): Block[] {
  const names = namer(input);
  const inCountry = (id: string) => names.stakeholder(id)?.country === country;
  const interviews = input.document.interviews.filter((i) => inCountry(i.stakeholder));
  const flows = input.document.flows.filter((f) => inCountry(f.from) || inCountry(f.to));
  const confirmed = flows.filter((f) => f.confidence === 'confirmed').length;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: input.round
        ? `This report is built from the mapping round "${input.round.name}", frozen on ${input.round.createdAt.slice(0, 10)}.`
        : `This report is built from the map as it was on ${input.generatedAt.slice(0, 10)} (store version ${input.storeVersion}).`,
    },
  ];
  const byRound = new Map<string, typeof interviews>();
  for (const i of interviews) byRound.set(i.round, [...(byRound.get(i.round) ?? []), i]);
  if (interviews.length) {
    blocks.push({
      type: 'table',
      caption: `Interviews behind the map of ${names.country(country)}, by interview round.`,
      columns: ['Interview round', 'Interviews', 'Stakeholders interviewed', 'Dates'],
      rows: [...byRound]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([round, list]) => {
          const dates = list.map((i) => i.date).sort();
          return [
            round,
            String(list.length),
            String(new Set(list.map((i) => i.stakeholder)).size),
            dates[0] === dates[dates.length - 1] ? dates[0]! : `${dates[0]!} to ${dates[dates.length - 1]!}`,
          ];
        }),
    });
  } else {
    blocks.push({ type: 'paragraph', text: 'The map records no interview with a stakeholder of the country.' });
  }
  blocks.push({
    type: 'paragraph',
    text: flows.length
      ? `${percent(confirmed / flows.length)} of the ${plural(flows.length, 'flow')} with an end in the country (${confirmed}) are confirmed by evidence; the others are reported or assumed.`
      : 'The map records no flow with an end in the country.',
  });
  if (illustrative) blocks.push(notice());
  return blocks;
}
