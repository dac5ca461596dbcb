// End-to-end at scale (issue 18): the map of a country of 1,000 stakeholders, on a synthetic region of
// 3 x 1,000 (tests/perf/synthetic.ts), in the built client under the real Content-Security-Policy. What
// does not depend on the clock: the force layout runs in the Web Worker (asked for when the graph came in, before
// the map was mounted), the map is drawn only once placed
// (largeMapLoad.ts), Fit shows every node, no two labels overlap (at Fit and zoomed in, where more show), a
// reload draws the same layout, the map grouped by sector or type is readable (its group labels and flow counts
// in view at Fit, none overlapping another or under a disc), and the bottlenecks view shows the first rows of its
// long lists until asked.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticRegion } from '../perf/synthetic';
import type { LabelBox } from '../../client/src/testHook';
import { ARTIFACTS, browserSuite, requireBrowser } from '../support/chromium';
import { overlapping } from '../support/labelOverlaps';

const COUNTRY = 'XA';
/** The layout of a large map may take a while on a busy machine; nothing here is timed. */
const LAYOUT_TIMEOUT = 180_000;
const TEST_TIMEOUT = 2 * LAYOUT_TIMEOUT;

if (requireBrowser('map at scale in a browser')) {
  describe('map of a 1,000-stakeholder country in a browser', () => {
    const suite = browserSuite({ server: { seedMaps: false }, timeout: LAYOUT_TIMEOUT });
    const { hook, api } = suite;
    let page: Page;
    const cspReports: string[] = [];

    beforeAll(async () => {
      const document = syntheticRegion({ countries: 3, stakeholdersPerCountry: 1000, seed: 1 });
      await suite.server.store.importDocument(document, { mode: 'merge', actor: 'e2e-setup' });
    }, LAYOUT_TIMEOUT);
    beforeEach(() => {
      page = suite.page;
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspReports.push(message.text());
      });
    });

    async function openMap(): Promise<void> {
      await page.goto(`${suite.server.url}/?country=${COUNTRY}`);
      await page.waitForFunction(
        (code) => window.__flowAtlas?.country === code && window.__flowAtlas.layoutDone,
        COUNTRY,
        {
          timeout: LAYOUT_TIMEOUT,
        },
      );
    }

    /** Clicks a zoom control, then waits for the labels of the resting view (chosen after a short pause). */
    async function settle(control: 'Fit the whole map in view' | 'Zoom in'): Promise<LabelBox[]> {
      await page.getByRole('button', { name: control, exact: true }).click();
      await page.waitForTimeout(400);
      await page.waitForFunction(() => (window.__flowAtlas?.labelBoxes().length ?? 0) > 0, null, {
        timeout: LAYOUT_TIMEOUT,
      });
      return await hook((h) => h.labelBoxes());
    }

    test(
      'when the map opens, then the worker lays it out, Fit shows every node and the labels drawn do not overlap',
      async () => {
        await openMap();
        expect(await hook((h) => h.nodeCount())).toBeGreaterThanOrEqual(1000);
        expect(await hook((h) => h.edgeCount())).toBeGreaterThan(4000);
        expect(await hook((h) => h.layoutInWorker)).toBe(true);
        // The layout was asked of the worker when the map's graph came in, before the map was mounted.
        expect(await hook((h) => h.layoutAskedEarly)).toBe(true);
        // Nothing was drawn while the map was computed and added, but the empty canvas when it was made (before: a
        // frame after every slice of flows).
        expect(await hook((h) => h.framesBeforeLaidOut)).toBeLessThanOrEqual(1);
        expect(cspReports).toEqual([]);

        const atFit = await settle('Fit the whole map in view');
        await page.screenshot({ path: `${ARTIFACTS}/map-scale-fit.png` });
        const { nodes, size } = await hook((h) => ({ nodes: h.nodeBoxes(), size: h.canvasSize() }));
        const outside = nodes.filter((b) => b.x1 < 0 || b.y1 < 0 || b.x2 > size.width || b.y2 > size.height);
        expect(outside).toEqual([]);
        expect(overlapping(atFit)).toEqual([]);
        const ncp = await hook((h) => h.ncpNodes());
        expect(atFit.map((b) => b.id)).toEqual(expect.arrayContaining(ncp));
        expect(atFit.length).toBeGreaterThanOrEqual(11);

        // Zoomed in, there is room for more labels, and still none overlaps.
        await settle('Zoom in');
        const closer = await settle('Zoom in');
        await page.screenshot({ path: `${ARTIFACTS}/map-scale-zoomed.png` });
        expect(overlapping(closer)).toEqual([]);
        expect(closer.length).toBeGreaterThan(atFit.length);
      },
      TEST_TIMEOUT,
    );

    test.each(['sector', 'type'])(
      'when the map is grouped by %s, then at Fit every group, stakeholder and label is in view, and no label overlaps another or lies under a disc, zoomed in too',
      async (by) => {
        await page.goto(`${suite.server.url}/?country=${COUNTRY}&group=${by}`);
        await page.waitForFunction(
          ([code, grouping]) =>
            window.__flowAtlas?.country === code &&
            window.__flowAtlas.layoutDone &&
            window.__flowAtlas.groupView().by === grouping,
          [COUNTRY, by] as const,
          { timeout: LAYOUT_TIMEOUT },
        );
        const look = async (control: 'Fit the whole map in view' | 'Zoom in') => {
          const labels = await settle(control);
          const { groups, nodes, size } = await hook((h) => ({
            groups: h.groupView().groups,
            nodes: h.nodeBoxes(),
            size: h.canvasSize(),
          }));
          const discs = groups.filter((g) => !g.open).map((g) => ({ id: g.id, ...g.box }));
          // A group's label or a flow count (the NCP, a stakeholder, is drawn above the discs).
          const counts = labels.filter((b) => b.id.startsWith('group:') || b.id.startsWith('agg:'));
          const under = counts.flatMap((b) => overlapping([b, ...discs.filter((d) => d.id !== b.id)]));
          const outside = (boxes: readonly LabelBox[]) =>
            boxes.filter((b) => b.x1 < 0 || b.y1 < 0 || b.x2 > size.width || b.y2 > size.height).map((b) => b.id);
          return { labels, counts, under, outside: { labels: outside(labels), bodies: outside([...discs, ...nodes]) } };
        };

        const atFit = await look('Fit the whole map in view');
        expect(atFit.outside).toEqual({ labels: [], bodies: [] });
        expect(overlapping(atFit.labels)).toEqual([]);
        expect(atFit.under).toEqual([]);
        // The NCP, groups and the heaviest flows between them are labelled.
        expect(atFit.labels.map((b) => b.id)).toEqual(expect.arrayContaining(await hook((h) => h.ncpNodes())));
        expect(atFit.counts.filter((b) => b.id.startsWith('group:')).length).toBeGreaterThanOrEqual(5);
        expect(atFit.counts.filter((b) => b.id.startsWith('agg:')).length).toBeGreaterThanOrEqual(5);
        await page.screenshot({ path: path.join(ARTIFACTS, `map-scale-group-${by}.png`) });

        // Zoomed in 1.3 times about the centre, what stays in view has at least as many labels as at Fit.
        const closer = await look('Zoom in');
        expect(overlapping(closer.labels)).toEqual([]);
        expect(closer.under).toEqual([]);
        const { width, height } = await hook((h) => h.canvasSize());
        const stays = (b: LabelBox) =>
          [b.x1, b.x2].every((x) => Math.abs(x - width / 2) * 1.3 <= width / 2) &&
          [b.y1, b.y2].every((y) => Math.abs(y - height / 2) * 1.3 <= height / 2);
        expect(closer.labels.length).toBeGreaterThanOrEqual(atFit.labels.filter(stays).length);
        expect(closer.labels.length).toBeGreaterThan(0);
      },
      TEST_TIMEOUT,
    );

    test(
      'when the map is loaded again, then every stakeholder is where it was',
      async () => {
        await openMap();
        const first = await hook((h) => h.nodeBoxes());
        await page.reload();
        await page.waitForFunction(() => window.__flowAtlas?.layoutDone, null, { timeout: LAYOUT_TIMEOUT });
        const again = await hook((h) => h.nodeBoxes());
        const byId = (boxes: LabelBox[]) => [...boxes].sort((a, b) => a.id.localeCompare(b.id));
        expect(again.length).toBe(first.length);
        expect(byId(again)).toEqual(byId(first));
      },
      TEST_TIMEOUT,
    );

    test(
      'when the bottlenecks view opens, then the map is drawn once placed and its long lists show their first rows until asked',
      async () => {
        await page.goto(`${suite.server.url}/?view=bottlenecks&country=${COUNTRY}`);
        await page.waitForFunction(
          (code) =>
            window.__flowAtlas?.view === 'bottlenecks' &&
            window.__flowAtlas.country === code &&
            window.__flowAtlas.layoutDone,
          COUNTRY,
          { timeout: LAYOUT_TIMEOUT },
        );
        expect(await hook((h) => h.framesBeforeLaidOut)).toBeLessThanOrEqual(1);
        const ranked = (await api<{ betweenness: unknown[] }>(`/api/analysis/bottlenecks?country=${COUNTRY}`))
          .betweenness;
        expect(ranked.length).toBeGreaterThanOrEqual(1000);
        const rows = page.getByRole('table', { name: 'Stakeholders by betweenness' }).locator('tbody tr');
        expect(await rows.count()).toBe(200);
        const all = page.getByRole('button', {
          name: `Show all ${ranked.length.toLocaleString('en')} stakeholders (200 shown)`,
        });
        await all.click();
        expect(await rows.count()).toBe(ranked.length);
        expect(await all.count()).toBe(0);

        // The other flows' boxes are made once their disclosure is opened.
        const others = page.locator('details.other-flows');
        expect(await others.locator('input[type=checkbox]').count()).toBe(0);
        await others.locator('summary').click();
        await page.waitForFunction(() => document.querySelectorAll('details.other-flows input').length > 0, null, {
          timeout: LAYOUT_TIMEOUT,
        });
        const listed = Number(/\((\d+)\)/.exec((await others.locator('summary').textContent()) ?? '')?.[1]);
        expect(await others.locator('input[type=checkbox]').count()).toBe(listed);
      },
      TEST_TIMEOUT,
    );
  });
}
