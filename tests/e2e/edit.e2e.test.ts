// End-to-end: editing in a real Chromium, on the built client and the real API over a seeded embedded
// store. The consultant's journey (an interview made active, a stakeholder added, a flow drawn by
// dragging, a message next to a missing field), a version conflict resolved with "Keep mine", a
// delete with its dependants, and the "to confirm" list. Each test has its own seeded server, so
// none depends on another's writes. What the page shows is checked against the API.
import type { Page } from 'playwright-core';
import type { z } from 'zod';
import type { GraphResponse, StakeholderView } from '../../server/model/api';
import type { ToConfirmResponse } from '../../server/model/api-rounds';
import type { SessionUser } from '../../server/model/roles';
import { browserSuite, escapeRegExp, requireBrowser, type BrowserSuite } from '../support/chromium';
import { sessionAs } from './sessions';

type Stakeholder = z.infer<typeof StakeholderView>;
type Flow = GraphResponse['flows'][number];
type Interview = GraphResponse['interviews'][number];

/** The suites' browser is signed in as the test server's administrator (startTestServer's default). */
const ACTOR = 'admin';
const OTHER = 'other.consultant';

/** Sends a write to the test server's API as another person: an editor signed in with their own session. */
async function write<T>(
  suite: BrowserSuite,
  method: 'POST' | 'PUT' | 'DELETE',
  urlPath: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const other = await sessionAs(suite.server, { username: OTHER, role: 'editor' });
  return other.send<T>(method, urlPath, body, [400, 404, 409]);
}

/** The page's helpers over one suite: waiting for the map, the open dialog, dragging on the canvas. */
function helpers(suite: BrowserSuite) {
  const page = (): Page => suite.page;
  return {
    async waitForMap(country: string): Promise<void> {
      await page().waitForFunction(
        (code) => window.__flowAtlas?.country === code && window.__flowAtlas.layoutDone,
        country,
        { timeout: 30_000 },
      );
    },
    dialog: () => page().locator('dialog[open]'),
    /** The signed-in user, as the API knows them. */
    async me(): Promise<SessionUser> {
      return (await suite.api<{ user: SessionUser }>('/api/auth/me')).user;
    },
    /** Presses on one node, drags to another in steps and releases; returns the ghost seen half-way. */
    async drag(from: string, to: string) {
      const canvas = page().getByRole('img', { name: /^Network graph of/ });
      const box = (await canvas.boundingBox())!;
      // The hook's reader travels as source text: the ids go as an argument.
      const at = (id: string) => page().evaluate((node) => window.__flowAtlas?.nodePosition(node) ?? null, id);
      const a = await at(from);
      const b = await at(to);
      if (!a || !b) throw new Error(`node ${a ? to : from} is not on the canvas`);
      await page().mouse.move(box.x + a.x, box.y + a.y);
      await page().mouse.down();
      await page().mouse.move(box.x + (a.x + b.x) / 2, box.y + (a.y + b.y) / 2, { steps: 8 });
      const ghost = await suite.hook((h) => h.ghost());
      await page().mouse.move(box.x + b.x, box.y + b.y, { steps: 8 });
      await page().mouse.up();
      return ghost;
    },
  };
}

