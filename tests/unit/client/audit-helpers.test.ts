// The pure helpers behind the history view: filters from the URL to the API's query, how an entry's
// item is named, and the field-by-field comparison of before and after (shared with the rounds view).
import { auditQuery, entryItem, filtersFromParams, kindOf } from '../../../client/src/features/audit/filters';
import { changedFields, fieldRows, formatFieldValue, sameValue } from '../../../client/src/lib/fieldDiff';

describe('history filters', () => {
  test('when the URL says scope=all, then every country is shown; otherwise the country chosen above', () => {
    expect(filtersFromParams({ scope: 'all', kind: null, actor: null }, 'SE').country).toBeNull();
    expect(filtersFromParams({ scope: null, kind: null, actor: null }, 'SE').country).toBe('SE');
  });

  test('when the URL names an unknown kind or a blank person, then that filter is off', () => {
    expect(kindOf('flow')).toBe('flow');
    expect(kindOf('round')).toBe('round');
    expect(kindOf('spaceship')).toBeNull();
    expect(filtersFromParams({ scope: null, kind: 'nope', actor: '  ' }, 'SE')).toEqual({
      country: 'SE',
      kind: null,
      actor: null,
    });
  });

  test('when a page is asked, then the query carries the filters that are on, the page size and the cursor', () => {
    expect(auditQuery({ country: 'SE', kind: 'flow', actor: 'Ann Consultant' }, 120, 50)).toBe(
      'country=SE&kind=flow&actor=Ann+Consultant&before=120&limit=50',
    );
    expect(auditQuery({ country: null, kind: null, actor: null })).toBe('limit=50');
  });

  test('when an entry is named, then it is the item name after the change, else before it, else the key', () => {
    expect(entryItem({ key: 'se-police', before: { name: 'Old' }, after: { name: 'New' } })).toBe('New');
    expect(entryItem({ key: 'se-police', before: { name: 'Old' }, after: null })).toBe('Old');
    expect(entryItem({ key: 'se-f1', before: null, after: { id: 'se-f1', from: 'a', to: 'b' } })).toBe('a → b');
    expect(
      entryItem({ key: 'se-police|se-nmt', before: null, after: { stakeholder: 'se-police', network: 'se-nmt' } }),
    ).toBe('se-police in se-nmt');
  });
});

describe('field-by-field comparison', () => {
  const before = {
    id: 'f1',
    basis: 'informal',
    indicators: ['VIC-01'],
    note: 'x',
    version: 1,
    updatedAt: 't1',
    updatedBy: 'a',
  };
  const after = {
    id: 'f1',
    basis: 'statutory',
    indicators: ['VIC-01', 'TRF-01'],
    version: 2,
    updatedAt: 't2',
    updatedBy: 'b',
    since: 2011,
  };

  test('when an item is updated, then every field of either side is listed, own fields first and metadata last, each marked changed or not', () => {
    const rows = fieldRows(before, after);
    expect(rows.map((r) => r.field)).toEqual([
      'id',
      'basis',
      'indicators',
      'since',
      'note',
      'version',
      'updatedAt',
      'updatedBy',
    ]);
    expect(rows.filter((r) => r.changed).map((r) => r.field)).toEqual([
      'basis',
      'indicators',
      'since',
      'note',
      'version',
      'updatedAt',
      'updatedBy',
    ]);
    expect(rows.find((r) => r.field === 'note')).toMatchObject({
      before: 'x',
      after: undefined,
      changed: true,
      meta: false,
    });
    expect(rows.find((r) => r.field === 'version')?.meta).toBe(true);
  });

  test('when an item is created, then every field of the new version counts as changed', () => {
    expect(changedFields(null, { id: 'a', name: 'A' })).toEqual(['id', 'name']);
  });

  test('when values are compared, then key order does not matter but list order does', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: undefined, b: 1 }, { b: 1 })).toBe(true);
  });

  test('when values are shown, then lists are comma-separated, booleans are words and absent values a dash', () => {
    expect(formatFieldValue(['VIC-01', 'TRF-01'])).toBe('VIC-01, TRF-01');
    expect(formatFieldValue([])).toBe('(none)');
    expect(formatFieldValue(true)).toBe('yes');
    expect(formatFieldValue(undefined)).toBe('—');
    expect(formatFieldValue({ email: 'a@b.c' })).toBe('{"email":"a@b.c"}');
  });
});
