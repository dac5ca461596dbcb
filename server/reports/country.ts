// The country profile (issue 7, item 1): who the NCP is, the national network, what is collected and by whom,
// coverage by theme, weak points, the NCP's position, cross-border channels, suggestions, recommendations (the
// plans of issue 13), the comparison with the regional median and the data's provenance, every sentence built
// from the analyses (server/analysis).
import { percent } from '../model/format';
import { bottlenecks } from '../analysis/bottlenecks/bottlenecks';
import { compare, type CountryMetrics } from '../analysis/compare/compare';
import { countryCoverage, type CoverageCell } from '../analysis/coverage/coverage';
import { buildFlowGraph, nationalCountries, type FlowGraph } from '../analysis/flow-graph';
import { ncpPosition } from '../analysis/ncp/position';
import { suggestions } from '../analysis/suggestions/suggestions';
import { INTERNATIONAL, sectorOf } from '../model';
import { barChartSvg, networkSvg } from './figures';
import { recommendationsSection } from './recommendations';
import { ILLUSTRATIVE_NOTICE, type Block, type CountryReport, type Section } from '../model/report';
import {
  decimal1,
  decimal2,
  joinAnd,
  median,
  namer,
  plural,
  STATUS_LABELS,
  typeNoun,
  words,
  type ReportInput,
} from './text';

/** How many suggestions the profile lists. */
export const TOP_SUGGESTIONS = 5;

type Names = ReturnType<typeof namer>;

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

/** The path or the gap of a coverage cell, in words. */
export function pathOrGap(cell: CoverageCell, names: Names): string {
  switch (cell.status) {
    case 'held_by_ncp':
      return 'The NCP holds a dataset covering it.';
    case 'reaches_ncp': {
      const path = (cell.path ?? []).map(names.name).join(' → ');
      const basis = cell.weakestBasis ? `; weakest basis: ${words(cell.weakestBasis)}` : '';
      return `${path} (${plural(cell.hops ?? 0, 'hop')}${basis})`;
    }
    case 'collected_not_reaching':
      return `Held by ${joinAnd(cell.holders.map(names.name))}; no flow path carries it to the NCP.`;
    case 'not_collected':
      return 'No stakeholder of the country holds a dataset covering it.';
    case 'no_ncp':
      return 'The country has no NCP in the map.';
  }
}

export function statusLabel(cell: CoverageCell): string {
  return cell.status === 'reaches_ncp'
    ? `${STATUS_LABELS.reaches_ncp} (${plural(cell.hops ?? 0, 'hop')})`
    : STATUS_LABELS[cell.status];
}

const FRAGILE_WORDS: Record<string, string> = {
  informal: 'every path has an informal flow',
  person_dependent: 'every path has a person-dependent flow',
  informal_or_person_dependent: 'every path has an informal or a person-dependent flow',
  unconfirmed: 'every path has a flow not confirmed by evidence',
};

