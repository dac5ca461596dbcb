// End-to-end: markup, template and query injections and odd Unicode, written through the API into a
// stakeholder, a flow note, an interview and a round, are shown as literal text in a real Chromium on
// the map details, the flows table, the evidence, rounds and history views; nothing runs (no dialog, no
// injected element, no page error).
import type { Page } from 'playwright-core';
import { browserSuite, requireBrowser } from '../support/chromium';
import { INJECTIONS, ODD_UNICODE } from '../support/fuzz';
import type { TestServer } from '../support/server';

const { script: SCRIPT, img: IMG, template: TEMPLATE, cypher: CYPHER, sql: SQL } = INJECTIONS;
const ODD_NAME = ODD_UNICODE.zeroWidth;
const ODD_TEXT = `${ODD_UNICODE.rtlOverride} ${ODD_UNICODE.skinTones} ${ODD_UNICODE.combining}`;

if (requireBrowser('injected text in a browser')) {
  describe('injected text in a browser', () => {
    const suite = browserSuite({ timeout: 20_000 });
    let server: TestServer;
    let page: Page;
    let dialogs: string[];
    let roundId: string;
    const { api } = suite;

    beforeAll(async () => {
      // One Swedish corner of the map made of hostile text, written as a user would, through the API.
      await api('/api/stakeholders', {
        id: 'se-e2e-xss',
        name: SCRIPT,
        country: 'SE',
        type: 'ngo',
        description: IMG,
        tags: [TEMPLATE],
      });
      await api('/api/stakeholders', {
        id: 'se-e2e-cypher',
        name: CYPHER,
        country: 'SE',
        type: 'police',
        description: SQL,
      });
      await api('/api/stakeholders', {
        id: 'se-e2e-odd',
        name: ODD_NAME,
        country: 'SE',
        type: 'hotline',
        description: ODD_TEXT,
      });
      await api('/api/interviews', {
        id: 'se-e2e-xss-i',
        date: '2026-01-15',
        stakeholder: 'se-e2e-xss',
        interviewer: IMG,
        round: SCRIPT,
        notes: SQL,
      });
      await api('/api/flows', {
        id: 'se-e2e-xss-f',
        from: 'se-e2e-xss',
        to: 'se-e2e-cypher',
        indicators: ['VIC-01'],
        basis: 'informal',
        evidence: ['se-e2e-xss-i'],
        note: TEMPLATE,
      });
      roundId = (await api<{ id: string }>('/api/rounds', { name: IMG, country: 'SE', note: SCRIPT })).id;
    });

    beforeEach(() => {
      ({ server, page } = suite);
      dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    });

    /** Nothing the texts carry ran or became markup: no dialog, no injected element, no raw tag in the DOM. */
    async function expectNothingRan(): Promise<void> {
      expect(dialogs).toEqual([]);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
      const html = await page.evaluate(() => document.body.innerHTML);
      expect(html).not.toContain(SCRIPT);
      expect(html).not.toMatch(/<img[^>]*onerror/i);
    }

    /** A text shown literally, as the whole text of an element. */
    async function expectLiteral(within: ReturnType<Page['locator']>, text: string): Promise<void> {
      const found = within.getByText(text, { exact: true });
      await found.first().waitFor();
      expect(await found.first().textContent()).toBe(text);
    }

    async function openMap(query = ''): Promise<void> {
      await page.goto(`${server.url}/?country=SE${query}`);
      await page.waitForFunction(() => window.__flowAtlas?.country === 'SE' && window.__flowAtlas.layoutDone, null, {
        timeout: 30_000,
      });
    }

    /** The stakeholder list's button for a name, by its aria-label as written (accessible names drop zero-width characters). */
    function listButton(name: string) {
      return page
        .getByRole('group')
        .filter({ has: page.getByText(/^Stakeholders \(\d+\)$/) })
        .locator(`button[aria-label="${name.replace(/["\\]/g, '\\$&')}"]`);
    }

    test('when a stakeholder named with a script tag is opened on the map, then its name and description show as text and nothing runs', async () => {
      await openMap();

      await listButton(SCRIPT).click();

      const panel = page.getByRole('complementary', { name: SCRIPT });
      await panel.waitFor();
      expect(await panel.getByRole('heading', { level: 2 }).first().textContent()).toBe(SCRIPT);
      await expectLiteral(panel, IMG);
      const out = panel.getByRole('region', { name: 'Flows out (1)' });
      expect(await out.locator('tbody tr').first().textContent()).toContain(CYPHER);
      await expectNothingRan();

      await listButton(ODD_NAME).click();
      const odd = page
        .locator('aside.details')
        .filter({ has: page.locator('p.description', { hasText: ODD_UNICODE.rtlOverride }) });
      await odd.waitFor();
      expect(await odd.getByRole('heading', { level: 2 }).first().textContent()).toBe(ODD_NAME);
      expect(await odd.locator('p.description').textContent()).toBe(ODD_TEXT);
      await expectNothingRan();
    });

    test('when the flows table lists the flow between injected names, then the names are cells of text, and its details show the note literally', async () => {
      await openMap();

      await page.getByRole('button', { name: 'Show flows as a table' }).click();

      const table = page.getByRole('region', { name: /^Flows \(/ });
      await table.waitFor();
      const row = table.locator('tbody tr').filter({ has: page.getByRole('cell', { name: SCRIPT, exact: true }) });
      expect(await row.count()).toBe(1);
      expect(await row.getByRole('cell', { name: CYPHER, exact: true }).count()).toBe(1);
      await row.getByRole('button', { name: `Details of the flow ${SCRIPT} to ${CYPHER}` }).click();

      const details = page.getByRole('complementary', { name: `Flow: ${SCRIPT} → ${CYPHER}` });
      await details.waitFor();
      await expectLiteral(details, TEMPLATE);
      const evidence = (await details.getByRole('region', { name: 'Evidence (1)' }).textContent()) ?? '';
      expect(evidence).toContain(`round ${SCRIPT}`);
      expect(evidence).toContain(`by ${IMG}`);
      await expectNothingRan();
    });

    test('when the evidence view lists the interview, then its interviewer and round are text', async () => {
      await page.goto(`${server.url}/?view=evidence&country=SE`);

      const table = page.getByRole('region', { name: 'Interviews table' });
      const row = table.getByRole('row', { name: /\(se-e2e-xss-i\)/ });
      await row.waitFor();

      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(0, 4)).toEqual(['2026-01-15', IMG, SCRIPT, '1']);
      expect(await row.getByRole('rowheader').textContent()).toContain(SCRIPT);
      await expectNothingRan();
    });

    test('when the rounds view lists the round, then its name and note are text', async () => {
      await page.goto(`${server.url}/?view=rounds&country=SE`);
      await page.getByRole('heading', { name: 'Mapping rounds of Sweden' }).waitFor();

      const row = page.locator(`tr[data-round="${roundId}"]`);
      await row.waitFor();

      // The name is the row header's own text, the note its own element.
      expect(await row.getByRole('rowheader').evaluate((th) => th.firstChild?.textContent)).toBe(IMG);
      expect(await row.locator('.round-note').textContent()).toBe(SCRIPT);
      await expectNothingRan();
    });

    test('when the history shows the creations, then their labels and before-and-after values are text', async () => {
      await page.goto(`${server.url}/?view=history&country=SE`);
      await page.getByRole('heading', { name: 'History' }).waitFor();

      const created = page.locator('.audit-table tr[data-key="se-e2e-xss"][data-action="create"]');
      await created.waitFor();
      expect(await created.getByRole('rowheader').textContent()).toContain(SCRIPT);
      await created.getByRole('button', { name: /^Show before and after/ }).click();
      const details = page.locator(`table.before-after[data-seq="${await created.getAttribute('data-seq')}"]`);
      await details.waitFor();
      expect(await details.locator('tr[data-field="name"] td.after').textContent()).toBe(SCRIPT);
      expect(await details.locator('tr[data-field="description"] td.after').textContent()).toBe(IMG);

      const round = page.locator(`.audit-table tr[data-kind="round"][data-key="${roundId}"]`);
      await round.waitFor();
      expect(await round.getByRole('rowheader').textContent()).toContain(IMG);
      const flow = page.locator('.audit-table tr[data-key="se-e2e-xss-f"][data-action="create"]');
      await flow.getByRole('button', { name: /^Show before and after/ }).click();
      const flowDetails = page.locator(`table.before-after[data-seq="${await flow.getAttribute('data-seq')}"]`);
      expect(await flowDetails.locator('tr[data-field="note"] td.after').textContent()).toBe(TEMPLATE);
      await expectNothingRan();
    });
  });
}
