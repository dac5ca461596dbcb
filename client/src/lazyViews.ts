// Each view is its own chunk, loaded when it is first shown, so the first page load carries only the frame
// and the view it opens (Cytoscape only comes with a view that draws a map). `preloadView` starts loading a
// view's chunk early (the one the URL names, while the app is still asking who is signed in); the lazy
// component then reuses that same load.
import { lazy } from 'react';
import { once } from './lib/once';
import type { ViewId } from './lib/views';

// Each import() names its module literally, so the bundler makes it a chunk of its own.
const load = {
  map: once(() => import('./features/map/components/MapView').then((m) => ({ default: m.MapView }))),
  gaps: once(() => import('./features/gaps/components/GapsView').then((m) => ({ default: m.GapsView }))),
  bottlenecks: once(() =>
    import('./features/bottlenecks/components/BottlenecksView').then((m) => ({ default: m.BottlenecksView })),
  ),
  plan: once(() => import('./features/plan/components/PlanView').then((m) => ({ default: m.PlanView }))),
  ncp: once(() => import('./features/ncp/components/NcpView').then((m) => ({ default: m.NcpView }))),
  compare: once(() => import('./features/compare/components/CompareView').then((m) => ({ default: m.CompareView }))),
  evidence: once(() =>
    import('./features/evidence/components/EvidenceView').then((m) => ({ default: m.EvidenceView })),
  ),
  rounds: once(() => import('./features/rounds/components/RoundsView').then((m) => ({ default: m.RoundsView }))),
  reports: once(() => import('./features/reports/components/ReportsView').then((m) => ({ default: m.ReportsView }))),
  data: once(() => import('./features/data/components/DataView').then((m) => ({ default: m.DataView }))),
  history: once(() => import('./features/audit/components/AuditView').then((m) => ({ default: m.AuditView }))),
  accounts: once(() => import('./features/auth/components/AccountsView').then((m) => ({ default: m.AccountsView }))),
};
// Every view has a loader (a contextual type on `load` itself would widen what each loader returns).
const loaders: Record<ViewId, () => Promise<unknown>> = load;

/** Starts loading a view's chunk (a no-op if it is loading or loaded). */
export function preloadView(view: ViewId): void {
  loaders[view]().catch(() => {
    // The view's own Suspense boundary loads it again when shown, and reports a failure there.
  });
}

export const MapView = lazy(load.map);
export const GapsView = lazy(load.gaps);
export const BottlenecksView = lazy(load.bottlenecks);
export const PlanView = lazy(load.plan);
export const NcpView = lazy(load.ncp);
export const CompareView = lazy(load.compare);
export const EvidenceView = lazy(load.evidence);
export const RoundsView = lazy(load.rounds);
export const ReportsView = lazy(load.reports);
export const DataView = lazy(load.data);
export const AuditView = lazy(load.history);
export const AccountsView = lazy(load.accounts);
