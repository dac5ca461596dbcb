// End-to-end: signing in, the header's account controls and what each role is offered, in a real
// Chromium on the built client and the real API with no session given (the raw app: the browser signs
// in through the sign-in page as a person would). The server's real throttle locks an account out.
import type { Page } from 'playwright-core';
import type { GraphResponse } from '../../server/model/api';
import { browserSuite, escapeRegExp, requireBrowser } from '../support/chromium';
import type { TestServer } from '../support/server';
import { addAccount, passwordOf, signIn, type E2eAccount } from './sessions';

const ADMIN: E2eAccount = { username: 'chief', role: 'admin', displayName: 'Chief Administrator' };
const EDITOR: E2eAccount = { username: 'pat.editor', role: 'editor', password: 'pat-first-password' };
const VIEWER: E2eAccount = { username: 'vic.viewer', role: 'viewer' };
const NCP_SE: E2eAccount = { username: 'se.ncp', role: 'ncp', countries: ['SE'] };
const LOCKED: E2eAccount = { username: 'lou.locked', role: 'editor' };
const ENDED: E2eAccount = { username: 'sam.session', role: 'editor' };
/** The server's lock-out (issue 6): the 10th consecutive failure locks the username for LOCKOUT_MINUTES (15). */
const FAILURES_TO_LOCK = 10;
const LOCKOUT_MINUTES = 15;

