// What an import does with a stale file (an export someone changed offline while others edited the map):
// the fields changed on both sides (conflicts: the file's value, the value now, who changed it and when) and
// the items a replace keeps because they were created or changed after the file was exported.
import { itemLabel, showTime, showValue, type ImportConflict, type KeptItem } from '../importResult';

export function ConflictTable({ conflicts, total, caption }: { conflicts: readonly ImportConflict[]; total: number; caption: string }) {
  return (
    <div className="page-table-scroll">
      <table className="page-table conflict-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Field</th>
            <th scope="col">In the file</th>
            <th scope="col">Now in the map</th>
            <th scope="col">Changed by</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={`${c.kind}|${c.key}|${c.field}`} data-kind={c.kind} data-key={c.key} data-field={c.field} data-resolution={c.resolution}>
              <th scope="row">{itemLabel(c.kind, c.key)}</th>
              <td>{c.field}</td>
              <td className={c.resolution === 'overwritten' ? 'chosen' : undefined}>{showValue(c.file)}</td>
              <td className={c.resolution === 'kept' ? 'chosen' : undefined}>{showValue(c.current)}</td>
              <td>{c.changedBy ?? ''}</td>
              <td>{showTime(c.changedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > conflicts.length && <p className="page-note">… and {total - conflicts.length} more, not listed.</p>}
    </div>
  );
}

export function KeptList({ kept, dryRun }: { kept: readonly KeptItem[]; dryRun: boolean }) {
  if (!kept.length) return null;
  return (
    <div className="notice notice-warn kept-items">
      <h4>
        {dryRun ? 'Would not be deleted' : 'Not deleted'}: {kept.length} {kept.length === 1 ? 'item' : 'items'} added or changed after the file was exported
      </h4>
      <ul>
        {kept.map((k) => (
          <li key={`${k.kind}|${k.key}`} data-kind={k.kind} data-key={k.key}>
            <strong>{itemLabel(k.kind, k.key)}</strong>
            {k.reason === 'referenced'
              ? `: ${k.by ?? 'a kept item'} refers to it`
              : `: ${k.reason} by ${k.changedBy ?? 'someone'}${k.changedAt ? ` on ${showTime(k.changedAt)}` : ''}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
