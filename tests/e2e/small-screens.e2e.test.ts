// End-to-end, issue 18 point 12 ("phones and small windows"): every view at 390, 768 and 1,280 px wide
// has nothing wider than the window (no sideways scrolling), the map's filters are a drawer behind a
// button on a phone, and the map keeps most of the screen. Screenshots of each view at each width go to
// artifacts/e2e (the suites' place for them, outside git), to look at, not to compare.
import type { Page } from 'playwright-core';
import { VIEWS } from '../../client/src/lib/views';
import { browserSuite, requireBrowser } from '../support/chromium';
import type { TestServer } from '../support/server';

const WIDTHS = [390, 768, 1280] as const;

/** The elements sticking out past the window's right edge (from a parent that does not, outside any scroller that fits), for a failure message. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      const parent = el.parentElement?.getBoundingClientRect();
      let scrolled = false;
      for (let a = el.parentElement; a && !scrolled; a = a.parentElement) {
        scrolled = getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 0.5;
      }
      if (r.width > 0 && r.right > width + 0.5 && !scrolled && (!parent || parent.right <= width + 0.5)) {
        out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
      }
    }
    return out.slice(0, 8);
  });
}

async function openView(page: Page, url: string, view: string): Promise<void> {
  await page.goto(`${url}/?view=${view}&country=SE`);
  await page.locator('.app-main').waitFor();
  await page.waitForLoadState('networkidle');
  if (view === 'map') await page.locator('.graph-canvas canvas').first().waitFor();
  await page
    .locator('.loading, [aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

if (requireBrowser('small screens in a browser')) {
  for (const width of WIDTHS) {
    describe(`every view at ${width} px wide`, () => {
      const suite = browserSuite({ contextOptions: { viewport: { width, height: width < 768 ? 844 : 900 } } });
      let server: TestServer;
      let page: Page;
      beforeEach(() => ({ server, page } = suite));

      test.each(VIEWS.map((v) => v.id))('when the %s view is open, then nothing overflows sideways', async (view) => {
        await openView(page, server.url, view);
        await suite.screenshot(`small-screens-${view}-${width}`);
        const scroll = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        const culprits = scroll > width ? [`scrollWidth ${scroll}`, ...(await overflowing(page))] : [];
        expect({ view, culprits }).toEqual({ view, culprits: [] });
      });
    });
  }
}

if (requireBrowser('the map drawer in a browser')) {
  describe('the map on a phone', () => {
    const suite = browserSuite({ contextOptions: { viewport: { width: 390, height: 844 } } });

    test('when the map is open at 390 px, then the filters are a drawer a button opens and the map keeps most of the screen', async () => {
      const { page, server } = suite;
      await openView(page, server.url, 'map');
      const toggle = page.getByRole('button', { name: /^Filters and legend/ });
      const sector = page.getByRole('group', { name: 'Sector' });
      expect(await toggle.isVisible()).toBe(true);
      expect(await sector.isVisible()).toBe(false);
      const stage = await page.locator('.graph-area').boundingBox();
      expect(stage!.height).toBeGreaterThan(844 * 0.5);

      await toggle.click();
      await sector.waitFor();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const drawer = await page.locator('.sidebar-panel').boundingBox();
      expect(drawer!.x + drawer!.width).toBeLessThanOrEqual(390);
      await suite.screenshot('small-screens-map-drawer-390');
      await page.getByRole('group', { name: 'Sector' }).getByRole('checkbox').first().check();
      await page.waitForURL((url) => url.searchParams.has('sector'));

      await page.keyboard.press('Escape');
      await sector.waitFor({ state: 'hidden' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.textContent()).toContain('(1 on)');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('sidebar-toggle'))).toBe(true);
    });
  });

  describe('the map on a wide screen', () => {
    const suite = browserSuite();

    test('when the map is open at 1,280 px, then the filters are in the sidebar and no drawer button is shown', async () => {
      const { page, server } = suite;
      await openView(page, server.url, 'map');
      expect(await page.getByRole('group', { name: 'Sector' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: /^Filters and legend/ }).isVisible()).toBe(false);
    });
  });
}
