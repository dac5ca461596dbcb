// The spreadsheet import use case: read the file, parse it into a map document, validate it with the
// store, and import it in one transaction (or, as a preview, write nothing). Every problem, whether
// found while reading the sheets or by the store, comes back with its sheet, row, column and cell.
import { ValidationError } from '../errors';
import type { Problem } from '../model';
import type { GraphStore, ImportMode, ImportOptions, ImportResult, ValidateOptions } from '../store/port';
import { locateProblems } from '../tabular/locate';
import { parseOffThread } from '../tabular/off-thread';
import type { Upload } from '../tabular/open';
import { compareProblems, type ParsedSpreadsheet } from '../tabular/parse';
import type { Warning } from '../tabular/raw';

export type ImportPhase = 'reading' | 'parsing' | 'validating' | 'writing';

/** Where an import is: a phase, and for parsing the rows done of all. */
export interface ImportProgress {
  phase: ImportPhase;
  done?: number;
  total?: number;
}

export interface SpreadsheetImportOptions {
  mode: ImportMode;
  dryRun: boolean;
  actor: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Validate in a phase of its own before writing (the CLI shows it); the API validates while writing. */
  separateValidation?: boolean;
  /** Fields changed both in the file and in the store since the file was exported: keep the store's (default) or overwrite. */
  onConflict?: ImportOptions['onConflict'];
  /** Passed to the store's validation and import: run in their transaction before anything is checked or written. */
  guard?: ImportOptions['guard'];
}

export interface SpreadsheetImportResult extends ImportResult {
  warnings: Warning[];
}

function failure(problems: Problem[]): ValidationError {
  const n = problems.length;
  return new ValidationError(
    `the spreadsheet has ${n} problem${n === 1 ? '' : 's'}; nothing was written`,
    [...problems].sort(compareProblems),
  );
}

/** The caller's guard, for the store's validation as for its import. */
function guardOf(options: Pick<SpreadsheetImportOptions, 'guard'>): ValidateOptions {
  return options.guard ? { guard: options.guard } : {};
}

/** Reads and parses an upload against the store's indicator catalogue, in a worker thread (off-thread.ts). */
export async function parseUpload(
  store: GraphStore,
  upload: Upload,
  options: Pick<SpreadsheetImportOptions, 'mode' | 'onProgress'>,
): Promise<ParsedSpreadsheet> {
  options.onProgress?.({ phase: 'reading' });
  const indicators = (await store.list('indicator')).map((i) => ({ code: i.code, name: i.name }));
  return parseOffThread(upload, {
    mode: options.mode,
    indicators,
    onProgress: (done, total) => options.onProgress?.({ phase: 'parsing', done, total }),
  });
}

/** Imports a parsed spreadsheet: all or nothing; a ValidationError lists every problem at its cell. */
export async function importParsed(
  store: GraphStore,
  parsed: ParsedSpreadsheet,
  options: SpreadsheetImportOptions,
): Promise<SpreadsheetImportResult> {
  const { mode, dryRun, actor } = options;
  if (parsed.problems.length) {
    options.onProgress?.({ phase: 'validating' });
    const more = await store.validateDocument(parsed.document, mode, guardOf(options));
    throw failure([...parsed.problems, ...locateProblems(more, parsed)]);
  }
  try {
    if (options.separateValidation && !dryRun) {
      options.onProgress?.({ phase: 'validating' });
      const problems = await store.validateDocument(parsed.document, mode, guardOf(options));
      if (problems.length) throw new ValidationError('invalid', problems);
    }
    options.onProgress?.({ phase: dryRun || !options.separateValidation ? 'validating' : 'writing' });
    const result = await store.importDocument(parsed.document, {
      mode,
      dryRun,
      actor,
      ...(options.onConflict ? { onConflict: options.onConflict } : {}),
      ...(options.guard ? { guard: options.guard } : {}),
    });
    return { ...result, warnings: parsed.warnings };
  } catch (err) {
    if (err instanceof ValidationError) {
      const located = locateProblems(err.problems, parsed);
      throw failure(located.length ? located : err.problems);
    }
    throw err;
  }
}

/** Reads, parses, validates and imports one uploaded spreadsheet. */
export async function importSpreadsheet(
  store: GraphStore,
  upload: Upload,
  options: SpreadsheetImportOptions,
): Promise<SpreadsheetImportResult> {
  return importParsed(store, await parseUpload(store, upload, options), options);
}
