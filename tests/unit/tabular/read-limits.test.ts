// Limits enforced while reading: a ZIP member is unpacked counting the bytes really inflated (whatever its
// headers claim), a CSV stops at the first row or cell past the limit, a workbook's rows are counted in its XML
// before exceljs sees it. Also the checks on JSON and YAML bodies (UTF-8, nesting).
import { firstBadUtf8, jsonTooDeepAt, yamlTooDeepAt } from '../../../server/tabular/body';
import { TooLargeError, ValidationError } from '../../../server/errors';
import { MAX_CELLS_PER_SHEET, MAX_ROWS_PER_SHEET, MAX_UNPACKED_BYTES } from '../../../server/model/limits';
import { readSpreadsheet } from '../../../server/tabular/open';
import { parseSpreadsheet } from '../../../server/tabular/parse';
import { readCsv } from '../../../server/tabular/read-csv';
import { INFLATE_OVERSHOOT_MAX, listZip, unpackZip } from '../../../server/tabular/unzip';
import { lyingCsvZip, lyingXlsx, millionRowCsv, xlsxWithRows } from '../../support/hostile-files';

const MB = 1024 * 1024;

describe('ZIP members are unpacked counting real bytes', () => {
  // 160 MB of one letter, deflated to about 160 KB; both headers claim 1 KB.
  let bomb: Buffer;
  beforeAll(() => {
    bomb = lyingCsvZip(160 * MB);
  });

  test('when the headers understate a member, then they are believed by the listing but not by the unpacking', () => {
    expect(listZip(bomb).map((e) => e.originalSize)).toEqual([1024]);

    const err = (() => {
      try {
        unpackZip(bomb, { want: () => true, limit: MAX_UNPACKED_BYTES });
        return undefined;
      } catch (e) {
        return e;
      }
    })();

    expect(err).toBeInstanceOf(TooLargeError);
    const { inflatedBytes, limitBytes } = (err as TooLargeError).details;
    expect(limitBytes).toBe(MAX_UNPACKED_BYTES);
    // Stopped as soon as the real output passed the limit: never the 160 MB the member really holds.
    expect(inflatedBytes).toBeGreaterThan(MAX_UNPACKED_BYTES);
    expect(inflatedBytes).toBeLessThanOrEqual(MAX_UNPACKED_BYTES + INFLATE_OVERSHOOT_MAX);
  });

  test('when a lying ZIP of CSV files is read, then it is refused with 413 naming the limit', async () => {
    const err = await readSpreadsheet({ format: 'zip', data: bomb }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toMatch(/unpacks to more than 120 MB .*the limit is 120 MB/);
    expect((err as TooLargeError).details.inflatedBytes).toBeLessThanOrEqual(
      MAX_UNPACKED_BYTES + INFLATE_OVERSHOOT_MAX,
    );
  });

  test('when a lying workbook is read, then it is refused before exceljs unpacks it', async () => {
    const err = await readSpreadsheet({ format: 'xlsx', data: lyingXlsx(122 * MB) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as TooLargeError).details.inflatedBytes).toBeLessThanOrEqual(
      MAX_UNPACKED_BYTES + INFLATE_OVERSHOOT_MAX,
    );
  });

  test('when a ZIP is honest and small, then every wanted member comes out whole and the count is exact', () => {
    const small = lyingCsvZip(3 * MB);
    const { files, inflated } = unpackZip(small, { want: (n) => n === 'flows.csv', limit: MAX_UNPACKED_BYTES });
    expect(inflated).toBe(3 * MB);
    expect(files.get('flows.csv')!.length).toBe(3 * MB);
    expect(files.get('flows.csv')!.every((b) => b === 0x41)).toBe(true);
  });
});

describe('rows and cells are counted while reading', () => {
  test('when a CSV has a million rows, then reading stops at the first row past the limit', () => {
    const sheet = readCsv('flows', millionRowCsv().toString('utf8'));
    expect(sheet.overLimit).toBe('rows');
    // The header and the rows up to the limit: nothing after it was kept (or parsed).
    expect(sheet.rows).toHaveLength(MAX_ROWS_PER_SHEET + 1);
    expect(sheet.rows.at(-1)!.row).toBe(MAX_ROWS_PER_SHEET + 1);

    const parsed = parseSpreadsheet({ sheets: [sheet], warnings: [] }, { mode: 'merge', indicators: [] });
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'the sheet has more than 100,000 rows; the limit is 100,000 rows per sheet: split the file by country',
    ]);
  });

  test('when a CSV has exactly the limit of rows, then all are read', () => {
    const sheet = readCsv('flows', millionRowCsv(MAX_ROWS_PER_SHEET).toString('utf8'));
    expect(sheet.overLimit).toBeUndefined();
    expect(sheet.rows).toHaveLength(MAX_ROWS_PER_SHEET + 1);
  });

  test('when a CSV has more cells than the limit in few rows, then reading stops at the cell limit', () => {
    const wide = `id\n${','.repeat(MAX_CELLS_PER_SHEET / 2)}\n${','.repeat(MAX_CELLS_PER_SHEET / 2)}\nx\n`;
    const sheet = readCsv('flows', wide);
    expect(sheet.overLimit).toBe('cells');
    expect(sheet.rows.map((r) => r.row)).toEqual([1]);
  });

  test('when a workbook sheet has more rows than the limit, then it is refused from its XML, naming the sheet', async () => {
    const err = await readSpreadsheet({ format: 'xlsx', data: xlsxWithRows(MAX_ROWS_PER_SHEET + 2) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).problems).toEqual([
      {
        path: 'flows',
        sheet: 'flows',
        message: 'the sheet has more than 100,000 rows; the limit is 100,000 rows per sheet: split the file by country',
      },
    ]);
  });
});

