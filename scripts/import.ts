// `npm run import -- <file>`: imports a map document (.json, .yaml) or a spreadsheet (.xlsx, a .zip of CSV
// files, or one CSV named after its sheet, e.g. flows.csv) into the configured store, all or nothing,
// with progress on stderr for spreadsheets.
// `npm run import` runs it under tsx's CommonJS loader alone (`node --require tsx/cjs`): `--import tsx` also starts
// tsx's ES module hooks in a worker thread and sends every require() of the ~160 modules a region's import loads
// there and back, some 0.45 s of the main thread's CPU at start. Without those hooks, import() does not load a
// TypeScript file: ours are loaded with require() (packages, such as yaml, may still be import()ed).
// First: before the model's schemas load zod (see that file).
import './lazy-zod-locales';
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import type { OnConflict } from '../server/model';
import type { GraphStore, ImportMode, ImportResult } from '../server/store/port';
// The spreadsheet readers (exceljs) and the YAML parser are loaded only for the files that need them:
// they cost a map document's import most of a second at start-up.
import type { UploadFormat } from '../server/tabular';
import { SHEETS, sheetByName } from '../server/tabular/columns';
import { UPLOAD_LIMIT_BYTES, formatMB } from '../server/model/limits';
import { ProgressBar, runWithStore, UsageError } from './cli';

const USAGE =
  'npm run import -- [--mode merge|replace] [--dry-run] [--on-conflict keep|overwrite] <file.json|.yaml|.yml|.xlsx|.zip|.csv>';
const DOCUMENTS = ['.json', '.yaml', '.yml'];
/** How long, at most, the process waits at its end for files still being written (tsx's cache: a few ms). */
const FILE_WRITES_WAIT_MS = 1000;
const SPREADSHEETS: Record<string, UploadFormat> = { '.xlsx': 'xlsx', '.zip': 'zip', '.csv': 'csv' };

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(
      `cannot read '${file}': ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
}

/**
 * Memory an import takes per byte of a map document, at most (measured: a 30 MB region peaks at about 320 MB
 * on the embedded store and 450 MB on Neo4j, its parsed items, their checked and planned copies, the audit
 * entries and the batches in flight): a file needing more than this process's heap is refused before it is read.
 */
export const MEMORY_PER_DOCUMENT_BYTE = 16;

/** Refuses, before reading it, a document this process has not the memory to import (Node's heap limit, NODE_OPTIONS=--max-old-space-size). */
export function checkDocumentSize(
  file: string,
  size: number,
  heapLimit = v8.getHeapStatistics().heap_size_limit,
): void {
  const need = size * MEMORY_PER_DOCUMENT_BYTE;
  if (need <= heapLimit) return;
  throw new UsageError(
    `'${file}' is ${formatMB(size)}; importing it takes about ${formatMB(need)} of memory, more than this process may use ` +
      `(${formatMB(heapLimit)}): split it by country and import the parts one after the other, or give Node more memory ` +
      `(NODE_OPTIONS=--max-old-space-size=${Math.ceil(need / (1024 * 1024) / 1024) * 1024})`,
  );
}

export async function readDocumentFile(file: string): Promise<unknown> {
  const ext = path.extname(file).toLowerCase();
  if (!DOCUMENTS.includes(ext))
    throw new UsageError(`cannot import '${file}': the file must end in .json, .yaml or .yml`);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new UsageError(`cannot read '${file}': no such file`);
  }
  checkDocumentSize(file, size);
  // A file of ASCII alone (an export of names without accents) decoded as Latin-1, the same text: for a region's 30 MB,
  // some 0.05 s less than UTF-8's decoding.
  const data = readFile(file);
  const text = isAscii(data) ? data.toString('latin1') : data.toString('utf8');
  const parseYaml = ext === '.json' ? undefined : (await import('yaml')).parse;
  try {
    return parseYaml ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (err) {
    throw new UsageError(
      `'${file}' is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`,
    );
  }
}

/** The spreadsheet's format and, for one CSV file, the sheet its name says it holds; refused over the upload limit. */
function spreadsheetOf(file: string): { format: UploadFormat; sheet?: string } {
  const ext = path.extname(file).toLowerCase();
  const format = SPREADSHEETS[ext]!;
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new UsageError(`cannot read '${file}': no such file`);
  }
  if (size > UPLOAD_LIMIT_BYTES) {
    throw new UsageError(
      `'${file}' is ${formatMB(size)}; the limit is ${formatMB(UPLOAD_LIMIT_BYTES)} per file: split it by country and import the parts one after the other`,
    );
  }
  if (format !== 'csv') return { format };
  const stem = path.basename(file, path.extname(file));
  const sheet = sheetByName(stem);
  if (!sheet) {
    throw new UsageError(
      `a single CSV file must be named after the sheet it holds (${SHEETS.map((s) => `${s.collection}.csv`).join(', ')}), not '${path.basename(file)}'`,
    );
  }
  return { format, sheet: sheet.collection };
}

async function importSpreadsheetFile(
  store: GraphStore,
  file: string,
  mode: ImportMode,
  dryRun: boolean,
  onConflict: OnConflict,
  actor: string,
): Promise<ImportResult> {
  const { format, sheet } = spreadsheetOf(file);
  const progress = new ProgressBar();
  let completed = false;
  // import() of a .ts file needs tsx's ES module hooks, which `npm run import` does without.
  type SpreadsheetImport = typeof import('../server/services/spreadsheet-import');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { importParsed, parseUpload } = require('../server/services/spreadsheet-import') as SpreadsheetImport;
  try {
    const onProgress = progress.update.bind(progress);
    const parsed = await parseUpload(store, { format, data: readFile(file), sheet }, { mode, onProgress });
    const result = await importParsed(store, parsed, {
      mode,
      dryRun,
      onConflict,
      actor,
      onProgress,
      separateValidation: true,
    });
    completed = true;
    progress.done(true);
    for (const w of result.warnings) console.error(`warning: ${w.sheet ? `${w.sheet}: ` : ''}${w.message}`);
    return result;
  } finally {
    if (!completed) progress.done(false);
  }
}

/** What an import did with a stale file: the conflicts (who changed what, when), the items replace kept, the notes. */
export function staleReport(result: ImportResult): string[] {
  const out: string[] = [];
  const { total, kept, overwritten } = result.conflictCount;
  if (total) {
    const done = result.dryRun ? 'would keep' : 'kept';
    out.push(
      `  conflicts (changed in the file and in the store since the file was exported): ${total}; ` +
        (overwritten
          ? `${result.dryRun ? 'would overwrite' : 'overwrote'} ${overwritten} with the file's values`
          : `${done} the current values of ${kept} (--on-conflict overwrite takes the file's)`),
    );
    for (const c of result.conflicts) {
      const who = c.changedBy ? ` (changed by ${c.changedBy}${c.changedAt ? ` at ${c.changedAt}` : ''})` : '';
      out.push(
        `    ${c.kind} ${c.key} ${c.field}: file ${JSON.stringify(c.file)}, now ${JSON.stringify(c.current)}${who}`,
      );
    }
    if (total > result.conflicts.length) out.push(`    ... and ${total - result.conflicts.length} more`);
  }
  if (result.kept.length) {
    out.push(`  not deleted, created or changed after the file was exported: ${result.kept.length}`);
    for (const k of result.kept) {
      out.push(
        `    ${k.kind} ${k.key}: ${k.reason === 'referenced' ? `referred to by ${k.by}` : `${k.reason} by ${k.changedBy} at ${k.changedAt}`}`,
      );
    }
  }
  for (const note of result.notes) out.push(`  note: ${note}`);
  return out;
}

