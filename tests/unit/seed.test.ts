// The illustrative seed region: valid, shaped as DOMAIN.md asks, institutions only, idempotent to load.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { validateDocument, type MapDocument } from '../../server/model';
import { CoreGraphStore } from '../../server/store/core';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { readCatalogue, readSeedDocument, seedStore } from '../../seed/loader';

const NATIONAL = ['DE', 'DK', 'EE', 'FI', 'IS', 'LT', 'LV', 'NO', 'PL', 'SE'];
const doc: MapDocument = readSeedDocument();
const catalogue = readCatalogue() as { indicators: Array<{ code: string }> };

describe('seed region', () => {
  test('when the seed maps are validated together, then there is no problem', () => {
    const result = validateDocument(doc, { indicators: new Set(catalogue.indicators.map((i) => i.code)) });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('when countries are counted, then the ten national ones and INT are there, all illustrative', () => {
    expect(doc.countries.map((c) => c.code).sort()).toEqual([...NATIONAL, 'INT'].sort());
    expect(doc.countries.every((c) => c.illustrative === true)).toBe(true);
  });

  test.each(NATIONAL)('when %s is inspected, then it has one NCP and the sizes DOMAIN.md asks for', (code) => {
    const stakeholders = doc.stakeholders.filter((s) => s.country === code);
    const own = new Set(stakeholders.map((s) => s.id));
    expect(stakeholders.filter((s) => s.ncp)).toHaveLength(1);
    expect(stakeholders.length).toBeGreaterThanOrEqual(12);
    expect(stakeholders.length).toBeLessThanOrEqual(30);
    const datasets = doc.datasets.filter((d) => own.has(d.holder)).length;
    expect(datasets).toBeGreaterThanOrEqual(8);
    expect(datasets).toBeLessThanOrEqual(20);
    const flows = doc.flows.filter((f) => own.has(f.from) || own.has(f.to)).length;
    expect(flows).toBeGreaterThanOrEqual(20);
    expect(flows).toBeLessThanOrEqual(60 + 15); // 20-60 national flows plus a few cross-border channels
    expect(doc.reportingLines.some((r) => own.has(r.from))).toBe(true);
    expect(doc.networks.some((n) => n.country === code)).toBe(true);
  });

  test('when Denmark is inspected, then no Danish dataset covers UAM-03 (the gap the notes describe)', () => {
    const dk = new Set(doc.stakeholders.filter((s) => s.country === 'DK').map((s) => s.id));
    expect(doc.datasets.filter((d) => dk.has(d.holder) && d.indicators.includes('UAM-03'))).toEqual([]);
  });

  test('when the region is inspected, then the NCP network links every NCP', () => {
    const ncps = doc.stakeholders
      .filter((s) => s.ncp)
      .map((s) => s.id)
      .sort();
    const members = doc.memberships
      .filter((m) => doc.networks.find((n) => n.id === m.network)?.kind === 'ncp_network')
      .map((m) => m.stakeholder);
    expect(ncps.every((id) => members.includes(id))).toBe(true);
  });

  test('when texts are scanned, then there are no personal e-mail addresses or phone numbers', () => {
    const contacts = doc.stakeholders.flatMap((s) => (s.contact ? [s.contact] : []));
    for (const c of contacts) {
      if (c.email) expect(c.email).toMatch(/@[\w.-]+\.example$/);
      expect(c.phone).toBeUndefined();
    }
    expect(doc.interviews.every((i) => !i.interviewer || /^[a-z -]+$/.test(i.interviewer))).toBe(true);
  });

  test('when the seed is loaded twice into a store, then the second load changes nothing', async () => {
    const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
    await store.init();
    const first = await seedStore(store, { maps: true });
    expect(first?.created.country).toBe(11);
    const version = await store.storeVersion();
    const second = await seedStore(store, { maps: true });
    expect(second?.created).toEqual({});
    expect(second?.updated).toEqual({});
    expect(await store.storeVersion()).toBe(version);
    await store.close();
  });
});

describe('seed/check.py (an independent checker in Python)', () => {
  test('when it runs over the seed, then it reports no problem', () => {
    const r = spawnSync('python3', [path.join(__dirname, '../../seed/check.py')], { encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  });
});
