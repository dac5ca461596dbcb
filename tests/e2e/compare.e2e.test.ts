// End-to-end: the compare view (national topologies side by side) on the built client and the real API
// over the seeded store, in a real Chromium: the table against the API, sorting, the metric picker, the
// country selection in the URL, the sketches and the role matrix. Screenshots go to artifacts/e2e.
import path from 'node:path';
import { type Page } from 'playwright-core';
import type { CompareResponse } from '../../server/model/api-analysis';
import type { CountriesResponse, GraphResponse } from '../../server/model/api';
import type { z } from 'zod';
import { formatValue, METRICS } from '../../client/src/features/compare/metrics';
import { ARTIFACTS, requireBrowser, VIEWPORT, browserSuite } from '../support/chromium';
import { type TestServer } from '../support/server';
import { syntheticRegion } from '../perf/synthetic';

type Countries = z.infer<typeof CountriesResponse>['countries'];
type Row = CompareResponse['countries'][number];

/** The country's own stakeholders and the active flows between two of them (what a sketch draws). */
function ownMap(graph: GraphResponse) {
  const own = graph.stakeholders.filter((s) => !s.external);
  const ids = new Set(own.map((s) => s.id));
  const flows = graph.flows.filter((f) => f.status === 'active' && ids.has(f.from) && ids.has(f.to) && f.from !== f.to);
  return { own, flows };
}

