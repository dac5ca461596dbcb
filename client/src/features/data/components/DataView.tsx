// The import & export view: the spreadsheet templates, exports of the chosen country or the whole
// region in every format (plain download links), and the import with its preview (for those who may
// import: not a viewer; an NCP for its own countries).
import '../../../lib/page.css';
import { useMe } from '../../auth/api/getMe';
import { can, readOnlyReason } from '../../auth/permissions';
import type { CountrySummary } from '../../../graph/api/types';
import '../data.css';
import { EXPORT_FORMATS, exportUrl, templateUrl } from '../exports';
import { ImportPanel } from './ImportPanel';

export function DataView({ country, countries }: { country: string | null; countries: CountrySummary[] | undefined }) {
  const summary = countries?.find((c) => c.code === country);
  const countryName = summary?.name ?? country;
  const user = useMe();
  const names = new Map((countries ?? []).map((c) => [c.code, c.name]));
  // An NCP imports files of its own countries: the panel shows when one of them is chosen above.
  const mayImport = can(user, 'import', user?.role === 'ncp' ? country : undefined);
  const readOnly = user?.role === 'ncp' && !mayImport ? readOnlyReason(user, 'import', country, names) : null;
  return (
    <div className="page data-view">
      <header>
        <h2>Import &amp; export</h2>
        <p className="page-lede">
          Fill in a template, check it and import it; export a country or the whole region for a backup, for your own
          spreadsheets or for graph tools.
        </p>
      </header>

      <section className="page-section" aria-labelledby="templates-heading">
        <h3 id="templates-heading">Templates</h3>
        <p>
          One sheet (or CSV file) per kind of item: countries, stakeholders, datasets, flows, reporting lines, networks,
          memberships and interviews. The columns are the fields of the map document; the first row names them.
        </p>
        <ul className="download-list">
          <li>
            <a href={templateUrl('xlsx')} download>Excel template (.xlsx)</a>
            <span className="page-note"> for Excel or LibreOffice Calc: one sheet per kind, with drop-down lists of the allowed values</span>
          </li>
          <li>
            <a href={templateUrl('csv')} download>CSV template (.zip of CSV files)</a>
            <span className="page-note"> one CSV file per kind, for any tool that reads CSV</span>
          </li>
        </ul>
      </section>

      <section className="page-section" aria-labelledby="export-heading">
        <h3 id="export-heading">Export</h3>
        <div className="page-table-scroll">
          <table className="page-table export-table">
            <caption>Each link downloads a file{countryName ? ` of ${countryName} or of the whole region` : ' of the whole region'}.</caption>
            <thead>
              <tr>
                <th scope="col">Format</th>
                <th scope="col">What it is for</th>
                {country && <th scope="col">{countryName}</th>}
                <th scope="col">Whole region</th>
              </tr>
            </thead>
            <tbody>
              {EXPORT_FORMATS.map((f) => (
                <tr key={f.format} data-format={f.format}>
                  <th scope="row">{f.name}</th>
                  <td>{f.purpose}</td>
                  {country && (
                    <td>
                      <a href={exportUrl(f.format, country)} download>
                        {countryName} ({f.extension})
                      </a>
                    </td>
                  )}
                  <td>
                    <a href={exportUrl(f.format, null)} download>
                      Whole region ({f.extension})
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {mayImport && <ImportPanel country={country} countryName={countryName} />}
      {readOnly && (
        <section className="page-section" aria-labelledby="import-heading">
          <h3 id="import-heading">Import</h3>
          <p className="read-only-note">{readOnly} Choose one of your countries above to import.</p>
        </section>
      )}
    </div>
  );
}
