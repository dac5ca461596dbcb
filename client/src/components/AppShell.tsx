// The frame around every view: title, the views the signed-in user may open as tabs, the country
// picker, the signed-in user (with "Change password" and "Sign out"), the illustrative notice.
// It knows no feature: App hands it the views the user may open and the user's menu.
import type { ReactNode } from 'react';
import type { CountrySummary } from '../graph/api/types';
import { navigate, viewHref, VIEWS, type ViewId } from '../lib/views';
import './app-shell.css';
import { CountryPicker } from './CountryPicker';
import { IllustrativeBanner } from './IllustrativeBanner';

interface Props {
  view: ViewId;
  country: string | null;
  countries: CountrySummary[] | undefined;
  onCountry: (code: string) => void;
  /** Whether what the view shows comes (partly) from illustrative maps. */
  illustrative: boolean;
  /** Whether the signed-in user may open a view (its tab is shown). */
  mayOpen: (view: ViewId) => boolean;
  /** The signed-in user's menu, at the header's right. */
  userMenu: ReactNode;
  children: ReactNode;
}

export function AppShell({ view, country, countries, onCountry, illustrative, mayOpen, userMenu, children }: Props) {
  const needsCountry = VIEWS.find((v) => v.id === view)?.needsCountry ?? true;
  const picker = needsCountry || view === 'gaps' || view === 'data' || view === 'history' || view === 'reports';
  const offered = VIEWS.filter((v) => mayOpen(v.id));
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
          {userMenu}
        </div>
      </header>
      <main className="app-main">
        {illustrative && <IllustrativeBanner />}
        {children}
      </main>
    </div>
  );
}
