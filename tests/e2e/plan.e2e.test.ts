// End-to-end: the plan view in a real Chromium, on the built client and the real API over a seeded
// embedded store: the steps and chart of GET /api/analysis/plan, goal and budget in the URL, the proposed
// flows drawn dashed on the map, "Try in what-if" (the what-if answer must bring exactly the plan's gains
// to the NCP), resilience in the gaps and bottlenecks views, one click from both to the plan, and axe.
import fs from 'node:fs';
import path from 'node:path';
import { type Page } from 'playwright-core';
import type { WhatIfResponse } from '../../server/model/api-analysis';
import type { GraphResponse } from '../../server/model/api';
import type { PlanResponse, ResilienceResponse } from '../../client/src/features/analysis/api/planTypes';
import { axeViolations } from '../support/axe';
import { ARTIFACTS, requireBrowser, browserSuite } from '../support/chromium';
import { type TestServer } from '../support/server';

/** The what-if list's words for the two statuses a closed gap goes between. */
const GAP_CLOSED = 'collected, not reaching → reaches the NCP';
/** The lead's copies of the screenshots (artifacts/e2e keeps them too). */
const LEAD_COPY = process.env.PLAN_SCREENSHOTS_DIR;

if (requireBrowser('plan view in a browser')) {
  describe('plan view in a browser', () => {
    // axe is injected as a script, which the app's Content-Security-Policy (rightly) blocks.
    const suite = browserSuite({
      timingsFile: 'timings-plan.json',
      timeout: 30_000,
      contextOptions: { bypassCSP: true },
    });
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api, hook } = suite;

    async function screenshot(name: string): Promise<void> {
      await suite.screenshot(name);
      if (LEAD_COPY) fs.copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join(LEAD_COPY, `${name}.png`));
    }

    const plan = (country: string, goal: string, budget = 5) =>
      api<PlanResponse>(`/api/analysis/plan?country=${country}&goal=${goal}&budget=${budget}`);
    const names = async (country: string) => {
      const graph = await api<GraphResponse>(`/api/graph?country=${country}`);
      return (id: string) => graph.stakeholders.find((s) => s.id === id)?.name ?? id;
    };
    const stepList = () => page.getByRole('list', { name: 'Steps, in order' });

    /** Opens the plan view and waits until its steps are on the page. */
    async function openPlan(query: string, steps: number): Promise<void> {
      await page.goto(`${server.url}/?view=plan&${query}`);
      await page.getByRole('heading', { name: `Steps (${steps} of at most`, exact: false }).waitFor();
    }

    /** The steps as listed: each item's text, spaces collapsed. */
    async function listedSteps(): Promise<string[]> {
      return (await stepList().getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    }

    function expectSteps(listed: string[], expected: PlanResponse, nameOf: (id: string) => string): void {
      expect(listed).toHaveLength(expected.steps.length);
      for (const [i, s] of expected.steps.entries()) {
        const action =
          s.action.kind === 'extend_flow'
            ? `Add ${s.action.indicators.join(', ')} to the flow ${nameOf(s.action.from)} → ${nameOf(s.action.to)} (${s.action.flow})`
            : `New flow ${nameOf(s.action.from)} → ${nameOf(s.action.to)} carrying ${s.action.indicators.join(', ')}`;
        expect(listed[i]).toContain(action);
        expect(listed[i]).toContain(s.explanation.replace(/\s+/g, ' '));
        expect(listed[i]).toContain(`Gains ${s.gained.join(', ')}`);
      }
    }

    /** The values the chart plots: one point per number of steps, 0 (before) first. */
    const plotted = () =>
      page
        .locator('svg circle.plan-point')
        .evaluateAll((els) =>
          els.map((e) => [Number(e.getAttribute('data-steps')), Number(e.getAttribute('data-value'))]),
        );

    test("when Poland's plan to close gaps opens, then its numbered steps and their explanations are the API's, the chart plots the coverage ratio after each step, and axe finds nothing serious", async () => {
      const expected = await plan('PL', 'close_gaps');
      expect(expected.steps.length).toBeGreaterThan(1);
      const nameOf = await names('PL');
      const started = Date.now();
      await openPlan('country=PL', expected.steps.length);
      suite.timings.openPlanPL = Date.now() - started;

      expectSteps(await listedSteps(), expected, nameOf);
      expect(await stepList().evaluate((el) => el.tagName)).toBe('OL');
      expect(await page.getByRole('radio', { name: /^Close gaps/ }).isChecked()).toBe(true);
      expect(await page.getByLabel('Budget (at most this many actions)').inputValue()).toBe('5');
      const chart = page.getByRole('img', { name: 'Coverage ratio after each step of the plan' });
      await chart.waitFor();
      expect(await plotted()).toEqual([
        [0, expected.before.coverageRatio],
        ...expected.steps.map((s) => [s.step, s.coverageRatio]),
      ]);
      expect(await page.getByText(/^Coverage ratio \d+% → \d+%$/).textContent()).toBe(
        `Coverage ratio ${Math.round(expected.before.coverageRatio! * 100)}% → ${Math.round(expected.after.coverageRatio! * 100)}%`,
      );
      // The chart's table alternative says the same.
      await page.getByText('The values as a table').click();
      const rows = await page
        .getByRole('table', { name: 'Coverage ratio after each step of the plan' })
        .locator('tbody tr td')
        .allTextContents();
      expect(rows).toEqual([expected.before, ...expected.steps].map((f) => `${Math.round(f.coverageRatio! * 100)}%`));
      // The seed's notice stays on screen.
      await page.getByText('Illustrative map:').waitFor();
      await screenshot('plan-pl-close-gaps');

      expect(await axeViolations(page)).toBe('');
    });

    test('when "Show on the map" is pressed, then each step\'s flow is drawn dashed on the map, and the URL keeps the map on a fresh page', async () => {
      const expected = await plan('PL', 'close_gaps');
      await openPlan('country=PL', expected.steps.length);

      await page.getByRole('button', { name: 'Show on the map' }).click();

      await page.waitForURL((url) => url.searchParams.get('map') === '1');
      await page.waitForFunction(
        () =>
          window.__flowAtlas?.view === 'plan' && window.__flowAtlas.country === 'PL' && window.__flowAtlas.layoutDone,
        null,
        { timeout: 60_000 },
      );
      expect(await page.getByRole('button', { name: 'Show on the map' }).getAttribute('aria-pressed')).toBe('true');
      expect(await hook((h) => h.added())).toEqual(
        expected.steps.map((s) => ({ from: s.action.from, to: s.action.to })),
      );
      await screenshot('plan-pl-map');
      expect(await axeViolations(page)).toBe('');

      await page.reload();
      await page.waitForFunction(() => window.__flowAtlas?.view === 'plan' && window.__flowAtlas.layoutDone, null, {
        timeout: 60_000,
      });
      expect(await hook((h) => h.added())).toHaveLength(expected.steps.length);
    }, 120_000);

    test('when "Try in what-if" is followed, then the bottlenecks view adds the plan\'s flows, and the what-if answer brings exactly the plan\'s gains to the NCP', async () => {
      const expected = await plan('PL', 'close_gaps');
      const keys = [
        ...new Set(
          expected.steps.flatMap((s) => s.action.indicators.map((x) => `${s.action.from}>${s.action.to}:${x}`)),
        ),
      ];
      await openPlan('country=PL', expected.steps.length);

      await page.getByRole('link', { name: 'Try in what-if' }).click();

      await page.waitForURL(
        (url) => url.searchParams.get('view') === 'bottlenecks' && url.searchParams.get('add') === keys.join(','),
      );
      await page.waitForFunction(
        () =>
          window.__flowAtlas?.view === 'bottlenecks' &&
          window.__flowAtlas.country === 'PL' &&
          window.__flowAtlas.layoutDone,
        null,
        { timeout: 60_000 },
      );
      const whatIf = page.getByRole('region', { name: 'What if…' });
      const list = whatIf.getByRole('list');
      await list.waitFor();
      const lines = (await list.getByRole('listitem').allTextContents()).map((t) =>
        t.replace(/\s+/g, ' ').split(' · ')[0]!.trim(),
      );
      const gained = expected.steps.flatMap((s) => s.gained).sort();
      expect(lines.slice().sort()).toEqual(gained.map((x) => `${x}: ${GAP_CLOSED}`));
      expect((await hook((h) => h.added())).length).toBe(keys.length);
      // The same scenario through the API: its changes are the plan's gains too.
      const answer = await api<WhatIfResponse>('/api/analysis/what-if', {
        country: 'PL',
        addFlows: expected.steps.map((s) => ({
          from: s.action.from,
          to: s.action.to,
          indicators: s.action.indicators,
          basis: 'agreement',
        })),
      });
      expect(answer.changed.map((c) => c.indicator).sort()).toEqual(gained);
    }, 120_000);

    test('when the goal is changed to harden and the budget to 3 in Norway, then the URL says so, the steps and chart follow, and Back restores the plan before', async () => {
      const close = await plan('NO', 'close_gaps');
      const harden5 = await plan('NO', 'harden', 5);
      const harden3 = await plan('NO', 'harden', 3);
      const nameOf = await names('NO');
      await openPlan('country=NO', close.steps.length);

      await page.getByRole('radio', { name: /^Remove single points of failure/ }).check();
      await page.waitForURL((url) => url.searchParams.get('goal') === 'harden');
      await page
        .getByRole('img', { name: 'Indicators with two or more independent routes after each step of the plan' })
        .waitFor();
      await page.getByRole('heading', { name: `Steps (${harden5.steps.length} of at most 5)` }).waitFor();
      expectSteps(await listedSteps(), harden5, nameOf);

      await page.getByLabel('Budget (at most this many actions)').selectOption('3');
      await page.waitForURL((url) => url.searchParams.get('budget') === '3');
      await page.getByRole('heading', { name: `Steps (${harden3.steps.length} of at most 3)` }).waitFor();
      expectSteps(await listedSteps(), harden3, nameOf);
      expect(await plotted()).toEqual([
        [0, harden3.before.resilientIndicators],
        ...harden3.steps.map((s) => [s.step, s.resilientIndicators]),
      ]);
      await screenshot('plan-no-harden');

      await page.goBack();
      await page.waitForURL(
        (url) => url.searchParams.get('budget') === null && url.searchParams.get('goal') === 'harden',
      );
      await page.getByRole('heading', { name: `Steps (${harden5.steps.length} of at most 5)` }).waitFor();
      expect(await page.getByLabel('Budget (at most this many actions)').inputValue()).toBe('5');

      // Harden's flows go to the what-if panel too (they are no suggestions): drawn as added.
      await page.getByRole('link', { name: 'Try in what-if' }).click();
      await page.waitForFunction(
        () => window.__flowAtlas?.view === 'bottlenecks' && window.__flowAtlas.layoutDone,
        null,
        { timeout: 60_000 },
      );
      const pairs = await hook((h) => h.added());
      expect(new Set(pairs.map((p) => `${p.from}>${p.to}`))).toEqual(
        new Set(harden5.steps.map((s) => `${s.action.from}>${s.action.to}`)),
      );
      await page
        .getByRole('region', { name: 'What if…' })
        .getByText(/from the plan added/)
        .waitFor();
    }, 120_000);

    test("when a cell of Germany's gaps is chosen, then its detail counts the independent routes or names the single point of failure, as the bottlenecks view lists them, and the plan is one click from both", async () => {
      const resilience = await api<ResilienceResponse>('/api/analysis/resilience?country=DE');
      const nameOf = await names('DE');
      const one = resilience.indicators.find((e) => e.resilience === 1 && !e.singleHolder)!;
      const two = resilience.indicators.find((e) => (e.resilience ?? 0) >= 2)!;
      expect(one && two).toBeTruthy();

      await page.goto(`${server.url}/?view=gaps&country=DE&indicator=${two.indicator}`);
      await page.getByText(`${two.resilience} independent routes: they share no institution`).waitFor();
      await page.goto(`${server.url}/?view=gaps&country=DE&indicator=${one.indicator}`);
      await page
        .getByText(`1 independent route: every route passes through ${nameOf(one.cut[0]!)}, a single point of failure.`)
        .waitFor();
      await screenshot('plan-gaps-resilience');

      await page.getByRole('link', { name: 'close gaps', exact: true }).click();
      await page.waitForURL(
        (url) => url.searchParams.get('view') === 'plan' && url.searchParams.get('country') === 'DE',
      );
      await stepList().waitFor();

      await page.goto(`${server.url}/?view=bottlenecks&country=DE`);
      const reaching = resilience.indicators.filter((e) => e.status === 'reaches_ncp');
      const table = page.getByRole('table', { name: 'Independent routes to the NCP, fewest first' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBe(reaching.length);
      const row = table.locator(`tbody tr[data-indicator="${one.indicator}"]`);
      expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain(`1 independent route${nameOf(one.cut[0]!)}`);
      expect(
        await page
          .getByText(
            new RegExp(
              `^One route only: ${resilience.summary.one} · two: ${resilience.summary.two} · three or more: ${resilience.summary.threeOrMore}`,
            ),
          )
          .count(),
      ).toBe(1);
      await page.getByRole('link', { name: 'remove single points of failure', exact: true }).click();
      await page.waitForURL(
        (url) => url.searchParams.get('view') === 'plan' && url.searchParams.get('goal') === 'harden',
      );
      await page.getByRole('radio', { name: /^Remove single points of failure/ }).waitFor();
      expect(await page.getByRole('radio', { name: /^Remove single points of failure/ }).isChecked()).toBe(true);
    }, 120_000);

    test('when Tab is pressed through the plan view, then it reaches the goal, the budget, "Show on the map" and "Try in what-if", each with a visible focus ring', async () => {
      const expected = await plan('SE', 'close_gaps');
      await openPlan('country=SE', expected.steps.length);
      const wanted = ['radio Close gaps', 'select', 'button Show on the map', 'a Try in what-if'];
      const reached: Array<{ key: string; ring: boolean }> = [];
      for (let i = 0; i < 60 && !wanted.every((w) => reached.some((r) => r.key === w)); i++) {
        await page.keyboard.press('Tab');
        reached.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const cs = getComputedStyle(el);
            const kind = el.tagName === 'INPUT' ? (el as HTMLInputElement).type : el.tagName.toLowerCase();
            const label =
              el.tagName === 'INPUT'
                ? (el.closest('label')?.querySelector('strong')?.textContent ?? '')
                : el.tagName === 'SELECT'
                  ? ''
                  : (el.textContent ?? '').trim();
            return {
              key: `${kind}${label ? ` ${label}` : ''}`,
              ring: el.matches(':focus-visible') && cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2,
            };
          }),
        );
      }
      for (const w of wanted)
        expect({ control: w, reached: reached.find((r) => r.key === w) }).toEqual({
          control: w,
          reached: { key: w, ring: true },
        });
    });

    test('when the country has no NCP, then the plan view says so in words and asks for no plan', async () => {
      await page.goto(`${server.url}/?view=plan&country=INT`);
      const note = page.getByRole('note').filter({ hasText: 'has no national contact point' });
      await note.waitFor();
      expect(await note.textContent()).toContain(`International has no national contact point (NCP) mapped.`);
      expect(await page.getByRole('list', { name: 'Steps, in order' }).count()).toBe(0);
    });
  });
}
