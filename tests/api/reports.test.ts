// Reports through the HTTP API on the seeded embedded store: HTML, JSON and PDF of a country profile and
// the regional report, now and for a round; unknown countries and rounds; what a viewer's report leaves out.
import request from 'supertest';
import { seedStore } from '../../seed/loader';
import { createApp } from '../../server/app';
import { visibleDocument } from '../../server/auth/personal-data';
import { buildCountryReport } from '../../server/reports/country';
import { Report } from '../../server/model/report';
import { REPORT_CSS_HASH } from '../../server/reports/html';
import { closePdfRenderer } from '../../server/reports/pdf';
import { CoreGraphStore } from '../../server/store/core';
import type { GraphStore } from '../../server/store/port';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { signedIn } from '../support/auth';

let store: GraphStore;
let admin: ReturnType<typeof createApp>;
let viewer: ReturnType<typeof createApp>;
let raw: ReturnType<typeof createApp>;

beforeAll(async () => {
  store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await seedStore(store, { maps: true });
  raw = createApp({ store });
  admin = await signedIn(raw, store, { role: 'admin' });
  viewer = await signedIn(raw, store, { role: 'viewer', username: 'reader' });
});
afterAll(async () => {
  await closePdfRenderer();
  await store.close();
});

const body = (res: request.Response) => (typeof res.text === 'string' && res.text.length ? res.text : String(res.body));

