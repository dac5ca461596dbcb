// After a refused submit, the keyboard and screen-reader user lands on the first field with a message.
import { useEffect, useRef } from 'react';

const CONTROL = 'input, select, textarea';

/** The first control marked invalid in `root` (for an invalid group, its first control). */
export function firstInvalidControl(root: ParentNode): HTMLElement | null {
  const marked = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!marked) return null;
  return marked.matches(CONTROL) ? marked : marked.querySelector<HTMLElement>(CONTROL);
}

/** A form ref whose first invalid control takes the focus each time `attempt` goes up. */
export function useFocusFirstInvalid(attempt: number) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt > 0 && ref.current) firstInvalidControl(ref.current)?.focus();
  }, [attempt]);
  return ref;
}
