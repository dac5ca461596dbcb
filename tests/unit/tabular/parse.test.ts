// Parsing spreadsheets into a map document: every kind of bad input becomes a problem at its sheet, row,
// column and cell (or a warning), and the items keep the row they came from.
import type { Problem } from '../../../server/model';
import { MAX_ROWS_PER_SHEET } from '../../../server/model/limits';
import { readSpreadsheet, type Upload } from '../../../server/tabular/open';
import { parseSpreadsheet } from '../../../server/tabular/parse';
import { catalogue } from '../../support/catalogue';
import { csvOf, smallSheets, withCell, xlsxOf, type Sheets } from '../../support/spreadsheets';
import type ExcelJS from 'exceljs';

const indicators = catalogue.indicators as Array<{ code: string; name: string }>;

async function parse(upload: Upload, mode: 'merge' | 'replace' = 'merge') {
  return parseSpreadsheet(await readSpreadsheet(upload), { mode, indicators });
}
async function parseXlsx(
  sheets: Sheets,
  mode: 'merge' | 'replace' = 'merge',
  customize?: (wb: ExcelJS.Workbook) => void,
) {
  return parse({ format: 'xlsx', data: await xlsxOf(sheets, customize) }, mode);
}
const docOf = (parsed: { document: Record<string, unknown> }, collection: string) =>
  parsed.document[collection] as Array<Record<string, unknown>>;
const brief = (p: Problem) => `${p.sheet}!${p.cell ?? p.row} ${p.column ?? ''}: ${p.message}`;

describe('a valid workbook', () => {
  test('when the small map is parsed, then every item is there with lists, nesting and types, and knows its row', async () => {
    const parsed = await parseXlsx(smallSheets());
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(docOf(parsed, 'stakeholders')[0]).toEqual({
      id: 'xa-ncp',
      name: 'XA NCP',
      country: 'XA',
      type: 'ministry',
      level: 'national',
      ncp: true,
      contact: { email: 'ncp@office.example' },
      tags: [],
    });
    expect(docOf(parsed, 'datasets')[0]).toMatchObject({
      indicators: ['VIC-01', 'TRF-01'],
      disaggregation: ['age', 'sex'],
      since: 2005,
    });
    expect(docOf(parsed, 'countries')[1]).toEqual({
      code: 'XB',
      name: 'Testland B',
      euMember: false,
      cbssMember: true,
    });
    expect(docOf(parsed, 'flows')[1]).toMatchObject({ id: 'xa-f2', personDependent: true, evidence: [] });
    expect(docOf(parsed, 'memberships')).toHaveLength(3);
    expect(parsed.origins.get('flows')![2]).toMatchObject({ sheet: 'flows', row: 4 });
    expect(parsed.items).toBe(19);
  });

  test("when the template's README and reference sheets are in the workbook, then they are ignored without a warning", async () => {
    const parsed = await parseXlsx({
      README: [['How to fill it in']],
      ...smallSheets(),
      reference: [['basis'], ['informal']],
    });
    expect(parsed.warnings).toEqual([]);
    expect(parsed.problems).toEqual([]);
  });
});

