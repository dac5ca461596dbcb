// The changes this tab has heard of lately (issue 15 point 2): the change feed (feed.ts) records each one here, and
// the views that show items make what changed flash once their data has caught up (useLiveFlash). Also the feed's
// test hook, window.__flowAtlasLive: the ids of every change event received, in order, so a browser test can tell
// that a connection killed and resumed (Last-Event-ID) missed nothing.
import type { ChangeEvent } from '@model/api-events';
import type { FlowAtlasLiveHook } from '../../testHook';

/** A change kept this long is still news to a view that refreshes late. */
const KEPT_MS = 15_000;
const LOG_MAX = 1_000;

interface Heard {
  change: ChangeEvent;
  /** performance.now() when it arrived. */
  heard: number;
}

let recent: Heard[] = [];
const seqs: number[] = [];
let reloads = 0;

/** The feed received a change. */
export function heardChange(change: ChangeEvent): void {
  const now = performance.now();
  recent = [...recent.filter((h) => now - h.heard < KEPT_MS), { change, heard: now }];
  seqs.push(change.seq);
  if (seqs.length > LOG_MAX) seqs.splice(0, seqs.length - LOG_MAX);
}

/** The feed said to read everything again. */
export function heardReload(): void {
  reloads += 1;
}

/** The changes heard after `seq` (and in the last few seconds), oldest first. */
export function changesAfter(seq: number): ChangeEvent[] {
  const now = performance.now();
  return recent.filter((h) => h.change.seq > seq && now - h.heard < KEPT_MS).map((h) => h.change);
}

/** The newest change heard (0: none yet). */
export function newestHeard(): number {
  return recent.at(-1)?.change.seq ?? 0;
}

const hook: FlowAtlasLiveHook = { events: () => [...seqs], reloads: () => reloads };
window.__flowAtlasLive = hook;
