// Options every analysis accepts (ANALYSIS.md): which flows count. Defaults: active flows only,
// informal ones included, any confidence.
import { z } from 'zod';
import { Basis, Confidence, FlowStatus } from '../model';

export const AnalysisOptions = z.strictObject({
  includeStatuses: z.array(FlowStatus).min(1, 'name at least one status').default(['active']),
  includeInformal: z.boolean().default(true),
  minConfidence: Confidence.default('assumed'),
});
export type AnalysisOptions = z.infer<typeof AnalysisOptions>;

export const DEFAULT_OPTIONS: AnalysisOptions = AnalysisOptions.parse({});

/** Ranks for ordered vocabularies: a higher rank is stronger (basis, confidence) or slower (frequency). */
export const BASIS_RANK: Readonly<Record<string, number>> = Object.fromEntries(Basis.options.map((b, i) => [b, i]));
export const CONFIDENCE_RANK: Readonly<Record<string, number>> = Object.fromEntries(Confidence.options.map((c, i) => [c, i]));

/** A stable key of the options, for caches. */
export function optionsKey(o: AnalysisOptions): string {
  return `${[...o.includeStatuses].sort().join('+')}|${o.includeInformal ? 'i' : '-'}|${o.minConfidence}`;
}
