// Changed items flash briefly (issue 15 point 2): a view hands in the data it shows and which of the changes heard
// (recent.ts) it shows; each time new data arrives, the changes heard since the view last looked and shown in that
// data flash for FLASH_MS. Changes not shown yet (the data was read before them) wait for the next data.
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from '@model/api-events';
import { changesAfter, newestHeard } from './recent';

export const FLASH_MS = 2_000;
const NONE: readonly ChangeEvent[] = [];

/** The changes to flash now: heard since the view opened, shown by `data` (`shows`), not flashed before. */
export function useLiveFlash(data: unknown, shows: (change: ChangeEvent) => boolean): readonly ChangeEvent[] {
  // Changes heard before the view opened are not news to it.
  const since = useRef<number | null>(null);
  const flashed = useRef(new Set<number>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const showsRef = useRef(shows);
  const [flashing, setFlashing] = useState(NONE);

  useEffect(() => {
    showsRef.current = shows;
  });

  useEffect(() => {
    since.current ??= newestHeard();
    const fresh = changesAfter(since.current).filter((c) => !flashed.current.has(c.seq) && showsRef.current(c));
    if (fresh.length === 0) return;
    for (const c of fresh) flashed.current.add(c.seq);
    setFlashing(fresh);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFlashing(NONE), FLASH_MS);
  }, [data]);

  useEffect(() => {
    const pending = timer;
    return () => clearTimeout(pending.current);
  }, []);
  return flashing;
}
