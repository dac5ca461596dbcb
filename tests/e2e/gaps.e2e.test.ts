// End-to-end: the gaps view (coverage heat map and cell details) in a real Chromium, on the built
// client and the real API over a seeded embedded store; what the page shows is checked against the API.
import { type Page } from 'playwright-core';
import type {
  CountryCoverageResponse,
  CoverageMatrixResponse,
  SuggestionsResponse,
} from '../../server/model/api-analysis';
import type { CountriesResponse, GraphResponse, ReferenceResponse } from '../../server/model/api';
import type { z } from 'zod';
import { escapeRegExp, requireBrowser, browserSuite } from '../support/chromium';
import { type TestServer } from '../support/server';
import { extensionOf, groupSuggestions, peerBasis, type Suggestion } from '../../client/src/features/gaps/suggestions';
import { sessionAs } from './sessions';

type Countries = z.infer<typeof CountriesResponse>['countries'];
type Status = CoverageMatrixResponse['cells'][number]['status'];

/** The status words the view promises in each cell's label (ANALYSIS.md §1, in plain words). */
function words(status: Status, hops?: number): string {
  switch (status) {
    case 'held_by_ncp':
      return 'held by the NCP itself';
    case 'reaches_ncp':
      return `reaches the NCP in ${hops} ${hops === 1 ? 'hop' : 'hops'}`;
    case 'collected_not_reaching':
      return 'collected, but does not reach the NCP';
    case 'not_collected':
      return 'not collected';
    case 'no_ncp':
      return 'no NCP mapped';
  }
}

const LEGEND: Record<Status, string> = {
  held_by_ncp: 'Held by the NCP itself',
  reaches_ncp: 'Reaches the NCP (number: hops)',
  collected_not_reaching: 'Collected, but never reaches the NCP',
  not_collected: 'Not collected in the country',
  no_ncp: 'No NCP mapped',
};

const pct = (ratio: number | null) => (ratio === null ? 'n/a' : `${Math.round(ratio * 100)}%`);
const humanize = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/_/g, ' ');

