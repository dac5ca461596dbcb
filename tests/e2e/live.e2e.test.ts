// End-to-end: the explorer follows the change feed (issue 15 points 2-4) in a real Chromium on the built client and
// the real API. Two people at once, each in their own browser context with their own session: what one changes
// appears in the other's open views without a reload (the map, in place, with nothing moved, the view and the
// selection kept, the changed item flashing for a moment; the history), an open edit form says who changed its item
// before its person saves into a conflict, presence shows in the header, in forms and as a badge on the map, and a
// killed feed connection resumes from its last event id without missing a change. Deadlines are generous; nothing
// is timed.
import type { BrowserContext, Page } from 'playwright-core';
import type { GraphResponse } from '../../server/model/api';
import { SESSION_COOKIE } from '../../server/auth/sessions';
import { browserSuite, requireBrowser, VIEWPORT } from '../support/chromium';
import { sessionAs, type E2eSession } from './sessions';

const OTHER = 'live.colleague';
type Flow = GraphResponse['flows'][number];

function withoutMeta<T extends { version: number; updatedAt: string; updatedBy: string }>(item: T) {
  const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = item;
  return rest;
}

type Place = { x: number; y: number } | null;

/** Every stakeholder is drawn where it was, to a fraction of a pixel. */
function expectSamePlaces(after: Place[], before: Place[]): void {
  expect(after).toHaveLength(before.length);
  for (const [i, p] of before.entries()) {
    expect(p).not.toBeNull();
    expect(Math.abs(after[i]!.x - p!.x)).toBeLessThan(0.5);
    expect(Math.abs(after[i]!.y - p!.y)).toBeLessThan(0.5);
  }
}

