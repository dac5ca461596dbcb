// Query plans made before the first request needs them: Neo4j plans a query the first time it sees its text
// (hundreds of ms each for the map's UNION queries on a cold server), and the map of a country, the country list
// and a snapshot each need several. Run in the background once the store is open (startStore), in read
// transactions: the scoped queries with a country no item has (an index seek that finds nothing: planned and
// run), the whole-store reads under EXPLAIN (planned, nothing read). A failure is of no consequence.
import { toNeo4j, type Executor } from './executor';

const NO_COUNTRY = { country: '', fields: ['id'] };
const FIELDS = { fields: ['id'] };

/** Each query and its parameters (of the types real calls give), and whether it is only planned (EXPLAIN). */
export const WARMED_QUERIES: ReadonlyArray<readonly [string, Record<string, unknown>, 'run' | 'explain']> = [
  ['meta.version', {}, 'run'],
  ['country.get', { keys: [''] }, 'run'],
  ...['country', 'network', 'membership'].map((kind) => [`map.${kind}`, NO_COUNTRY, 'run'] as const),
  [
    'map.around',
    { country: '', stakeholder: ['id'], flow: ['id'], reportingLine: ['id'], dataset: ['id'], interview: ['id'] },
    'run',
  ],
  // Run, not explained: a plan made under EXPLAIN is not the one a run uses, and Neo4j plans a list parameter of 0, 1
  // or more items apart (measured on 5.26), so with the levels a viewer's list asks for (auth/personal-data.ts
  // PERSONAL_LEVELS); an editor's (no levels) is planned by the adapter's warm-up, which reads the counts too.
  ['country.counts', { levels: ['personal', 'special_category', 'criminal_offence'] }, 'run'],
  ['audit.since', { after: 0, upTo: 0, limit: 1 }, 'run'],
  ...[
    'country',
    'theme',
    'indicator',
    'stakeholder',
    'network',
    'interview',
    'dataset',
    'flow',
    'reportingLine',
    'membership',
  ].map((kind) => [`entities.${kind}`, FIELDS, 'explain'] as const),
  [
    'entities.stakeholderRelationships',
    { stakeholder: ['id'], flow: ['id'], reportingLine: ['id'], membership: ['role'] },
    'explain',
  ],
];

/** Plans every query of WARMED_QUERIES, one after the other; resolves when done (never rejects). */
export async function warmUp(ex: Executor): Promise<void> {
  for (const [name, params, mode] of WARMED_QUERIES) {
    const text = mode === 'explain' ? `EXPLAIN ${ex.query(name)}` : ex.query(name);
    try {
      await ex.read(async (tx) => {
        await tx.run(text, toNeo4j(params));
      });
    } catch {
      return; // unreachable or closing: the plans are made by the first requests instead
    }
  }
}
