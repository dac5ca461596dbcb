// One URL query parameter as React state: setting it pushes a history entry (or replaces the current
// one), Back/Forward restore it.
import { useCallback, useEffect, useState } from 'react';
import { noteLocation } from './unsavedChanges';

function read(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

export type SetSearchParam = (value: string | null, options?: { replace?: boolean }) => void;

export function useSearchParam(name: string): [string | null, SetSearchParam] {
  const [value, setValue] = useState<string | null>(() => read(name));

  useEffect(() => {
    const onPop = () => setValue(read(name));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [name]);

  const update = useCallback<SetSearchParam>(
    (next, options) => {
      const url = new URL(window.location.href);
      if (url.searchParams.get(name) === next) return;
      if (next === null) url.searchParams.delete(name);
      else url.searchParams.set(name, next);
      if (options?.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      noteLocation();
      setValue(next);
    },
    [name],
  );

  return [value, update];
}
