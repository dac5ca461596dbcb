// End-to-end: the explorer follows the change feed (issue 15 point 2) in a real Chromium on the built client and
// the real API. Two people at once, each in their own browser context with their own session: what one changes
// appears in the other's open views without a reload (the map, in place, with nothing moved and the selection
// kept; the history), and an open edit form says who changed its item before its person saves into a conflict.
// Deadlines are generous; nothing is timed.
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
      // Nothing moved relative to anything else: the map may be framed again (the person has not zoomed), so each
      // stakeholder is where it was up to one zoom and pan for all.
      const after = await positions();
      expect(after.every((p) => p !== null)).toBe(true);
      const xs = (list: typeof before) => list.map((p) => p!.x);
      const ys = (list: typeof before) => list.map((p) => p!.y);
      const span = (v: number[]) => Math.max(...v) - Math.min(...v);
      const scale = span(xs(after)) / span(xs(before));
      expect(span(ys(after)) / span(ys(before))).toBeCloseTo(scale, 2);
      const dx = Math.min(...xs(after)) - Math.min(...xs(before)) * scale;
      const dy = Math.min(...ys(after)) - Math.min(...ys(before)) * scale;
      for (const [i, p] of before.entries()) {
        expect(Math.abs(after[i]!.x - (p!.x * scale + dx))).toBeLessThan(1);
        expect(Math.abs(after[i]!.y - (p!.y * scale + dy))).toBeLessThan(1);
      }
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
  });
}
