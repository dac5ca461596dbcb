// The reports as PDF, in Debian's Chromium: a country profile and the regional report, rendered from the
// seed's analyses, checked as a document (pages, text, "page N of M" in every footer) and as images
// (pdftoppm): no blank page, a title on the title page, the page number area filled, and no page but the last
// left mostly empty (sections follow each other: a report is as long as its content). PNGs of the pages go to
// artifacts/reports/ for a person to look at.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Indicator, Theme } from '../../server/model';
import { buildCountryReport } from '../../server/reports/country';
import { renderReportHtml } from '../../server/reports/html';
import type { Report } from '../../server/model/report';
import { closePdfRenderer, htmlToPdf } from '../../server/reports/pdf';
import { buildRegionalReport } from '../../server/reports/regional';
import type { ReportInput } from '../../server/reports/text';
import { readSeedDocument } from '../../seed/loader';
import { catalogue } from '../support/catalogue';
import { requireBrowser, ROOT } from '../support/chromium';

const ARTIFACTS = path.join(ROOT, 'artifacts/reports');
const DPI = 50;
/** The footer sits in the bottom margin (18 mm); at 50 dpi that is the last ~35 pixel rows. */
const FOOTER_ROWS = Math.round((18 / 25.4) * DPI);

const hasPoppler =
  spawnSync('pdftoppm', ['-v']).error === undefined && spawnSync('pdftotext', ['-v']).error === undefined;

interface Gray {
  width: number;
  height: number;
  pixels: Buffer;
}

/** Reads a binary PGM (P5, 8 bit), which `pdftoppm -gray` writes. */
function readPgm(file: string): Gray {
  const data = fs.readFileSync(file);
  const header = data
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error(`${file} is not a binary PGM`);
  const [, w, h] = header.map(Number) as [number, number, number];
  return { width: w, height: h, pixels: data.subarray(header[0].length) };
}

/** The number of dark pixels (< 160 of 255) in a rectangle of the page. */
function ink(g: Gray, x0: number, y0: number, x1: number, y1: number): number {
  let dark = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (g.pixels[y * g.width + x]! < 160) dark++;
  return dark;
}

/** Fewer dark pixels than one short line of small text: nothing on the page. */
const BLANK_BELOW = 60;

/** How far down the page's body (between the 18 mm margins) its lowest ink reaches: 0 at the top, 1 at the bottom. */
function filledTo(g: Gray): number {
  const top = FOOTER_ROWS;
  const bottom = g.height - FOOTER_ROWS;
  for (let y = bottom - 1; y >= top; y--) {
    if (ink(g, 0, y, g.width, y + 1) > 0) return (y - top) / (bottom - top);
  }
  return 0;
}

/** Country profiles took 15 to 18 pages when every section started a page of its own; 10 to 13 since. */
const MAX_PROFILE_PAGES = 14;

function input(): ReportInput {
  return {
    document: readSeedDocument(),
    catalogue: catalogue as unknown as { themes: Theme[]; indicators: Indicator[] },
    round: null,
    storeVersion: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
  };
}