if (requireBrowser('gaps view in a browser')) {
  describe('gaps view in a browser', () => {
    const suite = browserSuite({ timingsFile: 'timings-gaps.json' });
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api, screenshot } = suite;
    const timings = suite.timings;

    async function countryNames(): Promise<Map<string, string>> {
      const { countries } = await api<{ countries: Countries }>('/api/countries');
      return new Map(countries.map((c) => [c.code, c.name]));
    }

    /** Stakeholder names as the API has them: the country's map, else the stakeholder itself. */
    async function stakeholderName(country: string, id: string): Promise<string> {
      const graph = await api<GraphResponse>(`/api/graph?country=${country}`);
      const own = graph.stakeholders.find((s) => s.id === id);
      if (own) return own.name;
      return (await api<{ name: string }>(`/api/stakeholders/${id}`)).name;
    }

    function matrixTable() {
      return page.getByRole('table', { name: /^Coverage of \d+ indicators in \d+ countries/ });
    }

    function cell(name: string) {
      return matrixTable().getByRole('button', { name, exact: true });
    }

    function details(countryName: string, indicator: string) {
      return page.getByRole('region', { name: `${countryName}, ${indicator}` });
    }

    async function openGaps(query = ''): Promise<number> {
      const started = Date.now();
      await page.goto(`${server.url}/?view=gaps${query}`);
      await matrixTable().getByRole('button').first().waitFor();
      return Date.now() - started;
    }

    test("when the gaps view opens, then the table has every national country by 32 indicators grouped by theme, with the API's statuses and counts", async () => {
      const matrix = await api<CoverageMatrixResponse>('/api/analysis/coverage');
      const reference = await api<ReferenceResponse>('/api/reference');
      const names = await countryNames();
      expect(matrix.countries).toHaveLength(10);
      expect(matrix.indicators).toHaveLength(32);

      timings.openToMatrix = await openGaps();

      const table = matrixTable();
      // Rows: the national countries by name.
      const rowHeaders = await table.locator('tbody th[scope="row"]').allTextContents();
      expect(rowHeaders).toEqual(matrix.countries.map((c) => names.get(c) ?? c).sort((a, b) => a.localeCompare(b)));
      expect(rowHeaders).not.toContain('International');

      // Columns: themes in catalogue order, each indicator under its first theme.
      const expectedGroups = reference.themes
        .map((t) => ({
          name: t.name,
          codes: matrix.indicators.filter(
            (code) => reference.indicators.find((i) => i.code === code)?.themes[0] === t.code,
          ),
        }))
        .filter((g) => g.codes.length > 0);
      const themeHeaders = await table
        .locator('thead th[scope="colgroup"]')
        .evaluateAll((ths) =>
          ths.map((th) => ({ name: th.textContent ?? '', span: (th as HTMLTableCellElement).colSpan })),
        );
      expect(themeHeaders).toEqual(expectedGroups.map((g) => ({ name: g.name, span: g.codes.length })));
      const indicatorHeaders = await table.locator('thead th[scope="col"]').allTextContents();
      expect(indicatorHeaders.slice(0, 3)).toEqual(['Country', 'Coverage', 'Reference coverage']);
      expect(indicatorHeaders.slice(3)).toEqual(expectedGroups.flatMap((g) => g.codes));

      // Every cell is a button whose label says the API's status in words.
      const labels = await table
        .locator('tbody button')
        .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
      expect(labels).toHaveLength(matrix.countries.length * matrix.indicators.length);
      const expectedLabels = matrix.cells.map(
        (c) => `${names.get(c.country)}, ${c.indicator}: ${words(c.status, c.hops)}`,
      );
      expect([...labels].sort()).toEqual([...expectedLabels].sort());
      // Reaching cells show their hop count.
      const se = matrix.cells.find((c) => c.country === 'SE' && c.status === 'reaches_ncp')!;
      expect(await cell(`Sweden, ${se.indicator}: ${words(se.status, se.hops)}`).textContent()).toBe(String(se.hops));

      // The legend's counts are the API's.
      const legend = page.getByRole('region', { name: 'Legend' });
      for (const status of Object.keys(LEGEND) as Status[]) {
        const expected = matrix.cells.filter((c) => c.status === status).length;
        const text =
          (await legend
            .getByRole('listitem')
            .filter({ has: page.getByText(LEGEND[status], { exact: true }) })
            .textContent()) ?? '';
        expect(text.replace(/\s+/g, ' ')).toMatch(new RegExp(`: ${expected} cells$`));
      }

      // The summary columns are the API's coverage ratio and reference coverage.
      for (const code of matrix.countries) {
        const coverage = await api<CountryCoverageResponse>(`/api/analysis/coverage?country=${code}`);
        const row = table
          .locator('tbody tr')
          .filter({ has: page.getByRole('rowheader', { name: names.get(code), exact: true }) });
        const ratios = await row.locator('td.gaps-ratio').allTextContents();
        expect(ratios).toEqual([pct(coverage.coverageRatio), pct(coverage.referenceCoverage)]);
      }
      expect(await page.getByRole('note').isVisible()).toBe(true);
      await screenshot('gaps-matrix');
    });

    test('when Denmark x UAM-03 is opened, then its details say "not collected"', async () => {
      const matrix = await api<CoverageMatrixResponse>('/api/analysis/coverage');
      expect(matrix.cells.find((c) => c.country === 'DK' && c.indicator === 'UAM-03')?.status).toBe('not_collected');
      await openGaps('&country=SE');

      await cell('Denmark, UAM-03: not collected').click();

      const panel = details('Denmark', 'UAM-03');
      await panel.waitFor();
      await page.waitForURL(
        (url) => url.searchParams.get('country') === 'DK' && url.searchParams.get('indicator') === 'UAM-03',
      );
      expect(await panel.getByText('Not collected', { exact: true }).isVisible()).toBe(true);
      expect(await panel.textContent()).toContain('Nobody in Denmark collects UAM-03');
      expect(await cell('Denmark, UAM-03: not collected').getAttribute('aria-current')).toBe('true');
      expect(await page.getByLabel('Country').inputValue()).toBe('DK');
    });

    test("when a reaching cell with 2 or more hops is clicked, then the details show the API's path, weakest basis and slowest frequency", async () => {
      const matrix = await api<CoverageMatrixResponse>('/api/analysis/coverage');
      const far = matrix.cells.find((c) => c.country === 'SE' && c.status === 'reaches_ncp' && (c.hops ?? 0) >= 2);
      expect(far).toBeDefined();
      const coverage = await api<CountryCoverageResponse>('/api/analysis/coverage?country=SE');
      const expected = coverage.cells.find((c) => c.indicator === far!.indicator)!;
      expect(expected.path).toHaveLength(far!.hops! + 1);
      const pathNames = await Promise.all(expected.path!.map((id) => stakeholderName('SE', id)));
      await openGaps('&country=SE');

      const clicked = Date.now();
      await cell(`Sweden, ${far!.indicator}: reaches the NCP in ${far!.hops} hops`).click();
      const panel = details('Sweden', far!.indicator);
      const steps = panel.getByRole('list', { name: 'Path to the NCP' }).getByRole('listitem');
      await steps.first().waitFor();
      timings.clickToPath = Date.now() - clicked;

      const texts = await steps.allTextContents();
      expect(texts).toHaveLength(pathNames.length);
      texts.forEach((text, i) => expect(text).toContain(pathNames[i]));
      expect(texts[texts.length - 1]).toContain('NCP');
      expected.flows!.forEach((flow, i) => expect(texts[i + 1]).toContain(`via flow ${flow}`));
      const facts = panel.locator('dl');
      expect(await facts.textContent()).toContain(`Hops${far!.hops}`);
      expect(await facts.textContent()).toContain(`Weakest basis${humanize(expected.weakestBasis!)}`);
      expect(await facts.textContent()).toContain(`Slowest frequency${humanize(expected.slowestFrequency!)}`);
      expect(await panel.textContent()).toContain(`Reaches the NCP in ${far!.hops} hops`);
      const url = new URL(page.url());
      expect([
        url.searchParams.get('view'),
        url.searchParams.get('country'),
        url.searchParams.get('indicator'),
      ]).toEqual(['gaps', 'SE', far!.indicator]);
      await screenshot('gaps-path');
    });

    test('when a gap is clicked, then the API\'s suggestions for it are listed in rank order with explanations and peer scores, and "Show on the map" opens the map', async () => {
      const matrix = await api<CoverageMatrixResponse>('/api/analysis/coverage');
      const suggestions = await api<SuggestionsResponse>('/api/analysis/suggestions?country=SE');
      // The Swedish gap with the most suggestions: the richest list to check.
      const gaps = matrix.cells.filter((c) => c.country === 'SE' && c.status === 'collected_not_reaching');
      const best = gaps
        .map((c) => ({
          indicator: c.indicator,
          list: suggestions.suggestions.filter((s) => s.indicator === c.indicator),
        }))
        .sort((a, b) => b.list.length - a.list.length)[0];
      expect(best?.list.length).toBeGreaterThan(1);
      const { indicator, list } = best!;
      await openGaps('&country=SE');

      await cell(`Sweden, ${indicator}: collected, but does not reach the NCP`).click();

      const panel = details('Sweden', indicator);
      const items = panel
        .getByRole('list', { name: new RegExp(`^Suggestions for Sweden, ${escapeRegExp(indicator)}`) })
        .getByRole('listitem');
      await items.first().waitFor();
      const texts = await items.allTextContents();
      // One entry per proposed link: a direct and an extend suggestion for the same pair appear once.
      const groups = groupSuggestions(list);
      expect(texts).toHaveLength(groups.length);
      groups.forEach(({ best: s, alternatives }, i) => {
        expect(texts[i]).toContain(s.explanation);
        expect(texts[i]).toContain(`Peer score ${pct(s.peerScore)}`);
        if (s.flow) expect(texts[i]).toContain(`Flow ${s.flow}`);
        for (const alt of alternatives) expect(texts[i]).toContain(`peer score ${pct(alt.peerScore)}`);
      });
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const holders = (await api<CountryCoverageResponse>('/api/analysis/coverage?country=SE')).cells.find(
        (c) => c.indicator === indicator,
      )!.holders;
      const holderItems = await panel.getByRole('list', { name: 'Holders' }).getByRole('listitem').allTextContents();
      expect(holderItems).toEqual(holders.map((id) => graph.stakeholders.find((s) => s.id === id)?.name));
      expect(await panel.textContent()).toContain('Not applicable: the NCP does not have it.');
      await screenshot('gaps-suggestions');

      await panel.getByRole('link', { name: 'Show on the map' }).click();

      await page.waitForURL((url) => url.searchParams.get('view') === 'map');
      const url = new URL(page.url());
      expect(url.searchParams.get('country')).toBe('SE');
      expect(url.searchParams.get('indicator')).toBe(indicator);
      expect(await page.getByRole('link', { name: 'Map', exact: true }).getAttribute('aria-current')).toBe('page');
    });

    test('when the keyboard is used, then Tab reaches a cell, Enter opens it, the arrow keys move, and Back restores the previous cell', async () => {
      const matrix = await api<CoverageMatrixResponse>('/api/analysis/coverage');
      const reference = await api<ReferenceResponse>('/api/reference');
      const names = await countryNames();
      const rows = [...matrix.countries].sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b));
      const firstTheme = reference.themes.find((t) =>
        matrix.indicators.some((code) => reference.indicators.find((i) => i.code === code)?.themes[0] === t.code),
      )!;
      const columns = matrix.indicators.filter(
        (code) => reference.indicators.find((i) => i.code === code)?.themes[0] === firstTheme.code,
      );
      const at = (r: number, c: number) =>
        matrix.cells.find((x) => x.country === rows[r] && x.indicator === columns[c])!;
      await openGaps('&country=SE');

      let tabs = 0;
      while (!(await page.evaluate(() => document.activeElement?.classList.contains('gaps-cell') ?? false))) {
        await page.keyboard.press('Tab');
        tabs += 1;
        expect(tabs).toBeLessThan(20);
      }
      const first = at(0, 0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        `${names.get(first.country)}, ${first.indicator}: ${words(first.status, first.hops)}`,
      );
      await page.keyboard.press('Enter');
      await details(names.get(first.country)!, first.indicator).waitFor();
      await page.waitForURL(
        (url) =>
          url.searchParams.get('country') === first.country && url.searchParams.get('indicator') === first.indicator,
      );

      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      const moved = at(1, 1);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        `${names.get(moved.country)}, ${moved.indicator}: ${words(moved.status, moved.hops)}`,
      );
      await page.keyboard.press('Enter');
      await details(names.get(moved.country)!, moved.indicator).waitFor();
      // Only one cell is in the tab order: the current one.
      expect(await matrixTable().locator('tbody button[tabindex="0"]').count()).toBe(1);
      await screenshot('gaps-keyboard');

      await page.goBack();
      await details(names.get(first.country)!, first.indicator).waitFor();
      await page.getByRole('button', { name: 'Close details' }).click();
      await details(names.get(first.country)!, first.indicator).waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.get('indicator')).toBeNull();
    });
    test('when an editor picks "Add this flow" on a suggestion, then the flow form opens filled in (from, to, indicator, the peers\' basis) and saving creates the flow; a viewer sees no such button', async () => {
      const matrix = await api<CoverageMatrixResponse>('/api/analysis/coverage');
      const suggestions = await api<SuggestionsResponse>('/api/analysis/suggestions?country=SE');
      const gaps = new Set(
        matrix.cells.filter((c) => c.country === 'SE' && c.status === 'collected_not_reaching').map((c) => c.indicator),
      );
      const region = await api<GraphResponse>('/api/graph');
      // A new flow the peers send with a known basis (so the basis is filled in as well).
      const s = suggestions.suggestions.find(
        (x) => x.kind !== 'extend_flow' && gaps.has(x.indicator) && peerBasis(x, 'SE', region) !== undefined,
      );
      expect(s).toBeDefined();
      const { indicator, from, to } = s!;
      const basis = peerBasis(s!, 'SE', region);
      const entry = (panel: ReturnType<typeof details>) => panel.locator(`li[data-suggestion="${from}>${to}"]`).first();
      const openCell = async () => {
        await openGaps(`&country=SE&indicator=${indicator}`);
        const panel = details('Sweden', indicator);
        await entry(panel).waitFor();
        return panel;
      };

      // A viewer reads the suggestions without the button.
      const viewer = await sessionAs(server, { username: 'gaps.viewer', role: 'viewer' });
      const [name, value] = viewer.cookie.split('=') as [string, string];
      await suite.context.addCookies([{ name, value, url: server.url }]);
      const seen = await openCell();
      await seen.getByText('Peer score').first().waitFor();
      expect(await seen.getByRole('button', { name: 'Add this flow' }).count()).toBe(0);
      await suite.context.clearCookies();

      // An editor (the suite's admin) adds it.
      const panel = await openCell();
      await entry(panel).getByRole('button', { name: 'Add this flow' }).click();
      const dialog = page.locator('dialog[open]');
      await dialog.getByRole('heading', { name: 'New flow' }).waitFor();
      expect(await dialog.getByLabel(/^From/).inputValue()).toBe(from);
      expect(await dialog.getByLabel(/^To/).inputValue()).toBe(to);
      expect(await dialog.getByLabel(/^Basis/).inputValue()).toBe(basis);
      const carried = dialog.getByRole('group', { name: /^Indicators carried/ });
      expect(await carried.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(indicator)}`) }).isChecked()).toBe(
        true,
      );
      expect(await carried.locator('input[type="checkbox"]:checked').count()).toBe(1);
      await screenshot('gaps-add-flow');
      await dialog.getByRole('button', { name: 'Save flow' }).click();
      await dialog.waitFor({ state: 'detached' });
      // The gap is closed: the panel now shows the route to the NCP.
      await panel.getByRole('list', { name: 'Path to the NCP' }).waitFor();

      const { items } = await api<{ items: Array<{ from: string; to: string; indicators: string[]; basis: string }> }>(
        `/api/flows?stakeholder=${from}`,
      );
      expect(items.filter((f) => f.to === to && f.indicators.includes(indicator))).toEqual([
        expect.objectContaining({ from, to, indicators: [indicator], basis }),
      ]);
    });

    test("when the only suggestion for a link is to extend an existing flow, then an editor may open that flow's form with the indicator added, and saving adds it to the flow", async () => {
      const names = await countryNames();
      const matrix = await api<CoverageMatrixResponse>('/api/analysis/coverage');
      // The first country (by code) with an extend-only suggestion: no direct or join-route one for the same link.
      let found: { country: string; s: Suggestion & { flow: string } } | undefined;
      for (const country of matrix.countries) {
        const { suggestions } = await api<SuggestionsResponse>(`/api/analysis/suggestions?country=${country}`);
        const s = groupSuggestions(suggestions)
          .map(extensionOf)
          .find((x) => x !== undefined);
        if (s) {
          found = { country, s };
          break;
        }
      }
      expect(found).toBeDefined();
      const { country, s } = found!;
      const before = await api<{ indicators: string[]; version: number }>(`/api/flows/${s.flow}`);
      expect(before.indicators).not.toContain(s.indicator);

      await openGaps(`&country=${country}&indicator=${s.indicator}`);
      const panel = details(names.get(country)!, s.indicator);
      const entry = panel.locator(`li[data-suggestion="${s.from}>${s.to}"]`).first();
      await entry.waitFor();
      // No new flow is proposed for this link: the action is on the existing flow.
      expect(await entry.getByRole('button', { name: 'Add this flow' }).count()).toBe(0);
      await entry.getByRole('button', { name: `Add ${s.indicator} to flow ${s.flow}` }).click();
      const dialog = page.locator('dialog[open]');
      await dialog.getByRole('heading', { name: /^Edit flow/ }).waitFor();
      expect(await dialog.textContent()).toContain(`${s.indicator} is added to the indicators it carries`);
      expect(await dialog.getByLabel(/^From/).inputValue()).toBe(s.from);
      expect(await dialog.getByLabel(/^To/).inputValue()).toBe(s.to);
      const carried = dialog.getByRole('group', { name: /^Indicators carried/ });
      const checked = await carried
        .locator('input[type="checkbox"]:checked')
        .evaluateAll((boxes) => boxes.map((b) => b.closest('label')?.querySelector('.edit-code')?.textContent ?? ''));
      expect(checked.sort()).toEqual([...before.indicators, s.indicator].sort());
      await screenshot('gaps-extend-flow');
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await dialog.waitFor({ state: 'detached' });

      const after = await api<{ indicators: string[]; version: number }>(`/api/flows/${s.flow}`);
      expect([...after.indicators].sort()).toEqual([...before.indicators, s.indicator].sort());
      expect(after.version).toBeGreaterThan(before.version);
    });
  });
}
