// Writing the template's shape: the XLSX workbook (README, sheets, reference, dropdowns) and the ZIP of
// CSV files, read back with independent means (exceljs's reader, fflate and csv-parse).
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { emptyDocument } from '../../../server/model';
import { toCsvZip, toXlsx } from '../../../server/tabular/write';
import { catalogue } from '../../support/catalogue';
import { smallMap } from '../../support/small-map';

const indicators = catalogue.indicators as Array<{ code: string; name: string; themes: string[] }>;

async function load(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('the XLSX template and export', () => {
  test('when the template is written, then it has the README, a sheet per kind with its header row, and the reference', async () => {
    const wb = await load(await toXlsx(emptyDocument(), indicators));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'README',
      'countries',
      'stakeholders',
      'datasets',
      'flows',
      'reportingLines',
      'networks',
      'memberships',
      'interviews',
      'reference',
    ]);
    expect(rowValues(wb.getWorksheet('interviews')!, 1)).toEqual([
      'id',
      'date',
      'stakeholder',
      'interviewer',
      'round',
      'notes',
      'version',
    ]);
    expect(wb.getWorksheet('flows')!.actualRowCount).toBe(1);
    const readme = (wb.getWorksheet('README')!.getColumn(1).values as Array<string | undefined>).join('\n');
    expect(readme).toContain('illustrative');
    expect(readme).toContain('no names of people and no case data');
  });

  test("when the reference sheet is written, then it lists every enum column's values and the indicators with names", async () => {
    const wb = await load(await toXlsx(emptyDocument(), indicators));
    const ref = wb.getWorksheet('reference')!;
    const header = rowValues(ref, 1) as string[];
    const basis = header.indexOf('flows.basis') + 1;
    expect(ref.getColumn(basis).values.slice(2)).toEqual(['informal', 'project', 'agreement', 'statutory']);
    expect(header).toContain('datasets.frequency, flows.frequency, networks.meets');
    const code = header.indexOf('indicator code') + 1;
    expect(ref.getColumn(code).values.slice(2)).toHaveLength(32);
    expect(ref.getRow(2).getCell(header.indexOf('indicator name') + 1).value).toBe('Presumed child victims registered');
  });

  test('when a sheet has enum and true/false columns, then they get dropdowns from the reference sheet', async () => {
    const wb = await load(await toXlsx(emptyDocument(), indicators));
    const flows = wb.getWorksheet('flows')!;
    const ref = rowValues(wb.getWorksheet('reference')!, 1) as string[];
    const letter = String.fromCharCode(65 + ref.indexOf('flows.basis'));
    expect(flows.getCell('E2').dataValidation).toMatchObject({
      type: 'list',
      formulae: [`reference!$${letter}$2:$${letter}$5`],
    });
    expect(flows.getCell('M500').dataValidation).toMatchObject({ type: 'list', formulae: ['"true,false"'] });
    expect(flows.getCell('D2').dataValidation).toBeUndefined();
  });

  test('when a map is exported, then each item is a row: lists joined by ;, booleans as booleans, nested fields flattened', async () => {
    const wb = await load(await toXlsx(smallMap(), indicators));
    const stakeholders = wb.getWorksheet('stakeholders')!;
    expect(rowValues(stakeholders, 2).slice(0, 8)).toEqual([
      'xa-ncp',
      'XA NCP',
      'XA',
      'ministry',
      'national',
      true,
      undefined,
      'ncp@office.example',
    ]);
    expect(wb.getWorksheet('datasets')!.getCell('D2').value).toBe('VIC-01; TRF-01');
    expect(wb.getWorksheet('flows')!.getCell('K2').value).toBe(30);
    expect(wb.getWorksheet('interviews')!.getCell('B2').value).toBe('2010-04-12');
  });
});

describe('the CSV bundle', () => {
  test('when a map is exported as CSV, then the ZIP holds a UTF-8 CSV per sheet, the README and the reference', () => {
    const doc = smallMap();
    doc.flows[0]!.note = '=HYPERLINK("http://evil.example")';
    const files = unzipSync(toCsvZip(doc, indicators));
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'countries.csv',
      'datasets.csv',
      'flows.csv',
      'interviews.csv',
      'memberships.csv',
      'networks.csv',
      'reference.csv',
      'reportingLines.csv',
      'stakeholders.csv',
    ]);
    expect([...files['flows.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(files['flows.csv']!);
    expect(text.startsWith('id,from,to,indicators,basis,')).toBe(true);
    const rows = parse(text, { bom: true });
    expect(rows[1]!.slice(0, 5)).toEqual(['xa-f1', 'xa-police', 'xa-ncp', 'VIC-01', 'statutory']);
    expect(rows[1]![12]).toBe('false');
    expect(rows[1]![16]).toBe('\'=HYPERLINK("http://evil.example")');
  });
});
