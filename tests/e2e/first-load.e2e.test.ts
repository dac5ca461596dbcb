// End-to-end, issue 18: the first load and the small cares, in a real Chromium on the built client. What the
// Lighthouse scores rest on, checked without a clock: a view that draws no map loads no Cytoscape (the build's
// first bundle holds none either), scripts and styles come compressed and cached as immutable, the page itself
// is asked for again each time, the favicon loads and the console stays clean (points 6 and 13); an NCP lands
// on its own country (point 8); a form with unsaved changes asks before it is left (point 7).
import fs from 'node:fs';
import path from 'node:path';
import type { Dialog, Page, Response } from 'playwright-core';
import { LEAVE_QUESTION } from '../../client/src/lib/unsavedChanges';
import type { SessionUser } from '../../server/model/roles';
import { CYTOSCAPE_CONTAINER_STYLE } from '../../server/api/security';
import { browserSuite, requireBrowser, ROOT } from '../support/chromium';
import { addAccount, passwordOf, type E2eAccount } from './sessions';

/** Text only Cytoscape's renderer holds (the class of the container rule it inserts): a script holding it carries Cytoscape. */
const CYTOSCAPE_MARK = CYTOSCAPE_CONTAINER_STYLE.split(' ')[0]!.slice(1);
const CLIENT = path.join(ROOT, 'dist/client');

