// Lists in one spreadsheet cell: values separated by `;`, a `;` inside a value escaped as `\;` and a
// backslash as `\\`, so that any list of values comes back as it was written (property test), and a tag
// with a `;` survives an export to XLSX or CSV and an import into a fresh store.
import fc from 'fast-check';
import { joinListCell, splitListCell } from '../../../server/tabular/cells';
import { CoreGraphStore } from '../../../server/store/core';
import { SqliteAdapter } from '../../../server/store/sqlite/adapter';
import type { GraphStore } from '../../../server/store/port';
import { importSpreadsheet } from '../../../server/services/spreadsheet-import';
import { toCsvZip, toXlsx } from '../../../server/tabular';
import { catalogue } from '../../support/catalogue';
import { smallMap } from '../../support/small-map';

async function storeWith(doc?: ReturnType<typeof smallMap>): Promise<GraphStore> {
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await store.ensureCatalogue(catalogue, 'test');
  if (doc) await store.importDocument(doc, { mode: 'merge', actor: 'test' });
  return store;
}

describe('list cells', () => {
  test('when a cell has \\; or \\\\, then they are a ; and a \\ inside one value; other backslashes stay as written', () => {
    expect(splitListCell('bilateral\\; Nordic; core')).toEqual(['bilateral; Nordic', 'core']);
    expect(splitListCell('a\\\\; b')).toEqual(['a\\', 'b']);
    expect(splitListCell('C:\\temp; x')).toEqual(['C:\\temp', 'x']);
    expect(splitListCell(' a ;b; ;')).toEqual(['a', 'b']);
    expect(joinListCell(['bilateral; Nordic', 'back\\slash', 'plain'])).toBe(
      'bilateral\\; Nordic; back\\\\slash; plain',
    );
  });

  test('when any list of trimmed values is written and read back, then it is the same list', () => {
    const piece = fc.constantFrom(';', '\\', ' ', 'a', 'Z', 'ä', '\\;', ';\\', '\\\\', 'x y');
    const value = fc
      .array(piece, { minLength: 1, maxLength: 8 })
      .map((parts) => parts.join('').trim())
      .filter((v) => v !== '');
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), (values) => {
        expect(splitListCell(joinListCell(values))).toEqual(values);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc
            .string({ unit: 'grapheme', minLength: 1 })
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        ),
        (values) => {
          expect(splitListCell(joinListCell(values))).toEqual(values);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test.each(['xlsx', 'zip'] as const)(
    'when a tag holds ; and \\ and the map goes out as %s and back into a fresh store, then the tags are unchanged',
    async (format) => {
      const doc = smallMap();
      const tags = ['bilateral; Nordic', 'path\\to', 'plain'];
      doc.stakeholders[0]!.tags = tags;
      const source = await storeWith(doc);
      const target = await storeWith();
      try {
        const exported = await source.exportDocument({});
        const indicators = catalogue.indicators as Array<{ code: string; name: string }>;
        const data =
          format === 'xlsx' ? await toXlsx(exported, indicators) : Buffer.from(toCsvZip(exported, indicators));
        await importSpreadsheet(target, { format, data }, { mode: 'merge', dryRun: false, actor: 'test' });
        expect((await target.get('stakeholder', doc.stakeholders[0]!.id)).tags).toEqual(tags);
      } finally {
        await source.close();
        await target.close();
      }
    },
  );
});
