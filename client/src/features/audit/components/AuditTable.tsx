// Audit entries as a table, one row per change; "Show" opens the item before and after side by side,
// the changed fields marked (in words and in colour).
import { Fragment, useState } from 'react';
import type { AuditEntry } from '@model';
import { formatDateTime } from '../../../lib/dates';
import { changedFields, fieldRows, formatFieldValue } from '../../../lib/fieldDiff';
import { ACTION_WORDS, KIND_NAMES } from '../filters';
import { countryNames, fieldValue, itemPieces, piecesText, showsKey, type Namer, type Piece } from '../names';
import { useLiveFlash } from '../../live/useLiveFlash';

/** Pieces of text with each name and id isolated, so that a right-to-left name cannot reorder its neighbours. */
function Pieces({ pieces }: { pieces: readonly Piece[] }) {
  return pieces.map((p, i) => (typeof p === 'string' ? p : <bdi key={i}>{p.isolate}</bdi>));
}

export function AuditTable({ entries, names }: { entries: readonly AuditEntry[]; names: Namer }) {
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  // Changes arriving live flash briefly once listed (issue 15).
  const flashing = useLiveFlash(entries, (c) => entries.some((e) => e.seq === c.seq));
  const fresh = new Set(flashing.map((c) => c.seq));
  const toggle = (seq: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(seq)) next.delete(seq);
      else next.add(seq);
      return next;
    });

  return (
    <div className="page-table-scroll">
      <table className="page-table audit-table">
        <caption className="visually-hidden">
          Changes, newest first; open a change to see the item before and after
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Item</th>
            <th scope="col">Countries</th>
            <th scope="col">Fields changed</th>
            <th scope="col">
              <span className="visually-hidden">Before and after</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const expanded = open.has(e.seq);
            const fields =
              e.action === 'update'
                ? changedFields(e.before, e.after).filter((f) => !['version', 'updatedAt', 'updatedBy'].includes(f))
                : [];
            const detailsId = `audit-entry-${e.seq}`;
            const pieces = itemPieces(e, names);
            const item = piecesText(pieces);
            return (
              <Fragment key={e.seq}>
                <tr
                  className={fresh.has(e.seq) ? 'live-changed' : undefined}
                  data-seq={e.seq}
                  data-kind={e.kind}
                  data-key={e.key}
                  data-actor={e.actor}
                  data-action={e.action}
                >
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <td>
                    <bdi>{e.actor}</bdi>
                  </td>
                  <td className="nowrap">
                    {ACTION_WORDS[e.action]} {(KIND_NAMES[e.kind as keyof typeof KIND_NAMES] ?? e.kind).toLowerCase()}
                  </td>
                  <th scope="row">
                    <Pieces pieces={pieces} />
                    {showsKey(e, pieces) && (
                      <span className="muted">
                        {' ('}
                        <bdi>{e.key}</bdi>)
                      </span>
                    )}
                  </th>
                  <td>{countryNames(e.countries, names) || '—'}</td>
                  <td>
                    {e.action === 'update' ? fields.join(', ') || '—' : e.action === 'create' ? 'new' : 'deleted'}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      aria-label={`${expanded ? 'Hide' : 'Show'} before and after: ${ACTION_WORDS[e.action].toLowerCase()} ${item}`}
                      onClick={() => toggle(e.seq)}
                    >
                      {expanded ? 'Hide' : 'Show'}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr className="audit-details-row">
                    <td colSpan={7} id={detailsId}>
                      <BeforeAfter entry={e} names={names} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function BeforeAfter({ entry, names }: { entry: AuditEntry; names: Namer }) {
  const rows = fieldRows(entry.before, entry.after);
  const value = (field: string, v: unknown) => {
    const pieces = fieldValue(field, v, names);
    return pieces ? <Pieces pieces={pieces} /> : formatFieldValue(v);
  };
  return (
    <table className="page-table before-after" data-seq={entry.seq}>
      <caption>
        {entry.action === 'create'
          ? 'Created: there was nothing before.'
          : entry.action === 'delete'
            ? 'Deleted: nothing is left after.'
            : 'Changed fields are marked.'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.field}
            data-field={r.field}
            data-changed={r.changed}
            className={`${r.changed ? 'changed' : ''}${r.meta ? ' meta' : ''}`.trim() || undefined}
          >
            <th scope="row">
              {r.field}
              {r.changed && entry.action === 'update' && <span className="changed-mark"> changed</span>}
            </th>
            <td className="before">{entry.before === null ? '' : value(r.field, r.before)}</td>
            <td className="after">{entry.after === null ? '' : value(r.field, r.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
