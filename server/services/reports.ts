// The reports' use case: read the map now (or a round's frozen document), strip what the user may not
// see as exports do (server/auth/personal-data.ts), and build a country profile or the regional report.
import { assertCountry } from '../analysis/coverage/coverage';
import { buildFlowGraph } from '../analysis/flow-graph';
import { isPersonalFlow, seesPersonalData, visibleDocument } from '../auth/personal-data';
import type { SessionUser } from '../model/roles';
import { AppError, NotFoundError, ValidationError } from '../errors';
import { INTERNATIONAL, type MapDocument } from '../model';
import type { GraphStore } from '../store/port';
import { buildCountryReport } from '../reports/country';
import type { CountryReport, RegionalReport, Report } from '../model/report';
import { renderReportHtml, REPORT_CSS_HASH } from '../reports/html';
import { PdfUnavailableError } from '../reports/pdf';
import { buildRegionalReport } from '../reports/regional';
import type { ReportInput } from '../reports/text';

/** Turns a report's HTML into a PDF (server/reports/pdf.ts htmlToPdf). */
export type PdfRenderer = (html: string, options: { title: string }) => Promise<Buffer>;

/** The served HTML page may use its own inline stylesheet (and data: images), nothing else. */
export const REPORT_PAGE_CSP = `default-src 'none'; style-src ${REPORT_CSS_HASH}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** A report as a standalone HTML page. */
export function reportPage(report: Report): string {
  return renderReportHtml(report, { standalone: true });
}

/** A report's page as a PDF; a renderer that fails for a reason of its own (no Chromium) is a 503 `pdf_unavailable`. */
export async function reportPdf(report: Report, pdf: PdfRenderer): Promise<Buffer> {
  try {
    return await pdf(reportPage(report), { title: report.title });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new PdfUnavailableError(`the PDF could not be made: ${reason}`);
  }
}

/** The flows of `doc` that visibleDocument leaves out for the user (those carrying personal data), by their ends. */
function hiddenFlowsOf(doc: MapDocument, user: SessionUser | undefined): Array<{ from: string; to: string }> {
  if (seesPersonalData(user)) return [];
  return doc.flows.filter((f) => isPersonalFlow(f)).map((f) => ({ from: f.from, to: f.to }));
}

export class ReportsService {
  constructor(
    private readonly store: GraphStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async country(country: string, roundId: string | undefined, user: SessionUser | undefined): Promise<CountryReport> {
    if (country === INTERNATIONAL) {
      throw new ValidationError(
        'the international layer has no NCP of its own: it has no country profile (see the regional report)',
        [{ path: 'path.country', field: 'country', message: 'is the international layer, not a country' }],
      );
    }
    const input = await this.input(roundId, user, (round) => {
      if (round.country !== null && round.country !== country) {
        throw new ValidationError(`round '${round.id}' is a round of ${round.country}, not of ${country}`, [
          { path: 'query.round', field: 'round', message: `is a round of another country (${round.country})` },
        ]);
      }
    });
    if (!input.document.countries.some((c) => c.code === country))
      throw new NotFoundError(`country '${country}' is not in the map`);
    assertCountry(buildFlowGraph(input.document, { indicators: input.catalogue.indicators }), country);
    return buildCountryReport(input, country);
  }

  async region(roundId: string | undefined, user: SessionUser | undefined): Promise<RegionalReport> {
    const input = await this.input(roundId, user, (round) => {
      if (round.country !== null) {
        throw new ValidationError(
          `round '${round.id}' is a round of ${round.country}; the regional report needs a round of the region`,
          [
            {
              path: 'query.round',
              field: 'round',
              message: `is a round of one country (${round.country}), not of the region`,
            },
          ],
        );
      }
    });
    return buildRegionalReport(input);
  }

  private async input(
    roundId: string | undefined,
    user: SessionUser | undefined,
    check: (round: { id: string; country: string | null }) => void,
  ): Promise<ReportInput> {
    const snapshot = await this.store.snapshot({});
    const generatedAt = this.now().toISOString();
    if (!roundId) {
      return {
        document: visibleDocument(snapshot.document, user),
        catalogue: snapshot.catalogue,
        round: null,
        storeVersion: snapshot.storeVersion,
        generatedAt,
        hidden: hiddenFlowsOf(snapshot.document, user),
      };
    }
    const round = await this.store.getRound(roundId);
    check(round);
    return {
      document: visibleDocument(round.document, user),
      catalogue: snapshot.catalogue,
      round: { id: round.id, name: round.name, createdAt: round.createdAt },
      storeVersion: round.storeVersion,
      generatedAt,
      hidden: hiddenFlowsOf(round.document, user),
    };
  }
}
