// `npm run export -- [--country XX] <file>`: writes a map document of the region or one country.
// The format follows the file's extension (.json, .yaml, .yml); `-` writes JSON to standard output.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { CountryCode } from '../server/model';
import { runWithStore, UsageError } from './cli';

const USAGE = 'npm run export -- [--country XX] <file.json|file.yaml|->';

void runWithStore(USAGE, async (store) => {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { country: { type: 'string' } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('name exactly one output file (or - for standard output)');
  const file = positionals[0]!;
  const country = values.country?.toUpperCase();
  if (country !== undefined) {
    if (!CountryCode.safeParse(country).success) throw new UsageError(`--country: '${values.country}' is not a country code`);
    await store.get('country', country);
  }
  const ext = file === '-' ? '.json' : path.extname(file).toLowerCase();
  if (!['.json', '.yaml', '.yml'].includes(ext)) throw new UsageError(`cannot export to '${file}': the file must end in .json, .yaml or .yml`);
  const doc = await store.exportDocument({ country });
  const text = ext === '.json' ? `${JSON.stringify(doc, null, 2)}\n` : YAML.stringify(doc);
  if (file === '-') {
    process.stdout.write(text);
    return;
  }
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  console.error(`Exported ${country ?? 'the region'} (${doc.stakeholders.length} stakeholders, ${doc.flows.length} flows) to ${file}`);
});
