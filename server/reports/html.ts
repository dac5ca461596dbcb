// A report as one complete HTML document: title page, contents, sections, numbered figures and tables
// with captions, the illustrative notice; every text escaped; embedded CSS with an A4 print stylesheet.
import { createHash } from 'node:crypto';
import { ILLUSTRATIVE_NOTICE, type Block, type Report } from '../model/report';

export interface RenderOptions {
  /** A document of its own (served, printed, made a PDF). Either way the result is a whole HTML document. */
  standalone: boolean;
}

/** The report's stylesheet; its hash lets the served page's CSP admit exactly this inline style. */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1a1a1a; margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 22pt; margin: 0 0 .5rem; }
h2 { font-size: 15pt; margin: 2rem 0 .6rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; }
.title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; }
.subtitle { font-size: 13pt; color: #444; margin: 0 0 1.5rem; }
.meta { color: #555; margin: .2rem 0; }
.notice { border: 2px solid #b35c00; background: #fff4e5; padding: .6rem .8rem; margin: 1rem 0; }
nav.toc ol { padding-left: 1.2rem; }
nav.toc a { color: #0b4f8a; text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1.2rem; font-size: 9pt; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: .2rem 0 .4rem; }
th, td { border: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
figure { margin: 1rem 0 1.4rem; }
figure svg { width: 100%; height: auto; max-height: 42rem; }
figcaption { font-size: 9.5pt; color: #333; margin-top: .4rem; }
@media print {
  /* Sections follow each other (no page of their own): a report is as long as its content. The title and
     the contents share the first page; small blocks (figures, short tables, paragraphs, list items) are not
     split, a heading stays with what follows it, and a long table breaks between rows, its header repeated. */
  @page { size: A4; margin: 18mm 16mm 20mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .title-page { min-height: 0; display: block; padding-top: 35mm; }
  nav.toc { page-break-after: always; break-after: page; }
  nav.toc h2 { margin-top: 2.5rem; }
  section.report-section { page-break-before: auto; break-before: auto; }
  section.report-section h2 { margin-top: 1.6rem; }
  figure, tr, caption, li, .notice, table.short { page-break-inside: avoid; break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  thead { display: table-header-group; }
  h2, caption { page-break-after: avoid; break-after: avoid; }
  a { color: inherit; }
}
`;

/** Tables of at most this many rows are not split across pages. */
const SHORT_TABLE_ROWS = 15;

export const REPORT_CSS_HASH = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * The SVG of a figure, with anything that could run taken out (figures are built on the server and carry
 * no script; this is a second line of defence, since their labels come from the map).
 */
export function safeSvg(svg: string): string {
  return svg
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/(href\s*=\s*["'])\s*javascript:[^"']*/gi, '$1#');
}

function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

export function renderReportHtml(report: Report, _options: RenderOptions): string {
  let figures = 0;
  let tables = 0;
  const block = (b: Block): string => {
    switch (b.type) {
      case 'paragraph':
        return `<p>${escapeHtml(b.text)}</p>`;
      case 'list':
        return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
      case 'table': {
        tables += 1;
        const head = `<thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
        const body = `<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody>`;
        // A short table is kept on one page; a longer one may break between rows.
        const short = b.rows.length <= SHORT_TABLE_ROWS ? ' class="short"' : '';
        return `<table${short}><caption>Table ${tables}. ${escapeHtml(b.caption)}</caption>${head}${body}</table>`;
      }
      case 'figure':
        figures += 1;
        return `<figure id="${escapeHtml(b.id)}">${safeSvg(b.svg)}<figcaption>Figure ${figures}. ${escapeHtml(b.caption)}</figcaption></figure>`;
    }
  };
  const basis = report.basis.round
    ? `Mapping round "${report.basis.round.name}" (frozen ${dateOf(report.basis.round.createdAt)})`
    : `The map as it was on ${dateOf(report.generatedAt)}`;
  const notice = report.illustrative ? `<p class="notice" role="note">${escapeHtml(ILLUSTRATIVE_NOTICE)}</p>` : '';
  const toc = report.sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('');
  const sections = report.sections
    .map(
      (s) =>
        `<section class="report-section" id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="title-page">
<h1>${escapeHtml(report.title)}</h1>
<p class="subtitle">${escapeHtml(report.subtitle)}</p>
<p class="meta">Basis: ${escapeHtml(basis)}</p>
<p class="meta">Generated: ${escapeHtml(report.generatedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC'))}</p>
<p class="meta">Flow Atlas</p>
${notice}
</header>
<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${toc}</ol></nav>
<main>
${sections}
</main>
</body>
</html>
`;
}
