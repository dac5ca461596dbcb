// End-to-end: the map grouped by sector (issue 18, point 2) on the seed, in the built client. Each sector is one
// node whose counts are the API's (stakeholders, flows inside, out and in), flows between groups are aggregated;
// a click opens a group where it was (nothing else moves) and a click on its box collapses it; the same URL
// draws the same picture after a reload; a stakeholder found by the search inside a collapsed group opens it.
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { GraphResponse } from '../../server/model/api';
import { ARTIFACTS, browserSuite, requireBrowser } from '../support/chromium';

const COUNTRY = 'SE';
type Stakeholder = GraphResponse['stakeholders'][number];

/** The groups and aggregated edges the API's map should give, worked out here on their own. */
function expected(graph: GraphResponse) {
  const keyOf = (s: Stakeholder) => (s.external ? 'other-countries' : s.sector);
  const byId = new Map(graph.stakeholders.map((s) => [s.id, s]));
  const ncp = graph.stakeholders.find((s) => s.ncp && !s.external)!.id;
  const groups = new Map<string, { members: number; inside: number; out: number; in: number }>();
  const group = (key: string) => groups.get(key) ?? groups.set(key, { members: 0, inside: 0, out: 0, in: 0 }).get(key)!;
  for (const s of graph.stakeholders) group(keyOf(s)).members++;
  const edges = new Map<string, number>();
  for (const f of graph.flows) {
    const [a, b] = [byId.get(f.from)!, byId.get(f.to)!];
    if (keyOf(a) === keyOf(b)) group(keyOf(a)).inside++;
    else {
      group(keyOf(a)).out++;
      group(keyOf(b)).in++;
    }
    const end = (s: Stakeholder) => (s.id === ncp ? ncp : `group:${keyOf(s)}`);
    if (end(a) !== end(b)) edges.set(`${end(a)} > ${end(b)}`, (edges.get(`${end(a)} > ${end(b)}`) ?? 0) + 1);
  }
  return { groups, edges, ncp, keyOf };
}

