// The small pure parts of editing: ids for new items, the words for dependants, item URLs, keeping
// the map still across an edit, and the "to confirm" reasons in words.
import { suggestId, slug } from '../../../client/src/features/edit/ids';
import { describeCounts, entityOf, itemUrl } from '../../../client/src/features/edit/kinds';
import { positionsFrom, type SavedLayout } from '../../../client/src/graph/keepPositions';
import { filterByReasons, reasonsFromParam, reasonWords } from '../../../client/src/features/evidence/reasons';

describe('ids for new items', () => {
  test('when a name has accents, capitals and punctuation, then its slug is plain lower-case words joined by dashes', () => {
    expect(slug('Polícia Judiciária (Lisbon) — Unit 3')).toBe('policia-judiciaria-lisbon-unit-3');
    expect(slug('  !!  ')).toBe('');
  });

  test('when a stakeholder is named, then its id is the country prefix and the slug, made unique against the ids taken', () => {
    const taken = new Set(['se-police', 'se-police-2']);
    expect(suggestId('stakeholder', 'SE', 'Police', taken)).toBe('se-police-3');
    expect(suggestId('network', 'SE', 'Task force', taken)).toBe('se-task-force');
    expect(suggestId('stakeholder', 'SE', 'SE police unit', new Set())).toBe('se-police-unit');
    expect(suggestId('dataset', 'SE', '', taken)).toBe('');
  });

  test('when a flow, reporting line or interview is new, then it takes the number after the highest in use for the country', () => {
    const taken = new Set(['se-f1', 'se-f9', 'se-f10', 'no-f40', 'se-fx', 'se-r2', 'se-i7']);
    expect(suggestId('flow', 'SE', '', taken)).toBe('se-f11');
    expect(suggestId('reportingLine', 'SE', '', taken)).toBe('se-r3');
    expect(suggestId('interview', 'SE', '', taken)).toBe('se-i8');
    expect(suggestId('interview', 'DK', '', taken)).toBe('dk-i1');
  });
});

describe('items and their dependants', () => {
  test('when dependants are counted, then they read as a list in a fixed order with singular and plural nouns', () => {
    expect(describeCounts({ membership: 2, dataset: 1, flow: 3 })).toBe('3 flows, 1 dataset, 2 memberships');
    expect(describeCounts({ reportingLine: 1, interview: 2, flow: 0 })).toBe('1 reporting line, 2 interviews');
    expect(describeCounts({})).toBe('');
  });

  test('when an item is addressed, then memberships use both keys and other kinds their id, escaped', () => {
    expect(itemUrl('membership', { stakeholder: 'se-police', network: 'se-nmt', role: 'member' })).toBe(
      '/api/memberships/se-police/se-nmt',
    );
    expect(itemUrl('reportingLine', { id: 'se-r1' })).toBe('/api/reporting-lines/se-r1');
    expect(itemUrl('interview', { id: 'se:i/1' })).toBe('/api/interviews/se%3Ai%2F1');
  });

  test('when an item from the graph is sent back, then its metadata and derived fields are left out', () => {
    expect(
      entityOf({ id: 'a', name: 'A', sector: 'justice', external: false, version: 2, updatedAt: 't', updatedBy: 'x' }),
    ).toEqual({ id: 'a', name: 'A' });
  });
});

