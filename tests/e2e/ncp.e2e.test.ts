// End-to-end: the NCP view in a real Chromium, on the built client and the real API over a seeded
// embedded store; every figure on the page is checked against GET /api/analysis/ncp.
import path from 'node:path';
import { type Page } from 'playwright-core';
import type { NcpResponse } from '../../server/model/api-analysis';
import type { CountriesResponse, GraphResponse, ReferenceResponse } from '../../server/model/api';
import type { z } from 'zod';
import { ARTIFACTS, VIEWPORT, requireBrowser, browserSuite } from '../support/chromium';
import { type TestServer } from '../support/server';

type Countries = z.infer<typeof CountriesResponse>['countries'];
type Metrics = Extract<NcpResponse, { status: 'ok' }>;

const ROLES = [
  ['coordinator', 'Coordinator'],
  ['gatekeeper', 'Gatekeeper'],
  ['representative', 'Representative'],
  ['itinerant', 'Consultant (itinerant)'],
  ['liaison', 'Liaison'],
] as const;

const ORDINAL: Record<number, string> = {
  1: '1st',
  2: '2nd',
  3: '3rd',
  4: '4th',
  5: '5th',
  6: '6th',
  7: '7th',
  8: '8th',
  9: '9th',
  10: '10th',
  11: '11th',
  12: '12th',
  21: '21st',
  22: '22nd',
  23: '23rd',
};
const pct = (ratio: number) => `${Math.round(ratio * 100)}%`;

