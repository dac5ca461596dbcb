// The one dialog that hosts every form and confirmation: a modal drawer on the right (the rest of the
// page inert), focus moved into it on open and back to what opened it on close, Escape closes it.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** `alertdialog` for confirmations. */
  role?: 'dialog' | 'alertdialog';
  /** A short line under the title. */
  subtitle?: ReactNode;
}

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/** Where focus goes when what opened the dialog is gone (an item deleted from its own panel). */
function fallbackFocus(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-edit-return]') ?? document.querySelector<HTMLElement>('main');
}

export function EditDialog({ title, onClose, children, role = 'dialog', subtitle }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;
    if (!dialog.open) dialog.showModal();
    const body = dialog.querySelector('.edit-dialog-body');
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? body?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog.querySelector<HTMLElement>('h2'))?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const target = opener?.isConnected ? opener : fallbackFocus();
      // After React has finished this commit (the opener may be re-rendered in it).
      requestAnimationFrame(() => {
        if (target?.isConnected && !document.querySelector('dialog[open]')) target.focus();
      });
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="edit-dialog"
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      onKeyDown={(e) => {
        // Escape belongs to the dialog: the details panel behind it must not close too.
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCloseRef.current();
        }
      }}
    >
      <div className="edit-dialog-head">
        <h2 id={headingId} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      {subtitle && <p className="edit-dialog-subtitle">{subtitle}</p>}
      <div className="edit-dialog-body">{children}</div>
    </dialog>
  );
}
