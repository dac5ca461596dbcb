// The foot of an entity form: why saving failed (if it did), the save button (hidden while a conflict
// is shown: `saveLabel` null) and Cancel.
export function FormFooter({
  failure,
  saveLabel,
  busy,
  onCancel,
}: {
  failure: string | null;
  saveLabel: string | null;
  busy: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      {failure && (
        <p className="edit-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="edit-actions">
        {saveLabel !== null && (
          <button type="submit" className="edit-primary" disabled={busy}>
            {saveLabel}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
