// What the browser tests share: Debian's Chromium and its launch flags, the viewport, where the built
// client and the screenshots live, the loud skip when no Chromium is installed, and the suite hooks.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { FlowAtlasTestHook } from '../../client/src/testHook';
import { startTestServer, type TestServer, type TestServerOptions } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
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
export const ROOT = path.resolve(__dirname, '../..');
export const CLIENT_INDEX = path.join(ROOT, 'dist/client/index.html');
export const ARTIFACTS = path.join(ROOT, 'artifacts/e2e');
export const VIEWPORT = { width: 1280, height: 800 };

export const browserAvailable = fs.existsSync(CHROMIUM);

/**
 * Without Chromium, registers one test that passes unless REQUIRE_BROWSER=1, and warns loudly; the
 * suite's real tests are not registered. Returns whether the real tests should be registered.
 */
export function requireBrowser(suite: string): boolean {
  if (browserAvailable) return true;
  const why = `${CHROMIUM} not found (install Debian's chromium, or set CHROMIUM_PATH)`;
  console.warn(`\n${'!'.repeat(78)}\nBROWSER TESTS SKIPPED (${suite}): ${why}\n${'!'.repeat(78)}\n`);
  describe(suite, () => {
    test('when Chromium is missing, then the run does not require a browser (REQUIRE_BROWSER is not 1)', () => {
      expect(process.env.REQUIRE_BROWSER).not.toBe('1');
    });
  });
  return false;
}

/** Fails early with a clear message when the client has not been built. */
export function assertClientBuilt(): void {
  if (!fs.existsSync(CLIENT_INDEX))
    throw new Error(`${CLIENT_INDEX} is missing: build the client first (npx vite build)`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface BrowserSuite {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the current page: a test fails if any occurred. */
  pageErrors: string[];
  /** Timings a suite records (milliseconds by label), written to `timingsFile` after the suite. */
  timings: Record<string, number>;
  /** GETs (or, with a body, POSTs) JSON from the test server's API; throws on an error status. */
  api<T>(urlPath: string, body?: unknown): Promise<T>;
  /** Reads the page's test hook (window.__flowAtlas, see client/src/testHook.ts). */
  hook<T>(read: (h: FlowAtlasTestHook) => T): Promise<T>;
  /** Saves a screenshot of the page as artifacts/e2e/<name>.png. */
  screenshot(name: string): Promise<void>;
}

/**
 * Registers the hooks every browser suite needs: the real app on a seeded embedded store and one
 * Chromium for the suite; a fresh context and page per test, whose uncaught page errors fail it;
 * after the suite, the recorded timings in `artifacts/e2e/<timingsFile>`. Read the fields inside
 * hooks and tests, not when the suite is defined.
 */
export function browserSuite(
  options: {
    timingsFile?: string;
    contextOptions?: BrowserContextOptions;
    timeout?: number;
    /** How the test server starts: by default signed in as `admin` for every request without a cookie; `{ as: null }` raw. */
    server?: TestServerOptions;
  } = {},
): BrowserSuite {
  const suite = {
    timings: {},
    async api<T>(urlPath: string, body?: unknown): Promise<T> {
      const res = await fetch(
        `${suite.server.url}${urlPath}`,
        body === undefined
          ? {}
          : {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            },
      );
      if (!res.ok) throw new Error(`${urlPath}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    hook<T>(read: (h: FlowAtlasTestHook) => T): Promise<T> {
      // `read` travels to the page as source text, like any function given to page.evaluate.
      return suite.page.evaluate<T>(`(() => {
        const h = window.__flowAtlas;
        if (!h) throw new Error('window.__flowAtlas is not set: no graph on screen');
        return (${read.toString()})(h);
      })()`);
    },
    async screenshot(name: string): Promise<void> {
      await suite.page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
    },
  } as BrowserSuite;
  beforeAll(async () => {
    assertClientBuilt();
    suite.server = await startTestServer(options.server);
    suite.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
    if (options.timingsFile && Object.keys(suite.timings).length > 0) {
      fs.writeFileSync(path.join(ARTIFACTS, options.timingsFile), `${JSON.stringify(suite.timings, null, 2)}\n`);
      console.log(`${options.timingsFile} (ms): ${JSON.stringify(suite.timings)}`);
    }
  });
  beforeEach(async () => {
    suite.context = await suite.browser.newContext({ viewport: VIEWPORT, ...options.contextOptions });
    suite.page = await suite.context.newPage();
    suite.page.setDefaultTimeout(options.timeout ?? 15_000);
    suite.pageErrors = [];
    suite.page.on('pageerror', (err) => suite.pageErrors.push(err.message));
  });
  afterEach(async () => {
    await suite.context?.close();
    expect(suite.pageErrors).toEqual([]);
  });
  return suite;
}
