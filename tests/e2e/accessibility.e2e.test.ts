// End-to-end accessibility: every view of the built client (map, gaps, bottlenecks, plan, NCP, compare ...,
// accounts, and the sign-in page) in a real Chromium, checked with axe-core against the WCAG 2 A and AA rules (colour contrast included): no
// serious or critical violation. Then the keyboard: Tab reaches the view tabs, the country picker and
// each view's main controls, and every element Tab reaches shows a focus ring that stands out.
import fs from 'node:fs';
import path from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { AXE, AXE_TAGS, BLOCKING, describeViolations, type AxeViolation } from '../support/axe';
import { ARTIFACTS, requireBrowser, browserSuite } from '../support/chromium';
import { type TestServer } from '../support/server';

const MAX_TABS = 400;
/** WCAG 2.1 SC 1.4.11: a focus indicator needs 3:1 against what surrounds it. */
const FOCUS_CONTRAST = 3;

interface Focused {
  expect: string | null;
  tag: string;
  name: string;
  focusVisible: boolean;
  outline: { style: string; width: number; color: string };
  boxShadow: string;
  /** Contrast of the ring (outline, else box-shadow) with the nearest opaque background. */
  contrast: number | null;
}

interface ViewCase {
  name: string;
  query: string;
  /** Whether the header shows the country picker on this view. */
  countryPicker: boolean;
  /** The view's main controls, each of which Tab must reach: a label for messages, and how to find it. */
  controls: (page: Page) => Array<[string, Locator]>;
  /** Puts what the view needs into the store first (idempotent: both tests of a view run it). */
  prepare?: (server: TestServer) => Promise<void>;
}

/** POSTs JSON; a 409 (already there from the view's other test) is fine. */
async function ensure(server: TestServer, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok && res.status !== 409) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

