// `npm run export -- [--country XX] [--format F] <file>`: writes the region or one country as a map
// document (json, yaml), in the spreadsheet template's shape (xlsx, csv: a ZIP of CSV files) or as a
// graph (graphml, gexf). The format follows the file's extension unless --format names it; `-` writes
// to standard output (JSON unless --format says otherwise). GEXF is 1.2draft unless --gexf-version 1.3.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { CountryCode, stripMetaOf } from '../server/model';
import { GexfVersion, toGEXF, toGraphML } from '../server/services/graph-formats';
import { toCsvZip, toXlsx } from '../server/tabular';
import { runWithStore, UsageError } from './cli';

const USAGE =
  'npm run export -- [--country XX] [--format json|yaml|xlsx|csv|graphml|gexf] [--gexf-version 1.2draft|1.3] <file.json|.yaml|.xlsx|.zip|.graphml|.gexf|->';
const FORMATS: Record<string, string> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.xlsx': 'xlsx',
  '.zip': 'csv',
  '.graphml': 'graphml',
  '.gexf': 'gexf',
};

void runWithStore(USAGE, async (store) => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { country: { type: 'string' }, format: { type: 'string' }, 'gexf-version': { type: 'string' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('name exactly one output file (or - for standard output)');
  const file = positionals[0]!;
  const country = values.country?.toUpperCase();
  if (country !== undefined) {
    if (!CountryCode.safeParse(country).success)
      throw new UsageError(`--country: '${values.country}' is not a country code`);
    await store.get('country', country);
  }
  const format = values.format ?? (file === '-' ? 'json' : FORMATS[path.extname(file).toLowerCase()]);
  if (!format || !Object.values(FORMATS).includes(format)) {
    throw new UsageError(
      values.format
        ? `--format must be json, yaml, xlsx, csv, graphml or gexf, not '${values.format}'`
        : `cannot export to '${file}': the file must end in .json, .yaml, .yml, .xlsx, .zip (CSV files), .graphml or .gexf (or give --format)`,
    );
  }
  const gexfVersion = GexfVersion.safeParse(values['gexf-version'] ?? '1.2draft');
  if (!gexfVersion.success)
    throw new UsageError(`--gexf-version must be 1.2draft or 1.3, not '${values['gexf-version']}'`);
  if (values['gexf-version'] !== undefined && format !== 'gexf')
    throw new UsageError('--gexf-version goes only with the gexf format');
  if (format === 'csv' && path.extname(file).toLowerCase() === '.csv') {
    throw new UsageError(
      `the CSV export is a ZIP of CSV files, one per sheet: name the file .zip, not '${path.basename(file)}'`,
    );
  }
  // The formats that can be imported again carry each item's version and the store version (DOMAIN.md).
  const doc = await store.exportDocument({ country }, { versions: format !== 'graphml' && format !== 'gexf' });
  const all = country ? await store.list('stakeholder') : doc.stakeholders;
  const indicators = async () => (await store.list('indicator')).map(stripMetaOf);
  const text: string | Uint8Array =
    format === 'json'
      ? `${JSON.stringify(doc, null, 2)}\n`
      : format === 'yaml'
        ? YAML.stringify(doc)
        : format === 'xlsx'
          ? await toXlsx(doc, await indicators())
          : format === 'csv'
            ? toCsvZip(doc, await indicators())
            : format === 'graphml'
              ? toGraphML(doc, all)
              : toGEXF(doc, all, { version: gexfVersion.data });
  if (file === '-') {
    process.stdout.write(text);
    return;
  }
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
  console.error(
    `Exported ${country ?? 'the region'} (${doc.stakeholders.length} stakeholders, ${doc.flows.length} flows) to ${file}`,
  );
});
