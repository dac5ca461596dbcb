// HTML to PDF for the reports: Debian's Chromium through playwright-core, A4, "page N of M" in the
// footer (on every page: Chromium's footer template cannot skip the title page), the outline as bookmarks. One browser, started on the first
// PDF and reused, renders one PDF at a time with scripts and network off; closePdfRenderer() ends it.
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AppError } from '../errors';
import { escapeHtml } from './html';

/** The same flags as the browser tests (tests/support/chromium.ts). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** No Chromium to render with: the API answers 503 `pdf_unavailable`, the HTML report still works. */
export class PdfUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'pdf_unavailable';
}

export interface PdfOptions {
  /** Shown in every page's footer beside the page number. */
  title: string;
}

/** Page margins; the bottom one holds the footer. */
export const PDF_MARGIN = { top: '16mm', right: '16mm', bottom: '18mm', left: '16mm' };

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

let browser: Promise<Browser> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function startBrowser(): Promise<Browser> {
  if (browser) return browser;
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    return Promise.reject(
      new PdfUnavailableError(
        `PDF reports need Chromium, and ${executablePath} is not installed (install Debian's chromium or set CHROMIUM_PATH); the HTML report works without it`,
      ),
    );
  }
  const started = chromium.launch({ executablePath, args: CHROMIUM_ARGS }).then(
    (b) => {
      b.on('disconnected', () => {
        if (browser === started) browser = undefined;
      });
      return b;
    },
    (err: unknown) => {
      browser = undefined;
      throw new PdfUnavailableError(
        `Chromium (${executablePath}) could not be started: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
      );
    },
  );
  browser = started;
  return started;
}

/** Chromium fills the pageNumber and totalPages spans; the template needs its own font size. */
export function footerTemplate(title: string): string {
  return (
    '<div style="width:100%;margin:0 16mm;display:flex;justify-content:space-between;font-size:8pt;color:#444;' +
    "font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;\">" +
    `<span>${escapeHtml(title)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`
  );
}

async function render(html: string, options: PdfOptions): Promise<Buffer> {
  const b = await startBrowser();
  const context = await b.newContext({ javaScriptEnabled: false, bypassCSP: true });
  try {
    const page = await context.newPage();
    // The report is self-contained: nothing may be fetched while it renders. (Page scripts are off, so
    // page.addStyleTag and page.evaluate would hang: the HTML goes in as it is.)
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(options.title),
      margin: PDF_MARGIN,
      outline: true,
      tagged: true,
    });
  } finally {
    await context.close();
  }
}

/** Renders a complete HTML document to an A4 PDF; throws PdfUnavailableError without Chromium. */
export function htmlToPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const result = queue.then(() => render(html, options));
  queue = result.catch(() => undefined);
  return result;
}

/** Closes the shared browser (on shutdown); the next PDF starts a new one. */
export async function closePdfRenderer(): Promise<void> {
  const current = browser;
  browser = undefined;
  if (!current) return;
  try {
    await (await current).close();
  } catch {
    // It never started, or is already gone.
  }
}
