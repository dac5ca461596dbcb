// End-to-end: the history view in a real Chromium on the built client and the real API. Changes made
// through the API under a person's name (X-Actor) show up with who, what, before and after; the
// filters (country or all, kind, person) live in the URL; "Older changes" pages back.
import type { Page } from 'playwright-core';
import type { GraphResponse } from '../../server/api/schemas';
import type { AuditResponse } from '../../server/api/rounds-schemas';
import { browserSuite, requireBrowser } from '../support/chromium';
import type { TestServer } from '../support/server';

if (requireBrowser('history in a browser')) {
  describe('history in a browser', () => {
    const suite = browserSuite();
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api, screenshot } = suite;

    async function send(method: 'PUT' | 'POST', path: string, body: unknown, actor: string): Promise<Record<string, unknown>> {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-Actor': actor },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    }

    function withoutMeta<T extends { version: number; updatedAt: string; updatedBy: string }>(item: T) {
      const { version: _v, updatedAt: _a, updatedBy: _b, ...rest } = item;
      return rest;
    }

    /** Tove renames a Swedish stakeholder and adds a Norwegian one; Bo changes a Swedish flow. Once per suite. */
    let changes: Promise<{ renamed: { id: string; before: string; after: string }; flowId: string }> | undefined;
    function makeChanges() {
      changes ??= (async () => {
        const graph = await api<GraphResponse>('/api/graph?country=SE');
        const target = graph.stakeholders.find((s) => !s.external && !s.ncp)!;
        const { sector: _s, external: _e, ...stakeholder } = target;
        const after = `${target.name} (renamed in e2e)`;
        await send('PUT', `/api/stakeholders/${target.id}`, { ...withoutMeta(stakeholder), name: after, version: target.version }, 'Tove Tester');
        await send('POST', '/api/stakeholders', { id: 'no-e2e-tove', name: 'E2E Norwegian helpline', country: 'NO', type: 'hotline' }, 'Tove Tester');
        const flow = graph.flows.find((f) => f.status === 'active')!;
        await send('PUT', `/api/flows/${flow.id}`, { ...withoutMeta(flow), status: 'planned', version: flow.version }, 'Bo Builder');
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

    test('when a stakeholder is changed through the API with X-Actor, then the history shows who, what, and the before and after with the change marked', async () => {
      const { renamed } = await makeChanges();
      await openHistory('&country=SE');

      const row = page.locator(`.audit-table tr[data-key="${renamed.id}"][data-action="update"]`).first();
      await row.waitFor();
      expect(await row.getAttribute('data-actor')).toBe('Tove Tester');
      const cells = (await row.locator('td, th').allTextContents()).map((t) => t.trim());
      expect(cells[1]).toBe('Tove Tester');
      expect(cells[2]).toBe('Updated stakeholder');
      expect(cells[3]).toContain(renamed.after);
      expect(cells[4]).toBe('SE');
      expect(cells[5]).toBe('name');

      await row.getByRole('button', { name: /^Show before and after/ }).click();

      const details = page.locator(`table.before-after[data-seq="${await row.getAttribute('data-seq')}"]`);
      await details.waitFor();
      const name = details.locator('tr[data-field="name"]');
      expect(await name.getAttribute('data-changed')).toBe('true');
      expect(await name.locator('td.before').textContent()).toBe(renamed.before);
      expect(await name.locator('td.after').textContent()).toBe(renamed.after);
      expect(await details.locator('tr[data-field="type"]').getAttribute('data-changed')).toBe('false');
      expect(await row.getByRole('button', { name: /^Hide before and after/ }).getAttribute('aria-expanded')).toBe('true');
      await screenshot('history-entry');
    });

    test('when the person, country and kind filters are set, then the URL keeps them and only matching changes are listed', async () => {
      const { flowId } = await makeChanges();
      await openHistory('&country=SE');

      await page.getByLabel('Person', { exact: true }).selectOption('Tove Tester');
      await page.waitForURL((url) => url.searchParams.get('actor') === 'Tove Tester');
      await page.locator('.audit-table tbody tr[data-actor="Tove Tester"]').first().waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('.audit-table > tbody > tr[data-seq]')].every((tr) => tr.getAttribute('data-actor') === 'Tove Tester'));
      expect(await attrs('data-key')).not.toContain('no-e2e-tove');

      await page.getByLabel('Changes in', { exact: true }).selectOption('all');
      await page.waitForURL((url) => url.searchParams.get('scope') === 'all' && url.searchParams.get('actor') === 'Tove Tester');
      await page.locator('.audit-table tr[data-key="no-e2e-tove"]').waitFor();
      expect(new Set(await attrs('data-actor'))).toEqual(new Set(['Tove Tester']));

      await page.getByLabel('Person', { exact: true }).selectOption('');
      await page.getByLabel('Kind of item', { exact: true }).selectOption('flow');
      await page.waitForURL((url) => url.searchParams.get('kind') === 'flow' && !url.searchParams.has('actor'));
      await page.locator(`.audit-table tr[data-key="${flowId}"][data-actor="Bo Builder"]`).waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('.audit-table > tbody > tr[data-seq]')].every((tr) => tr.getAttribute('data-kind') === 'flow'));

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

      await page.waitForFunction((n) => document.querySelectorAll('.audit-table > tbody > tr[data-seq]').length === n, first.entries.length + second.entries.length);
      const seqs = (await attrs('data-seq')).map(Number);
      expect(seqs).toEqual([...first.entries, ...second.entries].map((e) => e.seq));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
    });
  });
}
