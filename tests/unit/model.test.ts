// Document-level validation of the model: every kind of problem, named by item and field.
import { MapDocument, Stakeholder, isCountryCode, sectorOf, validateDocument, type Problem } from '../../server/model';
import { catalogue } from '../support/catalogue';
import { smallMap } from '../support/small-map';

const ctx = { indicators: new Set(catalogue.indicators.map((i) => i.code)) };
const problems = (doc: unknown): Problem[] => {
  const r = validateDocument(doc, ctx);
  return r.ok ? [] : r.problems;
};
const brief = (ps: Problem[]) => ps.map((p) => `${p.kind}:${p.id}:${p.field}`).sort();

describe('validateDocument', () => {
  test('when the fixture is validated, then it passes and defaults are applied', () => {
    const r = validateDocument(
      { formatVersion: 1, stakeholders: [], countries: [{ code: 'XA', name: 'A', euMember: true, cbssMember: false }] },
      ctx,
    );
    expect(r.ok).toBe(true);
    expect(r.ok && r.document.flows).toEqual([]);
    expect(problems(smallMap())).toEqual([]);
  });

  test('when ids repeat within a kind, then each repeat is named; the same id in two kinds is fine', () => {
    const doc = smallMap();
    doc.flows.push({ ...doc.flows[0]! });
    doc.memberships.push({ ...doc.memberships[0]!, role: 'member' });
    doc.networks.push({ id: 'xa-f1', name: 'Same id as a flow', country: 'XA', kind: 'other' });
    expect(brief(problems(doc))).toEqual(['flow:xa-f1:id', 'membership:xa-police|xa-net:stakeholder+network']);
  });

  test('when references dangle, then each names the item and the field', () => {
    const doc = smallMap();
    doc.datasets[0]!.holder = 'ghost';
    doc.memberships[0]!.network = 'no-net';
    doc.interviews[0]!.stakeholder = 'nobody';
    doc.flows[1]!.evidence = ['no-interview'];
    doc.reportingLines[0]!.to = 'void';
    doc.stakeholders[1]!.country = 'XC';
    expect(brief(problems(doc))).toEqual([
      'dataset:xa-d1:holder',
      'flow:xa-f2:evidence',
      'interview:xa-i1:stakeholder',
      'membership:xa-police|no-net:network',
      'reportingLine:xa-r1:to',
      'stakeholder:xa-police:country',
    ]);
  });

  test('when references point into the store, then they resolve through the context', () => {
    const doc = {
      formatVersion: 1,
      flows: [{ id: 'f', from: 'a', to: 'b', indicators: ['VIC-01'], basis: 'informal' }],
    };
    expect(brief(problems(doc))).toEqual(['flow:f:from', 'flow:f:to']);
    const r = validateDocument(doc, { ...ctx, existing: { stakeholder: new Set(['a', 'b']) } });
    expect(r.ok).toBe(true);
  });

  test('when indicator codes are unknown, then each is named with its position', () => {
    const doc = smallMap();
    doc.datasets[1]!.indicators = ['VIC-05', 'VIC-99'];
    doc.flows[0]!.indicators = ['XYZ-01'];
    const ps = problems(doc);
    expect(ps.map((p) => p.path).sort()).toEqual(['datasets[1].indicators[1]', 'flows[0].indicators[0]']);
    expect(ps[0]!.message).toMatch(/unknown indicator code/);
  });

  test('when a country has two NCPs, or the store already has one, then the second is named', () => {
    const doc = smallMap();
    doc.stakeholders[1]!.ncp = true;
    expect(brief(problems(doc))).toEqual(['stakeholder:xa-police:ncp']);
    const other = smallMap();
    const r = validateDocument(other, { ...ctx, existingNcps: new Map([['XA', ['xa-old-ncp']]]) });
    expect(r.ok ? [] : brief(r.problems)).toEqual(['stakeholder:xa-ncp:ncp']);
    const redefined = validateDocument(other, { ...ctx, existingNcps: new Map([['XA', ['xa-ncp']]]) });
    expect(redefined.ok).toBe(true);
  });

  test('when shapes are wrong, then types, enums, unknown fields and formats are all reported', () => {
    const ps = problems({
      formatVersion: 2,
      countries: [{ code: 'SWE', name: '', euMember: 1, cbssMember: true }],
      stakeholders: [{ id: 'has space', name: 'x', country: 'XA', type: 'police', level: 'galactic', nickname: 'p' }],
      interviews: [{ id: 'i', date: '2010-13-01', stakeholder: 'x', round: '2010' }],
      extra: [],
    });
    const paths = ps.map((p) => p.path).sort();
    expect(paths).toEqual([
      'countries[0].code',
      'countries[0].euMember',
      'countries[0].name',
      'extra',
      'formatVersion',
      'interviews[0].date',
      'stakeholders[0].id',
      'stakeholders[0].level',
      'stakeholders[0].nickname',
    ]);
    expect(ps.find((p) => p.path === 'stakeholders[0].nickname')).toMatchObject({
      kind: 'stakeholder',
      id: 'has space',
      field: 'nickname',
      message: 'unknown field',
    });
  });

  test('when the document is not an object, then one clear problem', () => {
    expect(problems([1, 2])).toEqual([expect.objectContaining({ path: '(document)' })]);
    expect(problems(null)).toHaveLength(1);
  });
});

describe('vocabulary', () => {
  test('when a type is given, then its sector follows the table', () => {
    expect(sectorOf('guardianship_authority')).toBe('justice');
    expect(sectorOf('barnahus')).toBe('child_protection');
    expect(sectorOf('ncp_office')).toBe('governance');
    expect(sectorOf('frontex')).toBe('international');
  });

  test('when country codes are checked, then ISO, user-assigned and INT pass, others fail', () => {
    for (const ok of ['SE', 'DE', 'XA', 'XZ', 'QM', 'ZZ', 'INT']) expect(isCountryCode(ok)).toBe(true);
    for (const bad of ['se', 'SWE', 'AB', 'QA1', '', 'EU']) expect(isCountryCode(bad)).toBe(false);
  });

  test('when a stakeholder omits optional fields, then the defaults of DOMAIN.md apply', () => {
    expect(Stakeholder.parse({ id: 'a', name: 'A', country: 'SE', type: 'ngo' })).toEqual({
      id: 'a',
      name: 'A',
      country: 'SE',
      type: 'ngo',
      level: 'national',
      ncp: false,
      tags: [],
    });
    const flow = MapDocument.parse({
      formatVersion: 1,
      flows: [{ id: 'f', from: 'a', to: 'b', indicators: [], basis: 'agreement' }],
    }).flows[0];
    expect(flow).toMatchObject({ status: 'active', confidence: 'reported', personDependent: false, evidence: [] });
  });

  test('when an office contact is given, then e-mail and URL must be well-formed', () => {
    expect(
      Stakeholder.safeParse({ id: 'a', name: 'A', country: 'SE', type: 'ngo', contact: { email: 'not-an-email' } })
        .success,
    ).toBe(false);
    expect(
      Stakeholder.safeParse({
        id: 'a',
        name: 'A',
        country: 'SE',
        type: 'ngo',
        contact: { url: 'https://office.example/thb' },
      }).success,
    ).toBe(true);
  });
});
