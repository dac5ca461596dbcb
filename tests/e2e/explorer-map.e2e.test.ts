// End-to-end: the map explorer's journeys in a real Chromium, on the built client and the real API
// over a seeded embedded store: the whole region, filters (indicator with its path to the NCP, basis),
// search, layouts, flow details, export, and shareable URLs. What the page shows is checked against the API.
import fs from 'node:fs';
import path from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import type { z } from 'zod';
import type { CountryCoverageResponse } from '../../server/model/api-analysis';
import type { CountriesResponse, GraphResponse } from '../../server/model/api';
import type { FlowAtlasTestHook } from '../../client/src/testHook';
import { ARTIFACTS, escapeRegExp, requireBrowser, browserSuite } from '../support/chromium';
import { type TestServer } from '../support/server';

type Countries = z.infer<typeof CountriesResponse>['countries'];
type Flow = GraphResponse['flows'][number];

/** Hops to `ncp` along active flows (breadth-first over reversed flows), as the "NCP at the centre" layout promises. */
function hopsTo(ncp: string, flows: readonly Flow[]): Map<string, number> {
  const hops = new Map([[ncp, 0]]);
  let frontier = [ncp];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const f of flows) {
        if (f.status === 'active' && f.to === id && !hops.has(f.from)) {
          hops.set(f.from, hops.get(id)! + 1);
          next.push(f.from);
        }
      }
    }
    frontier = next;
  }
  return hops;
}

