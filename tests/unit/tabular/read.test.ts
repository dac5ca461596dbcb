// Reading uploads: what XLSX cells read as (formulas, rich text, hyperlinks, dates, whitespace, merges),
// CSV dialects, and files that are not spreadsheets or are too large, refused before any row is read.
import { NotASpreadsheetError, TooLargeError } from '../../../server/errors';
import { UPLOAD_LIMIT_BYTES } from '../../../server/model/limits';
import { readSpreadsheet } from '../../../server/tabular/open';
import { CellError, type RawWorkbook } from '../../../server/tabular/raw';
import {
  csvOf,
  docxBytes,
  pdfBytes,
  randomBytes,
  xlsxOf,
  zipClaimingHugeSize,
  zipOf,
} from '../../support/spreadsheets';

const sheetOf = (wb: RawWorkbook, name: string) => {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

describe('reading XLSX cells', () => {
  test('when cells hold formulas, rich text, hyperlinks and dates, then they read as their result, text and date', async () => {
    const data = await xlsxOf({
      flows: [
        ['id', 'note', 'latencyDays', 'evidence', 'since'],
        [
          { richText: [{ text: 'xa-' }, { text: 'f1', font: { bold: true } }] },
          { text: 'site', hyperlink: 'https://x.example' },
          { formula: '10*3', result: 30 },
          { formula: 'A1', result: { error: '#REF!' } },
          new Date(Date.UTC(2010, 3, 12)),
        ],
        ['xa-f2', { text: 'office@x.example', hyperlink: 'mailto:office@x.example' }, { formula: '1+1' }, null, null],
      ],
    });
    const [, first, second] = sheetOf(await readSpreadsheet({ format: 'xlsx', data }), 'flows').rows;
    expect(first!.cells.slice(0, 3)).toEqual(['xa-f1', 'site', 30]);
    expect(first!.cells[3]).toEqual(new CellError('holds the error value #REF!'));
    expect(first!.cells[4]).toEqual(new Date(Date.UTC(2010, 3, 12)));
    expect(second!.cells[1]).toBe('office@x.example');
    expect((second!.cells[2] as CellError).message).toMatch(/formula with no saved result/);
  });

  test('when rows are empty or cells hold only whitespace, then those rows are skipped and the cells are empty', async () => {
    const data = await xlsxOf({
      flows: [['id', 'note', null, null], [null, '   '], ['xa-f1', ' \t '], [], ['xa-f2', 'kept ']],
    });
    const sheet = sheetOf(await readSpreadsheet({ format: 'xlsx', data }), 'flows');
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 3, 5]);
    expect(sheet.rows[1]!.cells).toEqual(['xa-f1']);
    expect(sheet.rows[2]!.cells).toEqual(['xa-f2', 'kept ']);
  });

  test('when cells holding a value are merged, then the range is listed; a merge of empty cells is not', async () => {
    const data = await xlsxOf(
      {
        flows: [
          ['id', 'basis'],
          ['xa-f1', 'statutory'],
          ['xa-f2', null],
        ],
      },
      (wb) => {
        const ws = wb.getWorksheet('flows')!;
        ws.mergeCells('B2:B3');
        ws.mergeCells('D5:E6');
      },
    );
    const sheet = sheetOf(await readSpreadsheet({ format: 'xlsx', data }), 'flows');
    expect(sheet.merges).toEqual([{ range: 'B2:B3', top: 2, left: 2 }]);
  });
});