if (requireBrowser('NCP view in a browser')) {
  describe('NCP view in a browser', () => {
    const suite = browserSuite({ timingsFile: 'timings-ncp.json' });
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api } = suite;
    const timings = suite.timings;

    async function screenshot(name: string, fullPage = false): Promise<void> {
      if (fullPage) {
        // The view scrolls inside the page: grow the viewport to its height for one full picture.
        const height = await page
          .locator('.ncp-view')
          .evaluate((el) => el.scrollHeight + el.getBoundingClientRect().top);
        await page.setViewportSize({ width: VIEWPORT.width, height: Math.ceil(height) });
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
      if (fullPage) await page.setViewportSize(VIEWPORT);
    }

    /** The value cell of a row of the "Position in the national network" table. */
    async function figure(name: string): Promise<string> {
      const row = page
        .getByRole('region', { name: 'Position in the national network' })
        .getByRole('row', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) });
      return ((await row.getByRole('cell').first().textContent()) ?? '').trim();
    }

    test("when the NCP view of Sweden opens, then its figures, reach, indicators, brokerage and cross-border channels are the API's, each explained", async () => {
      const m = await api<Metrics>('/api/analysis/ncp?country=SE');
      expect(m.status).toBe('ok');
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const reference = await api<ReferenceResponse>('/api/reference');
      const ncp = graph.stakeholders.find((s) => s.id === m.ncp)!;
      const n = graph.stakeholders.filter((s) => !s.external).length;

      const opened = Date.now();
      await page.goto(`${server.url}/?view=ncp&country=SE`);
      await page.getByRole('heading', { name: 'National contact point of Sweden' }).waitFor();
      await page.getByText(ncp.name, { exact: true }).waitFor();
      timings.openToNcpSE = Date.now() - opened;

      // Degrees, betweenness rank among the country's stakeholders, closeness, constraint.
      expect(await figure('Receives directly from')).toBe(`${m.inDegree} institutions`);
      expect(await figure('Sends directly to')).toBe(`${m.outDegree} institutions`);
      expect(await figure('Go-between rank (betweenness)')).toBe(
        `${ORDINAL[m.betweennessRank]} of ${n} (${m.betweenness.toFixed(2)})`,
      );
      expect(await figure('Closeness, incoming')).toBe(m.harmonicClosenessIn.toFixed(2));
      expect(await figure('Closeness, outgoing')).toBe(m.harmonicClosenessOut.toFixed(2));
      expect(await figure('Dependence on few contacts')).toBe(m.constraint!.toFixed(2));
      const position =
        (await page.getByRole('region', { name: 'Position in the national network' }).textContent()) ?? '';
      expect(position).toContain('Low (near 0)');
      expect(position).toContain('High (towards 1)');
      expect(position).toContain(`about ${Math.round(1 / m.constraint!)} equally important contacts`);

      // Reach: shares of the other stakeholders, in and out, within 1, 2 and any number of steps.
      const reach = page.getByRole('region', { name: 'Reach' });
      const reachRow = async (name: string) =>
        (
          await reach
            .getByRole('row', { name: new RegExp(`^${name}`) })
            .getByRole('cell')
            .allTextContents()
        ).map((t) => t.trim());
      expect(await reachRow('Can reach the NCP')).toEqual([
        pct(m.reach.in.k1),
        pct(m.reach.in.k2),
        pct(m.reach.in.any),
      ]);
      expect(await reachRow('The NCP reaches')).toEqual([
        pct(m.reach.out.k1),
        pct(m.reach.out.k2),
        pct(m.reach.out.any),
      ]);

      // Indicators received, held and passed on, with their names.
      const indicators = page.getByRole('region', { name: 'Indicators' });
      for (const [title, codes] of [
        ['Received', m.indicatorsReceived],
        ['Held', m.indicatorsHeld],
        ['Passed on', m.indicatorsPassedOn],
      ] as const) {
        const list = indicators.getByRole('region', { name: `${title} (${codes.length})` });
        const items = await list.getByRole('listitem').allTextContents();
        expect(items).toEqual(codes.map((code) => `${code}${reference.indicators.find((i) => i.code === code)!.name}`));
      }

      // Brokerage: the API's counts, each role explained with the NCP's own sector.
      const sector = ncp.sector.replace(/_/g, ' ');
      const brokerage = page.getByRole('region', { name: 'Brokerage roles' });
      for (const [role, label] of ROLES) {
        const cells = await brokerage
          .getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })
          .getByRole('cell')
          .allTextContents();
        expect(cells[0]?.trim()).toBe(String(m.brokerage[role]));
        expect(cells[1]).toContain(`(${sector})`);
      }
      expect(await brokerage.textContent()).toContain(
        `Receives from other sectors and passes on to its own sector (${sector}).`,
      );

      // Cross-border channels, in and out, with the other party and its country.
      const cross = page.getByRole('region', { name: 'Cross-border channels' });
      for (const [title, flows] of [
        ['Received from abroad', m.crossBorder.in],
        ['Sent abroad', m.crossBorder.out],
      ] as const) {
        const rows = cross.getByRole('table', { name: title }).locator('tbody tr');
        expect(await rows.count()).toBe(flows.length);
        for (const [i, f] of flows.entries()) {
          const text = (await rows.nth(i).textContent()) ?? '';
          expect(text).toContain(graph.stakeholders.find((s) => s.id === f.stakeholder)!.name);
          for (const code of f.indicators) expect(text).toContain(code);
        }
      }
      expect(await page.getByRole('note').isVisible()).toBe(true);
      await screenshot('ncp-se');
      await screenshot('ncp-se-full', true);
    });

    test("when another country is picked, then every national NCP shows the API's rank, degrees and brokerage counts", async () => {
      const { countries } = await api<{ countries: Countries }>('/api/countries');
      const national = countries.filter((c) => c.ncp !== null).sort((a, b) => a.name.localeCompare(b.name));
      expect(national).toHaveLength(10);
      await page.goto(`${server.url}/?view=ncp&country=${national[0]!.code}`);

      for (const c of national) {
        const m = await api<Metrics>(`/api/analysis/ncp?country=${c.code}`);
        const picked = Date.now();
        await page.getByLabel('Country').selectOption(c.code);
        await page.getByRole('heading', { name: `National contact point of ${c.name}` }).waitFor();
        await page.getByRole('row', { name: new RegExp(`^Go-between rank.* of ${c.stakeholders} `) }).waitFor();
        timings[`pickToNcp${c.code}`] = Date.now() - picked;
        expect(await figure('Receives directly from')).toBe(`${m.inDegree} institution${m.inDegree === 1 ? '' : 's'}`);
        expect(await figure('Sends directly to')).toBe(`${m.outDegree} institution${m.outDegree === 1 ? '' : 's'}`);
        expect(await figure('Go-between rank (betweenness)')).toMatch(
          new RegExp(`^${ORDINAL[m.betweennessRank]} of ${c.stakeholders} `),
        );
        const brokerage = page.getByRole('region', { name: 'Brokerage roles' });
        for (const [role, label] of ROLES) {
          const count = await brokerage
            .getByRole('row', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) })
            .getByRole('cell')
            .first()
            .textContent();
          expect(count?.trim()).toBe(String(m.brokerage[role]));
        }
      }
    });

    test('when the NCP view opens for the international layer, then it explains that there is no NCP instead of failing', async () => {
      const m = await api<NcpResponse>('/api/analysis/ncp?country=INT');
      expect(m.status).toBe('no_ncp');

      await page.goto(`${server.url}/?view=ncp&country=INT`);

      const heading = page.getByRole('heading', { name: 'The international layer has no national contact point' });
      await heading.waitFor();
      const text =
        (await page
          .getByRole('region', { name: 'The international layer has no national contact point' })
          .textContent()) ?? '';
      expect(text).toContain('It is not a country, so it has no national contact point (NCP)');
      expect(await page.getByRole('alert').count()).toBe(0);
      expect(await page.getByRole('table').count()).toBe(0);
      await page.getByRole('link', { name: 'Open the map of the international layer' }).waitFor();
      await screenshot('ncp-int');
    });
  });
}
