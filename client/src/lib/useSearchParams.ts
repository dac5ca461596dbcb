// Several URL query parameters as one piece of React state: a change to any of them is one history
// entry (or replaces the current one), Back/Forward restore them all. Lists are comma-separated.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { noteLocation } from './unsavedChanges';

export type ParamPatch<K extends string> = Partial<Record<K, string | readonly string[] | null>>;
export type SetSearchParams<K extends string> = (patch: ParamPatch<K>, options?: { replace?: boolean }) => void;

function readAll<K extends string>(names: readonly K[]): Record<K, string | null> {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(names.map((n) => [n, params.get(n)])) as Record<K, string | null>;
}

/** Splits a comma list from the URL; an absent or empty parameter is an empty list. */
export function listParam(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

export function useSearchParams<K extends string>(names: readonly K[]): [Record<K, string | null>, SetSearchParams<K>] {
  // Callers pass a fresh array each render; the joined names keep the identity stable.
  const key = names.join('|');
  const stableNames = useMemo(() => key.split('|') as K[], [key]);
  const [values, setValues] = useState(() => readAll(stableNames));

  useEffect(() => {
    const onPop = () => setValues(readAll(stableNames));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [stableNames]);

  const update = useCallback<SetSearchParams<K>>(
    (patch, options) => {
      const url = new URL(window.location.href);
      for (const [name, raw] of Object.entries(patch) as Array<[K, string | readonly string[] | null | undefined]>) {
        if (raw === undefined) continue;
        const next = Array.isArray(raw) ? (raw.length ? raw.join(',') : null) : (raw as string | null);
        if (next === null || next === '') url.searchParams.delete(name);
        else url.searchParams.set(name, next);
      }
      if (url.search === window.location.search) return;
      if (options?.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      noteLocation();
      setValues(readAll(stableNames));
    },
    [stableNames],
  );

  return [values, update];
}
