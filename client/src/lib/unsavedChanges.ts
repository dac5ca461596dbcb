// Unsaved work is not lost: a form with changes says so (`useUnsavedChanges(dirty)`), and while one does,
// leaving it asks first: closing its dialog, Back and Forward, switching view or country (`mayLeave()`),
// and reloading or closing the tab (the browser's own "Leave site?" question, through beforeunload).
import { useEffect } from 'react';

export const LEAVE_QUESTION = 'You have changes that are not saved. Leave and lose them?';

/** The forms that have changes now (one token per form). */
const dirty = new Set<symbol>();

function onBeforeUnload(e: BeforeUnloadEvent): void {
  e.preventDefault();
  // Older browsers ask only when returnValue is set.
  e.returnValue = '';
}

function update(): void {
  // Listened to only while there is something to lose: a page with a beforeunload listener is not kept in the back/forward cache.
  if (dirty.size > 0) window.addEventListener('beforeunload', onBeforeUnload);
  else window.removeEventListener('beforeunload', onBeforeUnload);
}

/** Whether some form on the page has changes that are not saved. */
export function hasUnsavedChanges(): boolean {
  return dirty.size > 0;
}

/** True when nothing would be lost, or the person agrees to lose it. */
export function mayLeave(): boolean {
  return dirty.size === 0 || window.confirm(LEAVE_QUESTION);
}

/** Marks the calling form as having unsaved changes while `isDirty` is true (and no longer once it unmounts). */
export function useUnsavedChanges(isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return;
    const token = Symbol('unsaved form');
    dirty.add(token);
    update();
    return () => {
      dirty.delete(token);
      update();
    };
  }, [isDirty]);
}

// Back and Forward: the address has already changed when popstate arrives. With unsaved changes the
// person is asked first; if they stay, the address they were on is put back and the views never hear
// of the move (this listener is added before any view's, and stops the event for the others). The
// app's own moves (navigate, a changed URL parameter) asked before they moved, and note where they went.
let current = typeof window === 'undefined' ? '' : window.location.href;

/** Records the address the app itself moved to (after pushState or replaceState). */
export function noteLocation(): void {
  current = window.location.href;
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', (e) => {
    if (window.location.href !== current && !mayLeave()) {
      e.stopImmediatePropagation();
      window.history.pushState(null, '', current);
      return;
    }
    current = window.location.href;
  });
}