if (requireBrowser('signing in and roles in a browser')) {
  describe('signing in and roles in a browser', () => {
    const suite = browserSuite({ timeout: 20_000, server: { as: null } });
    let server: TestServer;
    let page: Page;
    beforeAll(async () => {
      for (const account of [ADMIN, EDITOR, VIEWER, NCP_SE, LOCKED, ENDED]) await addAccount(suite.server, account);
    });
    beforeEach(() => ({ server, page } = suite));
    const { screenshot } = suite;

    const signInHeading = () => page.getByRole('heading', { name: 'Sign in', level: 2 });
    const userMenu = () => page.getByRole('group', { name: 'Your account' });
    const views = () => page.getByRole('navigation', { name: 'Views' });

    /** Fills the sign-in form and submits it (the page must show it). */
    async function submitSignIn(username: string, password: string): Promise<void> {
      await signInHeading().waitFor();
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    }

    /** Opens `query`, signs in as `account` and waits for the header to name them. */
    async function signInAs(account: E2eAccount, query: string, password = passwordOf(account)): Promise<void> {
      await page.goto(`${server.url}/${query}`);
      await submitSignIn(account.username, password);
      await userMenu().locator(`[data-username="${account.username}"]`).waitFor();
    }

    async function waitForMap(country: string): Promise<void> {
      await page.waitForFunction(
        (code) => window.__flowAtlas?.country === code && window.__flowAtlas.layoutDone,
        country,
        { timeout: 30_000 },
      );
    }

    /** The status of a request the page itself sends (its cookie, if any, goes with it). */
    function pageFetch(path: string, init: { method?: string; body?: unknown } = {}): Promise<number> {
      return page.evaluate(
        async ({ path: p, method, body }) => {
          const res = await fetch(p, {
            method: method ?? 'GET',
            headers: { 'Content-Type': 'application/json' },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          return res.status;
        },
        { path, method: init.method, body: init.body },
      );
    }

    test('when nobody is signed in, then the sign-in page shows with the illustrative notice, and a wrong password is refused with a clear message', async () => {
      await page.goto(`${server.url}/?view=map&country=SE`);

      await signInHeading().waitFor();
      expect(await page.getByRole('note').textContent()).toContain('Illustrative maps:');
      expect(await views().count()).toBe(0);
      expect(await pageFetch('/api/graph?country=SE')).toBe(401);

      // Nothing typed: each field says what is missing, and nothing is sent.
      await page.getByRole('button', { name: 'Sign in' }).click();
      const username = page.getByLabel('Username');
      expect(await username.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByText('Give your username.').count()).toBe(1);

      await submitSignIn(ADMIN.username, 'not the right password');

      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect((await alert.textContent())?.trim()).toBe('Wrong username or password.');
      expect(await page.getByLabel('Password').inputValue()).toBe('');
      expect(await userMenu().count()).toBe(0);
      await screenshot('auth-sign-in-wrong-password');
    });

    test('when the admin signs in, then the view in the URL opens with the user in the header; signing out brings the sign-in page back and the API refuses again', async () => {
      await signInAs(ADMIN, '?view=map&country=NO');

      await waitForMap('NO');
      expect(new URL(page.url()).searchParams.get('view')).toBe('map');
      const header = (await userMenu().textContent()) ?? '';
      expect(header).toContain('Chief Administrator');
      expect(header).toContain('Administrator');
      for (const label of ['History', 'Accounts'])
        expect(await views().getByRole('link', { name: label, exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Edit mode' }).count()).toBe(1);
      expect(await pageFetch('/api/auth/me')).toBe(200);
      await screenshot('auth-signed-in-admin');

      await userMenu().getByRole('button', { name: 'Sign out' }).click();

      await signInHeading().waitFor();
      expect(await pageFetch('/api/auth/me')).toBe(401);
      expect(await pageFetch('/api/graph?country=NO')).toBe(401);
    });

    test('when the session ends on the server while the app is open, then the next request brings the sign-in page, which says so, and signing in opens the view in the URL', async () => {
      await signInAs(ENDED, '?view=map&country=SE');
      await waitForMap('SE');
      // As a password reset or the removal of the account would: every session of the account ends.
      expect(await server.store.accounts.endSessions(ENDED.username)).toBeGreaterThan(0);
      // Ended in the store directly, as another app instance would: this instance may answer reads from its
      // session cache for up to SESSION_CACHE_SECONDS (2 s); wait until it asks the store again.
      for (const deadline = Date.now() + 30_000; (await pageFetch('/api/auth/me')) !== 401;) {
        if (Date.now() > deadline) throw new Error('the ended session still answered after 30 s');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      await views().getByRole('link', { name: 'NCP', exact: true }).click();

      await signInHeading().waitFor();
      await page.getByRole('status').filter({ hasText: 'Your session has ended.' }).waitFor();
      expect(new URL(page.url()).searchParams.get('view')).toBe('ncp');
      await submitSignIn(ENDED.username, passwordOf(ENDED));
      await userMenu().locator(`[data-username="${ENDED.username}"]`).waitFor();
      await page.getByRole('heading', { name: 'National contact point of Sweden', level: 2 }).waitFor();
      expect(new URL(page.url()).searchParams.get('view')).toBe('ncp');
    });

    test('when a user changes their password, then each field says what is wrong, the old password stops working and the new one signs in', async () => {
      const account = { ...EDITOR, password: passwordOf(EDITOR) };
      const newPassword = 'pat-second-password';
      await signInAs(account, '?view=compare');
      await userMenu().getByRole('button', { name: 'Change password' }).click();
      const dialog = page.locator('dialog[open]');
      await dialog.getByRole('heading', { name: 'Change password' }).waitFor();

      // Too short, and then not repeated the same: messages at the fields, before anything is sent.
      await dialog.getByLabel('Current password').fill(account.password);
      await dialog.getByLabel('New password', { exact: true }).fill('short');
      await dialog.getByRole('button', { name: 'Change password' }).click();
      const fresh = dialog.getByLabel('New password', { exact: true });
      expect(await fresh.getAttribute('aria-invalid')).toBe('true');
      expect(await dialog.getByText(/must be at least 10 characters/).count()).toBe(1);
      await fresh.fill(newPassword);
      await dialog.getByLabel('Repeat the new password').fill(`${newPassword}!`);
      await dialog.getByRole('button', { name: 'Change password' }).click();
      expect(await dialog.getByText('The two new passwords differ: type the same one again.').count()).toBe(1);

      // A wrong current password: the server's refusal lands on that field.
      await dialog.getByLabel('Current password').fill('not-my-password');
      await dialog.getByLabel('Repeat the new password').fill(newPassword);
      await dialog.getByRole('button', { name: 'Change password' }).click();
      const current = dialog.getByLabel('Current password');
      await page.waitForFunction(() => document.querySelector('dialog[open] input[aria-invalid="true"]') !== null);
      expect(await current.getAttribute('aria-invalid')).toBe('true');
      await screenshot('auth-change-password-refused');

      await current.fill(account.password);
      await dialog.getByRole('button', { name: 'Change password' }).click();
      await dialog.getByRole('status').filter({ hasText: 'Your password has been changed' }).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).first().click();
      await userMenu().getByRole('button', { name: 'Sign out' }).click();

      await submitSignIn(account.username, account.password);
      await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
      await submitSignIn(account.username, newPassword);
      await userMenu().locator(`[data-username="${account.username}"]`).waitFor();
      await expect(signIn(server, account.username, newPassword)).resolves.toMatch(/^fa_session=/);
    });

    test('when a viewer signs in, then there is no edit mode, no import, no freezing or deleting rounds and no History tab', async () => {
      await signInAs(VIEWER, '?view=map&country=SE');
      await waitForMap('SE');
      expect(await userMenu().textContent()).toContain('Viewer');
      expect(await page.getByRole('button', { name: 'Edit mode' }).count()).toBe(0);
      expect(await views().getByRole('link', { name: 'History', exact: true }).count()).toBe(0);
      expect(await views().getByRole('link', { name: 'Accounts', exact: true }).count()).toBe(0);
      // Even with edit=1 in the URL, the map is not in edit mode.
      await page.goto(`${server.url}/?view=map&country=SE&edit=1&selected=se-bra`);
      await waitForMap('SE');
      expect(await page.getByRole('button', { name: 'Add stakeholder' }).count()).toBe(0);
      expect(await page.getByRole('group', { name: /^Edit / }).count()).toBe(0);

      await views().getByRole('link', { name: 'Import & export', exact: true }).click();
      await page.getByRole('heading', { name: 'Import & export' }).waitFor();
      await page.getByRole('link', { name: 'Sweden (.json)' }).waitFor();
      expect(await page.getByLabel('File to import').count()).toBe(0);

      await views().getByRole('link', { name: 'Rounds', exact: true }).click();
      await page.getByRole('heading', { name: 'Mapping rounds of Sweden' }).waitFor();
      await page.getByRole('heading', { name: /^Rounds \(\d+\)$/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Freeze current map as a round' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Delete: / }).count()).toBe(0);

      await views().getByRole('link', { name: 'Evidence', exact: true }).click();
      await page.getByRole('heading', { name: /^Interviews in Sweden/ }).waitFor();
      expect(await page.getByRole('button', { name: 'Add interview' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: /^Enter findings/ }).count()).toBe(0);

      await page.goto(`${server.url}/?view=history&country=SE`);
      await page.getByText('The History view is not open to your account (viewer).').waitFor();
      expect(await pageFetch('/api/audit')).toBe(403);
      await screenshot('auth-viewer-history');
    });

    test('when the NCP of Sweden signs in, then it edits the map of Sweden, while the map of Norway is read-only with the reason, and the server agrees', async () => {
      await signInAs(NCP_SE, '?view=map&country=SE');
      await waitForMap('SE');
      await userMenu().locator('.user-role', { hasText: 'NCP for Sweden' }).waitFor();

      await page.getByRole('button', { name: 'Edit mode' }).click();
      await page.getByRole('button', { name: 'Add stakeholder' }).click();
      const dialog = page.locator('dialog[open]');
      await dialog.getByRole('heading', { name: 'New stakeholder' }).waitFor();
      await dialog.getByLabel(/^Name/).fill('Swedish NCP test unit (e2e)');
      await dialog.getByLabel(/^Type/).selectOption('ngo');
      await dialog.getByRole('button', { name: 'Save stakeholder' }).click();
      await dialog.waitFor({ state: 'detached' });
      const graph = (await page.evaluate(() => fetch('/api/graph?country=SE').then((r) => r.json()))) as GraphResponse;
      const added = graph.stakeholders.find((s) => s.name === 'Swedish NCP test unit (e2e)');
      expect(added).toMatchObject({ country: 'SE', updatedBy: NCP_SE.username });

      await page.goto(`${server.url}/?view=map&country=NO&edit=1&selected=no-kripos`);
      await waitForMap('NO');
      expect(await page.getByRole('button', { name: 'Edit mode' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Add stakeholder' }).count()).toBe(0);
      const reason = page.locator('.map-read-only');
      expect(await reason.textContent()).toBe(
        'Read-only for you: as the NCP for Sweden you can change maps only for your own countries, not for Norway.',
      );
      await screenshot('auth-ncp-norway-read-only');
      // What the page does not offer, the server refuses too.
      expect(
        await pageFetch('/api/stakeholders', {
          method: 'POST',
          body: { id: 'no-e2e-ncp', name: 'Not mine', country: 'NO', type: 'ngo' },
        }),
      ).toBe(403);

      // Import and rounds follow the same rule: offered for Sweden, not for Norway (nor the region).
      await page.goto(`${server.url}/?view=data&country=NO`);
      await page.getByText(/^Read-only for you: as the NCP for Sweden you can import files only/).waitFor();
      expect(await page.getByLabel('File to import').count()).toBe(0);
      await page.goto(`${server.url}/?view=rounds&country=SE`);
      await page.getByRole('button', { name: 'Freeze current map as a round' }).waitFor();
      expect(await page.getByRole('radio', { name: /The whole region/ }).count()).toBe(0);
    });

    test('when the admin adds an account in the Accounts view, then each field says what is missing, the account is listed and can sign in; the last admin cannot be removed', async () => {
      await signInAs(ADMIN, '?view=accounts');
      await page.getByRole('heading', { name: /^Accounts \(\d+\)$/ }).waitFor();
      const table = page.locator('table.accounts-table');
      await table.locator(`tr[data-account="${ADMIN.username}"]`).waitFor();
      const form = page.locator('form.account-form');

      // An NCP without a country and without a password: both fields say so.
      await form.getByLabel('Username').fill('lv.ncp');
      await form.getByLabel('Role').selectOption('ncp');
      await form.getByRole('button', { name: 'Add account' }).click();
      await form.getByText('Choose at least one country for an NCP account.').waitFor();
      expect(await form.getByLabel('First password').getAttribute('aria-invalid')).toBe('true');
      await screenshot('auth-accounts-missing-fields');

      await form
        .getByRole('group', { name: 'Countries this NCP edits' })
        .getByRole('checkbox', { name: /^Latvia/ })
        .check();
      await form.getByLabel('First password').fill('latvia-ncp-first');
      await form.getByRole('button', { name: 'Add account' }).click();
      await page.getByRole('status').filter({ hasText: 'Added the account lv.ncp' }).waitFor();
      const row = table.locator('tr[data-account="lv.ncp"]');
      await row.waitFor();
      expect(await row.locator('td[data-role]').textContent()).toBe('NCP');
      expect(await row.textContent()).toContain('Latvia');

      // The only administrator: removing it is refused with the server's own message.
      await page.getByRole('button', { name: `Remove ${ADMIN.username}` }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.getByRole('button', { name: 'Remove account' }).click();
      const refusal = confirm.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(new RegExp(`${escapeRegExp(ADMIN.username)}.*last administrator`));
      await confirm.getByRole('button', { name: 'Keep it' }).click();

      await userMenu().getByRole('button', { name: 'Sign out' }).click();
      await submitSignIn('lv.ncp', 'latvia-ncp-first');
      await userMenu().locator('[data-username="lv.ncp"]').waitFor();
      // The country's name comes with the country list, which may arrive after the account.
      await userMenu().locator('.user-role', { hasText: 'NCP for Latvia' }).waitFor();
      expect(await userMenu().locator('.user-role').textContent()).toBe('NCP for Latvia');
    });

    test(`when the wrong password is given ${FAILURES_TO_LOCK} times, then the sign-in page says the account is locked and for how long, even with the right password`, async () => {
      // The failures go through the API (the server delays each after the 5th, as it would for the page).
      for (let i = 0; i < FAILURES_TO_LOCK; i++) {
        const res = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ username: LOCKED.username, password: `wrong-${i}-password` }),
        });
        expect(res.status).toBe(401);
      }
      await page.goto(`${server.url}/?view=gaps`);

      await submitSignIn(LOCKED.username, passwordOf(LOCKED));

      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect((await alert.textContent())?.trim()).toBe(
        `Too many failed sign-ins: this account is locked. Try again in ${LOCKOUT_MINUTES} minutes.`,
      );
      expect(await userMenu().count()).toBe(0);
      await screenshot('auth-locked-out');
    });
  });
}
