// End-to-end: the built client (dist/client) and the real API on a seeded embedded store, in a real
// Chromium (Debian's), clicking through the map explorer as a person would. Screenshots go to artifacts/e2e.
import type { Page } from 'playwright-core';
import type { z } from 'zod';
import type { CountriesResponse, GraphResponse } from '../../server/model/api';
import { browserSuite, escapeRegExp, requireBrowser } from '../support/chromium';
import type { TestServer } from '../support/server';

const ILLUSTRATIVE =
  'Illustrative map: built from public descriptions of institutions, not verified data. Institutions only; no case data.';

type Countries = z.infer<typeof CountriesResponse>['countries'];

if (requireBrowser('map explorer in a browser')) {
  describe('map explorer in a browser', () => {
    const suite = browserSuite({ timingsFile: 'timings.json' });
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api, hook, screenshot } = suite;
    const timings = suite.timings;

    /** Resolves once the graph of `country` is on screen and laid out; returns the ms it took. */
    async function waitForGraph(country: string): Promise<number> {
      const started = Date.now();
      await page.waitForFunction(
        (code) => window.__flowAtlas?.country === code && window.__flowAtlas.layoutDone,
        country,
        { timeout: 30_000 },
      );
      return Date.now() - started;
    }

    /** The button for a stakeholder in the "Stakeholders (n)" list, by its exact name. */
    function listButton(name: string) {
      return page
        .getByRole('group')
        .filter({ has: page.getByText(/^Stakeholders \(\d+\)$/) })
        .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)}(,|$)`) });
    }

    function firstNational(countries: Countries): Countries[number] {
      const national = countries.filter((c) => c.code !== 'INT').sort((a, b) => a.name.localeCompare(b.name));
      if (!national[0]) throw new Error('the seeded store has no national map');
      return national[0];
    }

    test('when the app opens without a country, then the picker lists every country and the first national map opens', async () => {
      const { countries } = await api<{ countries: Countries }>('/api/countries');
      const expected = firstNational(countries);

      const opened = Date.now();
      await page.goto(server.url);

      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Flow Atlas');
      const picker = page.getByLabel('Country');
      await picker.waitFor();
      const options = await picker.locator('option').allTextContents();
      for (const c of countries) {
        expect(options.some((text) => text.startsWith(c.name))).toBe(true);
      }
      expect(options).toHaveLength(countries.length);
      await page.waitForURL((url) => url.searchParams.get('country') === expected.code);
      await waitForGraph(expected.code);
      timings[`openToLaidOutMap${expected.code}`] = Date.now() - opened;
      expect(await picker.inputValue()).toBe(expected.code);
    });

    test('when Sweden is picked, then every stakeholder is laid out, the NCP is marked and the illustrative banner shows', async () => {
      const { countries } = await api<{ countries: Countries }>('/api/countries');
      const sweden = countries.find((c) => c.code === 'SE');
      expect(sweden).toBeDefined();
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      await page.goto(server.url);
      await waitForGraph(firstNational(countries).code);

      const picked = Date.now();
      await page.getByLabel('Country').selectOption('SE');
      await page.waitForURL((url) => url.searchParams.get('country') === 'SE');
      await waitForGraph('SE');
      timings.pickToLaidOutMapSE = Date.now() - picked;
      timings.fcoseLayoutSE = (await hook((h) => h.layoutMs)) ?? -1;

      expect(await hook((h) => h.nodeCount())).toBe(graph.stakeholders.length);
      expect(await hook((h) => h.edgeCount())).toBe(graph.flows.length);
      const ncp = graph.stakeholders.find((s) => s.ncp && !s.external);
      expect(ncp?.id).toBe(sweden?.ncp);
      expect(await hook((h) => h.ncpNodes())).toEqual([ncp?.id]);
      await expect(listButton(ncp!.name).getAttribute('aria-label')).resolves.toBe(`${ncp!.name}, NCP`);
      expect(await page.getByText(/^NCP$/).first().isVisible()).toBe(true);

      expect(graph.country?.illustrative).toBe(true);
      const banner = page.getByRole('note');
      expect(await banner.isVisible()).toBe(true);
      expect((await banner.textContent())?.replace(/\s+/g, ' ').trim()).toBe(ILLUSTRATIVE);
      expect(await page.getByRole('img', { name: /Network graph of Sweden/ }).isVisible()).toBe(true);
      await screenshot('se-map');
    });

    test('when a stakeholder is chosen in the list, then the details panel shows its datasets and flows as the API has them', async () => {
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const count = (id: string) => ({
        datasets: graph.datasets.filter((d) => d.holder === id),
        out: graph.flows.filter((f) => f.from === id),
        in: graph.flows.filter((f) => f.to === id),
      });
      // The busiest own stakeholder that holds data: the richest panel to check.
      const chosen = graph.stakeholders
        .filter((s) => !s.external && count(s.id).datasets.length > 0)
        .map((s) => ({ s, c: count(s.id) }))
        .sort((a, b) => b.c.out.length + b.c.in.length - (a.c.out.length + a.c.in.length))[0];
      expect(chosen).toBeDefined();
      const { s, c } = chosen!;
      await page.goto(`${server.url}/?country=SE`);
      await waitForGraph('SE');

      await listButton(s.name).click();

      const panel = page.getByRole('complementary', { name: s.name });
      await panel.waitFor();
      expect(await hook((h) => h.selectedNode())).toBe(s.id);
      expect(await listButton(s.name).getAttribute('aria-pressed')).toBe('true');
      const section = (title: string, n: number) => panel.getByRole('region', { name: `${title} (${n})` });
      await section('Datasets held', c.datasets.length).waitFor();
      await section('Flows out', c.out.length).waitFor();
      await section('Flows in', c.in.length).waitFor();
      expect(await section('Datasets held', c.datasets.length).locator('tbody tr').count()).toBe(c.datasets.length);
      expect(await section('Flows out', c.out.length).locator('tbody tr').count()).toBe(c.out.length);
      expect(await section('Flows in', c.in.length).locator('tbody tr').count()).toBe(c.in.length);
      for (const d of c.datasets) {
        expect(await panel.getByRole('cell', { name: d.name, exact: true }).count()).toBeGreaterThan(0);
      }
      const firstOut = c.out[0];
      if (firstOut) {
        const other = graph.stakeholders.find((x) => x.id === firstOut.to)!;
        const row = section('Flows out', c.out.length).locator('tbody tr').first();
        expect(await row.textContent()).toContain(other.name);
        for (const code of firstOut.indicators) expect(await row.textContent()).toContain(code);
      }
      await screenshot('se-details');

      await panel.getByRole('button', { name: 'Close details' }).click();
      await panel.waitFor({ state: 'detached' });
      expect(await hook((h) => h.selectedNode())).toBeNull();
    });

    test('when a node is clicked on the canvas, then its details open; when the background is clicked, they close', async () => {
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const ncp = graph.stakeholders.find((s) => s.ncp && !s.external)!;
      await page.goto(`${server.url}/?country=SE`);
      await waitForGraph('SE');
      const canvas = page.getByRole('img', { name: /Network graph of Sweden/ });
      const box = (await canvas.boundingBox())!;
      const at = await hook((h) => h.nodePosition(h.ncpNodes()[0] ?? ''));
      expect(at).not.toBeNull();

      await page.mouse.click(box.x + at!.x, box.y + at!.y);

      const panel = page.getByRole('complementary', { name: ncp.name });
      await panel.waitFor();
      expect(await panel.getByText('National contact point (NCP)').isVisible()).toBe(true);

      // Bottom-left corner: outside the fitted graph (the fit leaves a 40 px margin).
      await page.mouse.click(box.x + 8, box.y + box.height - 8);
      await panel.waitFor({ state: 'detached' });
    });

    test('when the country is switched, then the URL and the graph follow, and Back returns', async () => {
      const { countries } = await api<{ countries: Countries }>('/api/countries');
      const other = countries
        .filter((c) => c.code !== 'SE' && c.code !== 'INT')
        .sort((a, b) => a.name.localeCompare(b.name))[0];
      expect(other).toBeDefined();
      const graph = await api<GraphResponse>(`/api/graph?country=${other!.code}`);
      await page.goto(`${server.url}/?country=SE`);
      await waitForGraph('SE');

      await page.getByLabel('Country').selectOption(other!.code);

      await page.waitForURL((url) => url.searchParams.get('country') === other!.code);
      timings[`switchToLaidOutMap${other!.code}`] = await waitForGraph(other!.code);
      expect(await hook((h) => h.nodeCount())).toBe(graph.stakeholders.length);
      expect(await hook((h) => h.edgeCount())).toBe(graph.flows.length);
      expect(await page.getByText(/^Stakeholders \(\d+\)$/).textContent()).toBe(
        `Stakeholders (${graph.stakeholders.length})`,
      );
      expect(await page.getByRole('note').isVisible()).toBe(other!.illustrative === true);
      await screenshot(`${other!.code.toLowerCase()}-map`);

      await page.goBack();
      await waitForGraph('SE');
      expect(await page.getByLabel('Country').inputValue()).toBe('SE');
    });

    test('when a stakeholder or a flow is selected and the country is switched, then selected and flow leave the URL; Back brings them back', async () => {
      const se = await api<GraphResponse>('/api/graph?country=SE');
      const ncp = se.stakeholders.find((s) => s.ncp && !s.external)!;
      const own = new Set(se.stakeholders.filter((s) => !s.external).map((s) => s.id));
      const domestic = se.flows.find((f) => own.has(f.from) && own.has(f.to))!;
      const other = 'NO';
      const param = (name: string) => new URL(page.url()).searchParams.get(name);

      for (const [name, id] of [
        ['selected', ncp.id],
        ['flow', domestic.id],
      ] as const) {
        await page.goto(`${server.url}/?country=SE&${name}=${encodeURIComponent(id)}`);
        await waitForGraph('SE');
        await page.locator('.details').first().waitFor();
        expect(param(name)).toBe(id);

        await page.getByLabel('Country').selectOption(other);
        await page.waitForURL((url) => url.searchParams.get('country') === other);
        await waitForGraph(other);
        await page.waitForFunction((n) => !new URL(window.location.href).searchParams.has(n), name, {
          timeout: 10_000,
        });
        expect({ name, country: param('country'), selected: param('selected'), flow: param('flow') }).toEqual({
          name,
          country: other,
          selected: null,
          flow: null,
        });
        expect(await page.locator('.details').count()).toBe(0);

        await page.goBack();
        await waitForGraph('SE');
        expect({ name, value: param(name) }).toEqual({ name, value: id });
      }
    });

    test('when the map is shown 1,280, 1,400 and 1,920 px wide, then every filter chip lies inside the sidebar and no label is clipped', async () => {
      for (const width of [1280, 1400, 1920]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}/?country=SE`);
        await waitForGraph('SE');
        await page.locator('.sidebar .filter-check').first().waitFor();
        const boxes = await page.evaluate(() => {
          const sidebar = document.querySelector('.sidebar')!;
          const side = sidebar.getBoundingClientRect();
          const chips = [...document.querySelectorAll<HTMLElement>('.sidebar .filter-check')].map((chip) => {
            const box = chip.getBoundingClientRect();
            const text = chip.querySelector<HTMLElement>('.filter-check-text') ?? chip;
            return {
              label: chip.textContent ?? '',
              inside: box.left >= side.left - 0.5 && box.right <= side.left + sidebar.clientWidth + 0.5,
              chipClipped: chip.scrollWidth > chip.clientWidth,
              textClipped: text.scrollWidth > text.clientWidth,
            };
          });
          return { sidebarScrolls: sidebar.scrollWidth > sidebar.clientWidth, chips };
        });
        // The seed catalogue's themes, the seven sectors, and the basis, status and confidence values.
        expect(boxes.chips.length).toBeGreaterThanOrEqual(20);
        expect({ width, sidebarScrolls: boxes.sidebarScrolls }).toEqual({ width, sidebarScrolls: false });
        for (const chip of boxes.chips) {
          expect({ width, ...chip }).toEqual({
            width,
            label: chip.label,
            inside: true,
            chipClipped: false,
            textClipped: false,
          });
        }
        await screenshot(`filters-${width}`);
      }
    });

    test('when the URL names an unknown country, then a clear error message is shown, not a blank page', async () => {
      const res = await fetch(`${server.url}/api/graph?country=XQ`);
      expect(res.status).toBe(404);
      const { error } = (await res.json()) as { error: { message: string } };

      await page.goto(`${server.url}/?country=XQ`);

      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      expect(text).toContain('Could not open the map for "XQ"');
      expect(text).toContain(error.message);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Flow Atlas');
      expect(await page.getByLabel('Country').locator('option:checked').textContent()).toBe('XQ (unknown)');
      expect(await page.evaluate(() => window.__flowAtlas === undefined)).toBe(true);
      await screenshot('unknown-country');
    });
  });
}