interface Loaded {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Records every response of the page (bodies of scripts, styles and the page) and the console's errors. */
function recorder(page: Page) {
  const pending: Array<Promise<Loaded | null>> = [];
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('response', (res: Response) => {
    const type = res.request().resourceType();
    pending.push(
      (async () => ({
        url: res.url(),
        status: res.status(),
        headers: await res.allHeaders(),
        body: ['script', 'stylesheet', 'document'].includes(type)
          ? (await res.body().catch(() => Buffer.alloc(0))).toString()
          : '',
      }))().catch(() => null),
    );
  });
  return {
    consoleErrors,
    async responses(): Promise<Loaded[]> {
      return (await Promise.all(pending)).filter((r): r is Loaded => r !== null);
    },
  };
}

const scriptsOf = (all: Loaded[]) => all.filter((r) => new URL(r.url).pathname.endsWith('.js'));
const withCytoscape = (all: Loaded[]) =>
  scriptsOf(all)
    .filter((r) => r.body.includes(CYTOSCAPE_MARK))
    .map((r) => new URL(r.url).pathname);

/** Waits until the map of Sweden is laid out and drawn. */
const swedenLaidOut = (page: Page) =>
  page.waitForFunction(() => window.__flowAtlas?.country === 'SE' && window.__flowAtlas.layoutDone, undefined, {
    timeout: 30_000,
  });

if (requireBrowser('first load in a browser')) {
  describe('first load in a browser', () => {
    describe('what the first page load carries', () => {
      const suite = browserSuite({ timeout: 30_000 });

      test("when the build is read, then the first bundle (index.html's scripts and what they import) holds no Cytoscape, and some later chunk does", () => {
        const manifestFile = path.join(CLIENT, '.vite/manifest.json');
        expect(fs.existsSync(manifestFile)).toBe(true);
        const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<
          string,
          { file: string; imports?: string[]; isEntry?: boolean }
        >;
        const first = new Set<string>();
        const visit = (key: string) => {
          const chunk = manifest[key];
          if (!chunk || first.has(chunk.file)) return;
          first.add(chunk.file);
          for (const k of chunk.imports ?? []) visit(k);
        };
        visit('index.html');
        expect(first.size).toBeGreaterThan(0);
        const holds = (file: string) => fs.readFileSync(path.join(CLIENT, file), 'utf8').includes(CYTOSCAPE_MARK);
        expect([...first].filter(holds)).toEqual([]);
        expect(Object.values(manifest).some((c) => holds(c.file))).toBe(true);
      });

      test('when the Gaps view is opened, then no script with Cytoscape is loaded, scripts and styles come compressed and immutable, the page no-cache, and the favicon loads with nothing in the console', async () => {
        const { page, server } = suite;
        const seen = recorder(page);
        await page.goto(`${server.url}/?view=gaps&country=SE`);
        await page.locator('table.gaps-matrix').getByRole('button').first().waitFor();
        await page.waitForLoadState('networkidle');

        const all = await seen.responses();
        expect(withCytoscape(all)).toEqual([]);
        const assets = all.filter((r) => new URL(r.url).pathname.startsWith('/assets/'));
        expect(assets.length).toBeGreaterThan(2);
        for (const a of assets) {
          expect({ url: a.url, status: a.status, cache: a.headers['cache-control'] }).toEqual({
            url: a.url,
            status: 200,
            cache: 'public, max-age=31536000, immutable',
          });
          // What the build compressed (1 kB and more) is sent compressed: Chromium accepts gzip (and brotli over HTTPS).
          if (a.body.length >= 1024)
            expect({ url: a.url, encoding: a.headers['content-encoding'] }).toEqual({
              url: a.url,
              encoding: expect.stringMatching(/^(br|gzip)$/),
            });
        }
        const doc = all.find((r) => new URL(r.url).pathname === '/');
        expect(doc?.headers['cache-control']).toBe('no-cache');

        const icon = await page.evaluate(async () => {
          const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
          if (!link) return null;
          const res = await fetch(link.href);
          return { status: res.status, type: res.headers.get('content-type') };
        });
        expect(icon).toEqual({ status: 200, type: expect.stringMatching(/^image\/svg\+xml/) });
        expect(all.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`)).toEqual([]);
        expect(seen.consoleErrors).toEqual([]);
      });

      test('when the Map view is opened, then Cytoscape is loaded (the mark the other tests look for is the right one)', async () => {
        const { page, server } = suite;
        const seen = recorder(page);
        await page.goto(`${server.url}/?view=map&country=SE`);
        await swedenLaidOut(page);
        expect(withCytoscape(await seen.responses())).toHaveLength(1);
        expect(seen.consoleErrors).toEqual([]);
      });

      test("when the Map view is opened, then its screen (toolbar, lists) is shown before Cytoscape arrives, the page does not preload Cytoscape, and the editor's code loads only when a form opens", async () => {
        const { page, server } = suite;
        const seen = recorder(page);
        // The page's own preload hints name no script that carries Cytoscape.
        const html = await (await fetch(`${server.url}/?view=map&country=SE`)).text();
        const hinted = [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map((m) => m[1]!);
        expect(hinted.length).toBeGreaterThan(0);
        const bodies = await Promise.all(hinted.map(async (h) => (await fetch(`${server.url}${h}`)).text()));
        expect(hinted.filter((_, i) => bodies[i]!.includes(CYTOSCAPE_MARK))).toEqual([]);
        // Cytoscape's chunk held back: the map screen shows all the same, and is asked for it once shown.
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let markAsked: () => void = () => undefined;
        const asked = new Promise<void>((resolve) => {
          markAsked = resolve;
        });
        await page.route('**/assets/graph-*.js', async (route) => {
          markAsked();
          await held;
          await route.continue();
        });
        try {
          await page.goto(`${server.url}/?view=map&country=SE`);
          await page.getByRole('searchbox').first().waitFor({ timeout: 30_000 });
          await page.locator('.graph-canvas[data-layout="loading"]').waitFor();
          await asked;
          // Still the screen without its canvas: Cytoscape has not arrived.
          expect(await page.locator('.graph-canvas[data-layout="loading"]').count()).toBe(1);
        } finally {
          release();
        }
        await swedenLaidOut(page);
        await page.unroute('**/assets/graph-*.js');
        const editor = (all: Loaded[]) => scriptsOf(all).filter((r) => /\/assets\/Editor-[^/]+\.js$/.test(r.url));
        expect(editor(await seen.responses())).toEqual([]);
        expect(withCytoscape(await seen.responses())).toHaveLength(1);
        expect(seen.consoleErrors).toEqual([]);
      });

      test('when the Map view is opened, then its map, the country list and the catalogue are asked for while the server has not yet said who is signed in (together, not one after another)', async () => {
        const { page, server } = suite;
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        // Who is signed in is answered only once the page has asked for the rest.
        await page.route('**/api/auth/me', async (route) => {
          await held;
          await route.continue();
        });
        const asked: string[] = [];
        page.on('request', (r) => {
          const url = new URL(r.url());
          if (url.pathname.startsWith('/api/')) asked.push(`${url.pathname}${url.search}`);
        });
        try {
          await page.goto(`${server.url}/?view=map&country=SE`, { waitUntil: 'commit' });
          await page.waitForRequest((r) => r.url().endsWith('/api/graph?country=SE'), { timeout: 30_000 });
          await page.waitForRequest((r) => new URL(r.url()).pathname === '/api/reference', { timeout: 30_000 });
          expect(asked).toEqual(expect.arrayContaining(['/api/auth/me', '/api/countries']));
        } finally {
          release();
        }
        await swedenLaidOut(page);
        // The view asked again for nothing the page had asked for already.
        expect(asked.filter((a) => a === '/api/graph?country=SE')).toHaveLength(1);
        await page.unroute('**/api/auth/me');
      });

      test("when the Compare view is opened, then its role matrix is drawn once, in the catalogue's order: nothing in it is moved or taken out afterwards", async () => {
        const { page, server } = suite;
        // Counts the nodes taken out of (or moved within: React moves a node by inserting it again) the role matrix.
        await page.addInitScript(() => {
          const w = window as unknown as { __roleMatrixRemovals: number };
          w.__roleMatrixRemovals = 0;
          new MutationObserver((list) => {
            for (const m of list)
              if (m.removedNodes.length > 0 && (m.target as Element).closest?.('.role-matrix'))
                w.__roleMatrixRemovals += m.removedNodes.length;
          }).observe(document, { subtree: true, childList: true });
        });
        await page.goto(`${server.url}/?view=compare`);
        await page.locator('.role-matrix g.heat-cell').first().waitFor({ state: 'attached', timeout: 30_000 });
        await page.waitForLoadState('networkidle');
        const cells = await page.locator('.role-matrix g.heat-cell').count();
        expect(cells).toBeGreaterThan(10);
        expect(
          await page.evaluate(() => (window as unknown as { __roleMatrixRemovals: number }).__roleMatrixRemovals),
        ).toBe(0);
      });

      test("when the Compare view is opened, then its table shows without Cytoscape or any country's map; the sketches are drawn, Cytoscape with them, when they come into view", async () => {
        const { page, server } = suite;
        const seen = recorder(page);
        const graphs: string[] = [];
        page.on('request', (r) => {
          if (new URL(r.url()).pathname === '/api/graph') graphs.push(r.url());
        });
        await page.goto(`${server.url}/?view=compare`);
        await page.locator('table.compare-table tbody tr').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(withCytoscape(await seen.responses())).toEqual([]);
        expect(graphs).toEqual([]);
        expect(await page.locator('figure.sketch-card').count()).toBe(10);
        expect(await page.locator('figure.sketch-card svg.sketch').count()).toBe(0);

        const card = page.locator('figure.sketch-card').first();
        await card.scrollIntoViewIfNeeded();
        await card.locator('svg.sketch').waitFor();
        expect(withCytoscape(await seen.responses())).toHaveLength(1);
        expect(graphs.length).toBeGreaterThan(0);
      });
    });

    describe('an NCP signs in', () => {
      const suite = browserSuite({ timeout: 30_000, server: { as: null } });
      // Sweden first, then Finland: neither is the first country by name (Denmark).
      const NCP: E2eAccount = { username: 'se.fi.ncp', role: 'ncp', countries: ['SE', 'FI'] };

      test("when an NCP signs in on the bare address, then the map of the first country in its account's list opens, not the first by name", async () => {
        const { page, server } = suite;
        await addAccount(server, NCP);
        await page.goto(`${server.url}/`);
        await page.getByRole('heading', { name: 'Sign in', level: 2 }).waitFor();
        await page.getByLabel('Username').fill(NCP.username);
        await page.getByLabel('Password').fill(passwordOf(NCP));
        await page.getByRole('button', { name: 'Sign in' }).click();

        await page.waitForFunction(() => window.__flowAtlas?.layoutDone === true, undefined, { timeout: 30_000 });
        const me = await page.evaluate(
          async () => ((await (await fetch('/api/auth/me')).json()) as { user: SessionUser }).user,
        );
        expect(me.countries).toEqual(['SE', 'FI']);
        expect(new URL(page.url()).searchParams.get('country')).toBe('SE');
        expect(await page.evaluate(() => window.__flowAtlas?.country)).toBe('SE');
        expect(await page.locator('.app-header').getByLabel('Country').inputValue()).toBe('SE');
      });
    });

    describe('unsaved work', () => {
      const suite = browserSuite({ timeout: 30_000 });

      /**
       * Runs `action`, which makes the page ask something; answers it (accept or dismiss) and returns what was asked.
       * `settle: false` for an action that never completes once the question is dismissed (a reload that is cancelled).
       */
      async function answer(
        page: Page,
        action: () => Promise<unknown>,
        accept: boolean,
        settle = true,
      ): Promise<{ type: string; message: string }> {
        const asked = page.waitForEvent('dialog');
        const done = action().catch(() => undefined);
        const dialog: Dialog = await asked;
        const seen = { type: dialog.type(), message: dialog.message() };
        if (accept) await dialog.accept();
        else await dialog.dismiss();
        if (settle) await done;
        return seen;
      }

      test('when a form has changes, then closing it, Back and reloading each ask first, and staying keeps the changes; once left, nothing more is asked', async () => {
        const { page, server } = suite;
        await page.goto(`${server.url}/?view=map&country=SE`);
        await page
          .getByRole('navigation', { name: 'Views' })
          .getByRole('link', { name: 'Evidence', exact: true })
          .click();
        await page.getByRole('button', { name: 'Add interview' }).click();
        const form = page.locator('dialog[open]');
        await form.getByRole('heading', { name: 'New interview' }).waitFor();
        const round = form.getByLabel(/^Round/);
        // Typed as a person does (a click, then keys), so the page has the user activation a beforeunload question needs.
        await round.click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type('2026-unsaved');

        // Escape (closing the form) asks; staying keeps the form and what was typed.
        expect(await answer(page, () => page.keyboard.press('Escape'), false)).toEqual({
          type: 'confirm',
          message: LEAVE_QUESTION,
        });
        expect(await round.inputValue()).toBe('2026-unsaved');

        // Back asks; staying keeps the address and the form.
        expect(await answer(page, () => page.goBack(), false)).toEqual({ type: 'confirm', message: LEAVE_QUESTION });
        await page.waitForFunction(() => new URLSearchParams(window.location.search).get('view') === 'evidence');
        expect(await round.inputValue()).toBe('2026-unsaved');

        // Reloading (or closing the tab) asks through the browser's own question.
        expect((await answer(page, () => page.reload({ timeout: 5_000 }), false, false)).type).toBe('beforeunload');
        expect(await round.inputValue()).toBe('2026-unsaved');

        // Leaving on purpose: the form closes, and Back then goes back without a question.
        await answer(page, () => form.getByRole('button', { name: 'Cancel' }).click(), true);
        await form.waitFor({ state: 'detached' });
        const asked: string[] = [];
        page.on('dialog', (d) => {
          asked.push(d.type());
          void d.dismiss();
        });
        await page.goBack();
        await page.waitForFunction(() => new URLSearchParams(window.location.search).get('view') === 'map');
        expect(asked).toEqual([]);
      });

      test('when a form is opened and nothing is changed, then closing it asks nothing', async () => {
        const { page, server } = suite;
        await page.goto(`${server.url}/?view=evidence&country=SE`);
        await page.getByRole('button', { name: 'Add interview' }).click();
        const form = page.locator('dialog[open]');
        await form.getByRole('heading', { name: 'New interview' }).waitFor();
        const asked: string[] = [];
        page.on('dialog', (d) => {
          asked.push(d.type());
          void d.dismiss();
        });
        await page.keyboard.press('Escape');
        await form.waitFor({ state: 'detached' });
        expect(asked).toEqual([]);
      });
    });
  });
}
