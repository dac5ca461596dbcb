// Issue 18 point 11, "words people use": codes written as people write them, from one label table per
// enumeration; the "to confirm" filter names each case of a flow reported by fewer than both ends.
import { SECTORS, STAKEHOLDER_TYPES } from '../../../server/model/enums';
import { codeLabel, codeWords, SECTOR_LABELS, TYPE_LABELS } from '../../../server/model/labels';
import { humanize } from '../../../client/src/lib/format';
import { choiceCounts, filterByReasons, REASON_LABEL } from '../../../client/src/features/evidence/reasons';
import { FORM_FIELDS } from '../../../client/src/features/edit/fields';
import { citedRounds } from '../../../client/src/features/rounds/cited';

describe('the label tables', () => {
  test('when a type or sector code is shown, then acronyms and names are written as people write them', () => {
    expect(humanize('ngo')).toBe('NGO');
    expect(humanize('cbss')).toBe('CBSS');
    expect(humanize('eu_body')).toBe('EU body');
    expect(humanize('ngo_network')).toBe('NGO network');
    expect(humanize('children_ombudsperson')).toBe("Children's ombudsperson");
    expect(humanize('child_protection')).toBe('Child protection');
    expect(codeWords('ngo')).toBe('NGO');
    expect(codeWords('child_welfare')).toBe('child welfare');
    expect(codeWords('red_cross')).toBe('Red Cross');
  });

  test('when the enumerations are listed, then every type and sector has its label in the one table', () => {
    expect(Object.keys(TYPE_LABELS).sort()).toEqual([...STAKEHOLDER_TYPES].sort());
    expect(Object.keys(SECTOR_LABELS).sort()).toEqual([...SECTORS].sort());
    expect(codeLabel('not_a_code')).toBe('Not a code');
  });
});

describe('the to-confirm filter', () => {
  const flow = { from: 'a', to: 'b' };
  const items = [
    { id: 'sender', reasons: ['single_end' as const], reportedBy: ['a'], flow },
    { id: 'receiver', reasons: ['single_end' as const], reportedBy: ['b'], flow },
    { id: 'neither', reasons: ['single_end' as const], reportedBy: [], flow },
    { id: 'assumed', reasons: ['assumed' as const], reportedBy: ['a', 'b'], flow },
  ];

  test('when flows are reported by the sender, the receiver or neither end, then each has its own choice', () => {
    expect(filterByReasons(items, ['sender_only']).map((i) => i.id)).toEqual(['sender']);
    expect(filterByReasons(items, ['receiver_only']).map((i) => i.id)).toEqual(['receiver']);
    expect(filterByReasons(items, ['neither_end']).map((i) => i.id)).toEqual(['neither']);
    expect(filterByReasons(items, ['single_end']).map((i) => i.id)).toEqual(['sender', 'receiver', 'neither']);
    const counts = choiceCounts(items);
    expect([counts.sender_only, counts.receiver_only, counts.neither_end, counts.assumed]).toEqual([1, 1, 1, 1]);
    expect(REASON_LABEL.neither_end).toMatch(/neither end/);
  });
});

describe('the entity form', () => {
  test('when an item has an id field, then its label says what the id is for', () => {
    for (const fields of Object.values(FORM_FIELDS)) {
      const id = fields.find((f) => f.name === 'id');
      if (id) expect(id.label).toMatch(/^Id \(.*links.*\)$/);
    }
  });
});

describe('the rounds the interviews cite', () => {
  test('when interviews name rounds that were never frozen, then each round is listed with its interviews', () => {
    const interviews = [
      { round: '2010', date: '2010-03-01' },
      { round: '2026-baseline', date: '2026-01-10' },
      { round: '2010', date: '2010-05-02' },
    ];
    expect(citedRounds(interviews, [{ id: 'r1', name: '2026-Baseline' }])).toEqual([
      { name: '2026-baseline', interviews: 1, from: '2026-01-10', to: '2026-01-10', frozen: 'r1' },
      { name: '2010', interviews: 2, from: '2010-03-01', to: '2010-05-02', frozen: null },
    ]);
  });
});
