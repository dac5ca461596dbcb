// End-to-end: mapping rounds in a real Chromium on the built client and the real API. A round is
// frozen in the page, the map is changed through the API, and the comparison with now lists and
// draws what was added, removed and changed, and the coverage that changed with it.
import type { Page } from 'playwright-core';
import type { GraphResponse } from '../../server/model/api';
import type { CompareRoundsResponse } from '../../server/model/api-rounds';
import { browserSuite, requireBrowser } from '../support/chromium';
import type { TestServer } from '../support/server';

interface RoundSummary {
  id: string;
  name: string;
  country: string | null;
  createdBy: string;
  counts: { stakeholders: number; flows: number };
}

if (requireBrowser('mapping rounds in a browser')) {
  describe('mapping rounds in a browser', () => {
    const suite = browserSuite();
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api, hook, screenshot } = suite;

    async function send(method: 'PUT' | 'DELETE' | 'POST', path: string, body?: unknown): Promise<unknown> {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json();
    }

    async function openRounds(query = ''): Promise<void> {
      await page.goto(`${server.url}/?view=rounds&country=SE${query}`);
      await page.getByRole('heading', { name: 'Mapping rounds of Sweden' }).waitFor();
    }

    async function waitForDiffMap(): Promise<void> {
      await page.waitForFunction(() => window.__flowAtlas?.view === 'rounds' && window.__flowAtlas.layoutDone, null, {
        timeout: 30_000,
      });
    }

    async function freezeInPage(name: string, scope: 'country' | 'region' = 'country'): Promise<void> {
      await page.getByLabel('Name of the round').fill(name);
      if (scope === 'region') await page.getByRole('radio', { name: /The whole region/ }).check();
      await page.getByRole('button', { name: 'Freeze current map as a round' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Round “${name}” frozen` })
        .waitFor();
    }

    test('when "2010 baseline" is frozen, the map changed through the API and compared with now, then the changes are listed, drawn with their classes, and the coverage change is listed', async () => {
      await openRounds();
      await freezeInPage('2010 baseline');
      const { rounds } = await api<{ rounds: RoundSummary[] }>('/api/rounds?country=SE');
      const baseline = rounds.find((r) => r.name === '2010 baseline');
      expect(baseline).toBeDefined();
      // Frozen by the signed-in user (the suite's browser is the test server's admin).
      expect(baseline!.createdBy).toBe('admin');
      expect(await page.locator(`tr[data-round="${baseline!.id}"]`).textContent()).toContain('2010 baseline');

      // Change the map: a new stakeholder with a flow, a flow changed, and the NCP's busiest incoming flow removed.
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const ncp = graph.stakeholders.find((s) => s.ncp && !s.external)!;
      const intoNcp = graph.flows
        .filter((f) => f.to === ncp.id && graph.stakeholders.find((s) => s.id === f.from && !s.external))
        .sort((a, b) => b.indicators.length - a.indicators.length);
      const removed = intoNcp[0]!;
      const changed = graph.flows.find((f) => f.id !== removed.id && f.basis !== 'informal' && f.from !== ncp.id)!;
      await send('POST', '/api/stakeholders', {
        id: 'se-e2e-new',
        name: 'E2E new outreach service',
        country: 'SE',
        type: 'outreach_service',
      });
      await send('POST', '/api/flows', {
        id: 'se-e2e-new-f',
        from: 'se-e2e-new',
        to: ncp.id,
        indicators: ['RSK-01'],
        basis: 'agreement',
      });
      const { version: _v, updatedAt: _a, updatedBy: _b, ...changedBody } = changed;
      await send('PUT', `/api/flows/${changed.id}`, { ...changedBody, basis: 'informal', version: changed.version });
      await send('DELETE', `/api/flows/${removed.id}?version=${removed.version}`);
      const expected = await api<CompareRoundsResponse>(`/api/rounds/compare?country=SE&from=${baseline!.id}&to=now`);
      expect(expected.analysis.coverage.length).toBeGreaterThan(0);

      await openRounds();
      await page.getByRole('button', { name: 'Compare with now: 2010 baseline' }).click();

      await page.waitForURL(
        (url) => url.searchParams.get('from') === baseline!.id && url.searchParams.get('to') === 'now',
      );
      const summary = page.locator('.comparison-summary');
      await summary.waitFor();
      expect(await summary.getAttribute('data-added')).toBe(String(expected.counts.added));
      expect(await summary.getAttribute('data-removed')).toBe(String(expected.counts.removed));
      expect(await summary.getAttribute('data-changed')).toBe(String(expected.counts.changed));
      const row = (kind: string, change: string, key: string) =>
        page.locator(`section[data-kind="${kind}"] tr[data-change="${change}"][data-key="${key}"]`);
      expect(await row('stakeholders', 'added', 'se-e2e-new').textContent()).toContain('E2E new outreach service');
      expect(await row('flows', 'added', 'se-e2e-new-f').count()).toBe(1);
      expect(await row('flows', 'removed', removed.id).count()).toBe(1);
      const basis = row('flows', 'changed', changed.id).locator('li[data-field="basis"]');
      expect(await basis.locator('.before').textContent()).toBe(changed.basis);
      expect(await basis.locator('.after').textContent()).toBe('informal');

      await waitForDiffMap();
      const drawn = await hook((h) => h.diff());
      expect(drawn.added.nodes).toEqual(['se-e2e-new']);
      expect(drawn.added.flows).toEqual(['se-e2e-new-f']);
      expect(drawn.removed.flows).toEqual([removed.id]);
      expect(drawn.changed.flows).toEqual([changed.id]);
      expect(await hook((h) => h.nodeLabel('se-e2e-new'))).toBe('E2E new outreach service (+)');

      const coverageRows = page.locator('.coverage-changes tbody tr');
      expect(await coverageRows.count()).toBe(expected.analysis.coverage.length);
      const first = expected.analysis.coverage[0]!;
      const firstRow = page.locator(`.coverage-changes tr[data-indicator="${first.indicator}"]`);
      expect(await firstRow.getAttribute('data-before')).toBe(first.before ?? '');
      expect(await firstRow.getAttribute('data-after')).toBe(first.after ?? '');
      expect(await page.locator('.ncp-changes tbody tr').count()).toBe(expected.analysis.ncp.length);
      await screenshot('rounds-compare');

      // The URL shares the comparison: a fresh page opened on it shows the same one.
      const shared = page.url();
      const other = await suite.context.newPage();
      await other.goto(shared);
      await other.locator(`.comparison[data-from="${baseline!.id}"][data-to="now"]`).waitFor();
      expect(await other.locator('.comparison-summary').getAttribute('data-added')).toBe(String(expected.counts.added));
      await other.close();
    });

    test('when two rounds are compared, then the pickers name both and the later round stands for the newer side', async () => {
      await openRounds();
      await freezeInPage('before edit');
      await send('POST', '/api/stakeholders', {
        id: 'se-e2e-between',
        name: 'E2E between rounds',
        country: 'SE',
        type: 'ngo',
      });
      await openRounds();
      await freezeInPage('after edit');
      const { rounds } = await api<{ rounds: RoundSummary[] }>('/api/rounds?country=SE');
      const before = rounds.find((r) => r.name === 'before edit')!;
      const after = rounds.find((r) => r.name === 'after edit')!;

      await page.getByLabel('From', { exact: true }).selectOption(before.id);
      await page.getByLabel('To', { exact: true }).selectOption(after.id);

      await page.waitForURL(
        (url) => url.searchParams.get('from') === before.id && url.searchParams.get('to') === after.id,
      );
      await page.locator(`.comparison[data-from="${before.id}"][data-to="${after.id}"]`).waitFor();
      expect(
        await page
          .locator('section[data-kind="stakeholders"] tr[data-change="added"][data-key="se-e2e-between"]')
          .count(),
      ).toBe(1);
      await waitForDiffMap();
      expect(await hook((h) => h.diff().added.nodes)).toEqual(['se-e2e-between']);
    });

    test('when a name is missing or already used, then the form says so next to the field and no round is frozen', async () => {
      await openRounds();
      const count = async () => (await api<{ rounds: RoundSummary[] }>('/api/rounds?country=SE')).rounds.length;
      const before = await count();

      await page.getByRole('button', { name: 'Freeze current map as a round' }).click();
      expect(await page.locator('.field-error').textContent()).toContain('Give the round a name');
      expect(await page.getByLabel('Name of the round').getAttribute('aria-invalid')).toBe('true');

      await freezeInPage('duplicate check');
      await page.getByLabel('Name of the round').fill('Duplicate Check');
      await page.getByRole('button', { name: 'Freeze current map as a round' }).click();
      await page.locator('.field-error').filter({ hasText: 'already exists' }).waitFor();
      expect(await count()).toBe(before + 1);
    });

    test('when a round is deleted and the deletion confirmed, then it leaves the list and the API; "Keep it" keeps it', async () => {
      await openRounds();
      await freezeInPage('to be deleted', 'region');
      const { rounds } = await api<{ rounds: RoundSummary[] }>('/api/rounds?country=SE');
      const round = rounds.find((r) => r.name === 'to be deleted')!;
      expect(round.country).toBeNull();
      const row = page.locator(`tr[data-round="${round.id}"]`);
      expect(await row.textContent()).toContain('Whole region');

      await row.getByRole('button', { name: 'Delete: to be deleted' }).click();
      await row.getByRole('button', { name: 'Keep it' }).click();
      expect(await row.count()).toBe(1);
      await row.getByRole('button', { name: 'Delete: to be deleted' }).click();
      await row.getByRole('button', { name: 'Yes, delete the round' }).click();

      await row.waitFor({ state: 'detached' });
      const after = await api<{ rounds: RoundSummary[] }>('/api/rounds?country=SE');
      expect(after.rounds.some((r) => r.id === round.id)).toBe(false);
    });
  });
}
