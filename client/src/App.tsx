// The client's root: providers, the sign-in gate, the frame, and the view the URL names (map, gaps,
// bottlenecks, plan, NCP, compare ... and, for an administrator, accounts).
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { AppShell } from './components/AppShell';
import { useMe } from './features/auth/api/getMe';
import { AuthGate } from './features/auth/components/AuthGate';
import { UserMenu } from './features/auth/components/UserMenu';
import { can, ROLE_NAMES } from './features/auth/permissions';
import { ErrorMessage, Loading } from './components/States';
import { PresenceBar } from './features/live/PresenceBar';
import { useLiveFeed } from './features/live/useLiveFeed';
import { usePresence } from './features/live/usePresence';
import { useCountries } from './graph/api/getCountries';
import { landingCountry } from './lib/landing';
import {
  AccountsView,
  AuditView,
  BottlenecksView,
  CompareView,
  DataView,
  EvidenceView,
  GapsView,
  MapView,
  NcpView,
  PlanView,
  preloadView,
  ReportsView,
  RoundsView,
} from './lazyViews';
import { createQueryClient } from './lib/queryClient';
import { mayLeave } from './lib/unsavedChanges';
import { useSearchParam } from './lib/useSearchParam';
import { viewOf, viewRequires, VIEWS, type ViewId } from './lib/views';

// The view the page opens with starts loading now, alongside the question of who is signed in.
preloadView(viewOf(new URLSearchParams(window.location.search).get('view')));

/** `client`: the query cache the entry module has already started filling (lib/firstLoad.ts); a new one without. */
export function App({ client }: { client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <AuthGate>
        <Explorer />
      </AuthGate>
    </QueryClientProvider>
  );
}

function Explorer() {
  const [viewParam] = useSearchParam('view');
  const [countryParam, setCountry] = useSearchParam('country');
  const view = viewOf(viewParam);
  const user = useMe();
  // Everyone's changes as they are committed (issue 15); a new feed when the user, role or countries change.
  const who = user ? `${user.username}|${user.role}|${user.countries.join(',')}` : null;
  useLiveFeed(who);
  const mayOpen = (id: ViewId) => {
    const requires = viewRequires(id);
    return requires === undefined || can(user, requires);
  };
  const allowed = mayOpen(view);
  const countries = useCountries();
  const own = user?.countries;
  const fallback = useMemo(
    () => (countries.data ? landingCountry(own ?? [], countries.data.countries) : null),
    [own, countries.data],
  );
  const country = countryParam ? countryParam.toUpperCase() : fallback;
  usePresence(who, country, view);

  // With no country in the URL, open the default one and write it to the URL (no extra history entry).
  useEffect(() => {
    if (!countryParam && fallback) setCountry(fallback, { replace: true });
  }, [countryParam, fallback, setCountry]);

  const list = countries.data?.countries;
  // Gaps and Compare speak of every country, and whether any map is illustrative decides the banner above them:
  // they are drawn once the list is in (or failed), so the banner never pushes them down after they show.
  const regionKnown = !countries.isPending;
  const illustrative =
    view === 'accounts'
      ? false
      : view === 'compare' || view === 'gaps'
        ? (list ?? []).some((c) => c.illustrative)
        : ((list ?? []).find((c) => c.code === country)?.illustrative ?? false);

  // Another country is another page: a form with unsaved changes asks first.
  const chooseCountry = (code: string) => {
    if (mayLeave()) setCountry(code);
  };

  return (
    <AppShell
      view={view}
      country={country}
      countries={list}
      onCountry={chooseCountry}
      illustrative={illustrative}
      mayOpen={mayOpen}
      userMenu={
        <>
          <PresenceBar />
          <UserMenu />
        </>
      }
    >
      {countries.isError && (
        <ErrorMessage
          title="Could not load the list of countries"
          error={countries.error}
          onRetry={() => void countries.refetch()}
        />
      )}
      {countries.isSuccess && country === null && view !== 'compare' && view !== 'accounts' && (
        <p className="state">No country maps yet.{can(user, 'import') ? ' Import a map document to start.' : ''}</p>
      )}
      {(view === 'gaps' || view === 'compare') && !regionKnown && <Loading>Loading the list of countries…</Loading>}
      <Suspense fallback={<Loading>Opening the view…</Loading>}>
        {view === 'map' && country && <MapView country={country} countries={list} />}
        {view === 'gaps' && regionKnown && <GapsView country={country} />}
        {view === 'bottlenecks' && country && <BottlenecksView country={country} />}
        {view === 'plan' && country && <PlanView country={country} />}
        {view === 'ncp' && country && <NcpView country={country} />}
        {view === 'compare' && regionKnown && <CompareView />}
        {view === 'evidence' && country && <EvidenceView country={country} />}
        {view === 'rounds' && country && <RoundsView country={country} />}
        {view === 'reports' && countries.isSuccess && <ReportsView country={country} />}
        {view === 'data' && <DataView country={country} countries={list} />}
        {!allowed && (
          <p className="state" role="status">
            The {VIEWS.find((v) => v.id === view)?.label} view is not open to your account (
            {user ? ROLE_NAMES[user.role].toLowerCase() : 'not signed in'}).
          </p>
        )}
        {view === 'history' && allowed && <AuditView country={country} countries={list} />}
        {view === 'accounts' && allowed && <AccountsView />}
      </Suspense>
    </AppShell>
  );
}
