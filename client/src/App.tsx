// The client's root: providers, the sign-in gate, the frame, and the view the URL names (map, gaps,
// bottlenecks, plan, NCP, compare ... and, for an administrator, accounts).
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { AppShell } from './components/AppShell';
import { useMe } from './features/auth/api/getMe';
import { AccountsView } from './features/auth/components/AccountsView';
import { AuthGate } from './features/auth/components/AuthGate';
import { can, ROLE_NAMES } from './features/auth/permissions';
import { ErrorMessage } from './components/States';
import { BottlenecksView } from './features/bottlenecks/components/BottlenecksView';
import { CompareView } from './features/compare/components/CompareView';
import { GapsView } from './features/gaps/components/GapsView';
import { useCountries } from './features/map/api/getCountries';
import { defaultCountry } from './features/map/components/CountryPicker';
import { MapView } from './features/map/components/MapView';
import { NcpView } from './features/ncp/components/NcpView';
import { PlanView } from './features/plan/components/PlanView';
import { AuditView } from './features/audit/components/AuditView';
import { DataView } from './features/data/components/DataView';
import { EvidenceView } from './features/evidence/components/EvidenceView';
import { ReportsView } from './features/reports/components/ReportsView';
import { RoundsView } from './features/rounds/components/RoundsView';
import { createQueryClient } from './lib/queryClient';
import { useSearchParam } from './lib/useSearchParam';
import { viewOf, viewRequires, VIEWS } from './lib/views';

export function App() {
  const [queryClient] = useState(createQueryClient);
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
  const requires = viewRequires(view);
  const allowed = requires === undefined || can(user, requires);
  const countries = useCountries();
  const fallback = countries.data ? defaultCountry(countries.data.countries) : null;
  const country = countryParam ? countryParam.toUpperCase() : fallback;

  // With no country in the URL, open the default one and write it to the URL (no extra history entry).
  useEffect(() => {
    if (!countryParam && fallback) setCountry(fallback, { replace: true });
  }, [countryParam, fallback, setCountry]);

  const list = countries.data?.countries;
  const illustrative = view === 'accounts'
    ? false
    : view === 'compare' || view === 'gaps'
      ? (list ?? []).some((c) => c.illustrative)
      : (list ?? []).find((c) => c.code === country)?.illustrative ?? false;

  return (
    <AppShell view={view} country={country} countries={list} onCountry={(code) => setCountry(code)} illustrative={illustrative}>
      {countries.isError && (
        <ErrorMessage title="Could not load the list of countries" error={countries.error} onRetry={() => void countries.refetch()} />
      )}
      {countries.isSuccess && country === null && view !== 'compare' && view !== 'accounts' && (
        <p className="state">No country maps yet.{can(user, 'import') ? ' Import a map document to start.' : ''}</p>
      )}
      {view === 'map' && country && <MapView country={country} countries={list} />}
      {view === 'gaps' && <GapsView country={country} />}
      {view === 'bottlenecks' && country && <BottlenecksView country={country} />}
      {view === 'plan' && country && <PlanView country={country} />}
      {view === 'ncp' && country && <NcpView country={country} />}
      {view === 'compare' && <CompareView />}
      {view === 'evidence' && country && <EvidenceView country={country} />}
      {view === 'rounds' && country && <RoundsView country={country} />}
      {view === 'reports' && countries.isSuccess && <ReportsView country={country} />}
      {view === 'data' && <DataView country={country} countries={list} />}
      {!allowed && (
        <p className="state" role="status">
          The {VIEWS.find((v) => v.id === view)?.label} view is not open to your account ({user ? ROLE_NAMES[user.role].toLowerCase() : 'not signed in'}).
        </p>
      )}
      {view === 'history' && allowed && <AuditView country={country} countries={list} />}
      {view === 'accounts' && allowed && <AccountsView />}
    </AppShell>
  );
}
