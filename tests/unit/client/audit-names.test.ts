// Issue 18 point 11: the history names stakeholders, networks and countries, writes codes in words, and
// keeps each name and id a separate piece, so that the table can isolate it (<bdi>).
import { fieldValue, itemPieces, namerOf, piecesText, showsKey } from '../../../client/src/features/audit/names';

const entries = [
  { kind: 'network', before: null, after: { id: 'se-nmt', name: 'Nationellt metodstöd' } },
  { kind: 'stakeholder', before: { id: 'se-gone', name: 'Deleted office' }, after: null },
];
const names = namerOf(
  entries,
  [
    { id: 'se-police', name: 'Polisen' },
    { id: 'se-ar', name: 'مركز الحماية' },
  ],
  [{ code: 'SE', name: 'Sweden' }],
);

describe('the history in names', () => {
  test('when a flow, membership or interview is listed, then its stakeholders and network are named, deleted ones too', () => {
    const flow = { key: 'se-f1', before: null, after: { from: 'se-police', to: 'se-gone' } };
    expect(piecesText(itemPieces(flow, names))).toBe('Polisen → Deleted office');
    const membership = {
      key: 'se-police|se-nmt',
      before: null,
      after: { stakeholder: 'se-police', network: 'se-nmt' },
    };
    expect(piecesText(itemPieces(membership, names))).toBe('Polisen in Nationellt metodstöd');
    const interview = { key: 'se-i1', before: null, after: { stakeholder: 'se-police', date: '2026-01-02' } };
    expect(piecesText(itemPieces(interview, names))).toBe('Interview with Polisen, 2026-01-02');
    expect(showsKey(flow, itemPieces(flow, names))).toBe(true);
  });

  test('when a name is right-to-left, then it is a piece of its own, apart from the arrow and the ids', () => {
    const pieces = itemPieces({ key: 'se-f2', before: null, after: { from: 'se-ar', to: 'se-police' } }, names);
    expect(pieces).toEqual([{ isolate: 'مركز الحماية' }, ' → ', { isolate: 'Polisen' }]);
    expect(fieldValue('from', 'se-ar', names)).toEqual([{ isolate: 'مركز الحماية' }, ' (', { isolate: 'se-ar' }, ')']);
  });

  test('when a field holds a code or a country, then it is written in words', () => {
    expect(fieldValue('type', 'ngo', names)).toEqual(['NGO']);
    expect(fieldValue('disaggregation', ['age', 'sex'], names)).toEqual(['Age, Sex']);
    expect(fieldValue('country', 'SE', names)).toEqual([{ isolate: 'Sweden' }, ' (', { isolate: 'SE' }, ')']);
    expect(fieldValue('role', 'ncp', names)).toEqual(['ncp']);
    expect(fieldValue('notes', 'free text', names)).toBeNull();
  });
});
