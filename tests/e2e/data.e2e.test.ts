// End-to-end: the import & export view in a real Chromium on the built client and the real API.
// Templates and exports are downloaded through the page and opened with exceljs; workbooks built
// from the template are uploaded: a broken one lists its problems and writes nothing, a good one is
// previewed, imported, and shows up on the map.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import type { GraphResponse } from '../../server/model/api';
import { browserSuite, requireBrowser } from '../support/chromium';
import type { TestServer } from '../support/server';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Row = Record<string, string | number | boolean>;

if (requireBrowser('import and export in a browser')) {
  describe('import and export in a browser', () => {
    const suite = browserSuite();
    let server: TestServer;
    let page: Page;
    beforeEach(() => ({ server, page } = suite));
    const { api, hook, screenshot } = suite;

    async function openView(): Promise<void> {
      await page.goto(`${server.url}/?view=data&country=SE`);
      await page.getByRole('heading', { name: 'Import & export' }).waitFor();
    }

    async function downloadFrom(linkName: string): Promise<{ download: Download; bytes: Buffer }> {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: linkName, exact: true }).click(),
      ]);
      const file = await download.path();
      return { download, bytes: fs.readFileSync(file) };
    }

    async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      return wb;
    }

    /** The template from the API with rows added under its headers, as an XLSX file. */
    async function templateWith(rows: Record<string, Row[]>): Promise<Buffer> {
      const res = await fetch(`${server.url}/api/template?format=xlsx`);
      const wb = await workbook(Buffer.from(await res.arrayBuffer()));
      for (const [sheet, items] of Object.entries(rows)) {
        const ws = wb.getWorksheet(sheet);
        if (!ws) throw new Error(`the template has no sheet ${sheet}`);
        const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
        for (const item of items) ws.addRow(headers.map((h) => item[h] ?? null));
      }
      return Buffer.from(await wb.xlsx.writeBuffer());
    }

    async function choose(name: string, buffer: Buffer, mimeType = XLSX): Promise<void> {
      await page.getByLabel('File to import').setInputFiles({ name, mimeType, buffer });
      await page.getByTestId('chosen-file').waitFor();
    }

    async function status(path: string): Promise<number> {
      return (await fetch(`${server.url}${path}`)).status;
    }

    async function ncpOf(country: string): Promise<string> {
      const graph = await api<GraphResponse>(`/api/graph?country=${country}`);
      const ncp = graph.stakeholders.find((s) => s.ncp && !s.external);
      if (!ncp) throw new Error(`${country} has no NCP`);
      return ncp.id;
    }

    test('when the Excel template is downloaded from the page, then it is a workbook with a sheet per kind headed by the fields', async () => {
      await openView();

      const { download, bytes } = await downloadFrom('Excel template (.xlsx)');

      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const wb = await workbook(bytes);
      const names = wb.worksheets.map((w) => w.name);
      for (const sheet of [
        'stakeholders',
        'datasets',
        'flows',
        'reportingLines',
        'networks',
        'memberships',
        'interviews',
      ]) {
        expect(names).toContain(sheet);
      }
      const flowHeaders = (wb.getWorksheet('flows')!.getRow(1).values as unknown[]).slice(1);
      expect(flowHeaders).toEqual(expect.arrayContaining(['id', 'from', 'to', 'indicators', 'basis']));
    });

    test('when Sweden is exported as XLSX from the page, then the workbook holds Sweden’s stakeholders and flows', async () => {
      const graph = await api<GraphResponse>('/api/graph?country=SE');
      const own = graph.stakeholders
        .filter((s) => !s.external)
        .map((s) => s.id)
        .sort();
      await openView();

      const { download, bytes } = await downloadFrom('Sweden (.xlsx)');

      expect(download.suggestedFilename()).toMatch(/SE.*\.xlsx$/);
      const wb = await workbook(bytes);
      const ids = (sheet: string) => {
        const ws = wb.getWorksheet(sheet)!;
        const col = (ws.getRow(1).values as unknown[]).indexOf('id');
        const out: string[] = [];
        ws.eachRow((row, n) => {
          if (n > 1) out.push(row.getCell(col).text);
        });
        return out.sort();
      };
      expect(ids('stakeholders')).toEqual(own);
      expect(ids('flows')).toEqual(graph.flows.map((f) => f.id).sort());
    });

    test('when a broken spreadsheet is checked, then the problem table names each sheet, row, cell and column, filters by sheet, and nothing is written', async () => {
      const ncp = await ncpOf('SE');
      const bad = await templateWith({
        stakeholders: [{ id: 'se-e2e-broken', name: 'Broken stakeholder', country: 'SE', type: 'spaceship' }],
        flows: [{ id: 'se-e2e-broken-f', from: ncp, to: ncp, indicators: 'RSK-07', basis: 'sometimes' }],
      });
      const before = await api<{ storeVersion: number }>('/api/health');
      await openView();
      await choose('broken.xlsx', bad);

      await page.getByRole('button', { name: 'Check the file' }).click();

      const failed = page.locator('[data-outcome="failed"]');
      await failed.waitFor();
      expect(await failed.getByRole('alert').textContent()).toMatch(/The file has 2 problems.*nothing was written/i);
      const table = failed.getByRole('region', { name: 'Problems found in the file' });
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(2);
      const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim());
      const all = [await cells(0), await cells(1)];
      expect(all).toEqual(
        expect.arrayContaining([
          expect.arrayContaining(['stakeholders', '2', 'D2', 'type', 'se-e2e-broken']),
          expect.arrayContaining(['flows', '2', 'E2', 'basis', 'se-e2e-broken-f']),
        ]),
      );
      expect(all.find((r) => r[0] === 'flows')?.[5]).toContain("'sometimes'");
      expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);

      await failed.getByLabel('Show the problems of').selectOption('flows');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute('data-sheet')).toBe('flows');
      await screenshot('data-problems');

      expect(await status('/api/stakeholders/se-e2e-broken')).toBe(404);
      expect(await status('/api/flows/se-e2e-broken-f')).toBe(404);
      expect((await api<{ storeVersion: number }>('/api/health')).storeVersion).toBe(before.storeVersion);
    });

    test('when a good spreadsheet is checked and imported, then the preview counts it, the progress bar reaches 100% and the map shows the new stakeholder', async () => {
      const ncp = await ncpOf('SE');
      const good = await templateWith({
        stakeholders: [{ id: 'se-e2e-hotline', name: 'E2E youth hotline', country: 'SE', type: 'hotline' }],
        flows: [{ id: 'se-e2e-hotline-f', from: 'se-e2e-hotline', to: ncp, indicators: 'RSK-07', basis: 'informal' }],
      });
      await openView();
      await choose('good.xlsx', good);

      await page.getByRole('button', { name: 'Check the file' }).click();

      const preview = page.locator('[data-outcome="preview"]');
      await preview.waitFor();
      const progress = page.locator('.upload-progress progress');
      expect(await progress.getAttribute('value')).toBe('100');
      expect(await page.locator('.upload-percent').textContent()).toBe('100%');
      const count = (kind: string, what: string) =>
        preview.locator(`tr[data-kind="${kind}"] td[data-count="${what}"]`).textContent();
      expect(await count('stakeholder', 'created')).toBe('1');
      expect(await count('flow', 'created')).toBe('1');
      expect(await preview.locator('table').getAttribute('data-dry-run')).toBe('true');
      expect(await status('/api/stakeholders/se-e2e-hotline')).toBe(404);
      await screenshot('data-preview');

      await preview.getByRole('button', { name: 'Import', exact: true }).click();

      const imported = page.locator('[data-outcome="imported"]');
      await imported.waitFor();
      expect(await progress.getAttribute('value')).toBe('100');
      expect(await imported.locator('tr[data-kind="stakeholder"] td[data-count="created"]').textContent()).toBe('1');
      const stored = await api<{ name: string; updatedBy: string }>('/api/stakeholders/se-e2e-hotline');
      expect(stored.name).toBe('E2E youth hotline');
      // The audit trail names the signed-in user (the suite's browser is the test server's admin).
      expect(stored.updatedBy).toBe('admin');
      await api('/api/flows/se-e2e-hotline-f');

      await imported.getByRole('link', { name: 'Open the map of Sweden' }).click();
      await page.waitForFunction(() => window.__flowAtlas?.country === 'SE' && window.__flowAtlas.layoutDone, null, {
        timeout: 30_000,
      });
      expect(await hook((h) => h.nodeLabel('se-e2e-hotline'))).toBe('E2E youth hotline');
      expect(await hook((h) => h.visibleFlows())).toContain('se-e2e-hotline-f');
    });

    test('when one CSV file named after its sheet is checked, then that sheet is preselected, sent with it, and the server’s warnings are listed', async () => {
      const csv = Buffer.from('id,name,country,type\nse-e2e-csv,E2E CSV stakeholder,SE,ngo\n');
      const sent: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/import')) sent.push(r.url());
      });
      await openView();
      await choose('stakeholders.csv', csv, 'text/csv');

      const sheet = page.getByLabel('Which sheet this CSV file holds');
      expect(await sheet.inputValue()).toBe('stakeholders');
      await page.getByRole('button', { name: 'Check the file' }).click();

      const preview = page.locator('[data-outcome="preview"]');
      await preview.waitFor();
      expect(new URL(sent[0]!).searchParams.get('sheet')).toBe('stakeholders');
      expect(await preview.locator('tr[data-kind="stakeholder"] td[data-count="created"]').textContent()).toBe('1');
      const warnings = preview.getByRole('heading', { name: /^Warnings \(\d+\)$/ });
      expect(await warnings.count()).toBe(1);
      expect(await preview.locator('.notice-warn li').count()).toBeGreaterThan(0);
      expect(await status('/api/stakeholders/se-e2e-csv')).toBe(404);
    });

    test('when a file that is not a spreadsheet is checked, then the page says so in plain words and nothing is written', async () => {
      const before = await api<{ storeVersion: number }>('/api/health');
      await openView();
      await choose('notes.xlsx', Buffer.from('These are my interview notes, not a workbook.\n'));

      await page.getByRole('button', { name: 'Check the file' }).click();

      const failed = page.locator('[data-outcome="failed"]');
      await failed.waitFor();
      expect(await failed.getAttribute('data-code')).toBe('not_a_spreadsheet');
      expect(await failed.getByRole('heading').first().textContent()).toBe('This file is not a spreadsheet');
      expect((await api<{ storeVersion: number }>('/api/health')).storeVersion).toBe(before.storeVersion);
    });

    test('when an upload is cancelled before the server answers, then the page says so and the file can be checked again', async () => {
      const ncp = await ncpOf('SE');
      const file = await templateWith({
        stakeholders: [{ id: 'se-e2e-cancelled', name: 'Cancelled stakeholder', country: 'SE', type: 'ngo' }],
        flows: [
          { id: 'se-e2e-cancelled-f', from: 'se-e2e-cancelled', to: ncp, indicators: 'RSK-07', basis: 'informal' },
        ],
      });
      // Hold the first request until the test is done with it, so it is still open when Cancel is pressed.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let intercepted = 0;
      await page.route('**/api/import?*', async (route) => {
        intercepted += 1;
        if (intercepted === 1) {
          await held;
          await route.abort().catch(() => undefined);
        } else {
          await route.continue();
        }
      });
      await openView();
      await choose('cancel-me.xlsx', file);

      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.locator('.upload-progress').waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();

      const failed = page.locator('[data-outcome="failed"]');
      await failed.waitFor();
      expect(await failed.getAttribute('data-code')).toBe('aborted');
      expect(await failed.getByRole('heading').first().textContent()).toBe('Upload cancelled');
      expect(await page.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
      release();

      await page.getByRole('button', { name: 'Check the file' }).click();
      await page.locator('[data-outcome="preview"]').waitFor();
      expect(intercepted).toBe(2);
      expect(await status('/api/stakeholders/se-e2e-cancelled')).toBe(404);
    });

    test('when a file over 25 MB is chosen, then it is refused in the page with the limit named, and nothing is uploaded', async () => {
      const uploads: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/import')) uploads.push(r.url());
      });
      await openView();

      // A file on disk, not a buffer: Playwright hands a local browser the path, where a 26 MB buffer would be sent
      // over the DevTools protocol (more than the 15 s allowed on a busy machine). Sparse: only its size matters.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fa-huge-'));
      const huge = path.join(dir, 'huge.xlsx');
      fs.writeFileSync(huge, '');
      fs.truncateSync(huge, 26 * 1024 * 1024);
      try {
        await page.getByLabel('File to import').setInputFiles(huge);

        const error = page.locator('.field-error');
        await error.waitFor();
        expect(await error.textContent()).toBe(
          'The file is 26 MB; the limit is 25 MB: split it by country and import the parts one after the other.',
        );
        expect(await page.getByRole('button', { name: 'Check the file' }).isDisabled()).toBe(true);
        expect(uploads).toEqual([]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    test('when an old export is imported after a colleague changed the same note, then the preview shows the conflict and the import keeps the current note by default', async () => {
      await openView();
      const { bytes } = await downloadFrom('Sweden (.xlsx)');
      const wb = await workbook(bytes);
      const ws = wb.getWorksheet('flows')!;
      const headers = (ws.getRow(1).values as Array<string | undefined>).map((v) => v ?? '');
      const col = (name: string) => headers.indexOf(name);
      const row = ws.getRow(2);
      const id = row.getCell(col('id')).text;
      const { store } = server;
      const before = await store.get('flow', id);
      const { version: _v, updatedAt: _a, updatedBy: _b, ...fields } = before;
      await store.update('flow', id, { ...fields, note: 'Checked by a colleague' }, before.version, 'e2e-colleague');
      row.getCell(col('note')).value = 'My offline note';
      row.getCell(col('latencyDays')).value = 137;
      row.commit();
      await choose('sweden-old.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));

      await page.getByRole('button', { name: 'Check the file' }).click();

      const preview = page.locator('[data-outcome="preview"]');
      await preview.waitFor();
      const conflicts = preview.getByTestId('conflicts');
      expect(await conflicts.getByRole('heading').textContent()).toMatch(/^1 conflict:/);
      const cells = (
        await conflicts.locator(`tr[data-key="${id}"][data-field="note"]`).locator('th, td').allTextContents()
      ).map((t) => t.trim());
      expect(cells.slice(1, 5)).toEqual(['note', 'My offline note', 'Checked by a colleague', 'e2e-colleague']);
      expect(cells[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
      expect(await conflicts.getByLabel('Keep the current values').isChecked()).toBe(true);
      expect(await conflicts.getByLabel("Overwrite with the file's values").isChecked()).toBe(false);
      expect(await preview.locator('p').first().textContent()).toContain('has 1 conflict: see below');
      await conflicts.scrollIntoViewIfNeeded();
      await screenshot('data-conflicts');

      await preview.getByRole('button', { name: 'Import', exact: true }).click();

      const imported = page.locator('[data-outcome="imported"]');
      await imported.waitFor();
      expect(await imported.getByTestId('conflict-outcome').textContent()).toContain(
        'Kept the current value of 1 conflicting field',
      );
      const stored = await api<{ note?: string; latencyDays?: number }>(`/api/flows/${id}`);
      expect(stored.note).toBe('Checked by a colleague');
      expect(stored.latencyDays).toBe(137);
    });
  });
}
