// A form's closing buttons: submit (showing what it is doing while busy) and Cancel.
interface Props {
  label: string;
  /** What the submit button says while the request runs ("Saving…"). */
  busyLabel: string;
  busy: boolean;
  onCancel: () => void;
}

export function SubmitCancel({ label, busyLabel, busy, onCancel }: Props) {
  return (
    <div className="edit-actions">
      <button type="submit" className="edit-primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
