// End-to-end on the seed (issue 18, point 6): the force-directed layout of a small map is computed in the layout
// worker, off the page's thread (canvasLayout.ts, spacedLayout.ts), as a large map's is; it is the same after a
// reload; at Fit every node is in view, the NCP is labelled and no two labels overlap.
import { ARTIFACTS, browserSuite, requireBrowser } from '../support/chromium';
import { overlapping } from '../support/labelOverlaps';

if (requireBrowser('small map layout in a browser')) {
  describe('force-directed layout of a seed map in a browser', () => {
    const suite = browserSuite({ timeout: 60_000 });
    const { hook } = suite;

    async function openMap(country: string): Promise<void> {
      await suite.page.goto(`${suite.server.url}/?view=map&country=${country}`);
      await suite.page.waitForFunction(
        (code) => window.__flowAtlas?.country === code && window.__flowAtlas.layoutDone,
        country,
        { timeout: 60_000 },
      );
    }

    /** Each stakeholder's place in the graph's own units (rendered position less pan, over zoom). */
    const places = async () =>
      await hook((h) => {
        const zoom = h.zoom();
        const pan = h.pan();
        return h
          .nodeBoxes()
          .map((b) => ({
            id: b.id,
            x: Math.round(((b.x1 + b.x2) / 2 - pan.x) / zoom),
            y: Math.round(((b.y1 + b.y2) / 2 - pan.y) / zoom),
          }))
          .sort((p, q) => p.id.localeCompare(q.id));
      });

    test.each(['SE', 'DE'])(
      'when the %s map opens, then the worker lays it out, the same way after a reload, and its labels at Fit do not overlap',
      async (country) => {
        await openMap(country);
        expect(await hook((h) => h.layoutInWorker)).toBe(true);
        const first = await places();
        expect(first.length).toBeGreaterThan(20);

        // Fit: every node in view; the labels chosen (after a short rest) include the NCP's and do not overlap.
        await suite.page.waitForTimeout(400);
        const labels = await hook((h) => h.labelBoxes());
        const { nodes, size, ncp } = await hook((h) => ({
          nodes: h.nodeBoxes(),
          size: h.canvasSize(),
          ncp: h.ncpNodes(),
        }));
        await suite.page.screenshot({ path: `${ARTIFACTS}/map-layout-${country}.png` });
        expect(nodes.filter((b) => b.x1 < 0 || b.y1 < 0 || b.x2 > size.width || b.y2 > size.height)).toEqual([]);
        expect(overlapping(labels)).toEqual([]);
        expect(labels.map((b) => b.id)).toEqual(expect.arrayContaining(ncp));
        expect(labels.length).toBeGreaterThanOrEqual(11);

        await suite.page.reload();
        await suite.page.waitForFunction(
          (code) => window.__flowAtlas?.country === code && window.__flowAtlas.layoutDone,
          country,
          { timeout: 60_000 },
        );
        expect(await hook((h) => h.layoutInWorker)).toBe(true);
        const again = await places();
        // Rounded to the graph unit: Fit may frame the same places at a zoom a hair apart.
        expect(again.map((p) => p.id)).toEqual(first.map((p) => p.id));
        again.forEach((p, i) => {
          expect(Math.abs(p.x - first[i]!.x)).toBeLessThanOrEqual(1);
          expect(Math.abs(p.y - first[i]!.y)).toBeLessThanOrEqual(1);
        });
      },
    );
  });
}
