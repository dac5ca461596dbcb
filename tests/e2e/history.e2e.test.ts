// End-to-end: the history view in a real Chromium on the built client and the real API. Changes made
// through the API by two signed-in editors show up under their usernames with what, before and after;
// the filters (country or all, kind, person) live in the URL; "Older changes" pages back.
import type { Page } from 'playwright-core';
import type { GraphResponse } from '../../server/model/api';
import type { AuditResponse } from '../../server/model/api-rounds';
import { browserSuite, requireBrowser } from '../support/chromium';
import type { TestServer } from '../support/server';
import { sessionAs, type E2eSession } from './sessions';

const TOVE = 'tove.tester';
const BO = 'bo.builder';

if (requireBrowser('history in a browser')) {
  describe('history in a browser', () => {
    const suite = browserSuite();
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api, screenshot } = suite;

    async function send(
      who: E2eSession,
      method: 'PUT' | 'POST',
      path: string,
      body: unknown,
    ): Promise<Record<string, unknown>> {
      return (await who.send<Record<string, unknown>>(method, path, body)).body;
    }

    function withoutMeta<T extends { version: number; updatedAt: string; updatedBy: string }>(item: T) {
      const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = item;
      return rest;
    }

    /** Tove renames a Swedish stakeholder and adds a Norwegian one; Bo changes a Swedish flow; each signed in as an editor. Once per suite. */
    let changes: Promise<{ renamed: { id: string; before: string; after: string }; flowId: string }> | undefined;
    function makeChanges() {
      changes ??= (async () => {
        const tove = await sessionAs(server, { username: TOVE, role: 'editor', displayName: 'Tove Tester' });
        const bo = await sessionAs(server, { username: BO, role: 'editor' });
        const graph = await api<GraphResponse>('/api/graph?country=SE');
        const target = graph.stakeholders.find((s) => !s.external && !s.ncp)!;
        const { sector: _s, external: _e, ...stakeholder } = target;
        const after = `${target.name} (renamed in e2e)`;
        await send(tove, 'PUT', `/api/stakeholders/${target.id}`, {
          ...withoutMeta(stakeholder),
          name: after,
          version: target.version,
        });
        await send(tove, 'POST', '/api/stakeholders', {
          id: 'no-e2e-tove',
          name: 'E2E Norwegian helpline',
          country: 'NO',
          type: 'hotline',
        });
        const flow = graph.flows.find((f) => f.status === 'active')!;
        await send(bo, 'PUT', `/api/flows/${flow.id}`, {
          ...withoutMeta(flow),
          status: 'planned',
          version: flow.version,
        });
        return { renamed: { id: target.id, before: target.name, after }, flowId: flow.id };
      })();
      return changes;
    }

    async function openHistory(query: string): Promise<void> {
      await page.goto(`${server.url}/?view=history${query}`);
      await page.getByRole('heading', { name: 'History' }).waitFor();
      await page.locator('.audit-table tbody tr').first().waitFor();
    }

    const rows = () => page.locator('.audit-table > tbody > tr[data-seq]');
    const attrs = (name: string) => rows().evaluateAll((trs, n) => trs.map((tr) => tr.getAttribute(n)), name);

    test('when a signed-in editor changes a stakeholder through the API, then the history shows their username, what, and the before and after with the change marked', async () => {
      const { renamed } = await makeChanges();
      await openHistory('&country=SE');

      const row = page.locator(`.audit-table tr[data-key="${renamed.id}"][data-action="update"]`).first();
      await row.waitFor();
      expect(await row.getAttribute('data-actor')).toBe(TOVE);
      const cells = (await row.locator('td, th').allTextContents()).map((t) => t.trim());
      expect(cells[1]).toBe(TOVE);
      expect(cells[2]).toBe('Updated stakeholder');
      expect(cells[3]).toContain(renamed.after);
      expect(cells[4]).toBe('Sweden');
      expect(cells[5]).toBe('name');

      await row.getByRole('button', { name: /^Show before and after/ }).click();

      const details = page.locator(`table.before-after[data-seq="${await row.getAttribute('data-seq')}"]`);
      await details.waitFor();
      const name = details.locator('tr[data-field="name"]');
      expect(await name.getAttribute('data-changed')).toBe('true');
      expect(await name.locator('td.before').textContent()).toBe(renamed.before);
      expect(await name.locator('td.after').textContent()).toBe(renamed.after);
      expect(await details.locator('tr[data-field="type"]').getAttribute('data-changed')).toBe('false');
      expect(await row.getByRole('button', { name: /^Hide before and after/ }).getAttribute('aria-expanded')).toBe(
        'true',
      );
      await screenshot('history-entry');
    });

    test('when the person, country and kind filters are set, then the URL keeps them and only matching changes are listed', async () => {
      const { flowId } = await makeChanges();
      await openHistory('&country=SE');

      await page.getByLabel('Person', { exact: true }).selectOption(TOVE);
      await page.waitForURL((url) => url.searchParams.get('actor') === TOVE);
      await page.locator(`.audit-table tbody tr[data-actor="${TOVE}"]`).first().waitFor();
      await page.waitForFunction(
        (who) =>
          [...document.querySelectorAll('.audit-table > tbody > tr[data-seq]')].every(
            (tr) => tr.getAttribute('data-actor') === who,
          ),
        TOVE,
      );
      expect(await attrs('data-key')).not.toContain('no-e2e-tove');

      await page.getByLabel('Changes in', { exact: true }).selectOption('all');
      await page.waitForURL((url) => url.searchParams.get('scope') === 'all' && url.searchParams.get('actor') === TOVE);
      await page.locator('.audit-table tr[data-key="no-e2e-tove"]').waitFor();
      expect(new Set(await attrs('data-actor'))).toEqual(new Set([TOVE]));

      await page.getByLabel('Person', { exact: true }).selectOption('');
      await page.getByLabel('Kind of item', { exact: true }).selectOption('flow');
      await page.waitForURL((url) => url.searchParams.get('kind') === 'flow' && !url.searchParams.has('actor'));
      await page.locator(`.audit-table tr[data-key="${flowId}"][data-actor="${BO}"]`).waitFor();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('.audit-table > tbody > tr[data-seq]')].every(
          (tr) => tr.getAttribute('data-kind') === 'flow',
        ),
      );

      // The filters come back from the URL alone.
      await page.goto(page.url());
      await page.locator(`.audit-table tr[data-key="${flowId}"]`).waitFor();
      expect(await page.getByLabel('Kind of item', { exact: true }).inputValue()).toBe('flow');
      expect(await page.getByLabel('Changes in', { exact: true }).inputValue()).toBe('all');
    });

    test('when "Older changes" is pressed, then the next page follows, newest first, without repeats, as the API pages it', async () => {
      await makeChanges();
      const first = await api<AuditResponse>('/api/audit?limit=50');
      expect(first.nextBefore).toBeDefined();
      const second = await api<AuditResponse>(`/api/audit?limit=50&before=${first.nextBefore}`);
      await openHistory('&country=SE&scope=all');
      expect(await rows().count()).toBe(first.entries.length);

      await page.getByRole('button', { name: 'Older changes' }).click();

      await page.waitForFunction(
        (n) => document.querySelectorAll('.audit-table > tbody > tr[data-seq]').length === n,
        first.entries.length + second.entries.length,
      );
      const seqs = (await attrs('data-seq')).map(Number);
      expect(seqs).toEqual([...first.entries, ...second.entries].map((e) => e.seq));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    });
  });
}
