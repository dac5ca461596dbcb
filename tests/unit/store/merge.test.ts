// The three-way merge of a stale item (server/store/merge.ts) on hand-made audit trails whose answers can be
// worked out by hand: walking back to the file's version, refusing a trail that does not match, the
// per-field rule, and the items a replace keeps.
import type { AuditEntry, Kind, Stored } from '../../../server/model';
import { baseAt, keepChangedSince, mergeItem, splitVersions } from '../../../server/store/merge';

const flow = (fields: Record<string, unknown>) => ({
  id: 'f1',
  from: 'a',
  to: 'b',
  indicators: ['VIC-01'],
  basis: 'informal',
  status: 'active',
  personDependent: false,
  evidence: [],
  confidence: 'reported',
  ...fields,
});
const row = (version: number, fields: Record<string, unknown>) =>
  ({ ...flow(fields), version, updatedAt: '2026-01-03T00:00:00.000Z', updatedBy: 'last' }) as unknown as Stored<'flow'>;
let seq = 0;
const entry = (
  action: AuditEntry['action'],
  before: unknown,
  after: unknown,
  extra: Partial<AuditEntry> = {},
): AuditEntry => ({
  seq: ++seq,
  at: `2026-01-0${seq}T00:00:00.000Z`,
  actor: `actor${seq}`,
  action,
  kind: 'flow',
  key: 'f1',
  countries: [],
  before,
  after,
  ...extra,
});

describe('baseAt', () => {
  test('when two updates followed version 1, then walking back gives version 1 and both changes', () => {
    const trail = [
      entry('create', null, flow({ note: 'a' })),
      entry('update', flow({ note: 'a' }), flow({ note: 'b' })),
      entry('update', flow({ note: 'b' }), flow({ note: 'b', latencyDays: 3 })),
    ];
    const base = baseAt('flow', row(3, { note: 'b', latencyDays: 3 }), trail, 1);
    expect(base?.item).toMatchObject({ note: 'a' });
    expect(base?.item).not.toHaveProperty('latencyDays');
    expect(base?.changes.map((c) => c.actor)).toEqual([trail[1]!.actor, trail[2]!.actor]);
  });

  test('when the newest entry does not describe the stored item, then the base is unknown', () => {
    const trail = [
      entry('create', null, flow({ note: 'a' })),
      entry('update', flow({ note: 'a' }), flow({ note: 'x' })),
    ];
    expect(baseAt('flow', row(2, { note: 'b' }), trail, 1)).toBeUndefined();
  });

  test("when the item at that version was created after the file's store version, then the base is unknown", () => {
    const trail = [
      entry('create', null, flow({ note: 'new' }), { storeVersion: 9 }),
      entry('update', flow({ note: 'new' }), flow({ note: 'newer' }), { storeVersion: 10 }),
    ];
    expect(baseAt('flow', row(2, { note: 'newer' }), trail, 1, 9)?.item).toMatchObject({ note: 'new' });
    expect(baseAt('flow', row(2, { note: 'newer' }), trail, 1, 8)).toBeUndefined();
  });
});

describe('mergeItem', () => {
  const base = {
    item: flow({ note: 'a', latencyDays: 1, frequency: 'annual' }) as never,
    changes: [entry('update', flow({ latencyDays: 1 }), flow({ latencyDays: 2 }))],
  };
  test('when fields changed on one side or both, then file-only is taken, store-only kept, both-sides a conflict kept or overwritten', () => {
    const file = flow({ note: 'file', latencyDays: 5, frequency: 'annual' }) as never;
    const current = row(2, { note: 'a', latencyDays: 2, frequency: 'monthly' });
    const keep = mergeItem('flow', file, current, base, 1, 'keep');
    expect(keep.merged).toMatchObject({ note: 'file', latencyDays: 2, frequency: 'monthly' });
    expect(keep.conflicts).toEqual([
      expect.objectContaining({
        field: 'latencyDays',
        file: 5,
        current: 2,
        changedBy: base.changes[0]!.actor,
        base: 'known',
        resolution: 'kept',
      }),
    ]);
    expect(mergeItem('flow', file, current, base, 1, 'overwrite').merged).toMatchObject({
      latencyDays: 5,
      frequency: 'monthly',
    });
  });

  test("when the base is unknown, then every differing field is a conflict, named after the item's last change", () => {
    const out = mergeItem(
      'flow',
      flow({ note: 'file' }) as never,
      row(4, { note: 'now', latencyDays: 2 }),
      undefined,
      1,
      'keep',
    );
    expect(out.conflicts.map((c) => [c.field, c.file, c.current, c.changedBy, c.base])).toEqual([
      ['note', 'file', 'now', 'last', 'unknown'],
      ['latencyDays', null, 2, 'last', 'unknown'],
    ]);
    expect(out.merged).toMatchObject({ note: 'now', latencyDays: 2 });
  });
});

describe('keepChangedSince and splitVersions', () => {
  test('when an item created after the file refers to one the file drops, then both are kept; an older one is still removed', () => {
    const state = new Map<Kind, Map<string, Stored<Kind>>>([
      ['flow', new Map([['f9', { ...row(1, { from: 's1' }), id: 'f9' }]])],
    ]);
    const removed = new Map<Kind, Set<string>>([
      ['flow', new Set(['f9', 'f2'])],
      ['stakeholder', new Set(['s1', 's2'])],
    ]);
    const histories = new Map<Kind, Map<string, AuditEntry[]>>([
      [
        'flow',
        new Map([
          ['f9', [entry('create', null, {}, { storeVersion: 6 })]],
          ['f2', [entry('create', null, {}, { storeVersion: 2 })]],
        ]),
      ],
    ]);
    const kept = keepChangedSince(state, removed, histories, 5);
    expect(kept.map((k) => [k.kind, k.key, k.reason])).toEqual([
      ['flow', 'f9', 'created'],
      ['stakeholder', 's1', 'referenced'],
    ]);
    expect([...removed.get('flow')!]).toEqual(['f2']);
    expect([...removed.get('stakeholder')!]).toEqual(['s2']);
  });

  test('when a document carries versions, then they are taken out of the items and kept by key', () => {
    const { document, versions } = splitVersions({ formatVersion: 1, flows: [{ ...flow({}), version: 4 }] } as never);
    expect(document.flows[0]).not.toHaveProperty('version');
    expect(versions.get('flow')?.get('f1')).toBe(4);
  });
});
