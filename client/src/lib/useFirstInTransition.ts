// A view's first answer drawn as a transition: React renders it in slices of a few milliseconds, so the page
// stays responsive while a large view (tables, a map screen) is first built, instead of one long task the
// moment the answer arrives (query answers are otherwise rendered at once, in one go). Later answers (a
// refetch, another country) are drawn at once as before, so what a person does is never shown late.
import { startTransition, useEffect, useState } from 'react';

/** `value`, except the first time it is defined: undefined until that first value's render, a transition, is done. */
export function useFirstInTransition<T>(value: T | undefined): T | undefined {
  const [shown, setShown] = useState(false);
  const arrived = value !== undefined;
  useEffect(() => {
    if (arrived && !shown) startTransition(() => setShown(true));
  }, [arrived, shown]);
  return shown ? value : undefined;
}