const VIEWS: ViewCase[] = [
  {
    name: 'map of Sweden',
    query: '?view=map&country=SE',
    countryPicker: true,
    controls: (page) => [
      ['the "Whole region" switch', page.getByRole('button', { name: 'Whole region' })],
      ['the layout picker', page.getByLabel('Layout')],
      ['the stakeholder search', page.getByLabel('Find a stakeholder')],
      ['"Zoom in"', page.getByRole('button', { name: 'Zoom in' })],
      ['the filters', page.locator('summary').filter({ hasText: /^Filters/ })],
      [
        'a stakeholder in the list',
        page
          .getByRole('group')
          .filter({ has: page.getByText(/^Stakeholders \(\d+\)$/) })
          .getByRole('button')
          .first(),
      ],
    ],
  },
  {
    name: 'gaps',
    query: '?view=gaps&country=SE',
    countryPicker: true,
    // The matrix keeps one cell in the tab order; the arrow keys move between cells.
    controls: (page) => [['a cell of the coverage matrix', page.locator('main table tbody button[tabindex="0"]')]],
  },
  {
    name: 'bottlenecks of Norway',
    query: '?view=bottlenecks&country=NO',
    countryPicker: true,
    controls: (page) => [
      ['"Zoom in"', page.getByRole('button', { name: 'Zoom in' })],
      ['a stakeholder to remove (what-if)', page.getByRole('checkbox', { name: /^Remove (?!the flow)/ }).first()],
      ['a flow to remove (what-if)', page.getByRole('checkbox', { name: /^Remove the flow/ }).first()],
      ['a flow to add (what-if)', page.getByRole('checkbox', { name: /^Add / }).first()],
    ],
  },
  {
    name: 'plan of Poland',
    query: '?view=plan&country=PL',
    countryPicker: true,
    controls: (page) => [
      ['the goal', page.getByRole('radio', { name: /^Close gaps/ })],
      ['the budget', page.getByLabel('Budget (at most this many actions)')],
      ['"Show on the map"', page.getByRole('button', { name: 'Show on the map' })],
      ['"Try in what-if"', page.getByRole('link', { name: 'Try in what-if' })],
      ['the chart’s table', page.getByText('The values as a table')],
    ],
  },
  {
    name: 'NCP of Sweden',
    query: '?view=ncp&country=SE',
    countryPicker: true,
    controls: (page) => [
      ['"Show on the map"', page.getByRole('link', { name: 'Show on the map' })],
      ['a link to the coverage gaps', page.getByRole('link', { name: 'Coverage gaps' }).first()],
    ],
  },
  {
    name: 'compare',
    query: '?view=compare',
    countryPicker: false,
    controls: (page) => [
      [
        'the first country checkbox',
        page
          .getByRole('group', { name: /^Countries compared/ })
          .getByRole('checkbox')
          .first(),
      ],
      ['"Clear" countries', page.getByRole('button', { name: 'Clear' })],
      ['the table (scrolls sideways)', page.getByRole('region', { name: /countries, sorted by/ })],
      ['the "Country" sort button', page.getByRole('button', { name: /^Country/ })],
      ['the "Density" sort button', page.getByRole('button', { name: /^Density/ })],
      ['the measure picker', page.getByLabel('Measure', { exact: true })],
      ['the chart’s table', page.getByText('The values as a table')],
      ['a country’s sketch link', page.locator('figure.sketch-card figcaption a').first()],
      ['the role matrix country', page.getByLabel('Country', { exact: true })],
      ['the role matrix grouping', page.getByRole('radio', { name: 'Type of institution' })],
      ['the role matrix table', page.getByText('The shares as a table')],
    ],
  },
  {
    name: 'import and export',
    query: '?view=data&country=SE',
    countryPicker: true,
    controls: (page) => [
      ['the Excel template link', page.getByRole('link', { name: 'Excel template (.xlsx)' })],
      ['the XLSX export of Sweden', page.getByRole('link', { name: 'Sweden (.xlsx)' })],
      ['the file to import', page.getByLabel('File to import')],
      ['the "Merge" choice', page.getByRole('radio', { name: /^Merge/ })],
    ],
  },
  {
    name: 'rounds of Sweden',
    query: '?view=rounds&country=SE',
    countryPicker: true,
    // A round and a change since, so the comparison with now, its map and tables are on the page.
    prepare: async (server) => {
      await ensure(server, '/api/rounds', { name: 'a11y baseline', country: 'SE' });
      await ensure(server, '/api/stakeholders', {
        id: 'se-a11y-new',
        name: 'A11y new service',
        country: 'SE',
        type: 'ngo',
      });
    },
    controls: (page) => [
      ['"Compare with now"', page.getByRole('button', { name: 'Compare with now: a11y baseline' })],
      ['the round name', page.getByLabel('Name of the round')],
      ['the "From" picker', page.getByLabel('From', { exact: true })],
      ['"Swap"', page.getByRole('button', { name: 'Swap' })],
    ],
  },
  {
    name: 'history',
    query: '?view=history&country=SE',
    countryPicker: true,
    controls: (page) => [
      ['the country filter', page.getByLabel('Changes in', { exact: true })],
      ['the kind filter', page.getByLabel('Kind of item', { exact: true })],
      ['the person filter', page.getByLabel('Person', { exact: true })],
      ['a change’s "Show"', page.getByRole('button', { name: /^Show before and after/ }).first()],
      ['"Older changes"', page.getByRole('button', { name: 'Older changes' })],
    ],
  },
  {
    name: 'reports of Sweden',
    query: '?view=reports&country=SE',
    countryPicker: true,
    controls: (page) => [
      ['the report picker', page.getByLabel('Report', { exact: true })],
      ['the round picker', page.getByLabel('Round', { exact: true })],
      ['"Print"', page.getByRole('button', { name: 'Print' })],
      ['"Download PDF"', page.getByRole('link', { name: 'Download PDF' })],
    ],
  },
  {
    name: 'accounts',
    query: '?view=accounts',
    countryPicker: false,
    controls: (page) => [
      ['an account’s "Change"', page.getByRole('button', { name: 'Change admin' })],
      ['an account’s "Reset password"', page.getByRole('button', { name: 'Reset password of admin' })],
      ['the new account’s username', page.locator('form.account-form').getByLabel('Username')],
      ['the new account’s role', page.locator('form.account-form').getByLabel('Role')],
      ['"Generate a password"', page.getByRole('button', { name: 'Generate a password' })],
      ['"Add account"', page.getByRole('button', { name: 'Add account' })],
      ['"Change password"', page.getByRole('button', { name: 'Change password' })],
      ['"Sign out"', page.getByRole('button', { name: 'Sign out' })],
    ],
  },
  {
    name: 'evidence of Sweden',
    query: '?view=evidence&country=SE',
    countryPicker: true,
    controls: (page) => [
      ['"Add interview"', page.getByRole('button', { name: 'Add interview' })],
      ['an interview’s "Enter findings"', page.getByRole('link', { name: /^Enter findings from/ }).first()],
      ['the "Assumed" reason filter', page.getByRole('checkbox', { name: /^Assumed/ })],
      ['a flow’s "Add evidence"', page.getByRole('button', { name: /^Add evidence to/ }).first()],
    ],
  },
  {
    name: 'map of Sweden grouped by sector, a group open and its details shown',
    query: '?view=map&country=SE&group=sector&open=justice&selectedGroup=justice',
    countryPicker: true,
    controls: (page) => [
      ['the group-by picker', page.getByLabel('Group by')],
      ['"Collapse the group"', page.getByRole('button', { name: 'Collapse the group' })],
      ['a member of the group', page.locator('ul.group-members button').first()],
      [
        'a group in the list',
        page
          .getByRole('group')
          .filter({ has: page.getByText(/^Groups \(\d+\)$/) })
          .getByRole('button')
          .first(),
      ],
    ],
  },
  {
    name: 'map of Sweden in edit mode',
    query: '?view=map&country=SE&edit=1&interview=se-i3&selected=se-migration',
    countryPicker: true,
    controls: (page) => [
      ['"Edit mode"', page.getByRole('button', { name: 'Edit mode' })],
      ['"Add stakeholder"', page.getByRole('button', { name: 'Add stakeholder' })],
      ['"New flow"', page.getByRole('button', { name: 'New flow', exact: true })],
      ['"End interview"', page.getByRole('button', { name: 'End interview' })],
      [
        'the stakeholder’s "Edit"',
        page.getByRole('group', { name: /^Edit Swedish Migration Agency/ }).getByRole('button', { name: 'Edit' }),
      ],
      ['"Create a network"', page.getByRole('button', { name: 'Create a network' })],
    ],
  },
];

