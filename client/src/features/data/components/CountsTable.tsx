// What an import would do (preview) or did (commit), per kind of item, with a total row.
import { countRows, totals, type ImportResult } from '../importResult';

export function CountsTable({ result, caption }: { result: ImportResult; caption: string }) {
  const rows = countRows(result);
  const total = totals(rows);
  const verb = result.dryRun ? 'Would be' : 'Were';
  if (rows.length === 0) return <p>The file holds no items.</p>;
  return (
    <div className="page-table-scroll">
      <table className="page-table counts-table" data-dry-run={result.dryRun}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Items</th>
            <th scope="col" className="num">{verb} created</th>
            <th scope="col" className="num">{verb} updated</th>
            <th scope="col" className="num">{verb} deleted</th>
            <th scope="col" className="num">Unchanged</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.kind} data-kind={r.kind}>
              <th scope="row">{r.label}</th>
              <td className="num" data-count="created">{r.created}</td>
              <td className="num" data-count="updated">{r.updated}</td>
              <td className={`num${r.deleted > 0 ? ' deletes' : ''}`} data-count="deleted">{r.deleted}</td>
              <td className="num" data-count="unchanged">{r.unchanged}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="num">{total.created}</td>
            <td className="num">{total.updated}</td>
            <td className="num">{total.deleted}</td>
            <td className="num">{total.unchanged}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
