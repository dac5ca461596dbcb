// End-to-end, issue 18 point 11 ("words people use"): the history names stakeholders and countries and
// isolates each name (<bdi>), so that a right-to-left name cannot reorder the arrow and the id beside
// it; the rounds view lists the rounds the interviews cite although none was frozen.
import type { Page } from 'playwright-core';
import { browserSuite, requireBrowser } from '../support/chromium';
import type { TestServer } from '../support/server';

const ARABIC = 'مركز حماية الطفل';

if (requireBrowser('words in a browser')) {
  describe('words in a browser', () => {
    const suite = browserSuite();
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api } = suite;

    let made: Promise<void> | undefined;
    const makeItems = () =>
      (made ??= (async () => {
        await api('/api/stakeholders', { id: 'se-e2e-rtl', name: ARABIC, country: 'SE', type: 'ngo' });
        await api('/api/flows', {
          id: 'se-e2e-rtl-f',
          from: 'se-e2e-rtl',
          to: 'se-border',
          indicators: ['VIC-01'],
          basis: 'informal',
          evidence: [],
        });
      })());

    test('when a flow from a stakeholder with an Arabic name is in the history, then its ends are named in order, each isolated, and the country is named', async () => {
      await makeItems();
      await page.goto(`${server.url}/?view=history&country=SE&kind=flow`);
      const row = page.locator('.audit-table tr[data-key="se-e2e-rtl-f"]').first();
      await row.waitFor();
      const item = row.locator('th');
      const pieces = await item.locator('bdi').allTextContents();
      expect(pieces[0]).toBe(ARABIC);
      expect(pieces[1]).not.toBe('se-border');
      expect(pieces).toContain('se-e2e-rtl-f');
      // Read left to right: the sender's name, the arrow, the receiver's name, then the id.
      const xs = await item.evaluate((th) => {
        const bdis = [...th.querySelectorAll('bdi')];
        return bdis.map((b) => b.getBoundingClientRect().left);
      });
      expect([...xs].sort((a, b) => a - b)).toEqual(xs);
      expect(await row.locator('td').nth(3).textContent()).toBe('Sweden');

      await row.getByRole('button', { name: /^Show before and after/ }).click();
      const from = page.locator('table.before-after tr[data-field="from"] td.after');
      expect(await from.locator('bdi').allTextContents()).toEqual([ARABIC, 'se-e2e-rtl']);
    });

    test('when the interviews cite rounds that were never frozen, then the rounds view lists each of them', async () => {
      await page.goto(`${server.url}/?view=rounds&country=SE`);
      await page.getByRole('heading', { name: /^Rounds the interviews cite/ }).waitFor();
      const cited = await page
        .locator('.cited-rounds-table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-cited-round')));
      const graph = await api<{ interviews: { round: string }[] }>('/api/graph?country=SE');
      expect(new Set(cited)).toEqual(new Set(graph.interviews.map((i) => i.round)));
      expect(cited.length).toBeGreaterThan(0);
    });
  });
}
