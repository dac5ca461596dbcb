// The explorer's views. The view, the country and each view's filters live in the URL, so every
// screen can be shared as a link. `requires` names what a role must be allowed (features/auth/permissions.ts)
// for the view to be offered at all.
import { mayLeave, noteLocation } from './unsavedChanges';

export const VIEWS = [
  { id: 'map', label: 'Map', needsCountry: true },
  { id: 'gaps', label: 'Gaps', needsCountry: false },
  { id: 'bottlenecks', label: 'Bottlenecks', needsCountry: true },
  { id: 'plan', label: 'Plan', needsCountry: true },
  { id: 'ncp', label: 'NCP', needsCountry: true },
  { id: 'compare', label: 'Compare', needsCountry: false },
  { id: 'evidence', label: 'Evidence', needsCountry: true },
  { id: 'rounds', label: 'Rounds', needsCountry: true },
  { id: 'reports', label: 'Reports', needsCountry: false },
  { id: 'data', label: 'Import & export', needsCountry: false },
  { id: 'history', label: 'History', needsCountry: false, requires: 'history' },
  { id: 'accounts', label: 'Accounts', needsCountry: false, requires: 'accounts' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

/** What a role must be allowed to open a view (undefined: every signed-in user may). */
export function viewRequires(view: ViewId): 'history' | 'accounts' | undefined {
  const def = VIEWS.find((v) => v.id === view);
  return def && 'requires' in def ? def.requires : undefined;
}

export function viewOf(param: string | null): ViewId {
  return VIEWS.find((v) => v.id === param)?.id ?? 'map';
}

/** A link to a view that keeps the country (and nothing else: filters belong to one view). */
export function viewHref(view: ViewId, country: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ view, ...(country ? { country } : {}), ...extra });
  return `?${params.toString()}`;
}

/** Follows an in-app link without reloading the page; Back and Forward still work. Asks first when a form has unsaved changes. */
export function navigate(href: string): void {
  if (!mayLeave()) return;
  window.history.pushState(null, '', href);
  noteLocation();
  window.dispatchEvent(new PopStateEvent('popstate'));
}
