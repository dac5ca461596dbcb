// Per kind of item, what was added, removed and changed between the two sides (changed items with each
// field before -> after): the full list, and the table alternative to the map of the difference.
import { formatFieldValue } from '../../../lib/fieldDiff';
import { COMPARED_KINDS, type ComparedKind, type Item, type RoundComparison } from '../api/types';
import { itemLabel } from '../diff';

export const KIND_TITLES: Record<ComparedKind, string> = {
  stakeholders: 'Stakeholders',
  flows: 'Flows',
  datasets: 'Datasets',
  reportingLines: 'Reporting lines',
  networks: 'Networks',
  memberships: 'Memberships',
  interviews: 'Interviews',
};

const CHANGE_WORDS = { added: '+ Added', removed: '− Removed', changed: '~ Changed' } as const;

export function ChangeTables({
  comparison,
  names,
}: {
  comparison: RoundComparison;
  names: ReadonlyMap<string, string>;
}) {
  const kinds = COMPARED_KINDS.filter((k) => {
    const d = comparison.kinds[k];
    return d && d.added.length + d.removed.length + d.changed.length > 0;
  });
  if (kinds.length === 0) return <p>Nothing was added, removed or changed.</p>;
  return (
    <div className="change-tables">
      {kinds.map((kind) => (
        <KindChanges key={kind} kind={kind} comparison={comparison} names={names} />
      ))}
    </div>
  );
}

function KindChanges({
  kind,
  comparison,
  names,
}: {
  kind: ComparedKind;
  comparison: RoundComparison;
  names: ReadonlyMap<string, string>;
}) {
  const d = comparison.kinds[kind];
  const headingId = `changes-${kind}`;
  const summary = [
    d.added.length ? `${d.added.length} added` : '',
    d.removed.length ? `${d.removed.length} removed` : '',
    d.changed.length ? `${d.changed.length} changed` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const rows: Array<{
    change: keyof typeof CHANGE_WORDS;
    key: string;
    item: Item;
    fields?: Array<{ field: string; before: unknown; after: unknown }>;
  }> = [
    ...d.added.map((a) => ({ change: 'added' as const, key: a.key, item: a.item })),
    ...d.removed.map((r) => ({ change: 'removed' as const, key: r.key, item: r.item })),
    ...d.changed.map((c) => ({
      change: 'changed' as const,
      key: c.key,
      item: c.after,
      fields: c.fields.map((f) => ({ field: f, before: c.before[f], after: c.after[f] })),
    })),
  ];
  return (
    <section className="kind-changes" aria-labelledby={headingId} data-kind={kind}>
      <h4 id={headingId}>
        {KIND_TITLES[kind]}: {summary}
      </h4>
      <div className="page-table-scroll">
        <table className="page-table">
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">Item</th>
              <th scope="col">Id</th>
              <th scope="col">What changed (before → after)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.change}:${r.key}`} data-change={r.change} data-key={r.key} className={`change-${r.change}`}>
                <td className="change-word">{CHANGE_WORDS[r.change]}</td>
                <th scope="row">{itemLabel(kind, r.item, names)}</th>
                <td>
                  <code>{r.key}</code>
                </td>
                <td>
                  {r.fields ? (
                    <ul className="field-changes">
                      {r.fields.map((f) => (
                        <li key={f.field} data-field={f.field}>
                          <strong>{f.field}</strong>: <span className="before">{formatFieldValue(f.before)}</span>
                          <span aria-hidden="true"> → </span>
                          <span className="visually-hidden"> becomes </span>
                          <span className="after">{formatFieldValue(f.after)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">
                      {r.change === 'added' ? 'new in the later side' : 'gone from the later side'}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
