// End-to-end at scale (issue 18, points 1-3): how a 1,000-stakeholder country of a synthetic region of
// 3 x 1,000 (tests/perf/synthetic.ts) is drawn cheaply, in the built client. What does not depend on the clock:
// zoomed out, its flows are sketches without arrowheads, and once the view rests zoomed in the flows in view get
// them (edgeDetail.ts); laid out by sector, its plain sector boxes (plainBoxes.ts) enclose their stakeholders,
// and Fit shows them all. Screenshots of the map at Fit, zoomed in and by sector go to artifacts/e2e.
import type { Page } from 'playwright-core';
import { syntheticRegion } from '../perf/synthetic';
import { ARTIFACTS, browserSuite, requireBrowser } from '../support/chromium';

const COUNTRY = 'XA';
/** The layout of a large map may take a while on a busy machine; nothing here is timed. */
const LAYOUT_TIMEOUT = 180_000;
const TEST_TIMEOUT = 2 * LAYOUT_TIMEOUT;

if (requireBrowser('large map drawn cheaply in a browser')) {
  describe('flows and sector boxes of a 1,000-stakeholder country in a browser', () => {
    const suite = browserSuite({ server: { seedMaps: false }, timeout: LAYOUT_TIMEOUT });
    const { hook } = suite;
    let page: Page;

    beforeAll(async () => {
      const document = syntheticRegion({ countries: 3, stakeholdersPerCountry: 1000, seed: 1 });
      await suite.server.store.importDocument(document, { mode: 'merge', actor: 'e2e-setup' });
    }, LAYOUT_TIMEOUT);
    beforeEach(() => {
      page = suite.page;
    });

    async function openMap(): Promise<void> {
      await page.goto(`${suite.server.url}/?country=${COUNTRY}`);
      await page.waitForFunction(
        (code) => window.__flowAtlas?.country === code && window.__flowAtlas.layoutDone,
        COUNTRY,
        { timeout: LAYOUT_TIMEOUT },
      );
    }

    /** Clicks a zoom control, then waits for the labels of the resting view (chosen after a short pause). */
    async function settle(control: 'Fit the whole map in view' | 'Zoom in'): Promise<void> {
      await page.getByRole('button', { name: control, exact: true }).click();
      await page.waitForTimeout(400);
      await page.waitForFunction(() => (window.__flowAtlas?.labelBoxes().length ?? 0) > 0, null, {
        timeout: LAYOUT_TIMEOUT,
      });
    }

    test(
      'when the view rests zoomed in, then the flows in view get their arrowheads, which the whole map at Fit goes without',
      async () => {
        await openMap();
        await settle('Fit the whole map in view');
        await page.screenshot({ path: `${ARTIFACTS}/map-scale-detail-fit.png` });
        expect(await hook((h) => h.arrowEdgeCount())).toBe(0);
        for (let i = 0; i < 12 && (await hook((h) => h.zoom())) < 0.5; i++) {
          await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
        }
        expect(await hook((h) => h.zoom())).toBeGreaterThanOrEqual(0.5);
        await page.waitForFunction(() => (window.__flowAtlas?.arrowEdgeCount() ?? 0) > 0, null, {
          timeout: LAYOUT_TIMEOUT,
        });
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${ARTIFACTS}/map-scale-detail-zoomed.png` });
        // Only the flows in view are drawn in full, not every flow of the map.
        const total = await hook((h) => h.visibleEdgeCount());
        expect(await hook((h) => h.arrowEdgeCount())).toBeLessThan(total);
      },
      TEST_TIMEOUT,
    );

    test(
      'when the map is laid out by sector, then each sector box encloses its stakeholders and Fit shows them all',
      async () => {
        await openMap();
        await page.getByLabel('Layout').selectOption('sector');
        await page.waitForFunction(
          () => window.__flowAtlas?.layout === 'sector' && window.__flowAtlas.layoutDone,
          null,
          { timeout: LAYOUT_TIMEOUT },
        );
        const { boxes, nodes, size, count } = await hook((h) => ({
          boxes: h.groupBoxes(),
          nodes: h.nodeBoxes(),
          size: h.canvasSize(),
          count: h.nodeCount(),
        }));
        expect(boxes.length).toBeGreaterThanOrEqual(2);
        expect(boxes.reduce((n, b) => n + b.members.length, 0)).toBe(count);
        const at = new Map(nodes.map((n) => [n.id, n]));
        const outside: string[] = [];
        for (const { id, members, box } of boxes)
          for (const m of members) {
            const n = at.get(m)!;
            if (n.x1 < box.x1 || n.y1 < box.y1 || n.x2 > box.x2 || n.y2 > box.y2) outside.push(`${m} of ${id}`);
          }
        expect(outside).toEqual([]);
        const offScreen = [...boxes.map((b) => b.box), ...nodes].filter(
          (b) => b.x1 < 0 || b.y1 < 0 || b.x2 > size.width || b.y2 > size.height,
        );
        expect(offScreen).toEqual([]);
        await page.screenshot({ path: `${ARTIFACTS}/map-scale-sector.png` });
      },
      TEST_TIMEOUT,
    );
  });
}
