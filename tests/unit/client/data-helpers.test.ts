// The pure helpers behind the import & export view: the file's format and limit, the import URL, the
// problems table (places read from spreadsheets and from document paths, sorting, filtering by sheet)
// and the preview's counts.
import { exportUrl, templateUrl } from '../../../client/src/features/data/exports';
import {
  checkFile,
  formatOfFile,
  importUrl,
  MAX_UPLOAD_BYTES,
  sentence,
  sheetOfFileName,
} from '../../../client/src/features/data/importFile';
import { changeSummary, countRows, totals } from '../../../client/src/features/data/importResult';
import {
  filterProblems,
  nextProblemSort,
  problemsHeading,
  problemSheets,
  sortProblems,
  toProblemRows,
  type ImportProblem,
} from '../../../client/src/features/data/problems';

describe('the chosen file', () => {
  test('when a file is named with any of the importable extensions, in any case, then its format is known', () => {
    expect(formatOfFile('map.JSON')).toBe('json');
    expect(formatOfFile('map.yml')).toBe('yaml');
    expect(formatOfFile('map.yaml')).toBe('yaml');
    expect(formatOfFile('Sweden 2010.xlsx')).toBe('xlsx');
    expect(formatOfFile('csvs.zip')).toBe('zip');
    expect(formatOfFile('flows.csv')).toBe('csv');
    expect(formatOfFile('notes.docx')).toBeNull();
    expect(formatOfFile('no-extension')).toBeNull();
  });

  test('when a file is over 25 MB, then it is refused before upload with a message naming the limit; at the limit it passes', () => {
    const over = checkFile({ name: 'big.xlsx', size: MAX_UPLOAD_BYTES + 1 });
    expect(over.ok).toBe(false);
    expect(!over.ok && over.message).toMatch(/25 MB/);
    expect(checkFile({ name: 'big.xlsx', size: MAX_UPLOAD_BYTES })).toEqual({ ok: true, format: 'xlsx' });
  });

  test("when a file is refused for its size here, then the message reads like the server's 413 (size, limit, what to do)", () => {
    const refused = checkFile({ name: 'region.xlsx', size: 26 * 1024 * 1024 });
    expect(!refused.ok && refused.message).toBe(
      'The file is 26 MB; the limit is 25 MB: split it by country and import the parts one after the other.',
    );
  });

  test("when the API's lower-case message is shown, then it reads as a sentence", () => {
    expect(sentence('the file is not a spreadsheet')).toBe('The file is not a spreadsheet.');
    expect(sentence('Already fine.')).toBe('Already fine.');
    expect(sentence('  ')).toBe('');
  });

  test('when a file has an unknown extension or is empty, then it is refused with its name in the message', () => {
    const unknown = checkFile({ name: 'photo.png', size: 10 });
    expect(!unknown.ok && unknown.message).toContain('"photo.png"');
    const empty = checkFile({ name: 'map.json', size: 0 });
    expect(!empty.ok && empty.message).toContain('empty');
  });

  test('when a CSV is named after a collection, then that sheet is preselected; other names preselect nothing', () => {
    expect(sheetOfFileName('flows.csv')).toBe('flows');
    expect(sheetOfFileName('reporting-lines.csv')).toBe('reportingLines');
    expect(sheetOfFileName('Reporting_Lines.CSV')).toBe('reportingLines');
    expect(sheetOfFileName('export.csv')).toBeNull();
  });

  test('when a preview or a commit is asked, then the URL carries the mode, dryRun and the sheet of a single CSV', () => {
    expect(importUrl({ mode: 'merge', dryRun: true })).toBe('/api/import?mode=merge&dryRun=true');
    expect(importUrl({ mode: 'replace', dryRun: false, sheet: 'flows' })).toBe(
      '/api/import?mode=replace&dryRun=false&sheet=flows',
    );
    expect(importUrl({ mode: 'merge', dryRun: true, sheet: null })).toBe('/api/import?mode=merge&dryRun=true');
  });

  test('when exports and templates are linked, then the URLs name the format and the country only when one is chosen', () => {
    expect(exportUrl('xlsx', 'SE')).toBe('/api/export?format=xlsx&country=SE');
    expect(exportUrl('gexf', null)).toBe('/api/export?format=gexf');
    expect(templateUrl('csv')).toBe('/api/template?format=csv');
  });
});

