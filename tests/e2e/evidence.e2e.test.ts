// End-to-end: the evidence view in a real Chromium, on the built client and the real API over a seeded
// embedded store: the interviews table against the API, editing and deleting an interview that flows
// cite, adding an interview as evidence to a flow without any, and opening a listed flow on the map
// with its confidence and evidence. Each test has its own seeded server.
import type { GraphResponse } from '../../server/model/api';
import type { ToConfirmResponse } from '../../server/model/api-rounds';
import { browserSuite, requireBrowser } from '../support/chromium';

type Flow = GraphResponse['flows'][number];
type Interview = GraphResponse['interviews'][number];

if (requireBrowser('evidence in a browser')) {
  describe('evidence in a browser', () => {
    describe('the interviews of a country', () => {
      const suite = browserSuite({ timeout: 20_000 });

      test('when the evidence view opens, then each interview is listed with who, when, the round and the flows citing it, as the API has them; an edit shows at once', async () => {
        const { page, api, screenshot } = suite;
        const graph = await api<GraphResponse>('/api/graph?country=SE');
        const names = new Map(graph.stakeholders.map((s) => [s.id, s.name]));
        await page.goto(`${suite.server.url}/?view=evidence&country=SE`);

        await page.getByRole('heading', { name: `Interviews in Sweden (${graph.interviews.length})` }).waitFor();
        const table = page.getByRole('region', { name: 'Interviews table' });
        expect(await table.locator('tbody tr').count()).toBe(graph.interviews.length);
        for (const i of graph.interviews) {
          const citing = graph.flows.filter((f) => f.evidence.includes(i.id)).length;
          const row = table.getByRole('row', { name: new RegExp(`\\(${i.id}\\)`) });
          const cells = await row.locator('td').allTextContents();
          expect(cells.slice(0, 4)).toEqual([i.date, i.interviewer ?? 'not recorded', i.round, String(citing)]);
          expect(await row.getByRole('rowheader').textContent()).toContain(names.get(i.stakeholder));
        }
        await expect(page.getByRole('note').textContent()).resolves.toContain('Illustrative map');
        await screenshot('evidence-se');

        const first = graph.interviews.find((i) => i.id === 'se-i2')!;
        await page
          .getByRole('button', { name: `Edit the interview with ${names.get(first.stakeholder)} on ${first.date}` })
          .click();
        const dialog = page.locator('dialog[open]');
        await dialog.getByLabel(/^Round/).fill('2010-revisited');
        await dialog.getByRole('button', { name: 'Save changes' }).click();
        await dialog.waitFor({ state: 'detached' });
        await table
          .getByRole('row', { name: /\(se-i2\)/ })
          .getByRole('cell', { name: '2010-revisited', exact: true })
          .waitFor();
        expect((await api<Interview>('/api/interviews/se-i2')).round).toBe('2010-revisited');
        // Focus went back to the button that opened the form.
        expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
          `Edit the interview with ${names.get(first.stakeholder)} on ${first.date}`,
        );
      });

      test('when an interview cited by flows is deleted, then the dialog says how many cite it, and deleting it removes it from their evidence', async () => {
        const { page, api } = suite;
        const graph = await api<GraphResponse>('/api/graph?country=SE');
        const interview = graph.interviews.find((i) => i.id === 'se-i1')!;
        const citing = graph.flows.filter((f) => f.evidence.includes(interview.id));
        const lines = graph.reportingLines.filter((r) => r.evidence.includes(interview.id));
        expect(citing.length).toBeGreaterThan(1);
        const who = graph.stakeholders.find((s) => s.id === interview.stakeholder)!.name;
        await page.goto(`${suite.server.url}/?view=evidence&country=SE`);

        await page.getByRole('button', { name: `Delete the interview with ${who} on ${interview.date}` }).click();
        const confirm = page.getByRole('alertdialog', { name: 'Delete interview' });
        await confirm.getByRole('button', { name: 'Delete interview' }).click();
        const alert = confirm.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain(
          `is cited by: ${citing.length} flows${lines.length ? `, ${lines.length} reporting line` : ''}`,
        );
        await confirm.getByRole('button', { name: 'Delete it and remove it from these' }).click();
        await confirm.waitFor({ state: 'detached' });

        expect((await fetch(`${suite.server.url}/api/interviews/${interview.id}`)).status).toBe(404);
        for (const f of citing) {
          const after = await api<Flow>(`/api/flows/${f.id}`);
          expect(after.evidence).toEqual(f.evidence.filter((e) => e !== interview.id));
        }
        await page.getByRole('heading', { name: `Interviews in Sweden (${graph.interviews.length - 1})` }).waitFor();
        expect(
          await page
            .getByRole('status')
            .filter({ hasText: /^Deleted / })
            .textContent(),
        ).toContain(`Interview with ${who} on ${interview.date}`);
      });
    });

    describe('working through the flows to confirm', () => {
      const suite = browserSuite({ timeout: 20_000 });

      test('when an interview is added as evidence to a flow without any, then "no evidence" goes and the flow cites the interview', async () => {
        const { page, api } = suite;
        const before = await api<ToConfirmResponse>('/api/to-confirm?country=SE');
        const bare = before.items.find((i) => i.reasons.includes('no_evidence'));
        expect(bare).toBeDefined();
        const flow = bare!.flow;
        await page.goto(`${suite.server.url}/?view=evidence&country=SE&reason=no_evidence`);
        const list = page.getByRole('region', { name: 'Flows to confirm' });
        await list.waitFor();
        expect(await list.locator('tbody tr').count()).toBe(before.counts.no_evidence);
        const row = list.locator(`tbody tr[data-flow="${flow.id}"]`);
        expect(await row.textContent()).toContain('no evidence');

        await row.getByRole('button', { name: /^Add evidence to the flow/ }).click();
        const dialog = page.locator('dialog[open]');
        await dialog.getByLabel('Interview').selectOption('se-i3');
        await dialog.getByRole('button', { name: 'Add evidence' }).click();
        await dialog.waitFor({ state: 'detached' });

        await page.getByRole('checkbox', { name: `No evidence (${before.counts.no_evidence - 1})` }).waitFor();
        expect(await row.count()).toBe(0);
        expect((await api<Flow>(`/api/flows/${flow.id}`)).evidence).toEqual(['se-i3']);
        const after = await api<ToConfirmResponse>('/api/to-confirm?country=SE');
        expect(after.items.find((i) => i.flow.id === flow.id)?.reasons ?? []).not.toContain('no_evidence');
      });

      test('when "Open on the map" is followed, then the map shows the flow\'s details with its confidence and evidence interviews', async () => {
        const { page, api } = suite;
        const list = await api<ToConfirmResponse>('/api/to-confirm?country=SE');
        const graph = await api<GraphResponse>('/api/graph?country=SE');
        const item = list.items.find(
          (i) => i.flow.evidence.length > 0 && graph.interviews.some((x) => x.id === i.flow.evidence[0]),
        )!;
        const interview = graph.interviews.find((x) => x.id === item.flow.evidence[0])!;
        const name = (id: string) => graph.stakeholders.find((s) => s.id === id)!.name;
        await page.goto(`${suite.server.url}/?view=evidence&country=SE`);

        await page
          .getByRole('link', { name: `Open on the map: the flow ${name(item.flow.from)} → ${name(item.flow.to)}` })
          .first()
          .click();

        await page.waitForURL(
          (url) => url.searchParams.get('view') === 'map' && url.searchParams.get('flow') === item.flow.id,
        );
        const panel = page.getByRole('complementary', {
          name: `Flow: ${name(item.flow.from)} → ${name(item.flow.to)}`,
        });
        await panel.waitFor();
        expect(await panel.textContent()).toContain(
          `Confidence${item.flow.confidence.charAt(0).toUpperCase()}${item.flow.confidence.slice(1)}`,
        );
        const evidence = panel.getByRole('region', { name: `Evidence (${item.flow.evidence.length})` });
        const text = (await evidence.textContent()) ?? '';
        expect(text).toContain(
          `Interview ${interview.id} on ${interview.date}, round ${interview.round}, with ${name(interview.stakeholder)}`,
        );
        if (interview.interviewer) expect(text).toContain(`by ${interview.interviewer}`);
      });
    });
  });
}