describe('wrong headers', () => {
  test('when a header is unknown, then the problem names it, suggests the closest column and lists the columns', async () => {
    const parsed = await parseXlsx(
      withCell(withCell(smallSheets(), 'flows', 1, 'basis', 'bases'), 'flows', 1, 'note', 'colour'),
    );
    const basis = parsed.problems.find((p) => p.column === 'bases');
    const colour = parsed.problems.find((p) => p.column === 'colour');
    expect(parsed.problems.find((p) => p.column === 'basis')?.message).toMatch(/required column 'basis' is missing/);
    expect(basis).toMatchObject({ sheet: 'flows', row: 1, cell: 'E1', column: 'bases', kind: 'flow' });
    expect(basis!.message).toMatch(
      /^unknown column 'bases' in the flows sheet \(did you mean 'basis'\?\); the columns are: id, from, to/,
    );
    expect(colour).toMatchObject({ cell: 'Q1', column: 'colour' });
    expect(colour!.message).not.toContain('did you mean');
  });

  test('when a required column is missing, then one problem names it (not one per row); a missing optional column is a warning', async () => {
    const sheets = smallSheets();
    sheets.flows = sheets.flows!.map((row) => row.filter((_, i) => i !== 4 && i !== 16));
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems.map(brief)).toEqual([
      "flows!1 basis: the required column 'basis' is missing from the flows sheet's header (row 1)",
    ]);
    expect(parsed.warnings).toEqual([
      { sheet: 'flows', message: 'the column note is not in the sheet: every row is imported as if it were empty' },
    ]);
    expect(parsed.reported.has('flows.basis')).toBe(true);
  });

  test('when headers differ only in case, or have trailing empty columns, then they are read as the columns', async () => {
    const sheets = withCell(smallSheets(), 'flows', 1, 'personDependent', 'PersonDependent');
    sheets.flows![0]!.push(null, null, '   ');
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems).toEqual([]);
    expect(docOf(parsed, 'flows')[1]!.personDependent).toBe(true);
  });

  test('when the header row is missing (the first row is data), then one problem says so instead of one per cell', async () => {
    const sheets = smallSheets();
    sheets.flows = sheets.flows!.slice(1);
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems.map(brief)).toEqual([
      'flows!1 : row 1 is not a header row: none of its cells names a column of the flows sheet. The first row must hold the column names: ' +
        'id, from, to, indicators, basis, trigger, frequency, granularity, personalData, channel, latencyDays, status, personDependent, evidence, confidence, since, note, version',
    ]);
    expect(parsed.document).not.toHaveProperty('flows');
  });

  test('when a column appears twice, then the problem names both cells', async () => {
    const parsed = await parseXlsx(withCell(smallSheets(), 'flows', 1, 'note', 'basis'));
    expect(parsed.problems.map(brief)).toEqual([
      "flows!Q1 basis: the column 'basis' appears twice (E1 and Q1): keep one",
    ]);
  });

  test('when a column without a header holds values, then one problem names the column and its first value', async () => {
    const sheets = smallSheets();
    sheets.flows![2]![18] = 'stray';
    sheets.flows![3]![18] = 'more';
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems.map(brief)).toEqual([
      'flows!S3 : column S has values (the first in S3) but no header: name the column or clear it',
    ]);
  });
});

