// The Reports view: a country profile (or the regional report) for now or a chosen round, rendered from the
// report's JSON; "Print" uses the print stylesheet, "Download PDF" and "Open as a page" go to the API.
import { ErrorMessage, Loading } from '../../../components/States';
import '../../../lib/page.css';
import { useSearchParams } from '../../../lib/useSearchParams';
import { reportUrl, useReport } from '../api/getReport';
import { useReportRounds } from '../api/getReportRounds';
import '../reports.css';
import { ReportBody } from './ReportBody';

const PARAMS = ['report', 'round'] as const;

export function ReportsView({ country }: { country: string | null }) {
  const [params, setParams] = useSearchParams(PARAMS);
  // The international layer has no profile of its own: it is part of the regional report.
  const regional = params.report === 'region' || country === null || country === 'INT';
  const target = regional ? null : country;
  const round = params.round;
  const rounds = useReportRounds(target);
  const report = useReport(target, round);

  return (
    <div className="page reports-view">
      <div className="report-toolbar" role="toolbar" aria-label="Report options">
        <h2 className="page-title">Reports</h2>
        {country && country !== 'INT' && (
          <>
            <label htmlFor="report-kind">Report</label>
            <select
              id="report-kind"
              value={regional ? 'region' : 'country'}
              onChange={(e) => setParams({ report: e.target.value === 'region' ? 'region' : null, round: null })}
            >
              <option value="country">Country profile ({country})</option>
              <option value="region">Regional report</option>
            </select>
          </>
        )}
        <label htmlFor="report-round">Round</label>
        <select id="report-round" value={round ?? ''} onChange={(e) => setParams({ round: e.target.value || null })}>
          <option value="">Now</option>
          {(rounds.data ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name} ({r.country ?? 'region'}, {r.createdAt.slice(0, 10)})
            </option>
          ))}
        </select>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <a href={reportUrl(target, round, 'pdf')} download>
          Download PDF
        </a>
        <a href={reportUrl(target, round, 'html')} target="_blank" rel="noopener noreferrer">
          Open as a page
        </a>
      </div>
      {report.isPending && <Loading>Building the report…</Loading>}
      {report.isError && (
        <ErrorMessage
          title="The report could not be built"
          error={report.error}
          onRetry={() => void report.refetch()}
        />
      )}
      {report.isSuccess && <ReportBody report={report.data} />}
    </div>
  );
}
