// Reports (issue 7): a country profile or the regional report, now or for a round, as an HTML page, a PDF
// or the report model (JSON, which the client renders). Every role may read them ('read'); a viewer's report
// is built without personal data, as exports are.
import { z } from 'zod';
import { CountryCode } from '../../model';
import { Report } from '../../model/report';
import { REPORT_PAGE_CSP, reportPage, reportPdf, type PdfRenderer, type ReportsService } from '../../services/reports';
import { defineRoute, type RouteDef } from '../route';
import type { Response } from 'express';

export const ReportFormat = z.enum(['html', 'pdf', 'json']);
export const ReportQuery = z.strictObject({
  /** A round id; without it, the map as it is now. */
  round: z.string().trim().min(1).max(200).optional(),
  format: ReportFormat.default('html'),
});
export const ReportCountryParams = z.strictObject({ country: CountryCode });

async function send(
  res: Response,
  report: Report,
  format: z.infer<typeof ReportFormat>,
  stem: string,
  pdf: PdfRenderer,
): Promise<Report | undefined> {
  if (format === 'json') return report;
  if (format === 'html') {
    res.setHeader('Content-Security-Policy', REPORT_PAGE_CSP);
    res.type('text/html; charset=utf-8').send(reportPage(report));
    return undefined;
  }
  const buffer = await reportPdf(report, pdf);
  res.attachment(`${stem}.pdf`).type('application/pdf').send(buffer);
  return undefined;
}

/** The default answer is the HTML page; ?format=pdf a PDF, ?format=json the report model. */
const REPORT_DOC = { media: { 'text/html': 'text', 'application/pdf': 'binary' } } as const;

export function reportsRoutes(reports: ReportsService, pdf: PdfRenderer): RouteDef[] {
  const tag = 'Reports';
  return [
    defineRoute({
      method: 'get',
      path: '/reports/country/:country',
      tag,
      params: ReportCountryParams,
      query: ReportQuery,
      response: Report,
      access: 'read',
      doc: REPORT_DOC,
      summary:
        "A country profile (the NCP, the network, coverage, weak points, suggestions, comparison, provenance) as HTML, PDF or the report's JSON",
      handler: async ({ params, query, res, user }) =>
        send(
          res,
          await reports.country(params.country, query.round, user),
          query.format,
          `flow-atlas-report-${params.country}`,
          pdf,
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/reports/region',
      tag,
      query: ReportQuery,
      response: Report,
      access: 'read',
      doc: REPORT_DOC,
      summary:
        "The regional report (coverage matrix, comparison, similarity, missing indicators and links) as HTML, PDF or the report's JSON",
      handler: async ({ query, res, user }) =>
        send(res, await reports.region(query.round, user), query.format, 'flow-atlas-report-region', pdf),
    }),
  ];
}
