// End-to-end: the Reports view in a real Chromium on the seeded store: Sweden's profile with its sections and
// figures, the round picker and the links, the report served as a page of its own, all without a CSP violation.
import { browserSuite, requireBrowser } from '../support/chromium';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

declare global {
  interface Window {
    __reportCspViolations?: Violation[];
  }
}

const SECTIONS = [
  'Summary',
  'The National Contact Point',
  'The national network',
  'What is collected and by whom',
  'Coverage by theme',
  'Single points of failure and fragile coverage',
  "The NCP's position and brokerage roles",
  'Cross-border channels',
  'Suggested links',
  'Comparison with the regional median',
  'Data provenance',
];

if (requireBrowser('the Reports view in a browser')) {
  describe('the Reports view in a browser', () => {
    const suite = browserSuite();
    let consoleCsp: string[] = [];

    beforeEach(async () => {
      consoleCsp = [];
      await suite.page.addInitScript(() => {
        window.__reportCspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__reportCspViolations?.push({
            directive: e.effectiveDirective,
            blocked: e.blockedURI,
            sample: e.sample,
            source: `${e.sourceFile}:${e.lineNumber}`,
          });
        });
      });
      suite.page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(msg.text())) consoleCsp.push(msg.text());
      });
    });

    const violations = () => suite.page.evaluate(() => window.__reportCspViolations ?? []);

    test('when the Reports view opens for SE, then every section and the figures are shown, with no CSP violation', async () => {
      const { page, server } = suite;
      await page.goto(`${server.url}/?view=reports&country=SE`);
      const report = page.getByRole('article', { name: /^Sweden: how information/ });
      await report.waitFor({ timeout: 30_000 });
      for (const title of SECTIONS) {
        expect(await report.getByRole('heading', { name: title, exact: true }).count()).toBe(1);
      }
      const network = report.getByRole('img', { name: /^The national network of Sweden/ });
      await network.waitFor();
      expect(await network.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(await report.getByText(/^Figure 1\. The national network of Sweden/).count()).toBe(1);
      expect(await report.getByRole('note').textContent()).toMatch(/^Illustrative data/);
      expect(await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe(
        '/api/reports/country/SE?format=pdf',
      );
      expect(await page.getByRole('button', { name: 'Print' }).count()).toBe(1);
      await page.waitForLoadState('networkidle');
      await suite.screenshot('reports-se');
      expect(await violations()).toEqual([]);
      expect(consoleCsp).toEqual([]);
    });

    test('when the regional report is picked, then the coverage matrix is shown and the URL says so', async () => {
      const { page, server } = suite;
      await page.goto(`${server.url}/?view=reports&country=SE`);
      await page.getByRole('article').waitFor({ timeout: 30_000 });
      await page.getByLabel('Report', { exact: true }).selectOption('region');
      const report = page.getByRole('article', { name: /across the region$/ });
      await report.waitFor({ timeout: 30_000 });
      expect(await report.getByRole('heading', { name: 'Coverage matrix', exact: true }).count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('report')).toBe('region');
      expect(await violations()).toEqual([]);
    });

    test('when the report is opened as a page of its own, then its stylesheet applies under its policy', async () => {
      const { page, server } = suite;
      await page.goto(`${server.url}/?view=reports&country=SE`);
      await page.getByRole('article').waitFor({ timeout: 30_000 });
      const response = await page.goto(`${server.url}/api/reports/country/SE?format=html`);
      expect(response?.status()).toBe(200);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const border = await page
        .locator('table')
        .first()
        .evaluate((t) => getComputedStyle(t).borderCollapse);
      expect(border).toBe('collapse');
      expect(await violations()).toEqual([]);
      expect(consoleCsp).toEqual([]);
    });
  });
}
