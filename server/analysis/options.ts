// Options every analysis accepts (ANALYSIS.md): which flows count. Defaults: active flows only,
// informal ones included, any confidence.
import { Basis, Confidence } from '../model';
import { AnalysisOptions } from '../model/api-analysis';

export { AnalysisOptions };

export const DEFAULT_OPTIONS: AnalysisOptions = AnalysisOptions.parse({});

/** Ranks for ordered vocabularies: a higher rank is stronger (basis, confidence) or slower (frequency). */
export const BASIS_RANK: Readonly<Record<string, number>> = Object.fromEntries(Basis.options.map((b, i) => [b, i]));
export const CONFIDENCE_RANK: Readonly<Record<string, number>> = Object.fromEntries(
  Confidence.options.map((c, i) => [c, i]),
);

/** A stable key of the options, for caches. */
export function optionsKey(o: AnalysisOptions): string {
  return `${[...o.includeStatuses].sort().join('+')}|${o.includeInformal ? 'i' : '-'}|${o.minConfidence}`;
}