if (requireBrowser('map grouped by sector in a browser')) {
  describe('map grouped by sector in a browser', () => {
    const suite = browserSuite();
    const { api, hook } = suite;
    let page: Page;
    beforeEach(() => ({ page } = suite));

    async function waitForGroups(by: string | null): Promise<void> {
      await page.waitForFunction(
        ([code, grouping]) =>
          window.__flowAtlas?.country === code &&
          window.__flowAtlas.layoutDone &&
          window.__flowAtlas.groupView().by === grouping,
        [COUNTRY, by] as const,
        { timeout: 30_000 },
      );
    }

    const groupView = () => hook((h) => h.groupView());
    /** Where each drawn group and stakeholder is on screen. */
    async function places(): Promise<Record<string, { x: number; y: number } | null>> {
      const view = await groupView();
      const ids = [...view.groups.filter((g) => !g.open).map((g) => g.id)];
      return await page.evaluate(
        (list) => Object.fromEntries(list.map((id) => [id, window.__flowAtlas!.nodePosition(id)])),
        [...ids, ...(await hook((h) => h.ncpNodes()))],
      );
    }
    async function clickAt(x: number, y: number): Promise<void> {
      const box = (await page.locator('.graph-canvas').boundingBox())!;
      await page.mouse.click(box.x + x, box.y + y);
    }

    test('when the map is grouped by sector, then each sector is one node with the counts of the API, and flows between them are aggregated', async () => {
      const graph = await api<GraphResponse>(`/api/graph?country=${COUNTRY}`);
      const want = expected(graph);
      await page.goto(`${suite.server.url}/?country=${COUNTRY}`);
      await waitForGroups(null);
      await page.getByLabel('Group by').selectOption('sector');
      await page.waitForURL((url) => url.searchParams.get('group') === 'sector');
      await waitForGroups('sector');

      const view = await groupView();
      expect(view.groups.map((g) => g.key).sort()).toEqual([...want.groups.keys()].sort());
      for (const g of view.groups) {
        const c = want.groups.get(g.key)!;
        expect({ key: g.key, open: g.open }).toEqual({ key: g.key, open: false });
        expect(g.label).toContain(`\n${c.members} stakeholder${c.members === 1 ? '' : 's'}\n`);
        expect(g.label).toContain(`${c.inside} flow${c.inside === 1 ? '' : 's'} inside · ${c.out} out · ${c.in} in`);
      }
      const ncpGroup = want.keyOf(graph.stakeholders.find((s) => s.id === want.ncp)!);
      expect(view.groups.filter((g) => g.ncp).map((g) => g.key)).toEqual([ncpGroup]);
      expect(await hook((h) => h.ncpNodes())).toEqual([want.ncp]);
      expect(await hook((h) => h.nodeCount())).toBe(1);
      const edges = Object.fromEntries(view.edges.map((e) => [`${e.source} > ${e.target}`, e.flows]));
      expect(edges).toEqual(Object.fromEntries(want.edges));

      await page.getByRole('button', { name: 'Fit the whole map in view' }).click();
      await page.waitForTimeout(400);
      await page.screenshot({ path: '/tmp/groups-sector.png' });
      await page.screenshot({ path: path.join(ARTIFACTS, 'map-groups-sector.png') });

      // Picked from the list of groups (the keyboard's way), a group opens as on a click, and its details say the
      // same counts and list its members.
      const [key, counts] = [...want.groups.entries()].find(([k]) => k === 'law_enforcement')!;
      await page
        .getByRole('group')
        .filter({ hasText: /^Groups \(/ })
        .getByRole('button', { name: /^Law enforcement,/ })
        .click();
      const details = page.getByRole('complementary', { name: 'Law enforcement' });
      await details.waitFor();
      const facts = await details.locator('dl.group-counts dd').allTextContents();
      expect(facts).toEqual([counts.members, counts.inside, counts.out, counts.in].map(String));
      expect(await details.locator('ul.group-members li').count()).toBe(counts.members);
      expect(new URL(page.url()).searchParams.get('selectedGroup')).toBe(key);
      expect(new URL(page.url()).searchParams.get('open')).toBe(key);
      await page.keyboard.press('Escape');
      await details.waitFor({ state: 'detached' });
    });

    test('when a group is clicked, then it opens where it was and nothing else moves; a click on its box collapses it', async () => {
      const graph = await api<GraphResponse>(`/api/graph?country=${COUNTRY}`);
      const want = expected(graph);
      await page.goto(`${suite.server.url}/?country=${COUNTRY}&group=sector`);
      await waitForGroups('sector');
      const before = await places();
      const key = 'law_enforcement';
      const members = graph.stakeholders.filter((s) => want.keyOf(s) === key).map((s) => s.id);
      const at = before[`group:${key}`]!;

      await clickAt(at.x, at.y);
      await page.waitForFunction((k) => window.__flowAtlas?.groupView().groups.some((g) => g.key === k && g.open), key);
      expect(new URL(page.url()).searchParams.get('open')).toBe(key);
      const shown = await page.evaluate((ids) => ids.map((id) => window.__flowAtlas!.nodePosition(id)), members);
      expect(shown.every((p) => p !== null)).toBe(true);
      const box = (await groupView()).groups.find((g) => g.key === key)!.box;
      expect(at.x).toBeGreaterThan(box.x1);
      expect(at.x).toBeLessThan(box.x2);
      expect(at.y).toBeGreaterThan(box.y1);
      expect(at.y).toBeLessThan(box.y2);
      const after = await places();
      for (const [id, p] of Object.entries(after)) {
        expect({ id, x: Math.round(p!.x), y: Math.round(p!.y) }).toEqual({
          id,
          x: Math.round(before[id]!.x),
          y: Math.round(before[id]!.y),
        });
      }
      const panel = page.getByRole('complementary', { name: 'Law enforcement' });
      await panel.getByRole('button', { name: 'Collapse the group' }).waitFor();
      await page.screenshot({ path: '/tmp/groups-open-details.png' });
      // The details close; the group stays open.
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect((await groupView()).groups.find((g) => g.key === key)!.open).toBe(true);
      await page.waitForTimeout(300);
      await page.screenshot({ path: '/tmp/groups-open.png' });
      await page.screenshot({ path: path.join(ARTIFACTS, 'map-groups-open.png') });

      // A click on the open group's box (its top edge, above the members and clear of the flows) collapses it again.
      await clickAt((box.x1 + box.x2) / 2, box.y1 + 4);
      await page.waitForFunction(
        (k) => window.__flowAtlas?.groupView().groups.some((g) => g.key === k && !g.open),
        key,
      );
      expect(new URL(page.url()).searchParams.get('open')).toBeNull();
      expect(await hook((h) => h.nodeCount())).toBe(1);
      expect(await places()).toEqual(before);

      // And the details panel's button opens and collapses it too.
      const details = page.getByRole('complementary', { name: 'Law enforcement' });
      await details.getByRole('button', { name: 'Open the group' }).click();
      await page.waitForFunction((k) => window.__flowAtlas?.groupView().groups.some((g) => g.key === k && g.open), key);
      await details.getByRole('button', { name: 'Collapse the group' }).click();
      await page.waitForFunction(
        (k) => window.__flowAtlas?.groupView().groups.some((g) => g.key === k && !g.open),
        key,
      );
    });

    test('when the grouped map is loaded again, then every group and stakeholder is where it was', async () => {
      await page.goto(`${suite.server.url}/?country=${COUNTRY}&group=sector&open=justice`);
      await waitForGroups('sector');
      const view = async () => {
        const v = await groupView();
        const nodes = await hook((h) => h.nodeBoxes());
        return {
          groups: v.groups.map((g) => [g.key, g.open, g.box]),
          nodes: nodes.sort((a, b) => a.id.localeCompare(b.id)),
        };
      };
      const first = await view();
      expect(first.groups.some(([key, open]) => key === 'justice' && open)).toBe(true);
      await page.reload();
      await waitForGroups('sector');
      expect(await view()).toEqual(first);
    });

    test('when a stakeholder inside a collapsed group is found with the search, then its group opens and it is selected', async () => {
      const graph = await api<GraphResponse>(`/api/graph?country=${COUNTRY}`);
      const want = expected(graph);
      const target = graph.stakeholders.find((s) => !s.external && !s.ncp && s.sector === 'justice')!;
      await page.goto(`${suite.server.url}/?country=${COUNTRY}&group=sector`);
      await waitForGroups('sector');
      const position = () => page.evaluate((id) => window.__flowAtlas!.nodePosition(id), target.id);
      expect(await position()).toBeNull();
      await page.getByLabel('Find a stakeholder').fill(target.name);
      await page.getByLabel('Find a stakeholder').press('Enter');
      await page.waitForFunction((id) => window.__flowAtlas?.selectedNode() === id, target.id);
      expect(new URL(page.url()).searchParams.get('open')).toBe(want.keyOf(target));
      expect(await position()).not.toBeNull();
    });
  });
}