if (requireBrowser('compare view in a browser')) {
  describe('compare view in a browser', () => {
    const suite = browserSuite();
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api } = suite;

    const table = () => page.locator('table.compare-table');
    const rowCodes = () =>
      table()
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-country')));

    /** A screenshot of one section of the view (the view scrolls inside the page, so a full-page shot would not show it). */
    async function sectionShot(heading: string, name: string): Promise<void> {
      await page.setViewportSize({ width: VIEWPORT.width, height: 2400 });
      await page
        .getByRole('region', { name: heading, exact: true })
        .screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
      await page.setViewportSize(VIEWPORT);
    }

    async function openCompare(query = ''): Promise<void> {
      await page.goto(`${server.url}/?view=compare${query}`);
      await table().waitFor();
      // The sections below the table and the chart are drawn a task after them (useLater).
      await page.locator('.compare-computed').waitFor();
    }

    test('when the compare view opens, then the table lists the national countries with the values the API answers', async () => {
      const { countries } = await api<{ countries: Countries }>('/api/countries');
      const national = countries.filter((c) => c.code !== 'INT');
      const expected = await api<CompareResponse>('/api/analysis/compare');

      await openCompare();

      expect(national).toHaveLength(10);
      const byName = [...national].sort((a, b) => a.name.localeCompare(b.name)).map((c) => c.code);
      expect(await rowCodes()).toEqual(byName);
      for (const row of expected.countries) {
        const tr = table().locator(`tbody tr[data-country="${row.country}"]`);
        const cells = await tr.locator('td').evaluateAll((tds) =>
          tds.map((td) => ({
            metric: td.getAttribute('data-metric'),
            value: td.getAttribute('data-value'),
            text: td.textContent,
          })),
        );
        expect(cells.map((c) => c.metric)).toEqual(METRICS.map((m) => m.key));
        METRICS.forEach((m, i) => {
          const value = m.value(row);
          expect(cells[i]!.value).toBe(value === null ? '' : String(value));
          if (value !== null) expect(cells[i]!.text).toBe(formatValue(m, value));
        });
      }
      // The headings are sort buttons that say what each metric means.
      const density = page.getByRole('button', { name: /^Density/ });
      expect(await density.getAttribute('title')).toMatch(/possible sender → receiver pairs/);
      await page.screenshot({ path: path.join(ARTIFACTS, 'compare.png') });
      await sectionShot('Countries side by side', 'compare-table');
      await sectionShot('The maps at a glance', 'compare-sketches');
      await sectionShot('Which countries are organised alike', 'compare-similarity');
    });

    test('when the density heading is clicked, then rows sort by density, highest first, and a second click reverses them', async () => {
      const expected = await api<CompareResponse>('/api/analysis/compare');
      const desc = [...expected.countries].sort((a, b) => b.density - a.density).map((c) => c.country);
      await openCompare();
      const header = table()
        .locator('thead th')
        .filter({ has: page.getByRole('button', { name: /^Density/ }) });
      expect(await header.getAttribute('aria-sort')).toBeNull();

      await page.getByRole('button', { name: /^Density/ }).click();

      expect(await header.getAttribute('aria-sort')).toBe('descending');
      expect(await rowCodes()).toEqual(desc);
      await page.waitForURL(
        (url) => url.searchParams.get('sort') === 'density' && url.searchParams.get('dir') === 'desc',
      );

      await page.getByRole('button', { name: /^Density/ }).click();

      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      expect(await rowCodes()).toEqual([...desc].reverse());
      await page.waitForURL((url) => url.searchParams.get('dir') === 'asc');

      // The sort survives a reload: it is in the URL.
      await page.reload();
      await table().waitFor();
      expect(await rowCodes()).toEqual([...desc].reverse());
    });

    test('when another measure is picked, then the bar chart and its table show that measure, highest first', async () => {
      const expected = await api<CompareResponse>('/api/analysis/compare');
      await openCompare();
      const chart = page.getByRole('img', { name: /by country, highest first$/ });
      expect(await chart.getAttribute('data-metric')).toBe('density');

      await page.getByLabel('Measure', { exact: true }).selectOption('reciprocity');

      await page.waitForURL((url) => url.searchParams.get('metric') === 'reciprocity');
      const reciprocity = page.getByRole('img', { name: 'Reciprocity by country, highest first' });
      await reciprocity.waitFor();
      const order = [...expected.countries].sort((a, b) => b.reciprocity - a.reciprocity || 0);
      const bars = await reciprocity
        .locator('g.bar')
        .evaluateAll((gs) =>
          gs.map((g) => ({ country: g.getAttribute('data-country'), value: Number(g.getAttribute('data-value')) })),
        );
      expect(bars.map((b) => b.value)).toEqual(order.map((c) => c.reciprocity));
      expect(new Set(bars.map((b) => b.country))).toEqual(new Set(expected.countries.map((c) => c.country)));
      expect(await page.locator('.metric-help').textContent()).toMatch(
        /^Of the pairs where information goes from one institution to another/,
      );

      await page.getByText('The values as a table').click();
      const alt = page.getByRole('table', { name: 'Reciprocity by country, highest first' });
      await alt.waitFor();
      const rows = await alt.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          country: tr.getAttribute('data-country'),
          value: tr.querySelector('td')?.getAttribute('data-value'),
          text: tr.querySelector('td')?.textContent,
        })),
      );
      expect(rows.map((r) => r.country)).toEqual(bars.map((b) => b.country));
      const byCode = new Map<string, Row>(expected.countries.map((c) => [c.country, c]));
      for (const r of rows) {
        const value = byCode.get(r.country!)!.reciprocity;
        expect(r.value).toBe(String(value));
        expect(r.text).toBe(formatValue({ kind: 'share' }, value));
      }
      await sectionShot('One measure across countries', 'compare-chart');
    });

    test('when the URL restricts the comparison to SE, NO and FI, then three rows, three similarity pairs and three sketches show', async () => {
      const expected = await api<CompareResponse>('/api/analysis/compare?countries=FI,NO,SE');
      expect(expected.similarity).toHaveLength(3);

      await openCompare('&countries=SE,NO,FI');

      expect(await table().locator('tbody tr').count()).toBe(3);
      expect((await rowCodes()).sort()).toEqual(['FI', 'NO', 'SE']);
      const checked = await page
        .getByRole('group', { name: /^Countries compared/ })
        .getByRole('checkbox', { checked: true })
        .count();
      expect(checked).toBe(3);

      const pairs = page.getByRole('list', { name: 'Pairs, most alike first' }).getByRole('listitem');
      expect(await pairs.count()).toBe(3);
      const shown = await pairs.evaluateAll((lis) =>
        lis.map((li) => [li.getAttribute('data-a'), li.getAttribute('data-b'), Number(li.getAttribute('data-cosine'))]),
      );
      const want = [...expected.similarity].sort((x, y) => y.cosine - x.cosine).map((s) => [s.a, s.b, s.cosine]);
      expect(shown).toEqual(want);
      const cells = page.locator('table.similarity-table td[data-cosine]');
      expect(await cells.count()).toBe(6);

      // Sketches: one per country, each with every own stakeholder and the NCP as a star.
      const sketches = page.locator('figure.sketch-card');
      expect(await sketches.count()).toBe(3);
      for (const row of expected.countries) {
        const svg = page.locator(`figure.sketch-card[data-country="${row.country}"] svg.sketch`);
        // A sketch is drawn when its card comes into view.
        await page.locator(`figure.sketch-card[data-country="${row.country}"]`).scrollIntoViewIfNeeded();
        await svg.waitFor();
        expect(await svg.locator('circle, polygon').count()).toBe(row.stakeholders);
        expect(await svg.locator('polygon[data-ncp="true"]').count()).toBe(1);
      }

      // Unticking a country narrows the URL and the table.
      await page.getByRole('checkbox', { name: /^Norway/ }).uncheck();
      await page.waitForURL((url) => url.searchParams.get('countries') === 'FI,SE');
      await page.waitForFunction(() => document.querySelectorAll('table.compare-table tbody tr').length === 2);
      expect(await page.getByRole('list', { name: 'Pairs, most alike first' }).getByRole('listitem').count()).toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, 'compare-subset.png') });

      // Cleared, nothing is compared (not everything); "All countries" brings every one back.
      await page.getByRole('button', { name: 'Clear' }).click();
      await page.waitForURL((url) => url.searchParams.get('countries') === 'none');
      await page.getByText('Choose at least one country to compare.').waitFor();
      expect(await table().count()).toBe(0);
      await page.getByRole('button', { name: 'All countries' }).click();
      await page.waitForURL((url) => !url.searchParams.has('countries'));
      await page.waitForFunction(() => document.querySelectorAll('table.compare-table tbody tr').length === 10);
    });

    test('when Sweden is chosen for the role matrix, then the heat map and its table hold the API’s type-to-type shares', async () => {
      const expected = await api<CompareResponse>('/api/analysis/compare');
      const shares = expected.roleMatrices.SE!;
      await openCompare();

      await page.getByLabel('Country', { exact: true }).selectOption('SE');

      await page.waitForURL((url) => url.searchParams.get('roles') === 'SE');
      const heat = page.getByRole('img', {
        name: /^Share of Sweden’s \d+ flows by sending and receiving type of institution$/,
      });
      await heat.waitFor();
      const cells = await heat
        .locator('g.heat-cell')
        .evaluateAll((gs) =>
          gs.map(
            (g) =>
              [
                `${g.getAttribute('data-from')}>${g.getAttribute('data-to')}`,
                Number(g.getAttribute('data-share')),
              ] as const,
          ),
        );
      const nonZero = Object.fromEntries(cells.filter(([, v]) => v > 0));
      expect(nonZero).toEqual(shares);
      const total = Object.values(shares).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(1, 9);

      await page.getByText('The shares as a table').click();
      const alt = page.getByRole('table', { name: /^Share of Sweden’s \d+ flows .*, largest first$/ });
      const rows = await alt
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map(
            (tr) =>
              [
                `${tr.getAttribute('data-from')}>${tr.getAttribute('data-to')}`,
                Number(tr.getAttribute('data-share')),
              ] as const,
          ),
        );
      expect(Object.fromEntries(rows)).toEqual(shares);
      expect(rows).toHaveLength(Object.keys(shares).length);

      await page.getByRole('radio', { name: 'Sector' }).check();
      await page.waitForURL((url) => url.searchParams.get('level') === 'sector');
      const sectors = page.getByRole('img', { name: /by sending and receiving sector$/ });
      const sectorCells = await sectors
        .locator('g.heat-cell')
        .evaluateAll((gs) =>
          gs.map(
            (g) =>
              [
                `${g.getAttribute('data-from')}>${g.getAttribute('data-to')}`,
                Number(g.getAttribute('data-share')),
              ] as const,
          ),
        );
      expect(Object.fromEntries(sectorCells.filter(([, v]) => v > 0))).toEqual(expected.sectorMatrices.SE);
      await page.getByRole('radio', { name: 'Type of institution' }).check();
      await sectionShot('Who sends to whom', 'compare-roles');
    });

    test('when the compare view is opened again, then each small sketch is the same picture', async () => {
      const positions = async () => {
        const out: Record<string, string[]> = {};
        for (const code of ['SE', 'NO']) {
          const card = page.locator(`figure.sketch-card[data-country="${code}"]`);
          await card.scrollIntoViewIfNeeded();
          const svg = card.locator('svg.sketch[data-kind="nodes"]');
          await svg.waitFor();
          out[code] = await svg
            .locator('circle, polygon')
            .evaluateAll((els) =>
              els.map((el) =>
                el.tagName === 'circle'
                  ? `${el.querySelector('title')?.textContent} ${el.getAttribute('cx')},${el.getAttribute('cy')}`
                  : `${el.querySelector('title')?.textContent} ${el.getAttribute('points')}`,
              ),
            );
        }
        return out;
      };
      await openCompare('&countries=SE,NO');
      const first = await positions();
      expect(first.SE!.length).toBeGreaterThan(10);

      await page.reload();
      await table().waitFor();

      expect(await positions()).toEqual(first);
    });
  });
}

