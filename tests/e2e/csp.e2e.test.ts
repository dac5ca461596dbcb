// The built client under the strict Content-Security-Policy, in a real Chromium: every view opens and the
// map exports without a single CSP violation, and the app's responses carry the policy.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD, createTestAccount } from '../support/auth';
import { browserSuite, requireBrowser, type BrowserSuite } from '../support/chromium';

/**
 * The policy as the README promises it, written out here so that a change to the server shows. The one
 * hash is that of the `<style>` Cytoscape's renderer inserts: `.__________cytoscape_container { position: relative; }`.
 */
const EXPECTED_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

function directivesOf(header: string | undefined | null): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) result[name] = values;
  }
  return result;
}

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

declare global {
  interface Window {
    __cspViolations?: Violation[];
  }
}

/** How each view shows it is ready (its heading, and its main content where that loads separately). */
const VIEWS: Array<{ view: string; ready: (page: Page) => Promise<unknown> }> = [
  {
    view: 'map',
    ready: (page) =>
      page.waitForFunction(() => window.__flowAtlas?.country === 'SE' && window.__flowAtlas.layoutDone, undefined, {
        timeout: 30_000,
      }),
  },
  {
    view: 'gaps',
    // The heading shows at once, the matrix when its answers are in.
    ready: (page) => page.locator('table.gaps-matrix').waitFor(),
  },
  {
    view: 'bottlenecks',
    ready: (page) => page.getByRole('heading', { name: 'Stakeholders by betweenness' }).waitFor(),
  },
  { view: 'ncp', ready: (page) => page.getByRole('heading', { name: 'National contact point of Sweden' }).waitFor() },
  { view: 'compare', ready: (page) => page.getByRole('heading', { name: 'Compare national networks' }).waitFor() },
  {
    view: 'evidence',
    ready: (page) => page.getByRole('heading', { name: /^Interviews in Sweden \(\d+\)$/ }).waitFor(),
  },
  { view: 'rounds', ready: (page) => page.getByRole('heading', { name: 'Mapping rounds of Sweden' }).waitFor() },
  { view: 'data', ready: (page) => page.getByRole('heading', { name: 'Import & export' }).waitFor() },
  {
    view: 'history',
    ready: async (page) => {
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await page.locator('.audit-table tbody tr').first().waitFor();
    },
  },
  { view: 'accounts', ready: (page) => page.getByRole('heading', { name: /^Accounts \(\d+\)$/ }).waitFor() },
  { view: 'reports', ready: (page) => page.locator('.report-section figure img').first().waitFor() },
];

/**
 * Records, for each test of `suite`, every violation the page's document reports (from before any of
 * its scripts runs) and every console error about the policy; returns readers for both.
 */
function recordViolations(suite: BrowserSuite) {
  let consoleCsp: string[] = [];
  beforeEach(async () => {
    consoleCsp = [];
    await suite.page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations?.push({
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
  return {
    violations: (): Promise<Violation[]> => suite.page.evaluate(() => window.__cspViolations ?? []),
    consoleCsp: () => consoleCsp,
  };
}

if (requireBrowser('the app under its Content-Security-Policy')) {
  describe('the app under its Content-Security-Policy', () => {
    const suite = browserSuite();
    const recorded = recordViolations(suite);
    const violations = recorded.violations;

    /** Opens a view of Sweden, waits until it is ready and the network is quiet; returns the page response. */
    async function open(view: string, ready: (page: Page) => Promise<unknown>) {
      const response = await suite.page.goto(`${suite.server.url}/?view=${view}&country=SE`);
      await ready(suite.page);
      await suite.page.waitForLoadState('networkidle');
      return response;
    }

    test('when the app and the API answer, then both carry the strict policy and the other security headers', async () => {
      for (const urlPath of ['/', '/?view=gaps', '/api/health', '/api/nothing-here']) {
        const res = await fetch(`${suite.server.url}${urlPath}`);
        const csp = res.headers.get('content-security-policy');
        expect({ urlPath, directives: directivesOf(csp) }).toEqual({ urlPath, directives: EXPECTED_CSP });
        expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-powered-by')).toBeNull();
      }
      // The built page itself holds no inline script or style, which the policy would block.
      const html = await (await fetch(suite.server.url)).text();
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html).not.toMatch(/<style|\sstyle=/);
    });

    test('when the page adds an inline style and an inline script, then the recorder sees both blocked', async () => {
      // The control: shows that the recorder would catch a violation if the app caused one.
      await open('data', VIEWS.find((v) => v.view === 'data')!.ready);
      await suite.page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'body { outline: 1px solid red; }';
        document.head.append(style);
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.head.append(script);
      });
      await suite.page.waitForFunction(() => (window.__cspViolations ?? []).length >= 2);
      expect((await violations()).map((v) => v.directive).sort()).toEqual(['script-src-elem', 'style-src-elem']);
      expect(await suite.page.evaluate(() => (window as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
      expect(recorded.consoleCsp().length).toBeGreaterThanOrEqual(2);
    });

    test.each(VIEWS)(
      'when the $view view is opened, then the policy is sent and nothing is blocked',
      async ({ view, ready }) => {
        const response = await open(view, ready);

        expect(directivesOf(response?.headers()['content-security-policy'])).toEqual(EXPECTED_CSP);
        expect(await violations()).toEqual([]);
        expect(recorded.consoleCsp()).toEqual([]);
      },
    );

    test('when the map is exported as PNG and SVG, then both files download and nothing is blocked', async () => {
      await open('map', VIEWS[0]!.ready);

      for (const [kind, magic] of [
        ['PNG', '\x89PNG'],
        ['SVG', '<svg'],
      ] as const) {
        const [download] = await Promise.all([
          suite.page.waitForEvent('download'),
          suite.page.getByRole('button', { name: `Download the map as ${kind}` }).click(),
        ]);
        const bytes = fs.readFileSync(await download.path());
        expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
      }
      expect(await violations()).toEqual([]);
      expect(recorded.consoleCsp()).toEqual([]);
    });
  });

  describe('signing in under the Content-Security-Policy', () => {
    const suite = browserSuite({ server: { as: null } });
    const recorded = recordViolations(suite);

    test("when a person signs in on the sign-in page, then nothing is blocked and the page's own POST passes the origin check", async () => {
      const username = await createTestAccount(suite.server.store, { role: 'editor' });
      const response = await suite.page.goto(`${suite.server.url}/?country=SE`);
      expect(directivesOf(response?.headers()['content-security-policy'])).toEqual(EXPECTED_CSP);

      await suite.page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
      await suite.page.getByLabel('Username').fill(username);
      await suite.page.getByLabel('Password').fill(TEST_PASSWORD);
      const [login] = await Promise.all([
        suite.page.waitForResponse((res) => res.url().endsWith('/api/auth/login')),
        suite.page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      // The browser sent its Origin with the POST, and the server took it as the app's own.
      expect(await login.request().headerValue('origin')).toBe(suite.server.url);
      expect(login.status()).toBe(200);
      await suite.page.waitForFunction(
        () => window.__flowAtlas?.country === 'SE' && window.__flowAtlas.layoutDone,
        undefined,
        { timeout: 30_000 },
      );

      expect(await recorded.violations()).toEqual([]);
      expect(recorded.consoleCsp()).toEqual([]);
    });
  });
}
