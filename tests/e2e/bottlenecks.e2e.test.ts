// End-to-end: the bottlenecks view in a real Chromium, on the built client and the real API over a
// seeded embedded store: the ranking, single points of failure marked on the map, and what-if
// scenarios (remove a stakeholder, add a suggested flow) checked against POST /api/analysis/what-if.
import { type BrowserContext, type Page } from 'playwright-core';
import type { BottlenecksResponse, SuggestionsResponse, WhatIfResponse } from '../../server/model/api-analysis';
import type { GraphResponse } from '../../server/model/api';

import { escapeRegExp, requireBrowser, browserSuite } from '../support/chromium';
import { type TestServer } from '../support/server';

type Status = WhatIfResponse['changed'][number]['from'];
/** The status words the what-if list promises ("UAM-03: reaches the NCP → collected, not reaching"). */
const WORDS: Record<Status, string> = {
  held_by_ncp: 'held by the NCP',
  reaches_ncp: 'reaches the NCP',
  collected_not_reaching: 'collected, not reaching',
  not_collected: 'not collected',
  no_ncp: 'no NCP',
};

if (requireBrowser('bottlenecks view in a browser')) {
  describe('bottlenecks view in a browser', () => {
    const suite = browserSuite({ timingsFile: 'timings-bottlenecks.json' });
    let server: TestServer;
    let context: BrowserContext;
    let page: Page;
    let pageErrors: string[];
    beforeEach(() => ({ server, context, page, pageErrors } = suite));
    const { api, hook, screenshot } = suite;
    const timings = suite.timings;

    async function openBottlenecks(country: string, query = ''): Promise<number> {
      const started = Date.now();
      await page.goto(`${server.url}/?view=bottlenecks&country=${country}${query}`);
      await page.waitForFunction(
        (code) =>
          window.__flowAtlas?.view === 'bottlenecks' &&
          window.__flowAtlas.country === code &&
          window.__flowAtlas.layoutDone,
        country,
        { timeout: 30_000 },
      );
      return Date.now() - started;
    }

    const whatIf = () => page.getByRole('region', { name: 'What if…' });
    /** The lines of the what-if list, once it shows the answer. */
    async function changedLines(): Promise<string[]> {
      const list = whatIf().getByRole('list');
      await list.waitFor();
      return (await list.getByRole('listitem').allTextContents()).map((t) =>
        t.replace(/\s+/g, ' ').split(' · ')[0]!.trim(),
      );
    }
    const expectedLines = (answer: WhatIfResponse) =>
      answer.changed.map((c) => `${c.indicator}: ${WORDS[c.from]} → ${WORDS[c.to]}`);

    test("when Norway's bottlenecks open, then the ranking is the API's and the top single point of failure, no-kom, is marked on the map", async () => {
      const data = await api<BottlenecksResponse>('/api/analysis/bottlenecks?country=NO');
      const graph = await api<GraphResponse>('/api/graph?country=NO');
      const name = (id: string) => graph.stakeholders.find((s) => s.id === id)!.name;
      const top = [...data.singlePointsOfFailure].sort((a, b) => b.indicators.length - a.indicators.length)[0]!;
      expect(top.id).toBe('no-kom');

      timings.openToLaidOutNO = await openBottlenecks('NO');

      // The single points of failure, most indicators first.
      const spofs = page.getByRole('region', {
        name: `Single points of failure (${data.singlePointsOfFailure.length})`,
      });
      const first = spofs.getByRole('listitem').first();
      expect(await first.textContent()).toContain(
        `${name('no-kom')}: if it disappeared, ${top.indicators.length} indicators would stop reaching the NCP`,
      );
      // On the map: every one marked, no-kom's label says so, and it is the biggest node (highest betweenness).
      expect((await hook((h) => h.marked())).sort()).toEqual(data.singlePointsOfFailure.map((s) => s.id).sort());
      expect(await hook((h) => h.nodeLabel('no-kom'))).toMatch(/ · SPOF$/);
      expect(data.betweenness[0]!.id).toBe('no-kom');
      const sizes = await hook((h) => ['no-kom', 'no-ncp', 'no-udi'].map((id) => h.nodeSize(id) ?? 0));
      expect(sizes[0]).toBeGreaterThan(sizes[1]!);
      expect(sizes[0]).toBeGreaterThan(sizes[2]!);

      // The ranked table: every stakeholder with betweenness to 3 decimals and its rank.
      const table = page.getByRole('table', { name: 'Stakeholders by betweenness' });
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(data.betweenness.length);
      for (const [i, b] of data.betweenness.slice(0, 5).entries()) {
        const cells = (await rows.nth(i).locator('td, th').allTextContents()).map((t) => t.trim());
        const higher = data.betweenness.filter((x) => x.value > b.value).length;
        expect(cells.slice(1, 4)).toEqual([
          String(higher + 1),
          name(b.id) + (b.id === 'no-ncp' ? 'NCP' : ''),
          b.value.toFixed(3),
        ]);
      }
      const critical = page.getByRole('region', { name: `Critical flows (${data.criticalFlows.length})` });
      expect(await critical.getByRole('checkbox').count()).toBeGreaterThanOrEqual(data.criticalFlows.length);
      const fragile = page.getByRole('region', { name: `Fragile coverage (${data.fragile.length})` });
      expect(await fragile.getByRole('listitem').count()).toBe(data.fragile.length);
      if (data.fragile.some((f) => f.reasons.includes('person_dependent'))) {
        expect(await fragile.textContent()).toContain('a flow that rests on one person');
      }
      await screenshot('bottlenecks-no');
    });

    test("when no-kom is ticked for removal, then the what-if list is the API's, and Reset restores the map", async () => {
      const graph = await api<GraphResponse>('/api/graph?country=NO');
      const name = graph.stakeholders.find((s) => s.id === 'no-kom')!.name;
      const answer = await api<WhatIfResponse>('/api/analysis/what-if', {
        country: 'NO',
        removeStakeholders: ['no-kom'],
      });
      expect(answer.changed.length).toBeGreaterThan(0);
      await openBottlenecks('NO');

      const ticked = Date.now();
      await page.getByRole('checkbox', { name: `Remove ${name}`, exact: true }).check();

      await page.waitForURL((url) => url.searchParams.get('remove') === 'no-kom');
      expect(await changedLines()).toEqual(expectedLines(answer));
      timings.removeToWhatIfNO = Date.now() - ticked;
      expect(await whatIf().getByRole('heading', { level: 3 }).first().textContent()).toContain(
        `${answer.changed.length} indicators change`,
      );
      // The NCP's numbers before and after.
      const metrics = whatIf().getByRole('table', { name: 'The NCP, before → after' });
      const row = async (label: string) =>
        await metrics
          .getByRole('row', { name: new RegExp(`^${escapeRegExp(label)}`) })
          .locator('td')
          .allTextContents();
      const before = answer.ncp.before;
      const after = answer.ncp.after;
      if (before.status !== 'ok' || after.status !== 'ok') throw new Error('Norway has an NCP');
      expect(await row('In-degree')).toEqual([String(before.inDegree), String(after.inDegree)]);
      expect(await row('Out-degree')).toEqual([String(before.outDegree), String(after.outDegree)]);
      expect(await row('Betweenness')).toEqual([
        `${before.betweenness.toFixed(3)} (rank ${before.betweennessRank})`,
        `${after.betweenness.toFixed(3)} (rank ${after.betweennessRank})`,
      ]);
      // On the map: no-kom and its flows drawn as removed.
      const removed = await hook((h) => h.removed());
      expect(removed.nodes).toEqual(['no-kom']);
      expect(removed.flows.sort()).toEqual(
        graph.flows
          .filter((f) => f.from === 'no-kom' || f.to === 'no-kom')
          .map((f) => f.id)
          .sort(),
      );
      await screenshot('bottlenecks-no-without-kom');

      // The scenario is in the URL: a fresh page shows the same answer.
      const url = page.url();
      const other = await context.newPage();
      other.on('pageerror', (err) => pageErrors.push(err.message));
      const first = page;
      page = other;
      await page.goto(url);
      expect(await changedLines()).toEqual(expectedLines(answer));
      await other.close();
      page = first;

      await whatIf().getByRole('button', { name: 'Reset' }).click();
      await page.waitForURL((url) => url.searchParams.get('remove') === null);
      await whatIf()
        .getByText(/^Tick stakeholders or flows on the right/)
        .waitFor();
      expect(await whatIf().getByRole('list').count()).toBe(0);
      expect(await hook((h) => h.removed())).toEqual({ nodes: [], flows: [] });
      expect(await page.getByRole('checkbox', { name: `Remove ${name}`, exact: true }).isChecked()).toBe(false);
    });

    test('when a stakeholder is ticked for removal and the answer comes, then every position, the zoom and the pan stay as they were', async () => {
      const graph = await api<GraphResponse>('/api/graph?country=NO');
      const ids = graph.stakeholders.map((s) => s.id);
      await openBottlenecks('NO');
      const view = async () =>
        await page.evaluate((all) => {
          const h = window.__flowAtlas!;
          return {
            zoom: h.zoom(),
            pan: h.pan(),
            size: h.canvasSize(),
            at: Object.fromEntries(all.map((id) => [id, h.nodePosition(id)])),
          };
        }, ids);
      // Labels and the view settle after the first draw.
      await page.waitForTimeout(500);
      const before = await view();
      const name = graph.stakeholders.find((s) => s.id === 'no-kom')!.name;
      await page.getByRole('checkbox', { name: `Remove ${name}`, exact: true }).check();
      await changedLines();
      await page.waitForFunction(() => window.__flowAtlas?.removed().nodes.includes('no-kom'));
      await page.waitForTimeout(500);
      const after = await view();
      expect(after.size).toEqual(before.size);
      expect(after.zoom).toBe(before.zoom);
      expect(after.pan).toEqual(before.pan);
      expect(after.at).toEqual(before.at);
      expect(Object.values(after.at).filter((p) => p !== null)).toHaveLength(ids.length);
    });

    test('when a suggested flow is added in Poland, then at least one indicator comes to reach the NCP, as the API computes it', async () => {
      const suggestions = await api<SuggestionsResponse>('/api/analysis/suggestions?country=PL');
      const graph = await api<GraphResponse>('/api/graph?country=PL');
      const name = (id: string) => graph.stakeholders.find((s) => s.id === id)?.name ?? id;
      const first = suggestions.suggestions[0]!;
      expect(first.kind).toBe('direct');
      // The view models a proposed direct flow as an active flow on an agreement carrying the indicator.
      const answer = await api<WhatIfResponse>('/api/analysis/what-if', {
        country: 'PL',
        addFlows: [{ from: first.from, to: first.to, indicators: [first.indicator], basis: 'agreement' }],
      });
      expect(answer.changed.some((c) => c.to === 'reaches_ncp')).toBe(true);
      await openBottlenecks('PL');

      const list = page.getByRole('region', { name: `Suggested flows to add (${suggestions.suggestions.length})` });
      const box = list.getByRole('checkbox').first();
      expect(await list.getByRole('listitem').first().textContent()).toContain(first.explanation);
      expect(await list.getByRole('listitem').first().textContent()).toContain(
        `Add ${name(first.from)} → ${name(first.to)} carrying ${first.indicator}`,
      );
      const ticked = Date.now();
      await box.check();

      await page.waitForURL((url) => url.searchParams.get('add') === `${first.from}>${first.to}:${first.indicator}`);
      const lines = await changedLines();
      timings.addToWhatIfPL = Date.now() - ticked;
      expect(lines).toEqual(expectedLines(answer));
      expect(lines.some((l) => l.endsWith('→ reaches the NCP'))).toBe(true);
      expect(await hook((h) => h.added())).toEqual([{ from: first.from, to: first.to }]);
      await screenshot('bottlenecks-pl-added');
    });

    test('when the country has no NCP, then the view says so in words', async () => {
      const data = await api<BottlenecksResponse>('/api/analysis/bottlenecks?country=INT');
      await openBottlenecks('INT');

      const note = page.getByRole('note').filter({ hasText: 'has no national contact point' });
      expect(await note.textContent()).toContain('International has no national contact point (NCP) mapped.');
      expect(await page.getByRole('region', { name: 'What if…' }).count()).toBe(0);
      expect(await page.getByRole('table', { name: 'Stakeholders by betweenness' }).locator('tbody tr').count()).toBe(
        data.betweenness.length,
      );
      await screenshot('bottlenecks-int');
    });
  });
}