describe('keeping the map still across an edit', () => {
  const saved: SavedLayout = {
    key: 'map|SE|country|fcose',
    positions: new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 200, y: 0 }],
      ['c', { x: 0, y: 200 }],
    ]),
    zoom: 2,
    pan: { x: 100, y: 50 },
  };
  const viewport = { width: 600, height: 400 };

  test('when the graph gains a stakeholder linked to two kept ones, then the kept ones stay and the new one sits near them, clear of all', () => {
    const placed = positionsFrom(
      saved,
      saved.key,
      ['a', 'b', 'c', 'n'],
      [
        { from: 'n', to: 'a' },
        { from: 'b', to: 'n' },
      ],
      viewport,
    )!;

    expect(placed.a).toEqual({ x: 0, y: 0 });
    expect(placed.b).toEqual({ x: 200, y: 0 });
    expect(placed.c).toEqual({ x: 0, y: 200 });
    expect(Math.hypot(placed.n!.x - 100, placed.n!.y - 0)).toBeLessThan(100);
    for (const id of ['a', 'b', 'c'])
      expect(Math.hypot(placed.n!.x - placed[id]!.x, placed.n!.y - placed[id]!.y)).toBeGreaterThanOrEqual(70);
  });

  test('when a new stakeholder has no link, then it is placed in the middle of the saved view', () => {
    const placed = positionsFrom(saved, saved.key, ['a', 'b', 'c', 'n'], [], viewport)!;

    // The view's centre (300, 200) in graph units: ((300 - 100) / 2, (200 - 50) / 2) = (100, 75), clear of a, b and c.
    expect(placed.n).toEqual({ x: 100, y: 75 });
  });

  test('when a computed layout (by sector, NCP at the centre) gives its places, then the kept ones stay where they were and a new one goes where the layout puts it, not beside its neighbours', () => {
    const computed = { a: { x: 5, y: 5 }, b: { x: 205, y: 5 }, c: { x: 5, y: 205 }, n: { x: 400, y: 400 } };
    const placed = positionsFrom(saved, saved.key, ['a', 'b', 'c', 'n'], [{ from: 'n', to: 'a' }], viewport, computed)!;

    expect(placed.a).toEqual({ x: 0, y: 0 });
    expect(placed.b).toEqual({ x: 200, y: 0 });
    expect(placed.c).toEqual({ x: 0, y: 200 });
    expect(placed.n).toEqual({ x: 400, y: 400 });
  });

  test('when the saved layout is of another map, or most stakeholders are new, then nothing is kept', () => {
    expect(positionsFrom(saved, 'map|NO|country|fcose', ['a', 'b'], [], viewport)).toBeNull();
    expect(positionsFrom(saved, saved.key, ['a', 'x', 'y', 'z'], [], viewport)).toBeNull();
    expect(positionsFrom(null, saved.key, ['a'], [], viewport)).toBeNull();
  });
});

describe('the to-confirm reasons', () => {
  const names: Record<string, string> = { 'se-police': 'Police Authority', 'se-ncp': 'NCP office' };
  const nameOf = (id: string) => names[id] ?? id;

  test('when a flow is reported by one end, by neither, assumed or without evidence, then each reason is said in words', () => {
    expect(reasonWords({ reasons: ['single_end', 'assumed'], reportedBy: ['se-police'] }, nameOf)).toEqual([
      'reported by one end only (Police Authority)',
      'assumed',
    ]);
    expect(reasonWords({ reasons: ['single_end'], reportedBy: [] }, nameOf)).toEqual([
      'reported by neither end (only by others interviewed)',
    ]);
    expect(reasonWords({ reasons: ['no_evidence', 'assumed'], reportedBy: [] }, nameOf)).toEqual([
      'no evidence',
      'assumed',
    ]);
  });

  test('when reasons are chosen in the URL, then unknown ones are ignored and items with any chosen reason are kept', () => {
    const items = [
      { id: 1, reasons: ['single_end'] as const },
      { id: 2, reasons: ['assumed', 'no_evidence'] as const },
      { id: 3, reasons: ['no_evidence'] as const },
    ].map((i) => ({ ...i, reasons: [...i.reasons] }));

    expect(reasonsFromParam('assumed,bogus,single_end')).toEqual(['single_end', 'assumed']);
    expect(reasonsFromParam(null)).toEqual([]);
    expect(filterByReasons(items, ['assumed', 'single_end']).map((i) => i.id)).toEqual([1, 2]);
    expect(filterByReasons(items, []).map((i) => i.id)).toEqual([1, 2, 3]);
  });
});