if (requireBrowser('map explorer journeys in a browser')) {
  describe('map explorer journeys in a browser', () => {
    const suite = browserSuite({ timingsFile: 'timings-explorer-map.json', contextOptions: { acceptDownloads: true } });
    let server: TestServer;
    let context: BrowserContext;
    let page: Page;
    let pageErrors: string[];
    beforeEach(() => ({ server, context, page, pageErrors } = suite));
    const { api, hook, screenshot } = suite;
    const timings = suite.timings;

    /** Resolves once the map of `id` (a country code or "region") is laid out in `layout`; returns the ms it took. */
    async function waitForMap(id: string, layout = 'fcose'): Promise<number> {
      const started = Date.now();
      await page.waitForFunction(
        ([code, name]) => {
          const h = window.__flowAtlas;
          return h?.view === 'map' && h.country === code && h.layout === name && h.layoutDone;
        },
        [id, layout] as const,
        { timeout: 30_000 },
      );
      return Date.now() - started;
    }

    async function hookWith<T, A>(read: (h: FlowAtlasTestHook, arg: A) => T, arg: A): Promise<T> {
      return page.evaluate<T>(`(() => {
        const h = window.__flowAtlas;
        if (!h) throw new Error('window.__flowAtlas is not set: no graph on screen');
        return (${read.toString()})(h, ${JSON.stringify(arg)});
      })()`);
    }

    const canvas = () => page.getByRole('img', { name: /^Network graph of / });
    const filters = () => page.getByRole('group').filter({ has: page.getByText(/^Filters/) });
    const notice = () => page.locator('.indicator-notice');

    test('when "Whole region" is chosen, then every country (INT too) is a labelled box with its stakeholders, and the cross-border flows are drawn', async () => {
      const { countries } = await api<{ countries: Countries }>('/api/countries');
      const region = await api<GraphResponse>('/api/graph');
      expect(region.country).toBeNull();
      const countryOf = new Map(region.stakeholders.map((s) => [s.id, s.country]));
      const crossBorder = region.flows.filter((f) => countryOf.get(f.from) !== countryOf.get(f.to));
      expect(crossBorder.length).toBeGreaterThan(0);
      await page.goto(`${server.url}/?country=SE`);
      await waitForMap('SE');

      const clicked = Date.now();
      await page.getByRole('group', { name: 'Map of' }).getByRole('button', { name: 'Whole region' }).click();

      await page.waitForURL((url) => url.searchParams.get('scope') === 'region');
      await waitForMap('region');
      timings.regionToLaidOut = Date.now() - clicked;
      timings.fcoseLayoutRegion = (await hook((h) => h.layoutMs)) ?? -1;
      expect(await hook((h) => h.nodeCount())).toBe(region.stakeholders.length);
      expect(await hook((h) => h.edgeCount())).toBe(region.flows.length);
      const groups = await hook((h) => h.groups());
      expect(groups.map((g) => g.label).sort()).toEqual(countries.map((c) => c.name).sort());
      expect(groups.some((g) => g.label === 'International')).toBe(true);
      for (const c of countries) {
        const group = groups.find((g) => g.label === c.name);
        expect({ country: c.code, children: group?.children }).toEqual({ country: c.code, children: c.stakeholders });
      }
      expect(await hook((h) => h.crossBorderEdgeCount())).toBe(crossBorder.length);
      // Every country's NCP is drawn as one.
      expect((await hook((h) => h.ncpNodes())).sort()).toEqual(
        region.stakeholders
          .filter((s) => s.ncp)
          .map((s) => s.id)
          .sort(),
      );
      expect(await canvas().getAttribute('aria-label')).toMatch(/^Network graph of the whole region/);
      expect(await page.getByText(`${crossBorder.length} cross-border`).isVisible()).toBe(true);
      await screenshot('explorer-region');

      await page.getByRole('group', { name: 'Map of' }).getByRole('button', { name: 'Sweden' }).click();
      await waitForMap('SE');
      expect(new URL(page.url()).searchParams.get('scope')).toBeNull();
    });

    test('when UAM-03 is filtered in Sweden, then only its flows show, its holders are ringed and the highlighted path is the API\'s; in Denmark it says "not collected"', async () => {
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const coverage = await api<CountryCoverageResponse>('/api/analysis/coverage?country=SE&indicator=UAM-03');
      const cell = coverage.cells[0]!;
      expect(cell.status).toBe('reaches_ncp');
      const carrying = graph.flows.filter((f) => f.indicators.includes('UAM-03'));
      const holders = [...new Set(graph.datasets.filter((d) => d.indicators.includes('UAM-03')).map((d) => d.holder))];
      await page.goto(`${server.url}/?country=SE`);
      await waitForMap('SE');

      await filters().getByLabel('Indicator').selectOption('UAM-03');

      await page.waitForURL((url) => url.searchParams.get('indicator') === 'UAM-03');
      await page.waitForFunction(() => (window.__flowAtlas?.highlighted().flows.length ?? 0) > 0);
      const highlighted = await hook((h) => h.highlighted());
      expect(highlighted.nodes.sort()).toEqual([...cell.path!].sort());
      expect(highlighted.flows.sort()).toEqual([...cell.flows!].sort());
      expect((await hook((h) => h.visibleFlows())).sort()).toEqual(carrying.map((f) => f.id).sort());
      expect((await hook((h) => h.holders())).sort()).toEqual(holders.sort());
      const names = cell.path!.map((id) => graph.stakeholders.find((s) => s.id === id)!.name);
      const text = ((await notice().textContent()) ?? '').replace(/\s+/g, ' ');
      expect(text).toContain(`Reaches the NCP of Sweden in ${cell.hops} hop`);
      expect(text).toContain(names.join(' → '));
      expect(await page.getByText(/^Holds UAM-03/).isVisible()).toBe(true);

      // The flows table lists the same flows.
      await page.getByRole('button', { name: 'Show flows as a table' }).click();
      const table = page.getByRole('region', { name: /^Flows \(/ });
      await table.waitFor();
      expect(await table.getByRole('heading').textContent()).toBe(
        `Flows (${carrying.length} of ${graph.flows.length}, filtered)`,
      );
      expect(await table.locator('tbody tr').count()).toBe(carrying.length);
      await screenshot('explorer-se-uam03');

      await page.getByLabel('Country').selectOption('DK');
      await waitForMap('DK');
      const dk = await api<CountryCoverageResponse>('/api/analysis/coverage?country=DK&indicator=UAM-03');
      expect(dk.cells[0]!.status).toBe('not_collected');
      await notice().getByText('Not collected').waitFor();
      expect(await notice().getAttribute('data-status')).toBe('not_collected');
      expect(((await notice().textContent()) ?? '').replace(/\s+/g, ' ')).toContain(
        'Not collected in Denmark: no stakeholder there holds a dataset covering UAM-03',
      );
      expect(await hook((h) => h.highlighted())).toEqual({ nodes: [], flows: [] });
      expect(new URL(page.url()).searchParams.get('indicator')).toBe('UAM-03');
      await screenshot('explorer-dk-uam03');
    });

    test("when only informal flows are ticked, then the visible edges are the API's informal flows, and a reload of the URL gives the same view", async () => {
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const informal = graph.flows.filter((f) => f.basis === 'informal');
      expect(informal.length).toBeGreaterThan(0);
      await page.goto(`${server.url}/?country=SE`);
      await waitForMap('SE');

      await filters().getByRole('group', { name: 'Basis' }).getByLabel('Informal').check();

      await page.waitForURL((url) => url.searchParams.get('basis') === 'informal');
      await page.waitForFunction((n) => window.__flowAtlas?.visibleEdgeCount() === n, informal.length);
      expect((await hook((h) => h.visibleFlows())).sort()).toEqual(informal.map((f) => f.id).sort());
      expect(await hook((h) => h.visibleNodeCount())).toBe(graph.stakeholders.length);

      // Shareable: the same URL in a fresh page gives the same filters, layout and selection.
      await filters().getByRole('group', { name: 'Status' }).getByLabel('Active').check();
      await page.getByLabel('Layout').selectOption('sector');
      await waitForMap('SE', 'sector');
      const ncp = graph.stakeholders.find((s) => s.ncp && !s.external)!;
      await page.getByRole('button', { name: `${ncp.name}, NCP` }).click();
      await page.waitForURL((url) => url.searchParams.get('selected') === ncp.id);
      const url = page.url();
      expect(new URL(url).searchParams.get('status')).toBe('active');
      const expected = informal
        .filter((f) => f.status === 'active')
        .map((f) => f.id)
        .sort();
      expect((await hook((h) => h.visibleFlows())).sort()).toEqual(expected);

      const other = await context.newPage();
      other.on('pageerror', (err) => pageErrors.push(err.message));
      page = other;
      const reopened = Date.now();
      await page.goto(url);
      await waitForMap('SE', 'sector');
      timings.sharedUrlToLaidOut = Date.now() - reopened;
      expect((await hook((h) => h.visibleFlows())).sort()).toEqual(expected);
      expect(await hook((h) => h.selectedNode())).toBe(ncp.id);
      expect(await page.getByRole('complementary', { name: ncp.name }).isVisible()).toBe(true);
      expect(await page.getByLabel('Layout').inputValue()).toBe('sector');
      expect(await filters().getByRole('group', { name: 'Basis' }).getByLabel('Informal').isChecked()).toBe(true);
      expect(await filters().getByRole('group', { name: 'Basis' }).getByLabel('Statutory').isChecked()).toBe(false);
      expect(await filters().getByRole('group', { name: 'Status' }).getByLabel('Active').isChecked()).toBe(true);
      await screenshot('explorer-shared-url');
    });

    test('when a stakeholder is searched by part of its name, then Enter selects it, opens its details and brings it into view', async () => {
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const target =
        graph.stakeholders.find((s) => s.id === 'se-migration') ??
        graph.stakeholders.find((s) => !s.external && !s.ncp)!;
      // Part of the name, typed as a person would (lower case): its first two words.
      const word = target.name.split(' ').slice(0, 2).join(' ').toLowerCase();
      await page.goto(`${server.url}/?country=SE`);
      await waitForMap('SE');

      const search = page.getByRole('searchbox', { name: 'Find a stakeholder' });
      await search.fill(word);
      await page
        .getByRole('list', { name: 'Matching stakeholders' })
        .getByRole('button', { name: new RegExp(escapeRegExp(target.name)) })
        .waitFor();
      await search.press('Enter');

      const panel = page.getByRole('complementary', { name: target.name });
      await panel.waitFor();
      await page.waitForURL(
        (url) => url.searchParams.get('selected') === target.id && url.searchParams.get('q') === word,
      );
      expect(await hook((h) => h.selectedNode())).toBe(target.id);
      // Centred in the part of the canvas the details panel leaves free.
      await page.waitForTimeout(100);
      const box = (await canvas().boundingBox())!;
      const panelBox = (await panel.boundingBox())!;
      const at = (await hookWith((h, id: string) => h.nodePosition(id), target.id))!;
      expect(at.x).toBeGreaterThan(0);
      expect(box.x + at.x).toBeLessThan(panelBox.x);
      expect(Math.abs(at.y - box.height / 2)).toBeLessThan(box.height * 0.1);
      await screenshot('explorer-search');
    });

    test('when each layout is chosen, then it finishes, and "NCP at the centre" puts the NCP in the middle with rings by hops', async () => {
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const ncp = graph.stakeholders.find((s) => s.ncp && !s.external)!;
      await page.goto(`${server.url}/?country=SE`);
      await waitForMap('SE');

      for (const [label, name] of [
        ['NCP at the centre', 'ncp'],
        ['By sector', 'sector'],
        ['Force-directed', 'fcose'],
      ] as const) {
        await page.getByLabel('Layout').selectOption({ label });
        timings[`layout-${name}-SE`] = await waitForMap('SE', name);
        expect(await hook((h) => h.nodeCount())).toBe(graph.stakeholders.length);
        expect(new URL(page.url()).searchParams.get('layout')).toBe(name === 'fcose' ? null : name);
        if (name === 'sector') {
          const sectors = new Set(graph.stakeholders.filter((s) => !s.external).map((s) => s.sector));
          const labels = (await hook((h) => h.groups())).map((g) => g.label);
          expect(labels).toHaveLength(sectors.size + 1);
          expect(labels).toContain('Other countries');
          await screenshot('explorer-layout-sector');
        }
        if (name === 'ncp') {
          const box = (await canvas().boundingBox())!;
          const centre = (await hookWith((h, id: string) => h.nodePosition(id), ncp.id))!;
          expect(Math.abs(centre.x - box.width / 2)).toBeLessThan(box.width * 0.08);
          expect(Math.abs(centre.y - box.height / 2)).toBeLessThan(box.height * 0.08);
          // Rings: every stakeholder k hops away is further out than every one k-1 hops away; the unreachable outermost.
          const hops = hopsTo(ncp.id, graph.flows);
          const ring = (id: string) => hops.get(id) ?? Number.POSITIVE_INFINITY;
          const radius = new Map<string, number>();
          for (const s of graph.stakeholders) {
            const p = (await hookWith((h, id: string) => h.nodePosition(id), s.id))!;
            // The rings are ellipses 1.5 times wider than high.
            radius.set(s.id, Math.hypot((p.x - centre.x) / 1.5, p.y - centre.y));
          }
          const levels = [...new Set(graph.stakeholders.map((s) => ring(s.id)))].sort((a, b) => a - b);
          for (let i = 1; i < levels.length; i++) {
            const inner = graph.stakeholders.filter((s) => ring(s.id) === levels[i - 1]).map((s) => radius.get(s.id)!);
            const outer = graph.stakeholders.filter((s) => ring(s.id) === levels[i]).map((s) => radius.get(s.id)!);
            expect(Math.max(...inner)).toBeLessThan(Math.min(...outer));
          }
          await screenshot('explorer-layout-ncp');
        }
      }

      // The zoom buttons work from the keyboard.
      const before = await hook((h) => h.zoom());
      await page.getByRole('button', { name: 'Zoom in' }).focus();
      await page.keyboard.press('Enter');
      expect(await hook((h) => h.zoom())).toBeCloseTo(before * 1.3, 3);
      await page.getByRole('button', { name: 'Fit the whole map in view' }).press('Enter');
      expect(await hook((h) => h.zoom())).toBeCloseTo(before, 3);
    });

    test('when a flow is clicked on the canvas, then its details show from, to, indicators with names, basis, how it runs and its evidence', async () => {
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const byId = new Map(graph.stakeholders.map((s) => [s.id, s]));
      await page.goto(`${server.url}/?country=SE&layout=ncp`);
      await waitForMap('SE', 'ncp');
      // The flow with evidence whose midpoint is furthest from any node and any other edge's midpoint: an unambiguous click.
      const nodes = await Promise.all(
        graph.stakeholders.map((s) => hookWith((h, id: string) => h.nodePosition(id), s.id)),
      );
      const mids = new Map<string, { x: number; y: number }>();
      for (const f of graph.flows) {
        const m = await hookWith((h, id: string) => h.edgeMidpoint(id), f.id);
        if (m) mids.set(f.id, m);
      }
      const clearance = (f: Flow) => {
        const m = mids.get(f.id)!;
        const others = [
          ...nodes.filter(Boolean),
          ...[...mids].filter(([id]) => id !== f.id).map(([, p]) => p),
        ] as Array<{ x: number; y: number }>;
        return Math.min(...others.map((p) => Math.hypot(p.x - m.x, p.y - m.y)));
      };
      const flow = graph.flows
        .filter((f) => f.evidence.length > 0 && mids.has(f.id))
        .sort((a, b) => clearance(b) - clearance(a))[0]!;
      const box = (await canvas().boundingBox())!;
      const m = mids.get(flow.id)!;

      await page.mouse.click(box.x + m.x, box.y + m.y);

      const title = `Flow: ${byId.get(flow.from)!.name} → ${byId.get(flow.to)!.name}`;
      const panel = page.getByRole('complementary', { name: title });
      await panel.waitFor();
      await page.waitForURL((url) => url.searchParams.get('flow') === flow.id);
      expect(await hook((h) => h.selectedFlow())).toBe(flow.id);
      const facts = await panel.locator('dl.facts').evaluate((dl) => {
        const out: Record<string, string> = {};
        dl.querySelectorAll('dt').forEach((dt) => {
          out[dt.textContent ?? ''] = (dt.nextElementSibling?.textContent ?? '').trim();
        });
        return out;
      });
      const human = (code?: string) =>
        code ? code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ') : 'not recorded';
      expect(facts).toMatchObject({
        From: byId.get(flow.from)!.name + (byId.get(flow.from)!.external ? ` (${byId.get(flow.from)!.country})` : ''),
        To: byId.get(flow.to)!.name + (byId.get(flow.to)!.external ? ` (${byId.get(flow.to)!.country})` : ''),
        Basis: human(flow.basis),
        Trigger: human(flow.trigger),
        Frequency: human(flow.frequency),
        Channel: human(flow.channel),
        Status: human(flow.status),
        Confidence: human(flow.confidence),
        'Rests on one person': flow.personDependent ? 'Yes: it stops if that person leaves' : 'No',
      });
      const reference = await api<{ indicators: Array<{ code: string; name: string }> }>('/api/reference');
      const indicators = panel.getByRole('region', { name: `Indicators carried (${flow.indicators.length})` });
      for (const code of flow.indicators) {
        expect(await indicators.textContent()).toContain(
          `${code} ${reference.indicators.find((i) => i.code === code)!.name}`,
        );
      }
      const evidence = panel.getByRole('region', { name: `Evidence (${flow.evidence.length})` });
      for (const id of flow.evidence) {
        const interview = graph.interviews.find((i) => i.id === id);
        const text = ((await evidence.textContent()) ?? '').replace(/\s+/g, ' ');
        expect(text).toContain(`Interview ${id}`);
        if (interview) expect(text).toContain(`on ${interview.date}, round ${interview.round}`);
      }
      if (flow.note) expect(await panel.getByRole('region', { name: 'Note' }).textContent()).toContain(flow.note);
      await screenshot('explorer-flow-details');

      // From the flow to its sender, and back to a flow from the sender's panel.
      await panel.getByRole('button', { name: byId.get(flow.from)!.name }).click();
      const sender = page.getByRole('complementary', { name: byId.get(flow.from)!.name });
      await sender.waitFor();
      await sender
        .getByRole('button', { name: new RegExp(`^Details of the flow to ${escapeRegExp(byId.get(flow.to)!.name)}`) })
        .first()
        .click();
      await page.getByRole('complementary', { name: /^Flow: / }).waitFor();
      expect(await hook((h) => h.selectedFlow())).not.toBeNull();
    });

    test('when the map is exported, then a PNG and an SVG named after the country are downloaded', async () => {
      await page.goto(`${server.url}/?country=SE`);
      await waitForMap('SE');

      for (const [kind, check] of [
        ['PNG', (b: Buffer) => expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
        [
          'SVG',
          (b: Buffer) => {
            expect(b.subarray(0, 4).toString('utf8')).toBe('<svg');
            expect(b.toString('utf8')).toContain('</svg>');
          },
        ],
      ] as const) {
        const started = Date.now();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: `Download the map as ${kind}` }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`flow-atlas-SE.${kind.toLowerCase()}`);
        const file = await download.path();
        const bytes = fs.readFileSync(file);
        timings[`export${kind}SE`] = Date.now() - started;
        expect(bytes.length).toBeGreaterThan(1000);
        check(bytes);
        fs.copyFileSync(file, path.join(ARTIFACTS, `explorer-export-SE.${kind.toLowerCase()}`));
      }
    });
  });
}