describe('GET /api/reports/country/:country', () => {
  test('when SE is asked for as HTML, then a whole document names its NCP, has every section, and may use only its own stylesheet', async () => {
    const res = await request(admin).get('/api/reports/country/SE').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain(`style-src ${REPORT_CSS_HASH}`);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const html = body(res);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const { document } = await store.snapshot({});
    const ncp = document.stakeholders.find((s) => s.country === 'SE' && s.ncp)!;
    expect(html).toContain(`${ncp.name} is the National Contact Point (NCP) of Sweden`);
    for (const id of [
      'summary',
      'ncp',
      'network',
      'collection',
      'coverage',
      'weak-points',
      'position',
      'cross-border',
      'suggestions',
      'comparison',
      'provenance',
    ]) {
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('<figcaption>Figure 1.');
  });

  test('when SE is asked for as JSON, then the answer is the report model of the map now', async () => {
    const res = await request(admin).get('/api/reports/country/SE?format=json').expect(200);
    const report = Report.parse(res.body);
    expect(report).toMatchObject({
      kind: 'country',
      country: 'SE',
      illustrative: true,
      basis: { round: null, storeVersion: await store.storeVersion() },
    });
  });

  test('when a round is named, then the report is built from it and says so', async () => {
    const round = await store.freezeRound({ name: 'Report round', country: 'SE' }, 'test');
    const res = await request(admin).get(`/api/reports/country/SE?format=json&round=${round.id}`).expect(200);
    expect(res.body.basis).toEqual({
      round: { id: round.id, name: 'Report round', createdAt: round.createdAt },
      storeVersion: round.storeVersion,
    });
  });

  test('when the country is not in the map, then 404', async () => {
    const res = await request(admin).get('/api/reports/country/ZZ').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  test('when the international layer is asked for, then 400: it has no country profile', async () => {
    const res = await request(admin).get('/api/reports/country/INT').expect(400);
    expect(res.body.error.problems).toEqual([expect.objectContaining({ field: 'country' })]);
  });

  test('when the round does not exist, then 404', async () => {
    const res = await request(admin).get('/api/reports/country/SE?round=no-such-round').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  test("when the round is another country's, then 400 naming the round parameter", async () => {
    const round = await store.freezeRound({ name: 'Norway only', country: 'NO' }, 'test');
    const res = await request(admin).get(`/api/reports/country/SE?round=${round.id}`).expect(400);
    expect(res.body.error.problems).toEqual([expect.objectContaining({ field: 'round' })]);
  });

  test('when a viewer asks, then the report has no contact e-mail and is built without flows carrying personal data', async () => {
    const { document } = await store.snapshot({});
    const emails = document.stakeholders.flatMap((s) => (s.contact?.email ? [s.contact.email] : []));
    expect(emails.length).toBeGreaterThan(0);
    const html = body(await request(viewer).get('/api/reports/country/SE').expect(200));
    for (const email of emails) expect(html).not.toContain(email);
    const personal = document.flows.filter((f) => f.personalData && f.personalData !== 'none');
    expect(personal.length).toBeGreaterThan(0);
    const seen = (await request(viewer).get('/api/reports/country/SE?format=json').expect(200)).body as Report;
    const snapshot = await store.snapshot({});
    const expected = buildCountryReport(
      {
        document: visibleDocument(snapshot.document, { username: 'reader', role: 'viewer', countries: [] } as never),
        catalogue: snapshot.catalogue,
        round: null,
        storeVersion: snapshot.storeVersion,
        generatedAt: seen.generatedAt,
        hidden: personal.map((f) => ({ from: f.from, to: f.to })),
      },
      'SE',
    );
    expect(seen).toEqual(JSON.parse(JSON.stringify(expected)));
    const full = (await request(admin).get('/api/reports/country/SE?format=json').expect(200)).body as Report;
    expect(full.sections).not.toEqual(seen.sections);
  });

  test("when a viewer asks for a country's or the region's report, then its summary says how many flows are hidden; an administrator's says nothing of the kind", async () => {
    const { document } = await store.snapshot({});
    const countryOf = new Map(document.stakeholders.map((s) => [s.id, s.country]));
    const personal = document.flows.filter((f) => f.personalData && f.personalData !== 'none');
    const swedish = personal.filter((f) => countryOf.get(f.from) === 'SE' || countryOf.get(f.to) === 'SE').length;
    expect(swedish).toBeGreaterThan(0);
    const summary = (report: Report) =>
      report.sections
        .find((s) => s.id === 'summary')!
        .blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []))
        .join('\n');
    const line = (n: number, where: string) =>
      `${n} flows ${where} are hidden: they carry personal data, which your account may not see. ` +
      'This report is built without them: every figure and list in it counts only the flows your account may see.';
    for (const [path, expected] of [
      ['/api/reports/country/SE', line(swedish, 'with an end in Sweden')],
      ['/api/reports/region', line(personal.length, 'of the map')],
    ] as const) {
      const seen = (await request(viewer).get(`${path}?format=json`).expect(200)).body as Report;
      expect(summary(seen)).toContain(expected);
      expect(body(await request(viewer).get(path).expect(200))).toContain(`${expected.split(':')[0]}:`);
      const full = (await request(admin).get(`${path}?format=json`).expect(200)).body as Report;
      expect(summary(full)).not.toContain('hidden');
    }
  });

  test('when no one is signed in, then 401', async () => {
    await request(raw).get('/api/reports/country/SE').expect(401);
  });

  test('when SE is asked for as PDF, then a PDF attachment named after the country comes back', async () => {
    const res = await request(admin).get('/api/reports/country/SE?format=pdf').responseType('blob').expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename=flow-atlas-report-SE.pdf');
    expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});

describe('GET /api/reports/region', () => {
  test('when asked for as HTML, then the regional report shows the coverage matrix and the comparison', async () => {
    const res = await request(admin).get('/api/reports/region?format=html').expect(200);
    const html = body(res);
    expect(html).toContain('id="coverage-matrix"');
    expect(html).toContain('id="comparison"');
    expect(html).toContain('id="missing-links"');
  });

  test('when a round of one country is named, then 400', async () => {
    const round = await store.freezeRound({ name: 'Sweden only', country: 'SE' }, 'test');
    const res = await request(admin).get(`/api/reports/region?round=${round.id}`).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  test('when a round of the region is named, then the report is built from it', async () => {
    const round = await store.freezeRound({ name: 'Whole region', country: null }, 'test');
    const res = await request(admin).get(`/api/reports/region?format=json&round=${round.id}`).expect(200);
    expect(res.body).toMatchObject({ kind: 'region', basis: { round: { id: round.id, name: 'Whole region' } } });
  });

  test('when the format is unknown, then 400', async () => {
    await request(admin).get('/api/reports/region?format=docx').expect(400);
  });
});
