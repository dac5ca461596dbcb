// The progress of an import's upload: a bar and what is happening (sending, checking, writing), with Cancel.
import { formatBytes } from '../importFile';

export type Purpose = 'preview' | 'commit';

export interface Transfer {
  purpose: Purpose;
  loaded: number;
  total: number;
  /** All bytes sent; the server is checking (or writing). */
  sent: boolean;
  /** The server has answered. */
  done: boolean;
}

export function UploadProgress({ transfer, id, onCancel }: { transfer: Transfer; id: string; onCancel: () => void }) {
  return (
    <div className="upload-progress" data-purpose={transfer.purpose} data-done={transfer.done}>
      <span id={id} className="upload-label">
        {transfer.purpose === 'preview'
          ? transfer.done ? 'File sent for checking' : 'Sending the file for checking'
          : transfer.done ? 'File sent for import' : 'Sending the file to import'}
      </span>
      <progress aria-labelledby={id} max={100} value={percent(transfer)}>
        {percent(transfer)}%
      </progress>
      <span className="upload-percent" aria-hidden="true">{percent(transfer)}%</span>
      <span role="status" className="upload-status">
        {transferStatus(transfer)}
      </span>
      {!transfer.done && (
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

function percent(t: Transfer): number {
  if (t.sent) return 100;
  return t.total > 0 ? Math.min(100, Math.round((100 * t.loaded) / t.total)) : 0;
}

function transferStatus(t: Transfer): string {
  if (!t.sent && !t.done) return `Sending… ${formatBytes(t.loaded)} of ${formatBytes(t.total)}`;
  if (!t.done) return t.purpose === 'preview' ? 'Checking…' : 'Writing…';
  return t.sent ? `Sent ${formatBytes(t.total)}; the server has answered.` : 'Stopped.';
}

