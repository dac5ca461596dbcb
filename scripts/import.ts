// `npm run import -- <file.json|yaml>`: imports a map document into the configured store, all or nothing.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { runWithStore, UsageError } from './cli';

const USAGE = 'npm run import -- [--mode merge|replace] [--dry-run] <file.json|file.yaml>';

export function readDocumentFile(file: string): unknown {
  const ext = path.extname(file).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(ext)) throw new UsageError(`cannot import '${file}': the file must end in .json, .yaml or .yml`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read '${file}': ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  try {
    return ext === '.json' ? JSON.parse(text) : YAML.parse(text, { maxAliasCount: 100 });
  } catch (err) {
    throw new UsageError(`'${file}' is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message.split('\n')[0]}`);
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
    const doc = readDocumentFile(positionals[0]!);
    const result = await store.importDocument(doc, { mode: values.mode, dryRun: values['dry-run'], actor: `cli:${process.env.USER ?? 'unknown'}` });
    const line = (label: string, c: Record<string, number | undefined>) =>
      `  ${label}: ${Object.entries(c).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}`;
    console.log(`${result.dryRun ? 'Dry run (nothing written)' : 'Imported'} into the ${store.kind} store (${result.mode}):`);
    console.log([line('created', result.created), line('updated', result.updated), line('deleted', result.deleted), line('unchanged', result.unchanged)].join('\n'));
  });
}