describe('cells', () => {
  test('when cells are merged, then the problem names the range and asks to unmerge and repeat the value', async () => {
    const sheets = withCell(smallSheets(), 'flows', 3, 'basis', null);
    const parsed = await parseXlsx(sheets, 'merge', (wb) => wb.getWorksheet('flows')!.mergeCells('E2:E3'));
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        sheet: 'flows',
        row: 2,
        column: 'basis',
        cell: 'E2:E3',
        message: 'the cells E2:E3 are merged: unmerge them and repeat the value in each cell',
      }),
    ]);
  });

  test('when rows are empty, then they are skipped silently and the others keep their row numbers', async () => {
    const sheets = smallSheets();
    sheets.flows!.splice(2, 0, [], [null, '  ', null]);
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems).toEqual([]);
    expect(docOf(parsed, 'flows').map((f) => f.id)).toEqual(['xa-f1', 'xa-f2', 'xa-f3', 'xb-f1']);
    expect(parsed.origins.get('flows')!.map((o) => o.row)).toEqual([2, 5, 6, 7]);
  });

  test('when a date is an Excel date or a serial number, then it is YYYY-MM-DD; a text that is no date is a problem at its cell', async () => {
    const sheets = smallSheets();
    sheets.interviews!.push(
      ['xa-i2', 40281, 'xa-ngo', null, '2010', null],
      ['xa-i3', new Date(Date.UTC(2010, 3, 14)), 'xa-ngo', null, '2010', null],
      ['xa-i4', 'last spring', 'xa-ngo', null, '2010', null],
    );
    const parsed = await parseXlsx(sheets);
    expect(
      docOf(parsed, 'interviews')
        .slice(1, 3)
        .map((i) => i.date),
    ).toEqual(['2010-04-13', '2010-04-14']);
    expect(parsed.problems.map(brief)).toEqual([
      "interviews!B5 date: 'last spring' is not a date: write it as YYYY-MM-DD (e.g. 2010-04-12)",
    ]);
    expect(parsed.problems[0]).toMatchObject({ kind: 'interview', id: 'xa-i4', field: 'date', row: 5 });
  });

  test('when ids have leading or trailing spaces, then they are trimmed silently', async () => {
    const sheets = withCell(withCell(smallSheets(), 'flows', 2, 'id', '  xa-f1 '), 'flows', 2, 'evidence', ' xa-i1  ');
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems).toEqual([]);
    expect(docOf(parsed, 'flows')[0]).toMatchObject({ id: 'xa-f1', evidence: ['xa-i1'] });
  });

  test('when indicators are named by catalogue name, then they become codes; an unknown name is a problem with suggestions', async () => {
    const sheets = withCell(
      withCell(smallSheets(), 'flows', 2, 'indicators', 'presumed child victims REGISTERED'),
      'flows',
      3,
      'indicators',
      'Assistance gven; VIC-05',
    );
    const parsed = await parseXlsx(sheets);
    expect(docOf(parsed, 'flows')[0]!.indicators).toEqual(['VIC-01']);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ sheet: 'flows', cell: 'D3', column: 'indicators', id: 'xa-f2' });
    expect(parsed.problems[0]!.message).toMatch(
      /^unknown indicator 'Assistance gven'; closest: VIC-05 \(Assistance given/,
    );
  });

  test('when cells hold formulas, rich text, hyperlinks and whitespace, then the cached result, the text and empty are read', async () => {
    const sheets = withCell(
      withCell(
        withCell(
          withCell(smallSheets(), 'flows', 2, 'latencyDays', { formula: '15*2', result: 30 }),
          'stakeholders',
          2,
          'name',
          { richText: [{ text: 'XA ' }, { text: 'NCP', font: { italic: true } }] },
        ),
        'stakeholders',
        2,
        'contact.url',
        { text: 'https://ncp.example', hyperlink: 'https://ncp.example' },
      ),
      'flows',
      2,
      'note',
      '   ',
    );
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems).toEqual([]);
    expect(docOf(parsed, 'flows')[0]).toMatchObject({ latencyDays: 30 });
    expect(docOf(parsed, 'flows')[0]).not.toHaveProperty('note');
    expect(docOf(parsed, 'stakeholders')[0]).toMatchObject({
      name: 'XA NCP',
      contact: { email: 'ncp@office.example', url: 'https://ncp.example' },
    });
  });

  test('when a formula has no saved result, then its cell has a problem saying how to fix it', async () => {
    const parsed = await parseXlsx(withCell(smallSheets(), 'flows', 2, 'latencyDays', { formula: '15*2' }));
    expect(parsed.problems.map(brief)).toEqual([
      'flows!K2 latencyDays: holds a formula with no saved result (the file was never calculated): open it in Excel or LibreOffice and save it again, or paste the value instead',
    ]);
  });

  test('when values cannot be converted, then each is a problem at its cell, all at once', async () => {
    const sheets = withCell(
      withCell(withCell(smallSheets(), 'flows', 2, 'basis', 'by law'), 'flows', 3, 'personDependent', 'sometimes'),
      'flows',
      4,
      'latencyDays',
      'a week',
    );
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems.map((p) => `${p.cell} ${p.column}`)).toEqual([
      'E2 basis',
      'M3 personDependent',
      'K4 latencyDays',
    ]);
  });
});

describe('duplicate rows', () => {
  test('when a row repeats another row exactly, or only its id, then the problem names both rows and the repeat is left out', async () => {
    const sheets = smallSheets();
    sheets.flows!.push([...sheets.flows![1]!], ['xa-f2', 'xa-ngo', 'xa-ncp', 'VIC-05', 'informal']);
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems.map(brief)).toEqual([
      'flows!A6 id: row 6 is a copy of row 2: delete one of them',
      "flows!A7 id: row 7 repeats the id 'xa-f2' of row 3: each flow may appear once; merge the two rows or give one another id",
    ]);
    expect(docOf(parsed, 'flows')).toHaveLength(4);
  });

  test('when a membership repeats a stakeholder and network pair, then it is a duplicate too', async () => {
    const sheets = smallSheets();
    sheets.memberships!.push(['xa-police', 'xa-net', 'member']);
    const parsed = await parseXlsx(sheets);
    expect(parsed.problems.map(brief)).toEqual([
      "memberships!A5 stakeholder: row 5 repeats the stakeholder + network 'xa-police|xa-net' of row 2: each membership may appear once; merge the two rows or give one another stakeholder + network",
    ]);
  });
});