// A large region: 3 countries of 300 stakeholders. A sketch of so many dots would be a heap, and laying
// it out froze the page for seconds: each is drawn grouped by sector, with the counts of the map.
if (requireBrowser('compare view of large maps in a browser')) {
  describe('compare view of large maps in a browser', () => {
    const suite = browserSuite({ server: { seedMaps: false }, timeout: 60_000 });
    let server: TestServer;
    let page: Page;
    const { api } = suite;
    const doc = syntheticRegion({ countries: 3, stakeholdersPerCountry: 300, seed: 1 });
    const codes = doc.countries.map((c) => c.code).filter((c) => c !== 'INT');
    beforeAll(async () => {
      await suite.server.store.importDocument(doc, { mode: 'merge', actor: 'e2e' });
    }, 120_000);
    beforeEach(() => ({ server, page } = suite));

    test('when three countries of 300 stakeholders are compared, then the table counts them and each sketch groups them by sector with the same counts', async () => {
      const expected = await api<CompareResponse>('/api/analysis/compare');
      expect(expected.countries.map((c) => c.country).sort()).toEqual([...codes].sort());

      await page.goto(`${server.url}/?view=compare`);
      const table = page.locator('table.compare-table');
      await table.waitFor();

      for (const row of expected.countries) {
        const tr = table.locator(`tbody tr[data-country="${row.country}"]`);
        expect(await tr.locator('td[data-metric="stakeholders"]').getAttribute('data-value')).toBe('300');
        expect(row.stakeholders).toBe(300);
        expect(await tr.locator('td[data-metric="flows"]').getAttribute('data-value')).toBe(String(row.flows));
      }
      for (const code of codes) {
        const { own, flows } = ownMap(await api<GraphResponse>(`/api/graph?country=${code}`));
        const bySector = new Map<string, number>();
        for (const s of own) bySector.set(s.sector, (bySector.get(s.sector) ?? 0) + 1);
        const card = page.locator(`figure.sketch-card[data-country="${code}"]`);
        await card.scrollIntoViewIfNeeded();
        const svg = card.locator('svg.sketch[data-kind="grouped"]');
        await svg.waitFor();

        const groups = await svg.locator('g.sector-group').evaluateAll((gs) =>
          gs.map((g) => ({
            sector: g.getAttribute('data-sector')!,
            count: Number(g.getAttribute('data-count')),
            within: Number(g.getAttribute('data-within')),
          })),
        );
        expect(Object.fromEntries(groups.map((g) => [g.sector, g.count]))).toEqual(Object.fromEntries(bySector));
        const between = await svg
          .locator('line.sector-link')
          .evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('data-count'))));
        const drawnFlows = between.reduce((a, b) => a + b, 0) + groups.reduce((a, g) => a + g.within, 0);
        expect(drawnFlows).toBe(flows.length);
        expect(await svg.locator('polygon[data-ncp="true"]').count()).toBe(own.some((s) => s.ncp) ? 1 : 0);
        // Not one dot per stakeholder: one disc per sector.
        expect(await svg.locator('circle').count()).toBe(bySector.size);
        expect(await card.locator('.sketch-note').textContent()).toBe(
          `grouped: 300 stakeholders in ${bySector.size} sectors`,
        );
        expect(await card.locator('figcaption').textContent()).toContain(
          `300 stakeholders · ${flows.length.toLocaleString('en')} flows`,
        );
        expect(await svg.getAttribute('aria-label')).toMatch(
          new RegExp(`grouped by sector: 300 stakeholders in ${bySector.size} sectors \\(`),
        );
      }
      await page.setViewportSize({ width: VIEWPORT.width, height: 2400 });
      await page
        .getByRole('region', { name: 'The maps at a glance', exact: true })
        .screenshot({ path: path.join(ARTIFACTS, 'compare-sketches-grouped.png') });
    });
  });
}
