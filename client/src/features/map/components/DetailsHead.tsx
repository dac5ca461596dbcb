// The head of a details panel (a stakeholder's, a flow's or a group's): its heading, focused when the panel opens
// on another item, and the close button; Escape closes the panel too. Below it, who else edits the item now.
import { useEffect, useRef, type ReactNode } from 'react';
import { BeingEdited } from '../../live/PresenceBar';

interface Props {
  headingId: string;
  /** The item shown: the heading takes the focus again when it changes. */
  itemId: string;
  /** What it is: whoever else edits it now is said below the heading (presence); none for a group. */
  kind?: 'stakeholder' | 'flow';
  onClose: () => void;
  children: ReactNode;
}

export function DetailsHead({ headingId, itemId, kind, onClose, children }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [itemId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <>
      <div className="details-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {children}
        </h2>
        <button type="button" className="close" onClick={onClose} aria-label="Close details">
          ×
        </button>
      </div>
      {kind && <BeingEdited kind={kind} itemKey={itemId} />}
    </>
  );
}