if (require.main === module) {
  const done = runWithStore(USAGE, async (store) => {
    let parsed;
    try {
      parsed = parseArgs({
        allowPositionals: true,
        options: {
          mode: { type: 'string', default: 'merge' },
          'dry-run': { type: 'boolean', default: false },
          'on-conflict': { type: 'string', default: 'keep' },
        },
      });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError('name exactly one file to import');
    if (values.mode !== 'merge' && values.mode !== 'replace')
      throw new UsageError(`--mode must be merge or replace, not '${values.mode}'`);
    const onConflict = values['on-conflict'];
    if (onConflict !== 'keep' && onConflict !== 'overwrite') {
      throw new UsageError(`--on-conflict must be keep or overwrite, not '${onConflict}'`);
    }
    const file = positionals[0]!;
    const ext = path.extname(file).toLowerCase();
    const actor = `cli:${process.env.USER ?? 'unknown'}`;
    let result: ImportResult;
    if (SPREADSHEETS[ext]) {
      result = await importSpreadsheetFile(store, file, values.mode, values['dry-run'], onConflict, actor);
    } else if (DOCUMENTS.includes(ext)) {
      result = await store.importDocument(await readDocumentFile(file), {
        mode: values.mode,
        dryRun: values['dry-run'],
        onConflict,
        actor,
      });
    } else {
      throw new UsageError(
        `cannot import '${file}': the file must end in .json, .yaml, .yml, .xlsx, .zip (CSV files) or .csv`,
      );
    }
    const line = (label: string, c: Record<string, number | undefined>) =>
      `  ${label}: ${
        Object.entries(c)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ') || 'none'
      }`;
    console.log(
      `${result.dryRun ? 'Dry run (nothing written)' : 'Imported'} into the ${store.kind} store (${result.mode}):`,
    );
    console.log(
      [
        line('created', result.created),
        line('updated', result.updated),
        line('deleted', result.deleted),
        line('unchanged', result.unchanged),
      ].join('\n'),
    );
    for (const text of staleReport(result)) console.log(text);
  });
  // Exits once the store is closed, what was printed is out and the files being written are (with the exit code
  // runWithStore set), without freeing the heap piece by piece on the way out: after a region's import that took some
  // 0.1 s. The files are tsx's cache of the modules it compiled, written without being waited for: an exit before
  // they are leaves them empty, and every later run compiles those modules again (the first compile starts esbuild:
  // some 0.4 s of CPU at each start, measured on this script).
  const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
  const writing = () => process.getActiveResourcesInfo().some((r) => r.startsWith('FSReq'));
  void done
    .then(() => Promise.all([flushed(process.stdout), flushed(process.stderr)]))
    .then(async () => {
      for (let waited = 0; writing() && waited < FILE_WRITES_WAIT_MS; waited++)
        await new Promise((resolve) => setTimeout(resolve, 1));
      process.exit();
    });
}
