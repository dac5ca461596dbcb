// Presence in this tab (issue 15 point 3): the tab's own id, what its edit form is editing (set by the form), and
// who else is looking at what (the change feed's `presence` events, feed.ts). Module state read through
// useSyncExternalStore: one tab, one of each.
import { useMemo, useSyncExternalStore } from 'react';
import type { PresenceEntry } from '@model/api-events';
import type { Role } from '@model/roles';
import { ROLE_NAMES } from '../auth/permissions';

export type { PresenceEntry };
export interface Editing {
  kind: string;
  key: string;
}

function randomTabId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `tab-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** This tab's id, as the API knows its presence. */
export const TAB_ID = randomTabId();

let present: PresenceEntry[] = [];
let editing: Editing | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Who is looking at what, as the feed last said. */
export function setPresent(list: PresenceEntry[]): void {
  present = list;
  notify();
}

/** The item this tab's edit form is open on (null when none is). */
export function setEditing(item: Editing | null): void {
  if (editing?.kind === item?.kind && editing?.key === item?.key) return;
  editing = item;
  notify();
}

/** Everyone else's tabs (this tab left out). */
export function useOthersPresent(): PresenceEntry[] {
  const list = useSyncExternalStore(subscribe, () => present);
  return useMemo(() => list.filter((p) => p.tab !== TAB_ID), [list]);
}

export function useEditing(): Editing | null {
  return useSyncExternalStore(subscribe, () => editing);
}

export function roleName(role: string): string {
  return ROLE_NAMES[role as Role] ?? role;
}

/** Who of `others` has an item's form open: "ann (Editor)", once per person. */
export function editorsOf(others: readonly PresenceEntry[], kind: string, key: string): string[] {
  const who = others.filter((p) => p.editing?.kind === kind && p.editing.key === key);
  return [...new Set(who.map((p) => `${p.username} (${roleName(p.role)})`))];
}

/** The sentence a screen reader and the map's tooltip give for an item being edited ("" when nobody is). */
export function beingEdited(editors: readonly string[]): string {
  return editors.length === 0 ? '' : `Being edited by ${editors.join(', ')}`;
}
