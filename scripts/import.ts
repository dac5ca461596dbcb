// `npm run import -- <file>`: imports a map document (.json, .yaml) or a spreadsheet (.xlsx, a .zip of CSV
// files, or one CSV named after its sheet, e.g. flows.csv) into the configured store, all or nothing,
// with progress on stderr for spreadsheets.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import type { GraphStore, ImportMode, ImportResult } from '../server/store/port';
import {
  SHEETS, UPLOAD_LIMIT_BYTES, formatMB, importParsed, parseUpload, sheetByName, type UploadFormat,
} from '../server/tabular';
import { ProgressBar, runWithStore, UsageError } from './cli';

const USAGE = 'npm run import -- [--mode merge|replace] [--dry-run] <file.json|.yaml|.yml|.xlsx|.zip|.csv>';
const DOCUMENTS = ['.json', '.yaml', '.yml'];
const SPREADSHEETS: Record<string, UploadFormat> = { '.xlsx': 'xlsx', '.zip': 'zip', '.csv': 'csv' };

function readFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`cannot read '${file}': ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

export function readDocumentFile(file: string): unknown {
  const ext = path.extname(file).toLowerCase();
  if (!DOCUMENTS.includes(ext)) throw new UsageError(`cannot import '${file}': the file must end in .json, .yaml or .yml`);
  const text = readFile(file).toString('utf8');
  try {
    return ext === '.json' ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new UsageError(`'${file}' is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
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
    throw new UsageError(`'${file}' is ${formatMB(size)}; the limit is ${formatMB(UPLOAD_LIMIT_BYTES)} per file: split it by country and import the parts one after the other`);
  }
  if (format !== 'csv') return { format };
  const stem = path.basename(file, path.extname(file));
  const sheet = sheetByName(stem);
  if (!sheet) {
    throw new UsageError(`a single CSV file must be named after the sheet it holds (${SHEETS.map((s) => `${s.collection}.csv`).join(', ')}), not '${path.basename(file)}'`);
  }
  return { format, sheet: sheet.collection };
}

async function importSpreadsheetFile(store: GraphStore, file: string, mode: ImportMode, dryRun: boolean, actor: string): Promise<ImportResult> {
  const { format, sheet } = spreadsheetOf(file);
  const progress = new ProgressBar();
  let completed = false;
  try {
    const onProgress = progress.update.bind(progress);
    const parsed = await parseUpload(store, { format, data: readFile(file), sheet }, { mode, onProgress });
    const result = await importParsed(store, parsed, { mode, dryRun, actor, onProgress, separateValidation: true });
    completed = true;
    progress.done(true);
    for (const w of result.warnings) console.error(`warning: ${w.sheet ? `${w.sheet}: ` : ''}${w.message}`);
    return result;
  } finally {
    if (!completed) progress.done(false);
  }
}

if (require.main === module) {
  void runWithStore(USAGE, async (store) => {
    let parsed;
    try {
      parsed = parseArgs({
        allowPositionals: true,
        options: { mode: { type: 'string', default: 'merge' }, 'dry-run': { type: 'boolean', default: false } },
      });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError('name exactly one file to import');
    if (values.mode !== 'merge' && values.mode !== 'replace') throw new UsageError(`--mode must be merge or replace, not '${values.mode}'`);
    const file = positionals[0]!;
    const ext = path.extname(file).toLowerCase();
    const actor = `cli:${process.env.USER ?? 'unknown'}`;
    let result: ImportResult;
    if (SPREADSHEETS[ext]) {
      result = await importSpreadsheetFile(store, file, values.mode, values['dry-run'], actor);
    } else if (DOCUMENTS.includes(ext)) {
      result = await store.importDocument(readDocumentFile(file), { mode: values.mode, dryRun: values['dry-run'], actor });
    } else {
      throw new UsageError(`cannot import '${file}': the file must end in .json, .yaml, .yml, .xlsx, .zip (CSV files) or .csv`);
    }
    const line = (label: string, c: Record<string, number | undefined>) =>
      `  ${label}: ${Object.entries(c).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}`;
    console.log(`${result.dryRun ? 'Dry run (nothing written)' : 'Imported'} into the ${store.kind} store (${result.mode}):`);
    console.log([line('created', result.created), line('updated', result.updated), line('deleted', result.deleted), line('unchanged', result.unchanged)].join('\n'));
  });
}