describe('reading CSV', () => {
  test('when a CSV uses ; as Excel does in many locales, with a BOM, then the cells are read', async () => {
    const data = Buffer.from(
      `\uFEFF${csvOf(
        [
          ['id', 'indicators', 'note'],
          ['xa-f1', 'VIC-01; TRF-01', 'a, b'],
        ],
        ';',
      )}`,
    );
    const sheet = sheetOf(await readSpreadsheet({ format: 'csv', data, sheet: 'flows' }), 'flows');
    expect(sheet.rows[0]!.cells).toEqual(['id', 'indicators', 'note']);
    expect(sheet.rows[1]!.cells).toEqual(['xa-f1', 'VIC-01; TRF-01', 'a, b']);
  });

  test('when a CSV is Windows-1252, then it is read as such with a warning', async () => {
    const data = Buffer.concat([Buffer.from('id,name\r\nxa-ngo,Fr'), Buffer.from([0xe4]), Buffer.from('nde\r\n')]);
    const wb = await readSpreadsheet({ format: 'csv', data, sheet: 'stakeholders' });
    expect(wb.sheets[0]!.rows[1]!.cells).toEqual(['xa-ngo', 'Fr\u00e4nde']);
    expect(wb.warnings[0]!.message).toContain('Windows-1252');
  });

  test("when a CSV is UTF-16 with its byte order mark (Excel's Unicode text), then it is read", async () => {
    const text = 'id\tname\r\nxa-ngo\tFr\u00e4nde\r\n';
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const wb = await readSpreadsheet({ format: 'csv', data, sheet: 'stakeholders' });
    expect(wb.sheets[0]!.rows[1]!.cells).toEqual(['xa-ngo', 'Fr\u00e4nde']);
    expect(wb.warnings).toEqual([]);
  });

  test('when a text cell was guarded against formula injection, then the apostrophe is removed', async () => {
    const data = Buffer.from(
      csvOf([
        ['id', 'note'],
        ['xa-f1', "'=SUM(A1)"],
        ['xa-f2', "'tis fine"],
      ]),
    );
    const sheet = sheetOf(await readSpreadsheet({ format: 'csv', data, sheet: 'flows' }), 'flows');
    expect(sheet.rows.map((r) => r.cells[1])).toEqual(['note', '=SUM(A1)', "'tis fine"]);
  });

  test('when a CSV has an unclosed quote, then the sheet has a problem with its line', async () => {
    const sheet = sheetOf(
      await readSpreadsheet({ format: 'csv', data: Buffer.from('id,note\r\nxa-f1,"open\r\n'), sheet: 'flows' }),
      'flows',
    );
    expect(sheet.problems[0]!.message).toMatch(/the CSV cannot be read: .*quote/i);
  });

  test('when a ZIP holds CSV files in a folder, with other files, then the CSVs are sheets and the rest is a warning', async () => {
    const data = zipOf({
      'map/flows.csv': 'id\r\nxa-f1\r\n',
      'map/notes.docx': 'x',
      '__MACOSX/map/._flows.csv': 'x',
      'map/README.txt': 'x',
    });
    const wb = await readSpreadsheet({ format: 'zip', data });
    expect(wb.sheets.map((s) => s.name)).toEqual(['flows']);
    expect(wb.warnings).toEqual([{ message: 'map/notes.docx is not a CSV file: ignored' }]);
  });
});

describe('files that are not spreadsheets', () => {
  const refused = async (format: 'xlsx' | 'zip' | 'csv', data: Buffer, sheet?: string) => {
    const err = await readSpreadsheet({ format, data, sheet }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(NotASpreadsheetError);
    return (err as Error).message;
  };

  test('when random bytes, a PDF or text are sent as XLSX, then each is refused as not a spreadsheet, saying what it is', async () => {
    expect(await refused('xlsx', randomBytes(4096))).toMatch(/not an XLSX workbook .*binary data/);
    expect(await refused('xlsx', pdfBytes())).toBe('the file is a PDF document, not a spreadsheet');
    expect(await refused('xlsx', Buffer.from('id,name\nxa,b\n'))).toMatch(/not an XLSX workbook .*plain text/);
  });

  test('when a Word document (a ZIP) is sent as XLSX or as a ZIP of CSVs, then it is named as such', async () => {
    expect(await refused('xlsx', docxBytes())).toBe('the file is not an XLSX workbook: it is a Word document (.docx)');
    expect(await refused('zip', docxBytes())).toMatch(/holds no CSV files \(it is a Word document/);
  });

  test('when an old .xls, a damaged ZIP or binary data as CSV is sent, then each is refused clearly', async () => {
    expect(await refused('csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'flows')).toMatch(
      /Excel 97-2003/,
    );
    expect(await refused('xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200)]))).toMatch(
      /damaged ZIP/,
    );
    expect(await refused('csv', randomBytes(2048), 'flows')).toMatch(/not CSV text/);
  });

  test('when a ZIP with a workbook entry is damaged inside, then it is refused as a damaged workbook', async () => {
    expect(await refused('xlsx', zipOf({ 'xl/workbook.xml': '<not-xml', '[Content_Types].xml': 'x' }))).toMatch(
      /damaged|cannot be read/,
    );
  });
});

describe('size limits', () => {
  test('when the file is larger than 25 MB, then it is refused before it is read, naming the limit', async () => {
    const err = await readSpreadsheet({ format: 'xlsx', data: Buffer.alloc(UPLOAD_LIMIT_BYTES + 1) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toMatch(/the limit is 25 MB/);
  });

  test('when a ZIP claims to unpack to gigabytes, then it is refused without unpacking', async () => {
    const err = await readSpreadsheet({ format: 'zip', data: zipClaimingHugeSize() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toMatch(/unpacks to .* MB; the limit is 120 MB/);
  });
});