interface DialogCase {
  name: string;
  query: string;
  /** Opens the dialog (and brings it to the state to check) on the settled view. */
  show: (page: Page, server: TestServer) => Promise<void>;
}

const openDialog = (page: Page) => page.locator('dialog[open]');

/** The editing dialogs, checked with axe while open (Tab stays inside a modal dialog, so no Tab walk). */
const DIALOGS: DialogCase[] = [
  {
    name: 'new flow, saved without its required fields',
    query: '?view=map&country=SE&edit=1&interview=se-i3',
    show: async (page) => {
      await page.getByRole('button', { name: 'New flow', exact: true }).click();
      await openDialog(page).getByRole('button', { name: 'Save flow' }).click();
      await openDialog(page).getByRole('alert').waitFor();
    },
  },
  {
    name: 'new interview',
    query: '?view=evidence&country=SE',
    show: async (page) => {
      await page.getByRole('button', { name: 'Add interview' }).click();
      await openDialog(page).getByRole('heading', { name: 'New interview' }).waitFor();
    },
  },
  {
    name: 'stakeholder changed meanwhile (conflict)',
    query: '?view=map&country=SE&edit=1&selected=se-bra',
    show: async (page, server) => {
      await page
        .getByRole('group', { name: /^Edit Swedish National Council/ })
        .getByRole('button', { name: 'Edit' })
        .click();
      await openDialog(page)
        .getByLabel(/^Description/)
        .fill('Mine');
      const current = (await (await fetch(`${server.url}/api/stakeholders/se-bra`)).json()) as Record<string, unknown>;
      const { sector: _s, updatedAt: _a, updatedBy: _b, ...fields } = current;
      const res = await fetch(`${server.url}/api/stakeholders/se-bra`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...fields, description: 'Theirs' }),
      });
      if (!res.ok) throw new Error(`PUT se-bra: ${res.status}`);
      // The change feed brings the other save to the open form, which shows both versions before anything is saved.
      await openDialog(page).getByRole('button', { name: 'Keep mine' }).waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'change password, refused at its fields',
    query: '?view=compare',
    show: async (page) => {
      await page.getByRole('button', { name: 'Change password' }).click();
      await openDialog(page).getByLabel('New password', { exact: true }).fill('short');
      await openDialog(page).getByRole('button', { name: 'Change password' }).click();
      await openDialog(page).locator('input[aria-invalid="true"]').first().waitFor();
    },
  },
  {
    name: 'adding an NCP account without a country (the Accounts view)',
    query: '?view=accounts',
    show: async (page) => {
      const form = page.locator('form.account-form');
      await form.getByLabel('Role').selectOption('ncp');
      await form.getByRole('button', { name: 'Add account' }).click();
      await form.getByText('Choose at least one country for an NCP account.').waitFor();
    },
  },
  {
    name: 'removing the last administrator, refused',
    query: '?view=accounts',
    show: async (page) => {
      await page.getByRole('button', { name: 'Remove admin' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Remove account' }).click();
      await page.getByRole('alertdialog').getByRole('alert').waitFor();
    },
  },
  {
    name: 'deleting a stakeholder others depend on',
    query: '?view=map&country=SE&edit=1&selected=se-hotline',
    show: async (page) => {
      await page
        .getByRole('group', { name: /^Edit / })
        .getByRole('button', { name: 'Delete' })
        .click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Delete stakeholder' }).click();
      await page.getByRole('alertdialog').getByRole('alert').waitFor();
    },
  },
];

/** Runs axe on the page: the serious and critical violations (moderate and minor are logged only). */
async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be blocked by the app's CSP (script-src 'self').
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate<{ violations: AxeViolation[]; passes: unknown[]; incomplete: unknown[] }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })`,
  );
  // axe did run its rules on a real page (color-contrast among them).
  expect(result.passes.length).toBeGreaterThan(10);
  const minor = result.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
  if (minor.length) console.log(`axe, moderate or minor (not failing the test):\n${describeViolations(minor)}`);
  return result.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
}

if (requireBrowser('accessibility in a browser')) {
  describe('accessibility in a browser', () => {
    // axe is injected as an inline script, which the app's Content-Security-Policy (rightly) blocks.
    const suite = browserSuite({ timeout: 20_000, contextOptions: { bypassCSP: true } });
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));

    /** Opens a view and waits until it has settled: data loaded, graphs laid out, sketches drawn. */
    async function open(view: ViewCase): Promise<void> {
      await view.prepare?.(server);
      await page.goto(`${server.url}/${view.query}`);
      await page.waitForLoadState('networkidle');
      // Parts drawn as they come into view (the compare view's sketches) are brought into view once, so they draw.
      for (const card of await page.locator('figure.sketch-card').all()) await card.scrollIntoViewIfNeeded();
      await page.waitForFunction(
        () =>
          document.querySelector('main') !== null &&
          document.querySelector('.spinner, .state-loading, .sketch-wait') === null &&
          [...document.querySelectorAll('[data-layout]')].every((e) => e.getAttribute('data-layout') === 'done'),
      );
    }

    const axe = () => runAxe(page);

    /** The element that has focus, as the keyboard user sees it. Runs in the page (as source text). */
    const FOCUSED = String.raw`(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const cs = getComputedStyle(el);
      const rgba = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
      const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
      let bg = null;
      for (let n = el.parentElement; n && !bg; n = n.parentElement) { const c = rgba(getComputedStyle(n).backgroundColor); if (c && c.a === 1) bg = c; }
      bg = bg || { r: 255, g: 255, b: 255, a: 1 };
      const hasOutline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
      const ring = hasOutline ? rgba(cs.outlineColor) : (cs.boxShadow !== 'none' ? rgba(cs.boxShadow) : null);
      const contrast = ring ? (Math.max(lum(ring), lum(bg)) + 0.05) / (Math.min(lum(ring), lum(bg)) + 0.05) : null;
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '').replace(/\s+/g, ' ').trim().slice(0, 60);
      return {
        expect: el.getAttribute('data-a11y-expect'),
        tag: el.tagName.toLowerCase() + (el.getAttribute('type') ? '[' + el.getAttribute('type') + ']' : ''),
        name,
        focusVisible: el.matches(':focus-visible'),
        outline: { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor },
        boxShadow: cs.boxShadow,
        contrast,
      };
    })()`;

    /** Presses Tab until focus comes back round (or MAX_TABS), recording every element reached. */
    async function tabThrough(): Promise<Focused[]> {
      const seen: Focused[] = [];
      let first: string | null = null;
      for (let i = 0; i < MAX_TABS; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate<Focused | null>(FOCUSED);
        if (!focused) continue;
        const id = await page.evaluate<string>(
          `(() => { const el = document.activeElement; if (!el.dataset.a11yTab) el.dataset.a11yTab = String(${i}); return el.dataset.a11yTab; })()`,
        );
        if (first === null) first = id;
        else if (id === first) break;
        seen.push(focused);
      }
      return seen;
    }

    function ringProblem(f: Focused): string | null {
      const ring =
        (f.outline.style !== 'none' && f.outline.width >= 2) || (f.boxShadow !== 'none' && f.boxShadow !== '');
      if (!f.focusVisible) return 'does not match :focus-visible';
      if (!ring) return `no focus ring (outline ${f.outline.style} ${f.outline.width}px, box-shadow ${f.boxShadow})`;
      if (f.contrast !== null && f.contrast < FOCUS_CONTRAST)
        return `focus ring contrast ${f.contrast.toFixed(2)}:1 (${f.outline.color}) is under ${FOCUS_CONTRAST}:1`;
      return null;
    }

    for (const view of VIEWS) {
      test(`when the ${view.name} view is checked with axe, then it has no serious or critical WCAG 2 A/AA violation`, async () => {
        await open(view);
        // Closed disclosures hold table alternatives and lists: check them too.
        await page.evaluate(() =>
          document.querySelectorAll('details').forEach((d) => {
            d.open = true;
          }),
        );

        const violations = await axe();

        await page.screenshot({
          path: path.join(ARTIFACTS, `a11y-${view.name.replace(/\W+/g, '-').toLowerCase()}.png`),
        });
        expect(describeViolations(violations)).toBe('');
      });

      test(`when Tab is pressed through the ${view.name} view, then it reaches the view tabs, ${view.countryPicker ? 'the country picker, ' : ''}its main controls, each with a visible focus ring`, async () => {
        await open(view);
        const expected: Array<[string, Locator]> = [
          ...['Map', 'Gaps', 'Bottlenecks', 'NCP', 'Compare'].map((label): [string, Locator] => [
            `the "${label}" view tab`,
            page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: label, exact: true }),
          ]),
          ...(view.countryPicker
            ? [['the country picker', page.locator('.app-header').getByLabel('Country')] as [string, Locator]]
            : []),
          ...view.controls(page),
        ];
        for (const [label, locator] of expected) {
          await locator.first().evaluate((el, key) => el.setAttribute('data-a11y-expect', key), label);
        }

        const reached = await tabThrough();

        const missing = expected.map(([label]) => label).filter((label) => !reached.some((f) => f.expect === label));
        expect(missing).toEqual([]);
        const badRings = reached
          .map((f) => ({ f, problem: ringProblem(f) }))
          .filter((x) => x.problem !== null)
          .map((x) => `${x.f.tag} "${x.f.name}": ${x.problem}`);
        expect(badRings).toEqual([]);
      });
    }

    for (const dialog of DIALOGS) {
      test(`when the dialog "${dialog.name}" is checked with axe, then it has no serious or critical WCAG 2 A/AA violation`, async () => {
        await open({ name: dialog.name, query: dialog.query, countryPicker: true, controls: () => [] });
        await dialog.show(page, server);
        await page.evaluate(() =>
          document.querySelectorAll('dialog[open] details').forEach((d) => {
            (d as HTMLDetailsElement).open = true;
          }),
        );

        const violations = await axe();

        await page.screenshot({
          path: path.join(ARTIFACTS, `a11y-dialog-${dialog.name.replace(/\W+/g, '-').toLowerCase()}.png`),
        });
        expect(describeViolations(violations)).toBe('');
      });
    }
  });

  describe('accessibility of the sign-in page in a browser', () => {
    // The raw app: nobody is signed in, so every address shows the sign-in page.
    const suite = browserSuite({ timeout: 20_000, server: { as: null }, contextOptions: { bypassCSP: true } });

    test('when the sign-in page, refused with a wrong password, is checked with axe, then it has no serious or critical WCAG 2 A/AA violation, and Tab reaches its fields and button with a focus ring', async () => {
      const { page, server } = suite;
      await page.goto(`${server.url}/?view=map&country=SE`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Username').fill('nobody');
      await page.getByLabel('Password').fill('not a password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();

      const violations = await runAxe(page);

      await page.screenshot({ path: path.join(ARTIFACTS, 'a11y-sign-in.png') });
      expect(describeViolations(violations)).toBe('');
      // From the username field, by keyboard only (so that the browser shows focus as it does for keyboard users).
      await page.getByLabel('Username').focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Shift+Tab');
      const reached: string[] = [];
      for (let i = 0; i < 3; i++) {
        reached.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const ring = getComputedStyle(el).outlineStyle !== 'none' && el.matches(':focus-visible');
            return `${el.tagName.toLowerCase()} ${el.getAttribute('autocomplete') ?? el.textContent?.trim() ?? ''}${ring ? '' : ' (no focus ring)'}`;
          }),
        );
        await page.keyboard.press('Tab');
      }
      expect(reached).toEqual(['input username', 'input current-password', 'button Sign in']);
    });
  });
}
