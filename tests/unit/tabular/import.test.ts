// The spreadsheet import use case on a real (in-memory SQLite) store: the store's own problems come back
// at their cells, nothing is written when anything is wrong, and a preview writes nothing either.
import { ValidationError } from '../../../server/errors';
import type { Problem } from '../../../server/model';
import { CoreGraphStore } from '../../../server/store/core';
import { SqliteAdapter } from '../../../server/store/sqlite/adapter';
import type { GraphStore } from '../../../server/store/port';
import { importSpreadsheet, type ImportProgress } from '../../../server/services/spreadsheet-import';
import { catalogue } from '../../support/catalogue';
import { smallSheets, withCell, xlsxOf, type Sheets } from '../../support/spreadsheets';

let store: GraphStore;
beforeEach(async () => {
  store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await store.ensureCatalogue(catalogue, 'test');
});
afterEach(() => store.close());

async function run(
  sheets: Sheets,
  options: { mode?: 'merge' | 'replace'; dryRun?: boolean; onProgress?: (p: ImportProgress) => void } = {},
) {
  return importSpreadsheet(
    store,
    { format: 'xlsx', data: await xlsxOf(sheets) },
    { mode: options.mode ?? 'merge', dryRun: options.dryRun ?? false, actor: 'test', onProgress: options.onProgress },
  );
}
async function problemsOf(sheets: Sheets, mode: 'merge' | 'replace' = 'merge'): Promise<Problem[]> {
  const err = await run(sheets, { mode }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  expect((err as Error).message).toMatch(/^the spreadsheet has \d+ problems?; nothing was written$/);
  return (err as ValidationError).problems;
}

describe('importing a spreadsheet', () => {
  test('when the small map is imported, then every item is created and the phases are reported in order', async () => {
    const phases: string[] = [];
    const result = await run(smallSheets(), {
      onProgress: (p) => {
        if (phases[phases.length - 1] !== p.phase) phases.push(p.phase);
      },
    });
    expect(result.created).toEqual({
      country: 2,
      stakeholder: 5,
      network: 1,
      interview: 1,
      dataset: 2,
      flow: 4,
      reportingLine: 1,
      membership: 3,
    });
    expect(result.warnings).toEqual([]);
    expect(phases).toEqual(['reading', 'parsing', 'validating']);
    expect((await store.get('flow', 'xa-f1')).evidence).toEqual(['xa-i1']);
  });

  test("when an id has spaces inside, then the id's own validation message comes back at its cell", async () => {
    const problems = await problemsOf(withCell(smallSheets(), 'flows', 3, 'id', 'xa f2'));
    expect(problems).toEqual([
      expect.objectContaining({
        sheet: 'flows',
        row: 3,
        column: 'id',
        cell: 'A3',
        path: 'flows[1].id',
        kind: 'flow',
        field: 'id',
        message: 'must be 1-128 letters, digits, "-", "_", "." or ":", starting with a letter or digit',
      }),
    ]);
  });

  test('when a row refers to an item that exists nowhere, then the problem is at the referring cell', async () => {
    const problems = await problemsOf(
      withCell(withCell(smallSheets(), 'flows', 4, 'from', 'xa-ghost'), 'flows', 2, 'evidence', 'xa-i1; xa-i9'),
    );
    expect(problems.map((p) => `${p.sheet}!${p.cell} ${p.column}: ${p.message}`)).toEqual([
      "flows!N2 evidence: refers to interview 'xa-i9', which is neither in the document nor in the store",
      "flows!B4 from: refers to stakeholder 'xa-ghost', which is neither in the document nor in the store",
    ]);
  });

  test('when a required cell is empty, then the problem says to fill it in, at that cell', async () => {
    const problems = await problemsOf(withCell(smallSheets(), 'stakeholders', 4, 'type', '   '));
    expect(problems).toEqual([
      expect.objectContaining({
        sheet: 'stakeholders',
        cell: 'D4',
        column: 'type',
        message: 'is required: fill in this cell',
      }),
    ]);
  });

  test('when a second NCP is marked, then the problem is at its ncp cell', async () => {
    const problems = await problemsOf(withCell(smallSheets(), 'stakeholders', 3, 'ncp', 'yes'));
    expect(problems).toEqual([
      expect.objectContaining({ sheet: 'stakeholders', cell: 'F3', column: 'ncp', id: 'xa-police' }),
    ]);
    expect(problems[0]!.message).toMatch(/already has an NCP/);
  });

  test("when the sheets have problems of their own, then the store's problems are added without repeating a cell or a missing column", async () => {
    const sheets = withCell(withCell(smallSheets(), 'flows', 2, 'basis', 'by law'), 'interviews', 2, 'date', 'spring');
    sheets.networks = sheets.networks!.map((row) => row.slice(0, 3));
    const problems = await problemsOf(sheets);
    expect(problems.map((p) => `${p.sheet}!${p.cell ?? p.row} ${p.column}`)).toEqual([
      'flows!E2 basis',
      'networks!1 kind',
      'interviews!B2 date',
    ]);
  });

  test('when anything is wrong, then nothing is written', async () => {
    const before = await store.storeVersion();
    await problemsOf(withCell(smallSheets(), 'flows', 5, 'indicators', 'nonsense'));
    expect(await store.storeVersion()).toBe(before);
    expect(await store.list('stakeholder')).toEqual([]);
  });

  test('when it is a preview, then it counts what would change and writes nothing', async () => {
    const before = await store.storeVersion();
    const { networks: _n, ...rest } = smallSheets();
    const result = await run(
      {
        ...rest,
        networks: [
          ['id', 'name', 'country', 'kind', 'meets'],
          ['xa-net', 'XA task force', 'XA', 'task_force', null],
        ],
      },
      { dryRun: true },
    );
    expect(result).toMatchObject({ dryRun: true, created: { flow: 4, network: 1 } });
    expect(await store.storeVersion()).toBe(before);
  });

  test('when replace leaves out an item of a listed country, then it is deleted; merge leaves it', async () => {
    await run(smallSheets());
    const sheets = smallSheets();
    sheets.flows = sheets.flows!.filter((r) => r[0] !== 'xa-f2');
    expect((await run(sheets)).deleted).toEqual({});
    expect((await run(sheets, { mode: 'replace' })).deleted).toEqual({ flow: 1 });
    await expect(store.get('flow', 'xa-f2')).rejects.toThrow(/not found/);
  });
});
