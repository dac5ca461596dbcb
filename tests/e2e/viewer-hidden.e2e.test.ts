// End-to-end: a viewer is told what it does not see (issue 18, point 9). Signed in as a viewer on the seed, each
// view says how many flows carrying personal data were left out, and the compare table counts the flows the
// viewer's map draws, the hidden number beside it (before: 32 counted where the sketch drew 10); the NCP and
// the bottlenecks count what the viewer may see, the hidden number beside, and list no flow it may not see; the
// country list counts what each country's map draws. An administrator is told nothing, since nothing is hidden
// from it.
import type {
  BottlenecksResponse,
  CompareResponse,
  CountryCoverageResponse,
  NcpResponse,
  PlanResponse,
} from '../../server/model/api-analysis';
import type { CountrySummary, GraphResponse } from '../../server/model/api';
import { browserSuite, requireBrowser } from '../support/chromium';
import { type TestServer } from '../support/server';
import { sessionAs, type E2eSession } from './sessions';

if (requireBrowser('what a viewer does not see, in a browser')) {
  describe('what a viewer does not see, in a browser', () => {
    const suite = browserSuite();
    let server: TestServer;
    beforeEach(() => ({ server } = suite));

    let viewer: E2eSession;
    async function asViewer(): Promise<void> {
      viewer ??= await sessionAs(server, { username: 'hidden.viewer', role: 'viewer' });
      const [name, value] = viewer.cookie.split('=') as [string, string];
      await suite.context.addCookies([{ name, value, url: server.url }]);
    }
    const notice = () => suite.page.locator('.hidden-notice');

    test('when a viewer compares countries, then the table counts the flows its map draws, with the hidden number beside, and says how many are hidden', async () => {
      await asViewer();
      const { body: answer } = await viewer.send<CompareResponse>('GET', '/api/analysis/compare');
      const se = answer.countries.find((c) => c.country === 'SE')!;
      expect(se.hidden!.flows).toBeGreaterThan(0);
      // What the viewer's map of Sweden draws between Swedish stakeholders (the flows the comparison counts).
      const { body: graph } = await viewer.send<GraphResponse>('GET', '/api/graph?country=SE');
      const own = new Set(graph.stakeholders.filter((s) => !s.external).map((s) => s.id));
      const drawn = graph.flows.filter((f) => own.has(f.from) && own.has(f.to) && f.status === 'active').length;

      await suite.page.goto(`${server.url}/?view=compare`);
      const cell = suite.page.locator('tr[data-country="SE"] td[data-metric="flows"]');
      await cell.waitFor();
      expect(Number(await cell.getAttribute('data-value'))).toBe(drawn);
      expect(await cell.textContent()).toBe(`${drawn} (+${se.hidden!.flows} hidden)`);
      const total = answer.countries.reduce((sum, c) => sum + (c.hidden?.flows ?? 0), 0);
      expect(await notice().first().textContent()).toMatch(
        new RegExp(`^${total} flows hidden among the compared countries' own flows: they carry personal data`),
      );
    });

    test('when a viewer opens the map, the gaps matrix and details, the NCP and the bottlenecks of Sweden, then each says how many flows are hidden', async () => {
      await asViewer();
      const { body: graph } = await viewer.send<GraphResponse>('GET', '/api/graph?country=SE');
      const hidden = graph.hidden!.flows;
      expect(hidden).toBeGreaterThan(0);
      const said = new RegExp(`^${hidden} flows hidden`);
      for (const query of ['view=map&country=SE', 'view=gaps&country=SE&indicator=VIC-01']) {
        await suite.page.goto(`${server.url}/?${query}`);
        await notice().filter({ hasText: said }).first().waitFor();
      }
      // The gaps matrix also says how many of the region's flows are hidden.
      const { body: region } = await viewer.send<GraphResponse>('GET', '/api/graph');
      await suite.page.goto(`${server.url}/?view=gaps`);
      await notice()
        .filter({
          hasText: new RegExp(`^${region.hidden!.flows} flows hidden in the region: they carry personal data`),
        })
        .waitFor();
      await suite.page.goto(`${server.url}/?view=bottlenecks&country=SE`);
      await notice().first().waitFor({ timeout: 30_000 });
      expect(await notice().first().textContent()).toMatch(said);
    });

    test('when a viewer opens a Gaps cell whose best route takes a personal flow, or a plan with a step extending one, then no such flow is named and the view says what is hidden', async () => {
      await asViewer();
      // Finland (seed): MOD-01's shortest route takes a personal flow, another route does not; UAM-03 reaches the NCP
      // along personal flows only. The editor's route names the flows the viewer may not see.
      const admin = await sessionAs(server, { username: 'hidden.admin', role: 'admin' });
      const { body: full } = await admin.send<CountryCoverageResponse>('GET', '/api/analysis/coverage?country=FI');
      const { body: seen } = await viewer.send<CountryCoverageResponse>('GET', '/api/analysis/coverage?country=FI');
      const { body: graph } = await viewer.send<GraphResponse>('GET', '/api/graph?country=FI');
      const visible = new Set(graph.flows.map((f) => f.id));
      const cell = (body: CountryCoverageResponse, x: string) => body.cells.find((c) => c.indicator === x)!;
      const unseen = (x: string) => (cell(full, x).flows ?? []).filter((id) => !visible.has(id));
      expect(unseen('MOD-01').length).toBeGreaterThan(0);
      expect(unseen('UAM-03').length).toBeGreaterThan(0);
      expect(cell(seen, 'MOD-01').hidden).toEqual({ route: 'best' });
      expect(cell(seen, 'UAM-03').hidden).toEqual({ route: 'every' });
      for (const [x, route] of [
        ['MOD-01', 'best'],
        ['UAM-03', 'every'],
      ] as const) {
        await suite.page.goto(`${server.url}/?view=gaps&country=FI&indicator=${x}`);
        await suite.page.locator(`.hidden-notice[data-hidden-route="${route}"]`).waitFor();
        const text = (await suite.page.locator('main').textContent()) ?? '';
        for (const id of unseen(x))
          expect({ x, id, named: text.includes(`flow ${id}`) }).toEqual({ x, id, named: false });
        if (route === 'best') {
          const shown = await suite.page.locator('.gaps-path .gaps-via').allTextContents();
          expect(shown.map((t) => t.replace(/^via flow (\S+?):?(\s.*)?$/, '$1'))).toEqual(cell(seen, x).flows);
        } else expect(await suite.page.locator('.gaps-path').count()).toBe(0);
      }

      // Denmark (seed): harden's plan has one step extending a personal flow.
      const plan = '/api/analysis/plan?country=DK&goal=harden&budget=5';
      const { body: fullPlan } = await admin.send<PlanResponse>('GET', plan);
      const { body: seenPlan } = await viewer.send<PlanResponse>('GET', plan);
      expect(seenPlan.hidden).toEqual({ steps: 1 });
      const hiddenStep = fullPlan.steps.find((s) => !seenPlan.steps.some((v) => v.step === s.step))!;
      await suite.page.goto(`${server.url}/?view=plan&country=DK&goal=harden&budget=5`);
      await suite.page.locator('.hidden-notice[data-hidden-steps="1"]').waitFor();
      expect(await suite.page.locator('#plan-steps-heading').textContent()).toBe(
        `Steps (${seenPlan.steps.length} of at most 5, +1 hidden)`,
      );
      const text = (await suite.page.locator('main').textContent()) ?? '';
      expect(text).not.toContain(hiddenStep.explanation);
      if (hiddenStep.action.flow) expect(text).not.toMatch(new RegExp(`${hiddenStep.action.flow}(?![\\w-])`));
      // The steps keep the plan's numbers.
      const numbers = await suite.page
        .locator('.plan-step-list > li')
        .evaluateAll((items) => items.map((li) => (li as HTMLLIElement).value));
      expect(numbers).toEqual(seenPlan.steps.map((s) => s.step));
    });

    test("when a viewer opens Sweden's NCP, then it says how many flows to or from the NCP are hidden and counts the institutions and channels it may see, the hidden number beside", async () => {
      await asViewer();
      const { body: ncp } = await viewer.send<NcpResponse>('GET', '/api/analysis/ncp?country=SE');
      if (ncp.status !== 'ok') throw new Error('the seed has an NCP in SE');
      const hidden = ncp.hidden!;
      expect(hidden.flows).toBeGreaterThan(0);

      await suite.page.goto(`${server.url}/?view=ncp&country=SE`);
      await notice()
        .filter({ hasText: new RegExp(`^${hidden.flows} flows? hidden to or from the NCP: they carry personal data`) })
        .waitFor();
      const figure = async (name: string) =>
        (await suite.page
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .locator('td')
          .first()
          .textContent())!;
      const institutions = (n: number, h: number) =>
        `${n} institution${n === 1 ? '' : 's'}${h ? ` (+${h} hidden)` : ''}`;
      expect(await figure('Receives directly from')).toBe(
        institutions(ncp.inDegree - hidden.inDegree, hidden.inDegree),
      );
      expect(await figure('Sends directly to')).toBe(institutions(ncp.outDegree - hidden.outDegree, hidden.outDegree));
      // The cross-border lists hold no flow the viewer may not see, and their headings say how many are hidden.
      for (const [title, list, h] of [
        ['Received from abroad', ncp.crossBorder.in, hidden.crossBorder.in],
        ['Sent abroad', ncp.crossBorder.out, hidden.crossBorder.out],
      ] as const) {
        const heading = suite.page.getByRole('heading', { name: new RegExp(`^${title} \\(`) });
        expect(await heading.textContent()).toBe(`${title} (${list.length}${h ? `, +${h} hidden` : ''})`);
      }
      const { body: graph } = await viewer.send<GraphResponse>('GET', '/api/graph?country=SE');
      const seen = new Set(graph.flows.map((f) => f.id));
      for (const c of [...ncp.crossBorder.in, ...ncp.crossBorder.out]) expect(seen.has(c.flow)).toBe(true);
    });

    test("when a viewer opens Sweden's bottlenecks, then the critical flows count what it may see, the hidden number beside, and list none it may not", async () => {
      await asViewer();
      const { body: answer } = await viewer.send<BottlenecksResponse>('GET', '/api/analysis/bottlenecks?country=SE');
      const { body: graph } = await viewer.send<GraphResponse>('GET', '/api/graph?country=SE');
      const seen = new Set(graph.flows.map((f) => f.id));
      expect(answer.hidden!.flows).toBeGreaterThan(0);
      for (const e of [...answer.edgeBetweenness, ...answer.criticalFlows]) expect(seen.has(e.id)).toBe(true);

      await suite.page.goto(`${server.url}/?view=bottlenecks&country=SE`);
      const heading = suite.page.getByRole('heading', { name: /^Critical flows/ });
      await heading.waitFor({ timeout: 30_000 });
      const h = answer.hidden!.criticalFlows;
      expect(await heading.textContent()).toBe(
        `Critical flows (${answer.criticalFlows.length}${h ? `, +${h} hidden` : ''})`,
      );
      const listed = await suite.page
        .locator('section[aria-labelledby="critical-heading"] input[type="checkbox"]')
        .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label') ?? ''));
      for (const label of listed) expect(label).toMatch(/\(([^()]+)\)$/);
      for (const label of listed) expect(seen.has(/\(([^()]+)\)$/.exec(label)![1]!)).toBe(true);
    });

    test('when a viewer lists the countries, then each counts the flows its map of the country draws, the hidden number beside it', async () => {
      await asViewer();
      const { body } = await viewer.send<{ countries: CountrySummary[] }>('GET', '/api/countries');
      let hiddenSomewhere = 0;
      for (const c of body.countries) {
        const { body: graph } = await viewer.send<GraphResponse>('GET', `/api/graph?country=${c.code}`);
        expect({ code: c.code, flows: c.flows, hidden: c.hidden }).toEqual({
          code: c.code,
          flows: graph.flows.length,
          hidden: { flows: graph.hidden!.flows },
        });
        hiddenSomewhere += c.hidden!.flows;
      }
      expect(hiddenSomewhere).toBeGreaterThan(0);
    });

    test('when an administrator opens the same views, then nothing is said hidden and the table has no hidden numbers', async () => {
      await suite.page.goto(`${server.url}/?view=compare`);
      await suite.page.locator('tr[data-country="SE"] td[data-metric="flows"]').waitFor();
      expect(await suite.page.locator('td[data-hidden]').count()).toBe(0);
      await suite.page.goto(`${server.url}/?view=ncp&country=SE`);
      await suite.page.getByRole('heading', { name: /^National contact point of/ }).waitFor();
      expect(await notice().count()).toBe(0);
    });
  });
}
