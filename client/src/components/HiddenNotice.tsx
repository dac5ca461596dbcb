// What a viewer does not see (issue 18, point 9): a role that may not see personal data receives no flow carrying
// it, and each view says how many were left out ("10 flows hidden: they carry personal data"), with what the
// view's figures count. Nothing is shown when nothing is hidden (every other role).
import { useGraph } from '../graph/api/getGraph';

/** "10 flows hidden", or null when none are. */
export function hiddenFlowsText(flows: number | undefined): string | null {
  if (!flows) return null;
  return `${flows} ${flows === 1 ? 'flow' : 'flows'} hidden`;
}

interface Props {
  /** The number of flows left out of what this view shows. */
  flows: number | undefined;
  /** Where they are ("in Sweden's map"), said after the count. */
  where?: string;
  /** What the view's figures count, in a sentence of its own. */
  counts?: string;
}

export function HiddenNotice({ flows, where, counts }: Props) {
  const text = hiddenFlowsText(flows);
  if (!text) return null;
  return (
    <p className="hidden-notice" role="note" data-hidden-flows={flows}>
      {text}
      {where ? ` ${where}` : ''}: they carry personal data, which your account may not see.{counts ? ` ${counts}` : ''}
    </p>
  );
}

/**
 * " (+3 hidden)" beside a count that leaves hidden items out, or ", +3 hidden" within its parentheses ("Critical
 * flows (2, +3 hidden)"); nothing when none are.
 */
export function HiddenBeside({ count, within = false }: { count: number | undefined; within?: boolean }) {
  if (!count) return null;
  return (
    <span className="muted" data-hidden={count}>
      {within ? `, +${count} hidden` : ` (+${count} hidden)`}
    </span>
  );
}

/** The notice for a country's view, with the count from the country's map (which the view has usually loaded). */
export function CountryHiddenNotice({ country, counts }: { country: string; counts?: string }) {
  const graph = useGraph(country);
  const name = graph.data?.country.name ?? country;
  return <HiddenNotice flows={graph.data?.hidden?.flows} where={`in the map of ${name}`} counts={counts} />;
}