if (requireBrowser('editing in a browser')) {
  describe('editing in a browser', () => {
    describe('the consultant enters an interview', () => {
      const suite = browserSuite({ timeout: 20_000 });
      const { waitForMap, dialog, me, drag } = helpers(suite);

      test('when an interview is made active, a stakeholder added and a flow drawn to another, then the flow is saved with the interview as evidence and drawn on the map', async () => {
        const { page, api, hook, screenshot } = suite;
        const before = await api<GraphResponse>('/api/graph?country=SE');
        const migration = before.stakeholders.find((s) => s.id === 'se-migration')!;

        // An interview with the migration agency, recorded in the evidence view.
        const user = await me();
        expect(user.username).toBe(ACTOR);
        await page.goto(`${suite.server.url}/?view=evidence&country=SE`);
        await page.getByRole('button', { name: 'Add interview' }).click();
        await dialog().getByRole('heading', { name: 'New interview' }).waitFor();
        await dialog()
          .getByLabel(/^Stakeholder interviewed/)
          .selectOption({ label: migration.name });
        await dialog().getByLabel(/^Date/).fill('2026-03-02');
        await dialog()
          .getByLabel(/^Round/)
          .fill('2026-e2e');
        // The interviewer starts as the signed-in user's name.
        expect(
          await dialog()
            .getByLabel(/^Interviewer/)
            .inputValue(),
        ).toBe(user.displayName ?? user.username);
        await dialog().getByRole('button', { name: 'Save interview' }).click();
        await dialog().waitFor({ state: 'detached' });
        const { items: interviews } = await api<{ items: Interview[] }>('/api/interviews?country=SE&round=2026-e2e');
        expect(interviews).toHaveLength(1);
        const interview = interviews[0]!;
        expect(interview).toMatchObject({
          stakeholder: 'se-migration',
          date: '2026-03-02',
          interviewer: user.displayName ?? user.username,
          updatedBy: ACTOR,
        });

        // Its findings entered on the map: edit mode with the interview active.
        await page
          .getByRole('link', { name: `Enter findings from the interview with ${migration.name} on 2026-03-02` })
          .click();
        await page.waitForURL(
          (url) =>
            url.searchParams.get('view') === 'map' &&
            url.searchParams.get('interview') === interview.id &&
            url.searchParams.get('edit') === '1',
        );
        await waitForMap('SE');
        const banner = page.getByRole('region', { name: 'Active interview' });
        expect(await banner.textContent()).toContain(`from the interview with ${migration.name} on 2026-03-02`);
        expect(await hook((h) => h.editMode)).toBe(true);

        // A new stakeholder.
        await page.getByRole('button', { name: 'Add stakeholder' }).click();
        await dialog().getByRole('heading', { name: 'New stakeholder' }).waitFor();
        expect(
          await dialog()
            .getByLabel(/^Country/)
            .inputValue(),
        ).toBe('SE');
        await dialog().getByLabel(/^Name/).fill('Reception centre Märsta (e2e)');
        await dialog().getByLabel(/^Type/).selectOption('reception_centre');
        await dialog().getByRole('button', { name: 'Save stakeholder' }).click();
        await dialog().waitFor({ state: 'detached' });
        const { items: added } = await api<{ items: Stakeholder[] }>(
          '/api/stakeholders?country=SE&type=reception_centre',
        );
        const centre = added.find((s) => s.name === 'Reception centre Märsta (e2e)');
        expect(centre).toMatchObject({ country: 'SE', level: 'national', ncp: false, updatedBy: ACTOR });
        await page.waitForFunction(
          (id) => window.__flowAtlas?.nodeLabel(id) !== null && window.__flowAtlas?.layoutDone,
          centre!.id,
        );
        expect(await hook((h) => h.nodeCount())).toBe(before.stakeholders.length + 1);

        // A flow drawn by dragging from the new stakeholder to the migration agency.
        const migrationAt = await hook((h) => h.nodePosition('se-migration'));
        const centreAt = await page.evaluate((id) => window.__flowAtlas?.nodePosition(id), centre!.id);
        const ghost = await drag(centre!.id, 'se-migration');
        expect(ghost?.from).toBe(centre!.id);
        // In edit mode a drag draws; it does not move the node.
        expect(await page.evaluate((id) => window.__flowAtlas?.nodePosition(id), centre!.id)).toEqual(centreAt);
        await dialog().getByRole('heading', { name: 'New flow' }).waitFor();
        expect(await dialog().getByLabel(/^From/).inputValue()).toBe(centre!.id);
        expect(await dialog().getByLabel(/^To/).inputValue()).toBe('se-migration');
        expect(
          await dialog()
            .getByLabel(/^Confidence/)
            .inputValue(),
        ).toBe('reported');
        const evidence = dialog().getByRole('group', { name: /^Evidence/ });
        expect(
          await evidence.getByRole('checkbox', { name: new RegExp(escapeRegExp(`(${interview.id})`)) }).isChecked(),
        ).toBe(true);
        await dialog()
          .getByLabel(/^Basis/)
          .selectOption('agreement');

        // Saved without an indicator: the message is next to the indicators, tied to them.
        await dialog().getByRole('button', { name: 'Save flow' }).click();
        const indicators = dialog().getByRole('group', { name: /^Indicators carried/ });
        await page.waitForFunction(() => document.querySelector('dialog[open] fieldset[aria-invalid="true"]') !== null);
        expect(await indicators.getAttribute('aria-invalid')).toBe('true');
        const describedBy = (await indicators.getAttribute('aria-describedby')) ?? '';
        const message = await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent();
        expect(message).toContain('Choose at least one indicator the flow carries');
        expect(await dialog().getByRole('alert').textContent()).toContain('Indicators carried');
        await screenshot('edit-flow-missing-indicator');

        await indicators.getByRole('checkbox', { name: /^UAM-03/ }).check();
        expect(await indicators.getAttribute('aria-invalid')).toBeNull();
        await dialog().getByRole('button', { name: 'Save flow' }).click();
        await dialog().waitFor({ state: 'detached' });

        const { items: flows } = await api<{ items: Flow[] }>(`/api/flows?stakeholder=${centre!.id}`);
        expect(flows).toHaveLength(1);
        expect(flows[0]).toMatchObject({
          from: centre!.id,
          to: 'se-migration',
          indicators: ['UAM-03'],
          basis: 'agreement',
          evidence: [interview.id],
          confidence: 'reported',
          updatedBy: ACTOR,
        });
        await page.waitForFunction(
          (id) => window.__flowAtlas?.layoutDone && window.__flowAtlas.visibleFlows().includes(id),
          flows[0]!.id,
        );
        expect(await hook((h) => h.edgeCount())).toBe(before.flows.length + 1);
        // The map stayed as it was: the migration agency did not move.
        expect(await hook((h) => h.nodePosition('se-migration'))).toEqual(migrationAt);
        expect(
          await page
            .getByRole('status')
            .filter({ hasText: /^Added / })
            .textContent(),
        ).toContain(`${centre!.name} → ${migration.name}`);
        await screenshot('edit-flow-drawn');

        // The interview ends; edit mode stays.
        await banner.getByRole('button', { name: 'End interview' }).click();
        await banner.waitFor({ state: 'detached' });
        expect(new URL(page.url()).searchParams.get('interview')).toBeNull();
      });
    });

    describe('the keyboard route to a new flow', () => {
      const suite = browserSuite({ timeout: 20_000 });
      const { waitForMap, dialog } = helpers(suite);

      test('when "New flow" is pressed from the keyboard, then its form starts from the selected stakeholder, Escape closes it without closing the details, and a flow saved from the keyboard is drawn', async () => {
        const { page, api, hook } = suite;
        const graph = await api<GraphResponse>('/api/graph?country=SE');
        const barnahus = graph.stakeholders.find((s) => s.id === 'se-barnahus')!;
        const ncp = graph.stakeholders.find((s) => s.ncp && !s.external)!;
        await page.goto(`${suite.server.url}/?view=map&country=SE&edit=1&selected=${barnahus.id}`);
        await waitForMap('SE');
        const panel = page.getByRole('complementary', { name: barnahus.name });
        await panel.waitFor();

        const newFlow = page.getByRole('button', { name: 'New flow', exact: true });
        await newFlow.focus();
        await page.keyboard.press('Enter');
        await dialog().getByRole('heading', { name: 'New flow' }).waitFor();
        expect(await dialog().getByLabel(/^From/).inputValue()).toBe(barnahus.id);
        expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);

        await page.keyboard.press('Escape');
        await dialog().waitFor({ state: 'detached' });
        expect(await panel.isVisible()).toBe(true);
        await page.waitForFunction(() => document.activeElement?.textContent === 'New flow');

        await page.keyboard.press('Enter');
        await dialog().getByRole('heading', { name: 'New flow' }).waitFor();
        await dialog().getByLabel('Filter the choices of To').focus();
        await page.keyboard.type(ncp.name);
        await page.keyboard.press('Enter');
        expect(await dialog().getByLabel(/^To/).inputValue()).toBe(ncp.id);
        await dialog()
          .getByRole('checkbox', { name: /^VIC-01/ })
          .focus();
        await page.keyboard.press('Space');
        await dialog()
          .getByLabel(/^Basis/)
          .selectOption('informal');
        await dialog().getByRole('button', { name: 'Save flow' }).focus();
        await page.keyboard.press('Enter');
        await dialog().waitFor({ state: 'detached' });

        const { items } = await api<{ items: Flow[] }>(`/api/flows?stakeholder=${barnahus.id}`);
        const created = items.find(
          (f) => f.to === ncp.id && f.basis === 'informal' && !graph.flows.some((g) => g.id === f.id),
        );
        expect(created).toMatchObject({
          indicators: ['VIC-01'],
          evidence: [],
          confidence: 'reported',
          updatedBy: ACTOR,
        });
        await page.waitForFunction(
          (id) => window.__flowAtlas?.layoutDone && window.__flowAtlas.visibleFlows().includes(id),
          created!.id,
        );
        expect(await hook((h) => h.edgeCount())).toBe(graph.flows.length + 1);
      });
    });

    describe('two people edit the same stakeholder', () => {
      const suite = browserSuite({ timeout: 20_000 });
      const { waitForMap, dialog } = helpers(suite);

      test('when someone saves a stakeholder while it is being edited, then the form shows both versions, and "Keep mine" saves mine over theirs', async () => {
        const { page, api, screenshot } = suite;
        const original = await api<Stakeholder>('/api/stakeholders/se-bra');
        await page.goto(`${suite.server.url}/?view=map&country=SE&edit=1&selected=se-bra`);
        await waitForMap('SE');
        const panel = page.getByRole('complementary', { name: original.name });
        await panel
          .getByRole('group', { name: `Edit ${original.name}` })
          .getByRole('button', { name: 'Edit' })
          .click();
        await dialog()
          .getByRole('heading', { name: `Edit stakeholder: ${original.name}` })
          .waitFor();
        await dialog()
          .getByLabel(/^Description/)
          .fill('Mine: publishes the official crime statistics.');

        // Meanwhile, someone else saves another description and level.
        const { sector: _s, version: _v, updatedAt: _a, updatedBy: _b, ...fields } = original;
        const theirs = await write<Stakeholder>(suite, 'PUT', '/api/stakeholders/se-bra', {
          ...fields,
          description: 'Theirs: the council for crime prevention.',
          level: 'regional',
          version: original.version,
        });
        expect(theirs.status).toBe(200);

        // The form hears of it through the change feed and shows both versions before anything is saved.
        const conflict = dialog().getByRole('group', { name: `Changed meanwhile by ${OTHER}` });
        await conflict.waitFor({ timeout: 30_000 });
        expect(
          await conflict
            .getByRole('columnheader', { name: new RegExp(`^Saved meanwhile by ${escapeRegExp(OTHER)} at `) })
            .count(),
        ).toBe(1);
        const description = conflict.getByRole('row', { name: /^Description/ });
        expect(await description.getAttribute('class')).toContain('differs');
        expect(await description.textContent()).toContain('Mine: publishes the official crime statistics.');
        expect(await description.textContent()).toContain('Theirs: the council for crime prevention.');
        const level = conflict.getByRole('row', { name: /^Level/ });
        expect(await level.textContent()).toContain('Regional');
        expect((await conflict.getByRole('row', { name: /^Name/ }).getAttribute('class')) ?? '').not.toContain(
          'differs',
        );
        await screenshot('edit-conflict');

        await conflict.getByRole('button', { name: 'Keep mine' }).click();
        await dialog().waitFor({ state: 'detached' });
        const saved = await api<Stakeholder>('/api/stakeholders/se-bra');
        expect(saved).toMatchObject({
          description: 'Mine: publishes the official crime statistics.',
          level: original.level,
          version: original.version + 2,
          updatedBy: ACTOR,
        });
        expect(await panel.textContent()).toContain(saved.name);
      });
    });

    describe('the server refuses a change', () => {
      const suite = browserSuite({ timeout: 20_000 });
      const { waitForMap, dialog } = helpers(suite);

      test("when a second NCP is saved, then the server's message is shown next to the NCP checkbox and nothing is written", async () => {
        const { page, api } = suite;
        const before = await api<Stakeholder>('/api/stakeholders/se-bra');
        await page.goto(`${suite.server.url}/?view=map&country=SE&edit=1&selected=se-bra`);
        await waitForMap('SE');
        await page
          .getByRole('group', { name: `Edit ${before.name}` })
          .getByRole('button', { name: 'Edit' })
          .click();
        const ncp = dialog().getByRole('checkbox', { name: /National contact point/ });
        await ncp.check();
        await dialog().getByRole('button', { name: 'Save changes' }).click();

        await page.waitForFunction(
          () => document.querySelector('dialog[open] input[type="checkbox"][aria-invalid="true"]') !== null,
        );
        const describedBy = (await ncp.getAttribute('aria-describedby')) ?? '';
        expect(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent()).toMatch(
          /^Country SE already has an NCP \(se-ncp\)/,
        );
        expect(await api<Stakeholder>('/api/stakeholders/se-bra')).toEqual(before);
        // The refused change is still unsaved work: closing asks first, and the person agrees to lose it.
        page.once('dialog', (d) => void d.accept());
        await page.keyboard.press('Escape');
        await dialog().waitFor({ state: 'detached' });
      });
    });

    describe('deleting a stakeholder with flows', () => {
      const suite = browserSuite({ timeout: 20_000 });
      const { waitForMap } = helpers(suite);

      test('when a stakeholder with flows is deleted, then its dependants are listed, and "Delete it and these" removes them all', async () => {
        const { page, api, hook } = suite;
        const graph = await api<GraphResponse>('/api/graph?country=SE');
        const target = graph.stakeholders.find((s) => s.id === 'se-hotline')!;
        const touching = graph.flows.filter((f) => f.from === target.id || f.to === target.id);
        expect(touching.length).toBeGreaterThan(0);
        // What depends on it, as the API itself says (a delete without cascade is refused and changes nothing).
        const refused = await write<{ error: { code: string; dependants: Record<string, number> } }>(
          suite,
          'DELETE',
          `/api/stakeholders/${target.id}?version=${target.version}`,
        );
        expect(refused.status).toBe(409);
        expect(refused.body.error.dependants.flow).toBeGreaterThanOrEqual(touching.length);

        await page.goto(`${suite.server.url}/?view=map&country=SE&edit=1&selected=${target.id}`);
        await waitForMap('SE');
        const panel = page.getByRole('complementary', { name: target.name });
        await panel
          .getByRole('group', { name: `Edit ${target.name}` })
          .getByRole('button', { name: 'Delete' })
          .click();
        const confirm = page.getByRole('alertdialog', { name: 'Delete stakeholder' });
        await confirm.waitFor();
        expect(await confirm.textContent()).toContain(`Delete the stakeholder ${target.name}?`);
        await confirm.getByRole('button', { name: 'Delete stakeholder' }).click();

        const dependants = confirm.getByRole('alert');
        await dependants.waitFor();
        const text = (await dependants.textContent()) ?? '';
        const nouns: Record<string, [string, string]> = {
          flow: ['flow', 'flows'],
          dataset: ['dataset', 'datasets'],
          membership: ['membership', 'memberships'],
          interview: ['interview', 'interviews'],
          reportingLine: ['reporting line', 'reporting lines'],
        };
        for (const [kind, n] of Object.entries(refused.body.error.dependants)) {
          const [one, many] = nouns[kind] ?? [kind, `${kind}s`];
          expect(text).toContain(`${n} ${n === 1 ? one : many}`);
        }
        // Still there until the person chooses.
        expect((await api<Stakeholder>(`/api/stakeholders/${target.id}`)).id).toBe(target.id);

        await confirm.getByRole('button', { name: 'Delete it and these' }).click();
        await confirm.waitFor({ state: 'detached' });
        await panel.waitFor({ state: 'detached' });
        const gone = await fetch(`${suite.server.url}/api/stakeholders/${target.id}`);
        expect(gone.status).toBe(404);
        const { items: left } = await api<{ items: Flow[] }>(`/api/flows?stakeholder=${target.id}`);
        expect(left).toEqual([]);
        await page.waitForFunction(
          (id) => window.__flowAtlas?.layoutDone && window.__flowAtlas.nodeLabel(id) === null,
          target.id,
        );
        expect(await hook((h) => h.nodeCount())).toBe(graph.stakeholders.length - 1);
        expect(
          await page
            .getByRole('status')
            .filter({ hasText: /^Deleted / })
            .textContent(),
        ).toContain(target.name);
      });
    });

    describe('networks', () => {
      const suite = browserSuite({ timeout: 20_000 });
      const { waitForMap, dialog } = helpers(suite);

      test("when a network is renamed from a member's details and then deleted, then the API has the new name, and the delete lists and removes its memberships", async () => {
        const { page, api } = suite;
        const graph = await api<GraphResponse>('/api/graph?country=SE');
        const membership = graph.memberships.find((m) => graph.networks.some((n) => n.id === m.network))!;
        const network = graph.networks.find((n) => n.id === membership.network)!;
        const member = graph.stakeholders.find((x) => x.id === membership.stakeholder)!;
        const members = graph.memberships.filter((m) => m.network === network.id).length;

        await page.goto(`${suite.server.url}/?view=map&country=SE&edit=1&selected=${member.id}`);
        await waitForMap('SE');
        const panel = page.getByRole('complementary', { name: member.name });
        await panel.getByRole('button', { name: `Edit network ${network.name}` }).click();
        await dialog()
          .getByRole('heading', { name: `Edit network: ${network.name}` })
          .waitFor();
        const renamed = `${network.name} (renamed in e2e)`;
        await dialog().getByLabel(/^Name/).fill(renamed);
        await dialog().getByRole('button', { name: 'Save changes' }).click();
        await dialog().waitFor({ state: 'detached' });
        const saved = await api<{ name: string; version: number }>(`/api/networks/${network.id}`);
        expect(saved).toMatchObject({ name: renamed, version: network.version + 1 });

        await panel.getByRole('button', { name: `Delete network ${renamed}` }).click();
        const confirm = page.getByRole('alertdialog', { name: 'Delete network' });
        await confirm.getByRole('button', { name: 'Delete network' }).click();
        await confirm.getByRole('alert').waitFor();
        expect(await confirm.getByRole('alert').textContent()).toContain(
          `${members} membership${members === 1 ? '' : 's'}`,
        );
        await confirm.getByRole('button', { name: 'Delete it and these' }).click();
        await confirm.waitFor({ state: 'detached' });
        expect((await fetch(`${suite.server.url}/api/networks/${network.id}`)).status).toBe(404);
        const { items } = await api<{ items: Array<{ network: string }> }>('/api/memberships');
        expect(items.filter((m) => m.network === network.id)).toEqual([]);
        await panel.getByRole('button', { name: `Edit network ${renamed}` }).waitFor({ state: 'detached' });
      });
    });

    describe('the to-confirm list', () => {
      const suite = browserSuite({ timeout: 20_000 });

      test('when a flow is reported by one end only and assumed, then it is listed with both reasons, and "Mark confirmed" removes "assumed"', async () => {
        const { page, api } = suite;
        const graph = await api<GraphResponse>('/api/graph?country=SE');
        const name = (id: string) => graph.stakeholders.find((s) => s.id === id)!.name;
        const interview = await write<Interview>(suite, 'POST', '/api/interviews', {
          id: 'se-i-e2e',
          date: '2026-03-03',
          stakeholder: 'se-migration',
          round: '2026-e2e',
        });
        expect(interview.status).toBe(201);
        const created = await write<Flow>(suite, 'POST', '/api/flows', {
          id: 'se-f-e2e',
          from: 'se-hotline',
          to: 'se-migration',
          indicators: ['UAM-03'],
          basis: 'informal',
          evidence: ['se-i-e2e'],
          confidence: 'assumed',
        });
        expect(created.status).toBe(201);
        const before = await api<ToConfirmResponse>('/api/to-confirm?country=SE');
        expect(before.items.find((i) => i.flow.id === 'se-f-e2e')?.reasons).toEqual(['single_end', 'assumed']);

        await page.goto(`${suite.server.url}/?view=evidence&country=SE`);
        const list = page.getByRole('region', { name: 'Flows to confirm' });
        await list.waitFor();
        // "Reported by one end only" is offered split by who reported the flow (issue 18 point 11).
        const single = before.items.filter((i) => i.reasons.includes('single_end'));
        const byEnd = (end: 'from' | 'to') =>
          single.filter((i) => i.reportedBy.length === 1 && i.reportedBy[0] === i.flow[end]).length;
        const receiverOnly = byEnd('to');
        for (const [label, n] of [
          ['Reported by the sender only', byEnd('from')],
          ['Reported by the receiver only', receiverOnly],
          ['Assumed', before.counts.assumed],
          ['No evidence', before.counts.no_evidence],
        ] as const) {
          await page.getByRole('checkbox', { name: `${label} (${n})` }).waitFor();
        }
        expect(await list.locator('tbody tr').count()).toBe(before.counts.total);
        const row = list.locator('tbody tr[data-flow="se-f-e2e"]');
        expect(await row.textContent()).toContain(`reported by one end only (${name('se-migration')})`);
        expect(await row.textContent()).toContain('assumed');

        // Only the assumed ones.
        await page.getByRole('checkbox', { name: `Assumed (${before.counts.assumed})` }).check();
        await page.waitForURL((url) => url.searchParams.get('reason') === 'assumed');
        expect(await list.locator('tbody tr').count()).toBe(before.counts.assumed);

        await row
          .getByRole('button', { name: `Mark confirmed: the flow ${name('se-hotline')} → ${name('se-migration')}` })
          .click();
        await page.getByRole('checkbox', { name: `Assumed (${before.counts.assumed - 1})` }).waitFor();
        expect(await row.count()).toBe(0);
        const after = await api<ToConfirmResponse>('/api/to-confirm?country=SE');
        // Confirmed by the consultant: neither "assumed" nor "reported by one end only" applies any more.
        expect(after.items.find((i) => i.flow.id === 'se-f-e2e')).toBeUndefined();
        expect(after.counts.single_end).toBe(before.counts.single_end - 1);
        expect((await api<Flow>('/api/flows/se-f-e2e')).confidence).toBe('confirmed');

        // Back to every reason: the flow is gone from the list, the others remain.
        await page.getByRole('checkbox', { name: /^Assumed/ }).uncheck();
        // se-f-e2e was reported by its receiver only.
        await page.getByRole('checkbox', { name: `Reported by the receiver only (${receiverOnly - 1})` }).waitFor();
        expect(await list.locator('tbody tr').count()).toBe(after.counts.total);
        expect(await list.locator('tbody tr[data-flow="se-f-e2e"]').count()).toBe(0);
      });
    });
  });
}
