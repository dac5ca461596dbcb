// A synthetic region where the plans of ANALYSIS.md §6 have work to do (issue 13 point 7). In the plain
// synthetic region every collected indicator reaches its NCP by three routes or more, so close_gaps stops
// after one step and harden has no candidate. Derived here, deterministically, from `syntheticRegion`:
// - the close-gaps country (the first, XA): every register covers one indicator (dataset k keeps its
//   indicator k mod length) and no stakeholder passes on what it holds itself (its flows drop those
//   indicators; a flow left with none is dropped): every collected indicator is a gap, with hundreds of
//   direct, join-route and extend-flow suggestions, most closing one gap each;
// - the harden country (the second, XB): registers of one indicator too, and every flow into the NCP
//   goes to the national coordinator instead, whose flow to the NCP carries every indicator: every
//   reaching indicator has resilience 1 (the coordinator), with many holders to send it straight to the NCP.
import type { MapDocument } from '../../server/model';
import { syntheticRegion, SYNTHETIC_CODES, type SyntheticOptions } from './synthetic';

export interface StressedRegion {
  document: MapDocument;
  /** The country whose close_gaps plan runs the full budget. */
  closeGaps: string;
  /** The country whose harden plan runs the full budget. */
  harden: string;
}

export function planStressRegion(
  options: SyntheticOptions & { catalogue: { indicators: ReadonlyArray<{ code: string }> } },
): StressedRegion {
  if (options.countries < 2) throw new Error('planStressRegion: needs at least two countries');
  const base = syntheticRegion(options);
  const [closeGaps, harden] = SYNTHETIC_CODES as [string, string];
  const countryOf = new Map(base.stakeholders.map((s) => [s.id, s.country]));
  const inStressed = (id: string) => countryOf.get(id) === closeGaps || countryOf.get(id) === harden;
  const datasets = base.datasets.map((d, k) =>
    inStressed(d.holder) ? { ...d, indicators: [d.indicators[k % d.indicators.length]!] } : d,
  );

  const holds = new Map<string, Set<string>>();
  for (const d of datasets) {
    if (countryOf.get(d.holder) !== closeGaps) continue;
    const set = holds.get(d.holder) ?? new Set<string>();
    for (const x of d.indicators) set.add(x);
    holds.set(d.holder, set);
  }
  const ncp = base.stakeholders.find((s) => s.country === harden && s.ncp)!.id;
  const coordinator = `${harden.toLowerCase()}-coordinator`;
  const every = options.catalogue.indicators.map((i) => i.code);
  const flows = base.flows.flatMap((f) => {
    const own = holds.get(f.from);
    if (own) {
      const indicators = f.indicators.filter((x) => !own.has(x));
      return indicators.length ? [{ ...f, indicators }] : [];
    }
    if (f.to !== ncp) return [f];
    if (f.from === coordinator) return [{ ...f, indicators: every }];
    return [{ ...f, to: coordinator }];
  });
  return { document: { ...base, datasets, flows }, closeGaps, harden };
}