describe('checks on JSON and YAML bytes', () => {
  test('when bytes are not UTF-8, then the first bad one is found with its line and column', () => {
    const text = Buffer.concat([
      Buffer.from('{\n  "a": "ok é",\n  "b": "caf'),
      Buffer.from([0xe9]),
      Buffer.from('"\n}'),
    ]);
    expect(firstBadUtf8(text)).toEqual({ offset: 29, line: 3, column: 12 });
    // A truncated sequence, an overlong encoding and an encoded surrogate are not UTF-8 either.
    expect(firstBadUtf8(Buffer.from([0x61, 0xe2, 0x82]))?.offset).toBe(1);
    expect(firstBadUtf8(Buffer.from([0xc0, 0xaf]))?.offset).toBe(0);
    expect(firstBadUtf8(Buffer.from([0xed, 0xa0, 0x80]))?.offset).toBe(0);
    expect(firstBadUtf8(Buffer.from('\ufeff{"a": "é 😀"}'))).toBeUndefined();
  });

  test('when JSON nests, then brackets inside strings do not count and the line of the 65th level is named', () => {
    expect(jsonTooDeepAt(Buffer.from(`{"a": "${'['.repeat(500)}"}`))).toBeUndefined();
    expect(jsonTooDeepAt(Buffer.from(`${'['.repeat(64)}${']'.repeat(64)}`))).toBeUndefined();
    expect(jsonTooDeepAt(Buffer.from(`{"a": "\\"[["}\n\n${'['.repeat(65)}`))).toBe(3);
  });

  test('when YAML nests in blocks or in flow style, then the depth is measured without recursion', () => {
    const block = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}a${i}:`).join('\n') + ' 1\n';
    expect(yamlTooDeepAt(block(64))).toBeUndefined();
    expect(yamlTooDeepAt(block(65))).toEqual({ line: 65 });
    expect(yamlTooDeepAt(`x: ${'['.repeat(10_000)}`)).toEqual({ line: 1 });
  });
});