const BROKERAGE_WORDS: Record<string, string> = {
  coordinator: 'coordinator (links two stakeholders of its own sector)',
  gatekeeper: 'gatekeeper (lets information from another sector into its own)',
  representative: 'representative (passes information from its own sector to another)',
  itinerant: 'itinerant broker (links two stakeholders of one other sector)',
  liaison: 'liaison (links stakeholders of two different other sectors)',
};

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
  const cells = new Map(coverage.cells.map((c) => [c.indicator, c]));
  const coverageBlocks: Block[] = [
    {
      type: 'paragraph',
      text: 'For each theme of the catalogue, whether each indicator reaches the NCP, along which path (the shortest, by the strongest basis), or why it does not.',
    },
  ];
  const themes = [...input.catalogue.themes];
  const otherCodes = input.catalogue.indicators
    .filter((i) => !i.themes.some((t) => themes.some((th) => th.code === t)))
    .map((i) => i.code);
  for (const theme of themes) {
    const codes = input.catalogue.indicators.filter((i) => i.themes.includes(theme.code)).map((i) => i.code);
    if (!codes.length) continue;
    coverageBlocks.push(coverageTable(`Coverage of the theme "${theme.name}" in ${countryName}`, codes, cells, names));
  }
  if (otherCodes.length)
    coverageBlocks.push(
      coverageTable(`Coverage of indicators without a theme in ${countryName}`, otherCodes, cells, names),
    );
  sections.push({ id: 'coverage', title: 'Coverage by theme', blocks: coverageBlocks });

  // Weak points
  const weakBlocks: Block[] = [];
  if (weak.singlePointsOfFailure.length) {
    weakBlocks.push({
      type: 'paragraph',
      text: 'Single points of failure: stakeholders on every path by which an indicator reaches the NCP. If one of them stopped passing information on, those indicators would no longer reach the NCP.',
    });
    weakBlocks.push({
      type: 'table',
      caption: `Single points of failure in ${countryName}: each stakeholder and the indicators that depend on it.`,
      columns: ['Stakeholder', 'Country', 'Indicators that depend on it'],
      rows: weak.singlePointsOfFailure.map((s) => [
        names.name(s.id),
        names.country(names.stakeholder(s.id)?.country ?? ''),
        s.indicators.join(', '),
      ]),
    });
  } else {
    weakBlocks.push({
      type: 'paragraph',
      text: 'No stakeholder is a single point of failure: every indicator that reaches the NCP through others does so along paths that do not all pass through one stakeholder.',
    });
  }
  if (weak.criticalFlows.length) {
    weakBlocks.push({
      type: 'table',
      caption: `Critical flows in ${countryName}: flows whose loss would cut indicators off from the NCP.`,
      columns: ['Flow', 'From', 'To', 'Indicators cut off without it'],
      rows: weak.criticalFlows.map((f) => {
        const flow = input.document.flows.find((x) => x.id === f.id);
        return [f.id, flow ? names.name(flow.from) : '', flow ? names.name(flow.to) : '', f.indicators.join(', ')];
      }),
    });
  }
  const fragile = weak.fragile.filter((f) => f.reasons.length);
  if (fragile.length) {
    weakBlocks.push({
      type: 'table',
      caption: `Fragile coverage in ${countryName}: indicators that reach the NCP only along weak paths, and why.`,
      columns: ['Indicator', 'Why it is fragile'],
      rows: fragile.map((f) => [
        names.indicator(f.indicator),
        f.reasons.map((r) => FRAGILE_WORDS[r] ?? words(r)).join('; '),
      ]),
    });
  } else {
    weakBlocks.push({
      type: 'paragraph',
      text: 'No indicator that reaches the NCP does so only along informal, person-dependent or unconfirmed flows.',
    });
  }
  sections.push({ id: 'weak-points', title: 'Single points of failure and fragile coverage', blocks: weakBlocks });

  // The NCP's position
  const positionBlocks: Block[] = [];
  if (position.status === 'ok') {
    const n = stakeholders.length;
    positionBlocks.push({
      type: 'paragraph',
      text:
        `${names.name(position.ncp)} receives flows directly from ${plural(position.inDegree, 'stakeholder')} of ${countryName} and sends flows to ${plural(position.outDegree, 'stakeholder')}. ` +
        `It holds ${plural(position.indicatorsHeld.length, 'indicator')} itself, receives ${position.indicatorsReceived.length} from others, ` +
        `and passes ${position.indicatorsPassedOn.length} on to another country's NCP or an international body.`,
    });
    positionBlocks.push({
      type: 'paragraph',
      text:
        `Its betweenness is ${decimal2(position.betweenness)}: it ranks ${position.betweennessRank} of ${n} stakeholders of the country as an intermediary. ` +
        `${percent(position.reach.in.any)} of the other stakeholders have a path of flows to it, and it has a path to ${percent(position.reach.out.any)} of them ` +
        `(harmonic closeness ${decimal2(position.harmonicClosenessIn)} inward, ${decimal2(position.harmonicClosenessOut)} outward). ` +
        (position.constraint === null
          ? 'Its constraint cannot be computed (it has no contacts).'
          : `Its constraint is ${decimal2(position.constraint)} (lower values mean more contacts that are not linked to each other).`),
    });
    const roles = Object.entries<number>({ ...position.brokerage }).filter(([, v]) => v > 0);
    positionBlocks.push(
      roles.length
        ? {
            type: 'list',
            items: roles.map(([role, v]) => `${BROKERAGE_WORDS[role] ?? role}: ${plural(v, 'pair')} of stakeholders`),
          }
        : {
            type: 'paragraph',
            text: 'It brokers between no pair of stakeholders: no information passes through it between two stakeholders that have no direct flow.',
          },
    );
  } else {
    positionBlocks.push({
      type: 'paragraph',
      text: `Without an NCP in the map, its position in the network of ${countryName} cannot be described.`,
    });
  }
  sections.push({ id: 'position', title: "The NCP's position and brokerage roles", blocks: positionBlocks });

  // Cross-border channels
  const crossRows =
    position.status === 'ok'
      ? [
          ...position.crossBorder.in.map((c) => [
            'Received',
            names.name(c.stakeholder),
            names.country(c.country),
            c.indicators.join(', '),
            c.flow,
          ]),
          ...position.crossBorder.out.map((c) => [
            'Sent',
            names.name(c.stakeholder),
            names.country(c.country),
            c.indicators.join(', '),
            c.flow,
          ]),
        ]
      : [];
  sections.push({
    id: 'cross-border',
    title: 'Cross-border channels',
    blocks: crossRows.length
      ? [
          {
            type: 'table',
            caption: `Flows between the NCP of ${countryName} and other countries' NCPs or international bodies.`,
            columns: ['Direction', 'Other end', 'Country or layer', 'Indicators', 'Flow'],
            rows: crossRows,
          },
        ]
      : [
          {
            type: 'paragraph',
            text: `The map records no flow between the NCP of ${countryName} and another country's NCP or an international body.`,
          },
        ],
  });

  // Suggestions
  const top = suggested.suggestions.slice(0, TOP_SUGGESTIONS);
  sections.push({
    id: 'suggestions',
    title: 'Suggested links',
    blocks: top.length
      ? [
          {
            type: 'paragraph',
            text: `The analysis proposes ${plural(suggested.suggestions.length, 'link')} that would close coverage gaps; the ${top.length} ranked highest, with why:`,
          },
          {
            type: 'list',
            items: top.map(
              (s) => `${names.indicator(s.indicator)}: ${names.name(s.from)} → ${names.name(s.to)}. ${s.explanation}`,
            ),
          },
        ]
      : [
          {
            type: 'paragraph',
            text: 'The analysis proposes no new link: no indicator collected in the country fails to reach the NCP along a route it could join.',
          },
        ],
  });

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

function coverageTable(
  caption: string,
  codes: readonly string[],
  cells: ReadonlyMap<string, CoverageCell>,
  names: Names,
): Block {
  return {
    type: 'table',
    caption: `${caption}: each indicator's status, and its path to the NCP or its gap.`,
    columns: ['Indicator', 'Status', 'Path or gap'],
    rows: codes.flatMap((code) => {
      const cell = cells.get(code);
      return cell ? [[names.indicator(code), statusLabel(cell), pathOrGap(cell, names)]] : [];
    }),
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
