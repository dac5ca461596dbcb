// Maps the store's problems (paths like `flows[3].basis`) back to the spreadsheet: sheet, row, column, cell.
import type { Problem } from '../model';
import { columnLetter } from './columns';
import type { ParsedSpreadsheet } from './parse';

const ITEM_PATH = /^([A-Za-z]+)\[(\d+)\](?:\.(.+))?$/;

/** The value at a dotted path of an item (undefined when the cell was empty). */
function valueAt(item: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined), item);
}

/** One store problem with its place in the spreadsheet, or as it was when it is not about an item read from one. */
export function locateProblem(problem: Problem, parsed: Pick<ParsedSpreadsheet, 'origins' | 'document'>): Problem {
  const m = ITEM_PATH.exec(problem.path);
  if (!m) return problem;
  const origin = parsed.origins.get(m[1]!)?.[Number(m[2])];
  if (!origin) return problem;
  const rest = (m[3] ?? '').replace(/\[\d+\]/g, '');
  const wanted = rest || problem.field?.split('+')[0] || '';
  const column = origin.columns.has(wanted)
    ? wanted
    : ([...origin.columns.keys()].find((c) => c.startsWith(`${wanted}.`)) ?? (wanted || undefined));
  const index = column === undefined ? undefined : origin.columns.get(column);
  const item = (parsed.document[m[1]!] as unknown[] | undefined)?.[Number(m[2])];
  // The schema's message for a value that is not there ("expected string, received undefined") means an empty cell.
  const empty = rest !== '' && rest === (m[3] ?? '') && valueAt(item, rest) === undefined;
  return {
    ...problem,
    sheet: origin.sheet,
    row: origin.row,
    ...(column ? { column } : {}),
    ...(index !== undefined ? { cell: `${columnLetter(index)}${origin.row}` } : {}),
    message: empty ? 'is required: fill in this cell' : problem.message,
  };
}

/**
 * The store's problems placed in the spreadsheet, without those at a cell that already has a problem
 * from reading it, or in a column already reported missing (a missing column fails every row).
 */
export function locateProblems(
  problems: readonly Problem[],
  parsed: Pick<ParsedSpreadsheet, 'origins' | 'reported' | 'document'>,
): Problem[] {
  return problems
    .map((p) => locateProblem(p, parsed))
    .filter(
      (p) =>
        !(
          p.sheet &&
          ((p.cell && parsed.reported.has(`${p.sheet}!${p.cell}`)) ||
            (p.column && parsed.reported.has(`${p.sheet}.${p.column}`)))
        ),
    );
}