/** Renders the report to PDF, writes it and its pages (PNG for people, PGM for the checks); returns pages and text. */
async function renderAndRasterise(
  report: Report,
  name: string,
): Promise<{ pdf: Buffer; pages: Gray[]; text: string[] }> {
  const pdf = await htmlToPdf(renderReportHtml(report, { standalone: true }), { title: report.title });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  for (const old of fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')))
    fs.rmSync(path.join(ARTIFACTS, old));
  execFileSync('pdftoppm', ['-png', '-r', String(DPI), file, path.join(ARTIFACTS, name)]);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-pdf-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(DPI), file, path.join(tmp, 'p')]);
    const pages = fs
      .readdirSync(tmp)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => readPgm(path.join(tmp, f)));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
    return { pdf, pages, text };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function expectLooksLikeADocument(report: Report, result: { pdf: Buffer; pages: Gray[]; text: string[] }): void {
  const { pdf, pages, text } = result;
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Sections do not start pages of their own: every page but the last is filled at least half way down.
  pages.slice(0, -1).forEach((g, i) => {
    expect({ page: i + 1, halfFull: filledTo(g) >= 0.5 }).toEqual({ page: i + 1, halfFull: true });
  });
  for (const g of pages) {
    // A4 at 50 dpi: 413 x 585 pixels.
    expect(Math.abs(g.width - 413)).toBeLessThanOrEqual(2);
    expect(Math.abs(g.height - 585)).toBeLessThanOrEqual(2);
  }
  const n = pages.length;
  pages.forEach((g, i) => {
    const body = ink(g, 0, 0, g.width, g.height - FOOTER_ROWS);
    expect({ page: i + 1, blank: body < BLANK_BELOW }).toEqual({ page: i + 1, blank: false });
    // "page N of M" sits at the right of the footer: a few characters of 8 pt text.
    const footer = ink(g, Math.round(g.width * 0.7), g.height - FOOTER_ROWS, g.width, g.height);
    expect({ page: i + 1, footerInk: footer >= 15 }).toEqual({ page: i + 1, footerInk: true });
    expect(text[i]).toMatch(new RegExp(`page ${i + 1} of ${n}\\b`));
  });
  // The title page carries the title in its upper half.
  const title = pages[0]!;
  expect(ink(title, 0, Math.round(title.height * 0.15), title.width, Math.round(title.height * 0.6))).toBeGreaterThan(
    10 * BLANK_BELOW,
  );
  const all = text.join('\n').replace(/\s+/g, ' ');
  const words = (s: string) => s.replace(/\s+/g, ' ').trim();
  expect(all).toContain(words(report.title).slice(0, 40));
  expect(all).toMatch(/Contents/);
  for (const s of report.sections) expect(all).toContain(words(s.title));
  const figures = report.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'figure');
  figures.forEach((_, i) => expect(all).toMatch(new RegExp(`Figure ${i + 1}\\.`)));
}

if (requireBrowser('report PDF')) {
  describe('report PDF', () => {
    afterAll(() => closePdfRenderer());

    test('when the run requires a browser, then poppler-utils (pdftoppm, pdftotext) are installed too', () => {
      if (process.env.REQUIRE_BROWSER === '1') expect(hasPoppler).toBe(true);
      else if (!hasPoppler)
        console.warn('PDF IMAGE CHECKS SKIPPED: pdftoppm/pdftotext not found (apt-get install poppler-utils)');
    });

    // Without poppler-utils these are not registered (and the test above fails when a browser is required).
    const withPoppler = (name: string, fn: () => Promise<void>, timeout: number) => {
      if (hasPoppler) test(name, fn, timeout);
    };

    withPoppler(
      'when the Swedish country profile is made a PDF, then it is an A4 document: title page, contents, numbered pages, figures, no blank or nearly empty page, at most 14 pages',
      async () => {
        const report = buildCountryReport(input(), 'SE');
        const result = await renderAndRasterise(report, 'country-SE');
        expectLooksLikeADocument(report, result);
        expect(result.pages.length).toBeLessThanOrEqual(MAX_PROFILE_PAGES);
        expect(result.text[0]).toMatch(/Illustrative/i);
      },
      120_000,
    );

    // Every other national seed country too (Sweden above; the international layer has no country profile).
    const others = [...new Set(readSeedDocument().countries.map((c) => c.code))]
      .filter((c) => c !== 'SE' && c !== 'INT')
      .sort();
    test('when the seed is read, then there are other national countries to render', () =>
      expect(others.length).toBeGreaterThanOrEqual(9));
    for (const country of others) {
      withPoppler(
        `when the country profile of ${country} is made a PDF, then it is an A4 document with the same qualities`,
        async () => {
          const report = buildCountryReport(input(), country);
          const result = await renderAndRasterise(report, `country-${country}`);
          expectLooksLikeADocument(report, result);
          expect(result.pages.length).toBeLessThanOrEqual(MAX_PROFILE_PAGES);
        },
        120_000,
      );
    }

    withPoppler(
      'when the regional report is made a PDF, then it is an A4 document with the same qualities',
      async () => {
        const report = buildRegionalReport(input());
        expectLooksLikeADocument(report, await renderAndRasterise(report, 'region'));
      },
      120_000,
    );

    test('when two PDFs are asked for at once, then both come out whole (one browser, one PDF at a time)', async () => {
      const html = (t: string) =>
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${t}</title></head><body><h1>${t}</h1></body></html>`;
      const [a, b] = await Promise.all([htmlToPdf(html('A'), { title: 'A' }), htmlToPdf(html('B'), { title: 'B' })]);
      for (const pdf of [a, b]) {
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.subarray(-7).toString('latin1')).toMatch(/%%EOF\s*$/);
      }
    }, 60_000);
  });
}