describe('sheets', () => {
  test('when a sheet is missing in merge mode, then a warning says that kind is not touched', async () => {
    const { networks: _n, memberships: _m, ...rest } = smallSheets();
    const parsed = await parseXlsx(rest);
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toEqual([
      { sheet: 'networks', message: "there is no sheet 'networks': networks are not touched" },
      { sheet: 'memberships', message: "there is no sheet 'memberships': memberships are not touched" },
    ]);
    expect(parsed.document).not.toHaveProperty('networks');
  });

  test('when a sheet is missing in replace mode, then it is a problem asking for the sheet with its header row', async () => {
    const { networks: _n, ...rest } = smallSheets();
    const parsed = await parseXlsx(rest, 'replace');
    expect(parsed.problems).toEqual([expect.objectContaining({ sheet: 'networks', kind: 'network' })]);
    expect(parsed.problems[0]!.message).toBe(
      "there is no sheet 'networks': replace would delete the networks of the countries in the file. " +
        "Add the sheet 'networks' with just its header row if that is what you want, or import with merge",
    );
  });

  test('when a sheet is empty, then merge leaves the kind alone and replace asks for the header row', async () => {
    const sheets = { ...smallSheets(), networks: [] };
    expect((await parseXlsx(sheets)).warnings).toEqual([
      { sheet: 'networks', message: "the sheet 'networks' is empty: networks are not touched" },
    ]);
    const replace = await parseXlsx(sheets, 'replace');
    expect(replace.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^the sheet 'networks' is empty, without even its header row: replace would delete/),
    ]);
  });

  test('when replace gets a countries sheet that lists no country, then a warning says it deletes nothing', async () => {
    const parsed = await parseXlsx({ ...smallSheets(), countries: [smallSheets().countries![0]!] }, 'replace');
    expect(parsed.warnings.map((w) => w.message)).toContain(
      'the countries sheet lists no country, so replace deletes nothing: it deletes only within the countries listed there',
    );
  });

  test('when a sheet is unknown, then it is ignored with a warning suggesting the closest sheet', async () => {
    const parsed = await parseXlsx({ ...smallSheets(), Flowz: [['id'], ['x']], Notes: [['anything']] });
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings.map((w) => w.message)).toEqual([
      "the sheet 'Flowz' is not one of countries, stakeholders, datasets, flows, reportingLines, networks, memberships, interviews (did you mean 'flows'?): ignored",
      "the sheet 'Notes' is not one of countries, stakeholders, datasets, flows, reportingLines, networks, memberships, interviews: ignored",
    ]);
  });

  test('when two sheets hold the same kind, then that is a problem', async () => {
    const parsed = await parseXlsx({ ...smallSheets(), 'reporting-lines': [['id'], ['x']] });
    expect(parsed.problems.map((p) => p.message)).toEqual([
      "the sheets 'reportingLines' and 'reporting-lines' both hold reportingLines: keep one",
    ]);
  });

  test('when a sheet has more rows than the limit, then it is refused with the limit in the message', async () => {
    const lines = ['id,from,to,indicators,basis'];
    for (let i = 0; i <= MAX_ROWS_PER_SHEET; i++) lines.push(`f${i},a,b,VIC-01,informal`);
    const parsed = await parse({ format: 'csv', data: Buffer.from(lines.join('\n')), sheet: 'flows' });
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'the sheet has more than 100,000 rows; the limit is 100,000 rows per sheet: split the file by country',
    ]);
    expect(parsed.document).not.toHaveProperty('flows');
  });

  test("when one CSV is parsed, then its problems name the sheet and cell like a workbook's", async () => {
    const parsed = await parse({
      format: 'csv',
      data: Buffer.from(csvOf(withCell(smallSheets(), 'flows', 3, 'basis', 'vibes').flows!)),
      sheet: 'flows',
    });
    expect(parsed.problems.map(brief)).toEqual([
      "flows!E3 basis: 'vibes' is not one of: informal, project, agreement, statutory",
    ]);
    expect(parsed.problems[0]!.path).toBe('flows!E3');
    expect(parsed.warnings).toHaveLength(7);
  });
});
