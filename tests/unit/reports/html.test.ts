// The HTML rendering of reports: a whole document, escaped text, contents, numbered captions, print CSS.
import { buildCountryReport } from '../../../server/reports/country';
import { escapeHtml, renderReportHtml, safeSvg } from '../../../server/reports/html';
import { ILLUSTRATIVE_NOTICE, type CountryReport } from '../../../server/model/report';
import { buildRegionalReport } from '../../../server/reports/regional';
import { seedInput } from './seed-input';

const SCRIPT = '<script>alert("x")</script>';

function withHostileName(): CountryReport {
  const base = seedInput();
  const document = {
    ...base.document,
    stakeholders: base.document.stakeholders.map((s) => (s.country === 'SE' && s.ncp ? { ...s, name: SCRIPT } : s)),
  };
  return buildCountryReport({ ...base, document }, 'SE');
}

test('when a stakeholder is named <script>, then the HTML carries the name escaped and no script element', () => {
  const html = renderReportHtml(withHostileName(), { standalone: true });
  expect(html).toContain(escapeHtml(SCRIPT));
  expect(html).not.toMatch(/<script/i);
});

test('when a figure carries script or event handlers, then they are taken out', () => {
  expect(safeSvg('<svg><script>x()</script><rect onclick="x()" width="1"/><a href="javascript:x()">a</a></svg>')).toBe(
    '<svg><rect width="1"/><a href="#">a</a></svg>',
  );
});

test('when a report is rendered, then it is a whole document with a title page, contents linking to every section, and numbered captions', () => {
  const report = buildCountryReport(seedInput(), 'SE');
  const html = renderReportHtml(report, { standalone: true });
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).toContain(`<title>${escapeHtml(report.title)}</title>`);
  expect(html).toContain('class="title-page"');
  for (const s of report.sections) {
    expect(html).toContain(`<a href="#${s.id}">`);
    expect(html).toContain(`<section class="report-section" id="${s.id}">`);
  }
  const figures = report.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'figure');
  const tables = report.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'table');
  figures.forEach((f, i) =>
    expect(html).toContain(`<figcaption>Figure ${i + 1}. ${escapeHtml(f.caption)}</figcaption>`),
  );
  tables.forEach((t, i) => expect(html).toContain(`<caption>Table ${i + 1}. ${escapeHtml(t.caption)}</caption>`));
});

test('when a report is rendered, then its stylesheet prints on A4, sections run on (no page each), figures and short tables kept whole', () => {
  const html = renderReportHtml(buildRegionalReport(seedInput()), { standalone: true });
  expect(html).toMatch(/@media print[\s\S]*@page \{ size: A4;/);
  expect(html).toMatch(/section\.report-section \{ page-break-before: auto; break-before: auto; \}/);
  expect(html).not.toMatch(/report-section \{[^}]*break-before: (always|page)/);
  expect(html).toMatch(/figure, tr, caption, li, \.notice, table\.short \{ page-break-inside: avoid;/);
  expect(html).toMatch(/<table class="short"><caption>Table \d+\./);
});

test('when the report is illustrative, then the title page carries the notice; when not, no page does', () => {
  const report = buildCountryReport(seedInput(), 'NO');
  expect(renderReportHtml(report, { standalone: true })).toContain(
    `<p class="notice" role="note">${escapeHtml(ILLUSTRATIVE_NOTICE)}</p>`,
  );
  const plain = {
    ...report,
    illustrative: false,
    sections: report.sections.map((s) => ({
      ...s,
      blocks: s.blocks.filter((b) => !(b.type === 'paragraph' && b.text === ILLUSTRATIVE_NOTICE)),
    })),
  };
  expect(renderReportHtml(plain, { standalone: true })).not.toContain(escapeHtml(ILLUSTRATIVE_NOTICE));
});
