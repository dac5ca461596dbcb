// The map of the difference: the union of both sides drawn by the map's own canvas, with added,
// removed and changed stakeholders and flows styled apart, a legend, and the change tables below as
// its table alternative.
import { useMemo } from 'react';
import { ErrorMessage, Loading } from '../../../components/States';
import { useGraph } from '../../../graph/api/getGraph';
import { useReference } from '../../../graph/api/getReference';
import { GraphCanvas } from '../../../graph/GraphCanvas';
import type { Sector } from '@model';
import { useRound } from '../api/getRound';
import { useAllStakeholders } from '../api/getAllStakeholders';
import { NOW, type RoundComparison } from '../api/types';
import { diffGraph, DIFF_STATUSES, documentScope, marksByStatus, type SideMap } from '../diff';
import { DiffLegend } from './DiffLegend';

export function DiffMap({
  comparison,
  country,
  title,
}: {
  comparison: RoundComparison;
  country: string;
  title: string;
}) {
  const toNow = comparison.to.id === NOW;
  const now = useGraph(toNow ? country : null);
  const round = useRound(toNow ? null : comparison.to.id);
  const known = useAllStakeholders();
  const reference = useReference();

  const side = useMemo<SideMap | null>(() => {
    if (toNow) return now.data ?? null;
    return round.data ? documentScope(round.data.document, country) : null;
  }, [toNow, now.data, round.data, country]);
  const sectorOfType = useMemo(() => {
    const map = new Map<string, Sector>();
    for (const s of reference.data?.sectors ?? []) for (const t of s.types) map.set(t, s.code);
    return (type: string) => map.get(type);
  }, [reference.data]);

  const drawn = useMemo(
    () =>
      side && reference.data && known.data
        ? diffGraph({ comparison, to: side, known: known.data.items, sectorOf: sectorOfType, country })
        : null,
    [side, reference.data, known.data, comparison, sectorOfType, country],
  );

  const failed = [toNow ? now : round, known, reference].find((q) => q.isError);
  if (failed?.error)
    return (
      <ErrorMessage
        title="Could not draw the map of the difference"
        error={failed.error}
        onRetry={() => void failed.refetch()}
      />
    );
  if (!drawn) return <Loading>Drawing the map of the difference…</Loading>;

  const nodes = marksByStatus(drawn.marks.nodes);
  const flows = marksByStatus(drawn.marks.flows);
  const counts = Object.fromEntries(
    DIFF_STATUSES.map((s) => [s, { nodes: nodes[s].length, flows: flows[s].length }]),
  ) as Record<(typeof DIFF_STATUSES)[number], { nodes: number; flows: number }>;
  return (
    <div className="diff-map">
      <div className="graph-area diff-graph-area">
        <GraphCanvas graph={drawn.graph} title={title} hookId={country} view="rounds" diff={drawn.marks} />
      </div>
      <div className="diff-side">
        <DiffLegend counts={counts} />
        <p className="page-note">
          Foreign stakeholders (other ends of cross-border flows) are faded and dashed as on the map. The tables below
          list every change.
        </p>
      </div>
    </div>
  );
}
