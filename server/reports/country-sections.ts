// The sections of the country profile (country.ts) that tell what the analyses found: coverage by theme, weak
// points, the NCP's position, cross-border channels and suggested links, each built from its analysis's result.
import { percent } from '../model/format';
import type { bottlenecks } from '../analysis/bottlenecks/bottlenecks';
import type { countryCoverage, CoverageCell } from '../analysis/coverage/coverage';
import type { CrossBorderFlow, ncpPosition } from '../analysis/ncp/position';
import type { suggestions } from '../analysis/suggestions/suggestions';
import type { Block, Section } from '../model/report';
import { decimal2, joinAnd, namer, plural, STATUS_LABELS, words, type ReportInput } from './text';

type Names = ReturnType<typeof namer>;

/** How many suggestions the profile lists. */
export const TOP_SUGGESTIONS = 5;

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

export function coverageSection(
  input: ReportInput,
  coverage: ReturnType<typeof countryCoverage>,
  countryName: string,
  names: Names,
): Section {
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
  return { id: 'coverage', title: 'Coverage by theme', blocks: coverageBlocks };
}

export function weakPointsSection(
  input: ReportInput,
  weak: ReturnType<typeof bottlenecks>,
  countryName: string,
  names: Names,
): Section {
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
  return { id: 'weak-points', title: 'Single points of failure and fragile coverage', blocks: weakBlocks };
}

export function positionSection(
  position: ReturnType<typeof ncpPosition>,
  stakeholderCount: number,
  countryName: string,
  names: Names,
): Section {
  const positionBlocks: Block[] = [];
  if (position.status === 'ok') {
    const n = stakeholderCount;
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
  return { id: 'position', title: "The NCP's position and brokerage roles", blocks: positionBlocks };
}

/** A row of the cross-border table: direction, the other end, its country or layer, the indicators, the flow. */
function channelRow(direction: string, c: CrossBorderFlow, names: Names): string[] {
  return [direction, names.name(c.stakeholder), names.country(c.country), c.indicators.join(', '), c.flow];
}

export function crossBorderSection(
  position: ReturnType<typeof ncpPosition>,
  countryName: string,
  names: Names,
): Section {
  const crossRows =
    position.status === 'ok'
      ? [
          ...position.crossBorder.in.map((c) => channelRow('Received', c, names)),
          ...position.crossBorder.out.map((c) => channelRow('Sent', c, names)),
        ]
      : [];
  return {
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
  };
}

export function suggestionsSection(suggested: ReturnType<typeof suggestions>, names: Names): Section {
  const top = suggested.suggestions.slice(0, TOP_SUGGESTIONS);
  return {
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
