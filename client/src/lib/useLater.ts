// Parts of a view below its first screenful, drawn after it: once `ready`, the first render draws what is at
// the top at once, and the rest follows in a later task, as a transition (React renders it in slices of a few
// milliseconds), so the first answer does not become one long task that draws the whole page.
import { startTransition, useEffect, useState } from 'react';

/** False until a task after the first render in which `ready` is true; then true for good. */
export function useLater(ready: boolean): boolean {
  const [later, setLater] = useState(false);
  useEffect(() => {
    if (!ready || later) return;
    const timer = setTimeout(() => startTransition(() => setLater(true)), 0);
    return () => clearTimeout(timer);
  }, [ready, later]);
  return later;
}