if (requireBrowser('live changes in a browser')) {
  describe('live changes in a browser', () => {
    const suite = browserSuite({ timeout: 20_000 });
    let other: E2eSession;
    let otherContext: BrowserContext | undefined;

    beforeEach(async () => {
      other = await sessionAs(suite.server, { username: OTHER, role: 'editor' });
    });
    afterEach(async () => {
      await otherContext?.close();
      otherContext = undefined;
    });

    /** A second person's page: a browser context of its own carrying the colleague's session. */
    async function otherPage(): Promise<Page> {
      otherContext = await suite.browser.newContext({ viewport: VIEWPORT });
      const [name, value] = other.cookie.split('=') as [string, string];
      expect(name).toBe(SESSION_COOKIE);
      await otherContext.addCookies([{ name, value, url: suite.server.url }]);
      const page = await otherContext.newPage();
      page.setDefaultTimeout(20_000);
      return page;
    }

    async function waitForMap(page: Page, country: string): Promise<void> {
      await page.waitForFunction(
        (code) => window.__flowAtlas?.country === code && window.__flowAtlas.layoutDone,
        country,
        { timeout: 30_000 },
      );
    }

    /** What the person sees of the map: zoom, pan, each stakeholder's place on the screen, the selection. */
    async function viewOf(page: Page, ids: string[]) {
      return page.evaluate((list) => {
        const h = window.__flowAtlas!;
        return {
          zoom: h.zoom(),
          pan: h.pan(),
          places: list.map((id) => h.nodePosition(id)),
          selected: h.selectedNode(),
        };
      }, ids);
    }

    /** The view once it has stopped moving (a panel opening beside the canvas frames the map again). */
    async function settledView(page: Page, ids: string[]) {
      let before = await viewOf(page, ids);
      for (let settled = 0; settled < 3;) {
        await page.waitForTimeout(400);
        const now = await viewOf(page, ids);
        settled = JSON.stringify(now) === JSON.stringify(before) ? settled + 1 : 0;
        before = now;
      }
      return before;
    }

    /** Waits until an item of the map is flashing as changed (`on`), or no longer is. Polled: no clock. */
    async function flashing(page: Page, what: 'nodes' | 'flows', id: string, on: boolean): Promise<void> {
      await page.waitForFunction(
        ([kind, item, wanted]) => {
          const h = window.__flowAtlas;
          return h !== undefined && h.live().changed[kind].includes(item) === wanted;
        },
        [what, id, on] as const,
        { timeout: 30_000 },
      );
    }

    function expectSameView(after: Awaited<ReturnType<typeof viewOf>>, before: Awaited<ReturnType<typeof viewOf>>) {
      expect(after.zoom).toBeCloseTo(before.zoom, 6);
      expect(after.pan.x).toBeCloseTo(before.pan.x, 3);
      expect(after.pan.y).toBeCloseTo(before.pan.y, 3);
      expect(after.selected).toBe(before.selected);
      expectSamePlaces(after.places, before.places);
    }

    test("when a colleague deletes a flow and edits a stakeholder, then the open map drops the flow in place (nothing moves, the selection stays) and the colleague's open history shows the admin's change", async () => {
      const { page } = suite;
      const graph = await suite.api<GraphResponse>('/api/graph?country=SE');
      const inside = new Set(graph.stakeholders.filter((s) => !s.external).map((s) => s.id));
      const flow = graph.flows.find((f: Flow) => inside.has(f.from) && inside.has(f.to) && f.from !== f.to)!;
      const selected = graph.stakeholders.find((s) => !s.external && s.id !== flow.from && s.id !== flow.to)!;
      await page.goto(`${suite.server.url}/?view=map&country=SE&selected=${selected.id}`);
      await waitForMap(page, 'SE');
      expect(await suite.hook((h) => h.visibleFlows())).toContain(flow.id);
      const positions = async () =>
        page.evaluate(
          (ids) => ids.map((id) => window.__flowAtlas?.nodePosition(id) ?? null),
          graph.stakeholders.map((s) => s.id),
        );
      // Once the page has settled (a panel opening beside the canvas fits the map again while nobody has zoomed).
      let before = await positions();
      for (let settled = 0; settled < 3;) {
        await page.waitForTimeout(500);
        const now = await positions();
        settled = JSON.stringify(now) === JSON.stringify(before) ? settled + 1 : 0;
        before = now;
      }

      const colleague = await otherPage();
      await colleague.goto(`${suite.server.url}/?view=history&country=SE`);
      await colleague.getByRole('heading', { name: 'History' }).waitFor();
      await colleague.locator('.audit-table tbody tr').first().waitFor();

      // The colleague deletes the flow: the admin's map loses it without a reload.
      await other.send('DELETE', `/api/flows/${flow.id}?version=${flow.version}`);
      await page.waitForFunction((id) => !(window.__flowAtlas?.visibleFlows() ?? [id]).includes(id), flow.id, {
        timeout: 30_000,
      });
      // Nothing moved, on the screen either: a live change never frames the map again, even though the person has
      // not zoomed.
      expectSamePlaces(await positions(), before);
      expect(await suite.hook((h) => h.selectedNode())).toBe(selected.id);

      // The admin changes a stakeholder: the colleague's open history lists it without a reload.
      const current = await suite.api<GraphResponse['stakeholders'][number]>(`/api/stakeholders/${selected.id}`);
      const { sector: _s, external: _e, ...stakeholder } = current;
      const res = await fetch(`${suite.server.url}/api/stakeholders/${selected.id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...withoutMeta(stakeholder), description: 'Changed live', version: current.version }),
      });
      expect(res.status).toBe(200);
      await colleague
        .locator(`.audit-table tr[data-key="${selected.id}"][data-action="update"][data-actor="admin"]`)
        .first()
        .waitFor({ timeout: 30_000 });
      await colleague.locator(`.audit-table tr[data-key="${flow.id}"][data-action="delete"]`).first().waitFor();
    }, 180_000);

    test('when a colleague saves the stakeholder an open form is editing, then the form says so with both versions before anything is saved, and "Take theirs" loads theirs', async () => {
      const { page } = suite;
      const original = await suite.api<GraphResponse['stakeholders'][number]>('/api/stakeholders/se-bra');
      await page.goto(`${suite.server.url}/?view=map&country=SE&edit=1&selected=se-bra`);
      await waitForMap(page, 'SE');
      await page
        .getByRole('complementary', { name: original.name })
        .getByRole('group', { name: `Edit ${original.name}` })
        .getByRole('button', { name: 'Edit' })
        .click();
      const dialog = page.locator('dialog[open]');
      await dialog.getByRole('heading', { name: `Edit stakeholder: ${original.name}` }).waitFor();
      await dialog.getByLabel(/^Description/).fill('Mine, not saved yet.');

      const { sector: _s, external: _e, ...fields } = original;
      await other.send('PUT', '/api/stakeholders/se-bra', {
        ...withoutMeta(fields),
        description: 'Theirs, saved while the form was open.',
        version: original.version,
      });

      const conflict = dialog.getByRole('group', { name: `Changed meanwhile by ${OTHER}` });
      await conflict.waitFor({ timeout: 30_000 });
      const description = conflict.getByRole('row', { name: /^Description/ });
      expect(await description.textContent()).toContain('Mine, not saved yet.');
      expect(await description.textContent()).toContain('Theirs, saved while the form was open.');
      // Nothing was saved by the form: the stored item is the colleague's.
      const stored = await suite.api<{ description: string; version: number; updatedBy: string }>(
        '/api/stakeholders/se-bra',
      );
      expect(stored).toMatchObject({ description: 'Theirs, saved while the form was open.', updatedBy: OTHER });

      await conflict.getByRole('button', { name: 'Take theirs' }).click();
      expect(await dialog.getByLabel(/^Description/).inputValue()).toBe('Theirs, saved while the form was open.');
      await dialog.getByRole('button', { name: 'Save changes' }).waitFor();
    });

    test("when a colleague opens a map and then a stakeholder's form, then the header shows them, the same form says they edit it too, and closing their tab takes them off", async () => {
      const { page } = suite;
      await page.goto(`${suite.server.url}/?view=gaps&country=SE`);
      const bar = page.getByRole('status', { name: 'Also here' });
      const colleague = await otherPage();
      await colleague.goto(`${suite.server.url}/?view=map&country=SE&edit=1&selected=se-bra`);
      await waitForMap(colleague, 'SE');
      const chip = bar.locator(`li[data-username="${OTHER}"]`);
      await chip.waitFor({ timeout: 30_000 });
      expect(await chip.getAttribute('aria-label')).toBe(`${OTHER} (Editor) on map, SE`);

      const name = (await suite.api<{ name: string }>('/api/stakeholders/se-bra')).name;
      await colleague
        .getByRole('complementary', { name })
        .getByRole('group', { name: `Edit ${name}` })
        .getByRole('button', { name: 'Edit' })
        .click();
      await page.waitForFunction(
        (who) => document.querySelector(`li[data-username="${who}"]`)?.getAttribute('aria-label')?.includes('editing'),
        OTHER,
        { timeout: 30_000 },
      );
      expect(await chip.getAttribute('aria-label')).toBe(`${OTHER} (Editor) editing stakeholder se-bra (map, SE)`);

      await page.goto(`${suite.server.url}/?view=map&country=SE&edit=1&selected=se-bra`);
      await waitForMap(page, 'SE');
      await page
        .getByRole('complementary', { name })
        .getByRole('group', { name: `Edit ${name}` })
        .getByRole('button', { name: 'Edit' })
        .click();
      const dialog = page.locator('dialog[open]');
      await dialog.getByText(`Also editing this item now: ${OTHER} (Editor).`).waitFor({ timeout: 30_000 });

      // The colleague's tab closes: they leave the header.
      await colleague.close({ runBeforeUnload: false });
      await page.locator(`li[data-username="${OTHER}"]`).waitFor({ state: 'detached', timeout: 45_000 });
    }, 180_000);

    test('when a colleague changes a stakeholder and then a flow on the open map, then each flashes for a moment where it is, and the zoom, the pan, every place and the selection stay as they were, zoomed in or not', async () => {
      const { page } = suite;
      const graph = await suite.api<GraphResponse>('/api/graph?country=SE');
      const inside = graph.stakeholders.filter((s) => !s.external);
      const ids = graph.stakeholders.map((s) => s.id);
      const [selected, changed] = [inside[0]!, inside[1]!];
      const flow = graph.flows.find((f) => f.from !== f.to && ids.includes(f.from) && ids.includes(f.to))!;
      await page.goto(`${suite.server.url}/?view=map&country=SE&selected=${selected.id}`);
      await waitForMap(page, 'SE');
      const live = () => suite.hook((h) => h.live());
      expect((await live()).changed).toEqual({ nodes: [], flows: [] });
      const before = await settledView(page, ids);
      expect(before.selected).toBe(selected.id);

      // The person has not zoomed: the colleague's change flashes the stakeholder, and nothing moves.
      const current = await suite.api<GraphResponse['stakeholders'][number]>(`/api/stakeholders/${changed.id}`);
      const { sector: _s, external: _e, ...stakeholder } = current;
      await other.send('PUT', `/api/stakeholders/${changed.id}`, {
        ...withoutMeta(stakeholder),
        description: 'Flashed live',
        version: current.version,
      });
      await flashing(page, 'nodes', changed.id, true);
      expect((await live()).changed.nodes).toEqual([changed.id]);
      expectSameView(await viewOf(page, ids), before);
      await flashing(page, 'nodes', changed.id, false);
      expectSameView(await viewOf(page, ids), before);

      // Zoomed in: the colleague's change to a flow flashes its edge, and the view stays where the person put it.
      await page.getByRole('button', { name: 'Zoom in' }).click();
      const zoomed = await settledView(page, ids);
      expect(zoomed.zoom).toBeGreaterThan(before.zoom);
      const stored = await suite.api<Flow & { version: number; updatedAt: string; updatedBy: string }>(
        `/api/flows/${flow.id}`,
      );
      await other.send('PUT', `/api/flows/${flow.id}`, {
        ...withoutMeta(stored),
        note: 'Flashed live',
        version: stored.version,
      });
      await flashing(page, 'flows', flow.id, true);
      expect((await live()).changed).toEqual({ nodes: [], flows: [flow.id] });
      expectSameView(await viewOf(page, ids), zoomed);
      await flashing(page, 'flows', flow.id, false);
      expectSameView(await viewOf(page, ids), zoomed);

      // A new stakeholder appears and flashes; everything else stays where it was.
      await other.send('POST', '/api/stakeholders', {
        id: 'se-e2e-live',
        name: 'E2E live helpline',
        country: 'SE',
        type: 'hotline',
      });
      await flashing(page, 'nodes', 'se-e2e-live', true);
      expect(await suite.hook((h) => h.nodeCount())).toBe(ids.length + 1);
      expectSameView(await viewOf(page, ids), zoomed);
    }, 180_000);

    test("when a colleague opens a stakeholder's edit form and then a flow's, then the open map badges that node and then that edge with their username and role, the details say so, and the badge goes when the form closes", async () => {
      const { page } = suite;
      const graph = await suite.api<GraphResponse>('/api/graph?country=SE');
      // Not se-bra: the tests above leave tabs that had its form open (gone within 25 s, or at once).
      const target = graph.stakeholders.find(
        (s) => !s.external && s.id !== 'se-bra' && graph.flows.some((f) => f.from === s.id || f.to === s.id),
      )!;
      const flow = graph.flows.find((f) => f.from === target.id || f.to === target.id)!;
      await page.goto(`${suite.server.url}/?view=map&country=SE&selected=${target.id}`);
      await waitForMap(page, 'SE');
      const editing = () => suite.hook((h) => h.live().editing);
      expect(await editing()).toEqual([]);
      const panel = page.getByRole('complementary', { name: target.name });

      const colleague = await otherPage();
      await colleague.goto(`${suite.server.url}/?view=map&country=SE&edit=1&selected=${target.id}`);
      await waitForMap(colleague, 'SE');
      await colleague
        .getByRole('complementary', { name: target.name })
        .getByRole('group', { name: `Edit ${target.name}` })
        .getByRole('button', { name: 'Edit' })
        .click();
      const sentence = `Being edited by ${OTHER} (Editor)`;
      await page.waitForFunction(() => (window.__flowAtlas?.live().editing.length ?? 0) > 0, undefined, {
        timeout: 30_000,
      });
      expect(await editing()).toEqual([{ kind: 'stakeholder', id: target.id, title: sentence }]);
      // In words too, where a screen reader reaches: the details of the selected stakeholder.
      expect(await panel.getByRole('status').filter({ hasText: 'Being edited by' }).textContent()).toBe(
        `${sentence} now.`,
      );

      // The colleague closes the form: the badge and the words go.
      const dialog = colleague.locator('dialog[open]');
      await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.waitForFunction(() => window.__flowAtlas?.live().editing.length === 0, undefined, { timeout: 30_000 });
      await panel.getByText('Being edited by').waitFor({ state: 'detached' });

      // A flow's form: its edge carries the badge.
      await colleague.goto(`${suite.server.url}/?view=map&country=SE&edit=1&flow=${flow.id}`);
      await waitForMap(colleague, 'SE');
      await colleague.getByRole('group', { name: 'Edit this flow' }).getByRole('button', { name: 'Edit' }).click();
      await page.waitForFunction(() => (window.__flowAtlas?.live().editing.length ?? 0) > 0, undefined, {
        timeout: 30_000,
      });
      expect(await editing()).toEqual([{ kind: 'flow', id: flow.id, title: sentence }]);
      await colleague.locator('dialog[open]').getByRole('button', { name: 'Cancel', exact: true }).click();
      await page.waitForFunction(() => window.__flowAtlas?.live().editing.length === 0, undefined, { timeout: 30_000 });
    }, 180_000);

    test('when the change feed connection is killed and a colleague makes changes while it is down, then on reconnecting the page gets every missed change, in order and none twice, resumed from its last event id and not by reloading', async () => {
      const { page, server } = suite;
      const received = () => page.evaluate(() => window.__flowAtlasLive?.events() ?? []);
      const touch = async (id: string, description: string) => {
        const current = await suite.api<GraphResponse['stakeholders'][number]>(`/api/stakeholders/${id}`);
        const { sector: _s, external: _e, ...fields } = current;
        await other.send('PUT', `/api/stakeholders/${id}`, {
          ...withoutMeta(fields),
          description,
          version: current.version,
        });
      };
      const graph = await suite.api<GraphResponse>('/api/graph?country=SE');
      const [a, b, c] = graph.stakeholders.filter((s) => !s.external);
      await page.goto(`${suite.server.url}/?view=history&country=SE`);
      await page.getByRole('heading', { name: 'History' }).waitFor();
      // The feed is open and this page has heard a change: it has an id to resume from.
      await touch(a!.id, 'Before the cut');
      const [newest] = await server.store.audit({ limit: 1 });
      await page.waitForFunction((seq) => window.__flowAtlasLive?.events().includes(seq), newest!.seq, {
        timeout: 30_000,
      });
      const heard = await received();
      const last = heard.at(-1)!;
      await page.evaluate(() => {
        (window as unknown as { samePage: boolean }).samePage = true;
      });

      expect(server.feed.cut()).toBeGreaterThanOrEqual(1);
      await touch(b!.id, 'While the feed was down, 1');
      await touch(c!.id, 'While the feed was down, 2');
      await touch(a!.id, 'While the feed was down, 3');
      const missed = (await server.store.audit({ after: last, limit: 100 })).map((e) => e.seq).sort((x, y) => x - y);
      expect(missed.length).toBeGreaterThanOrEqual(3);
      // Nothing reaches the page while the connection is down.
      await page.waitForTimeout(1_000);
      expect(await received()).toEqual(heard);

      const resumesBefore = server.feed.resumes.length;
      server.feed.restore();
      await page.waitForFunction((seqs) => seqs.every((s) => window.__flowAtlasLive?.events().includes(s)), missed, {
        timeout: 30_000,
      });
      // Every missed change, in order, none twice, right after what was heard before.
      expect(await received()).toEqual([...heard, ...missed]);
      // Resumed by the feed from the last id it had (EventSource's Last-Event-ID), not by a reload of the page or the data.
      expect(server.feed.resumes.slice(resumesBefore)).toContain(String(last));
      expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
      expect(await page.evaluate(() => window.__flowAtlasLive?.reloads())).toBe(0);
      // And the open history lists them.
      await page.locator(`.audit-table tr[data-seq="${missed.at(-1)!}"]`).waitFor({ timeout: 30_000 });
    }, 180_000);
  });
}
