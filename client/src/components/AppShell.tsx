// The frame around every view: title, the views the signed-in user may open as tabs, the country
// picker, the signed-in user (with "Change password" and "Sign out"), the illustrative notice.
import type { ReactNode } from 'react';
import { useMe } from '../features/auth/api/getMe';
import { UserMenu } from '../features/auth/components/UserMenu';
import { can } from '../features/auth/permissions';
import { CountryPicker } from '../features/map/components/CountryPicker';
import type { CountrySummary } from '../features/map/api/types';
import { navigate, viewHref, viewRequires, VIEWS, type ViewId } from '../lib/views';
import { IllustrativeBanner } from './IllustrativeBanner';

interface Props {
  view: ViewId;
  country: string | null;
  countries: CountrySummary[] | undefined;
  onCountry: (code: string) => void;
  /** Whether what the view shows comes (partly) from illustrative maps. */
  illustrative: boolean;
  children: ReactNode;
}

export function AppShell({ view, country, countries, onCountry, illustrative, children }: Props) {
  const user = useMe();
  const needsCountry = VIEWS.find((v) => v.id === view)?.needsCountry ?? true;
  const picker = needsCountry || view === 'gaps' || view === 'data' || view === 'history' || view === 'reports';
  const offered = VIEWS.filter((v) => {
    const requires = viewRequires(v.id);
    return requires === undefined || can(user, requires);
  });
  return (
    <div className="app">
      <header className="app-header">
        <h1>Flow Atlas</h1>
        <p className="tagline">Who passes information on child trafficking to whom, Baltic Sea Region</p>
        <nav aria-label="Views" className="views">
          {offered.map((v) => (
            <a
              key={v.id}
              href={viewHref(v.id, country)}
              aria-current={v.id === view ? 'page' : undefined}
              onClick={(e) => {
                if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
                e.preventDefault();
                navigate(viewHref(v.id, country));
              }}
            >
              {v.label}
            </a>
          ))}
        </nav>
        <div className="header-controls">
          {picker && countries && <CountryPicker countries={countries} value={country} onChange={onCountry} />}
          {picker && !countries && (
            // The picker's place, kept while the countries load, so nothing moves when it comes.
            <label className="country-picker">
              <span>Country</span>
              <select disabled value="">
                <option value="">Loading countries…</option>
              </select>
            </label>
          )}
          <UserMenu />
        </div>
      </header>
      <main className="app-main">
        {illustrative && <IllustrativeBanner />}
        {children}
      </main>
    </div>
  );
}
