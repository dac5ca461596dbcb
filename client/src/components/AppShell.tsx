// The frame around every view: title, the views as tabs, the country picker, the illustrative notice.
import type { ReactNode } from 'react';
import { CountryPicker } from '../features/map/components/CountryPicker';
import type { CountrySummary } from '../features/map/api/types';
import { navigate, viewHref, VIEWS, type ViewId } from '../lib/views';
import { IllustrativeBanner } from './IllustrativeBanner';
import { Loading } from './States';

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
  const needsCountry = VIEWS.find((v) => v.id === view)?.needsCountry ?? true;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Flow Atlas</h1>
        <p className="tagline">Who passes information on child trafficking to whom, Baltic Sea Region</p>
        <nav aria-label="Views" className="views">
          {VIEWS.map((v) => (
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
          {countries && (needsCountry || view === 'gaps' || view === 'data' || view === 'history') && <CountryPicker countries={countries} value={country} onChange={onCountry} />}
          {!countries && <Loading>Loading countries…</Loading>}
        </div>
      </header>
      <main className="app-main">
        {illustrative && <IllustrativeBanner />}
        {children}
      </main>
    </div>
  );
}