describe('the problems table', () => {
  const problems: ImportProblem[] = [
    {
      sheet: 'flows',
      row: 12,
      column: 'basis',
      cell: 'E12',
      message: 'must be one of statutory, agreement, project, informal',
    },
    { sheet: 'stakeholders', row: 3, column: 'type', cell: 'D3', message: 'unknown stakeholder type' },
    {
      sheet: 'flows',
      row: 4,
      column: 'from',
      cell: 'B4',
      message: 'refers to stakeholder x, which is neither in the file nor in the map',
    },
    { message: 'the sheet "interviews" is missing' },
    { sheet: 'flows', row: 4, column: 'basis', cell: 'E4', message: 'is required' },
  ];
  const rows = toProblemRows(problems);

  test('when a spreadsheet problem names sheet, row, cell and column, then the row shows them as given', () => {
    expect(rows[0]).toEqual({
      index: 0,
      sheet: 'flows',
      row: 12,
      cell: 'E12',
      column: 'basis',
      item: null,
      message: problems[0]!.message,
    });
  });

  test('when a map document problem has only a path, then the sheet, item number and column are read from the path', () => {
    const [row] = toProblemRows([{ path: 'flows[3].basis', kind: 'flow', message: 'invalid option' }]);
    expect(row).toMatchObject({ sheet: 'flows', row: null, column: 'basis', item: 'item 4' });
    const [withId] = toProblemRows([{ path: 'stakeholders[0].type', id: 'se-x', field: 'type', message: 'invalid' }]);
    expect(withId).toMatchObject({ sheet: 'stakeholders', column: 'type', item: 'se-x' });
  });

  test('when sorted by sheet, then sheets come in order with rows numerically inside, and problems without a sheet last', () => {
    const sorted = sortProblems(rows, 'sheet', 'asc');
    expect(sorted.map((r) => [r.sheet, r.row, r.column])).toEqual([
      ['flows', 4, 'basis'],
      ['flows', 4, 'from'],
      ['flows', 12, 'basis'],
      ['stakeholders', 3, 'type'],
      [null, null, null],
    ]);
  });

  test('when sorted by row descending, then larger rows come first and a problem without a row still comes last', () => {
    const sorted = sortProblems(rows, 'row', 'desc');
    expect(sorted.map((r) => r.row)).toEqual([12, 4, 4, 3, null]);
  });

  test('when sorted by message, then the order is alphabetical and the input is not changed', () => {
    const before = rows.map((r) => r.index);
    const sorted = sortProblems(rows, 'message', 'asc');
    expect(sorted.map((r) => r.message)).toEqual(
      [...problems.map((p) => p.message)].sort((a, b) => a.localeCompare(b)),
    );
    expect(rows.map((r) => r.index)).toEqual(before);
  });

  test('when filtered by a sheet, then only its problems remain; the sheet list follows first appearance', () => {
    expect(problemSheets(rows)).toEqual(['flows', 'stakeholders']);
    expect(filterProblems(rows, 'flows').map((r) => r.index)).toEqual([0, 2, 4]);
    expect(filterProblems(rows, null)).toHaveLength(5);
  });

  test('when the active column heading is clicked, then the direction flips; another column starts ascending', () => {
    expect(nextProblemSort({ key: 'row', dir: 'asc' }, 'row')).toEqual({ key: 'row', dir: 'desc' });
    expect(nextProblemSort({ key: 'row', dir: 'desc' }, 'sheet')).toEqual({ key: 'sheet', dir: 'asc' });
  });
});

describe('the preview counts', () => {
  const result = {
    created: { stakeholder: 2, flow: 5 },
    updated: { flow: 1 },
    deleted: { dataset: 1 },
    unchanged: { country: 1, stakeholder: 10, membership: 0 },
  };

  test('when the answer counts kinds, then there is one row per kind in document order, kinds with nothing left out', () => {
    const rows = countRows(result);
    expect(rows.map((r) => r.kind)).toEqual(['country', 'stakeholder', 'dataset', 'flow']);
    expect(rows.find((r) => r.kind === 'flow')).toMatchObject({
      label: 'Flows',
      created: 5,
      updated: 1,
      deleted: 0,
      unchanged: 0,
    });
  });

  test('when totals and the summary are asked, then they add up the rows and name only the changes', () => {
    const rows = countRows(result);
    expect(totals(rows)).toEqual({ created: 7, updated: 1, deleted: 1, unchanged: 11 });
    expect(changeSummary(rows)).toBe('7 created, 1 updated, 1 deleted');
    expect(changeSummary(countRows({ created: {}, updated: {}, deleted: {}, unchanged: { flow: 3 } }))).toBe(
      'no changes',
    );
  });
});

describe('the heading of a refused file', () => {
  test('when the server lists every problem, then the heading counts them', () => {
    expect(problemsHeading(1, 1)).toBe('The file has 1 problem');
    expect(problemsHeading(3, undefined)).toBe('The file has 3 problems');
  });

  test('when the server listed the first 100 of 10,000, then the heading gives the total and says only the first are listed', () => {
    expect(problemsHeading(100, 10_000)).toBe('The file has 10,000 problems; the first 100 are listed');
  });
});
