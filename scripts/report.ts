// `npm run report -- --country XX | --region [--round <id>] [--format html|pdf] <file>`: writes a country
// profile or the regional report, for now or for a frozen round, as a standalone HTML page or a PDF. The
// format follows the file's extension unless --format names it; `-` writes to standard output. Like a
// viewer's report (and unlike `npm run export`) it leaves out personal data: reports are for circulation.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CountryCode } from '../server/model';
import { renderReportHtml } from '../server/reports/html';
import { closePdfRenderer, htmlToPdf } from '../server/reports/pdf';
import { ReportsService } from '../server/services/reports';
import { runWithStore, UsageError } from './cli';

const USAGE = 'npm run report -- (--country XX | --region) [--round <id>] [--format html|pdf] <file.html|.pdf|->';
const FORMATS: Record<string, 'html' | 'pdf'> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf' };

void runWithStore(USAGE, async (store) => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        country: { type: 'string' },
        region: { type: 'boolean' },
        round: { type: 'string' },
        format: { type: 'string' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('name exactly one output file (or - for standard output)');
  const file = positionals[0]!;
  if ((values.country === undefined) === (values.region !== true))
    throw new UsageError('give either --country XX or --region');
  const country = values.country?.toUpperCase();
  if (country !== undefined && !CountryCode.safeParse(country).success) {
    throw new UsageError(`--country: '${values.country}' is not a country code`);
  }
  const format = values.format ?? (file === '-' ? 'html' : FORMATS[path.extname(file).toLowerCase()]);
  if (format !== 'html' && format !== 'pdf') {
    throw new UsageError(
      values.format
        ? `--format must be html or pdf, not '${values.format}'`
        : `cannot write a report to '${file}': the file must end in .html or .pdf (or give --format)`,
    );
  }

  const service = new ReportsService(store);
  const report =
    country !== undefined
      ? await service.country(country, values.round, undefined)
      : await service.region(values.round, undefined);
  const html = renderReportHtml(report, { standalone: true });
  let output: string | Buffer = html;
  if (format === 'pdf') {
    try {
      output = await htmlToPdf(html, { title: report.title });
    } finally {
      await closePdfRenderer();
    }
  }
  if (file === '-') {
    process.stdout.write(output);
    return;
  }
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, output);
  fs.renameSync(tmp, file);
  console.error(
    `Wrote ${report.title}${report.basis.round ? ` (round ${report.basis.round.name})` : ''} as ${format.toUpperCase()} to ${file}`,
  );
});
