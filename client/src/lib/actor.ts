// Who is editing: a name the person sets once (kept in localStorage), sent as the X-Actor header on
// every write so the audit trail says who changed what. Optional: without one, changes are "anonymous".
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'flowAtlas.actor';
export const ANONYMOUS = 'anonymous';
/** What the server accepts in X-Actor (anything else is recorded as "anonymous"). */
export const ACTOR_PATTERN = /^[\w .@-]{1,80}$/;

const listeners = new Set<() => void>();

function read(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The name as typed ('' when none was set). */
export function storedActor(): string {
  return read();
}

/** The name to send: the stored one when the server would accept it, else "anonymous". */
export function currentActor(): string {
  const name = read().trim();
  return ACTOR_PATTERN.test(name) ? name : ANONYMOUS;
}

export function setActor(name: string): void {
  try {
    if (name.trim()) window.localStorage.setItem(STORAGE_KEY, name);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode without storage: the name lasts for this page only.
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The stored name as React state (other tabs' changes included). */
export function useActor(): string {
  return useSyncExternalStore(subscribe, read, () => '');
}

/** Headers naming the actor for a write request. */
export function actorHeaders(): Record<string, string> {
  return { 'X-Actor': currentActor() };
}
