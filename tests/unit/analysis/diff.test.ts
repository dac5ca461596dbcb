// Comparing map documents: items added, removed and changed (with their fields), and the change in a
// country's analyses, on the small two-country map with answers worked out by hand.
import { analysisDiff } from '../../../server/analysis/diff/analysis';
import { diffDocuments } from '../../../server/analysis/diff/documents';
import { emptyDocument, type MapDocument } from '../../../server/model';
import { catalogue } from '../../support/catalogue';
import { smallMap } from '../../support/small-map';

const keys = (list: Array<{ key: string }>) => list.map((x) => x.key);

describe('diffDocuments', () => {
  test('when the documents are equal, then every collection is empty', () => {
    const diff = diffDocuments(smallMap(), smallMap());
    for (const part of Object.values(diff)) expect(part).toEqual({ added: [], removed: [], changed: [] });
  });

  test('when items are added, removed and changed, then each is found by its key with the changed fields in schema order', () => {
    const before = smallMap();
    const after = smallMap();
    after.stakeholders.push({
      id: 'xa-hotline',
      name: 'XA Hotline',
      country: 'XA',
      type: 'hotline',
      level: 'national',
      ncp: false,
      tags: [],
    });
    after.datasets = after.datasets.filter((d) => d.id !== 'xa-d2');
    after.flows[1] = { ...after.flows[1]!, confidence: 'confirmed', basis: 'agreement', evidence: ['xa-i1'] };
    delete after.stakeholders[2]!.description;
    after.memberships[1] = { ...after.memberships[1]!, role: 'observer' };
    const frozen = JSON.stringify(before);

    const diff = diffDocuments(before, after);

    expect(diff.stakeholders.added).toEqual([{ key: 'xa-hotline', item: after.stakeholders[5] }]);
    expect(diff.stakeholders.changed).toEqual([
      { key: 'xa-ngo', before: before.stakeholders[2], after: after.stakeholders[2], fields: ['description'] },
    ]);
    expect(diff.datasets.removed).toEqual([{ key: 'xa-d2', item: before.datasets[1] }]);
    // Flow fields in the schema's order: ... basis ... evidence, confidence.
    expect(diff.flows.changed.map((c) => [c.key, c.fields])).toEqual([['xa-f2', ['basis', 'evidence', 'confidence']]]);
    expect(diff.memberships.changed.map((c) => [c.key, c.fields])).toEqual([['xa-ngo|xa-net', ['role']]]);
    expect(diff.flows.added).toEqual([]);
    expect(diff.countries).toEqual({ added: [], removed: [], changed: [] });
    expect(JSON.stringify(before)).toBe(frozen);
  });

  test('when a list only changes order, then it is changed (lists are ordered values)', () => {
    const after = smallMap();
    after.datasets[0]!.indicators = ['TRF-01', 'VIC-01'];
    expect(diffDocuments(smallMap(), after).datasets.changed.map((c) => c.fields)).toEqual([['indicators']]);
  });

  test('when many items are added, then they are sorted by key', () => {
    const after = smallMap();
    for (const id of ['xa-f9', 'xa-f5', 'xa-f7']) after.flows.push({ ...after.flows[0]!, id });
    expect(keys(diffDocuments(smallMap(), after).flows.added)).toEqual(['xa-f5', 'xa-f7', 'xa-f9']);
    expect(keys(diffDocuments(after, smallMap()).flows.removed)).toEqual(['xa-f5', 'xa-f7', 'xa-f9']);
  });
});

describe('analysisDiff', () => {
  // Three indicators: in XA, the police hold VIC-01 and TRF-01, the NGO holds VIC-05.
  const three = {
    indicators: catalogue.indicators.filter((i) => ['TRF-01', 'VIC-01', 'VIC-05'].includes(i.code)) as Array<{
      code: string;
      name: string;
      themes: string[];
    }>,
  };

  /** After: the police also pass TRF-01 to the NCP and the NGO passes VIC-05 to it directly. */
  function edited(): MapDocument {
    const doc = smallMap();
    doc.flows.push(
      {
        id: 'xa-f8',
        from: 'xa-police',
        to: 'xa-ncp',
        indicators: ['TRF-01'],
        basis: 'statutory',
        status: 'active',
        personDependent: false,
        evidence: [],
        confidence: 'reported',
      },
      {
        id: 'xa-f9',
        from: 'xa-ngo',
        to: 'xa-ncp',
        indicators: ['VIC-05'],
        basis: 'informal',
        status: 'active',
        personDependent: false,
        evidence: [],
        confidence: 'reported',
      },
    );
    return doc;
  }

  test('when new flows bring two indicators to the NCP, then exactly those statuses change, in catalogue order', () => {
    const { coverage } = analysisDiff(smallMap(), edited(), three, 'XA');
    // Before, only xa-f1 (VIC-01) reaches the NCP; TRF-01 and VIC-05 are held but do not reach it.
    expect(coverage.map((c) => [c.indicator, c.before, c.after])).toEqual(
      three.indicators
        .map((i) => i.code)
        .filter((c) => c !== 'VIC-01')
        .map((c) => [c, 'collected_not_reaching', 'reaches_ncp']),
    );
    expect(coverage[0]!.name).toBe(three.indicators.find((i) => i.code === coverage[0]!.indicator)!.name);
  });

  test('when new flows reach the NCP, then its metrics side by side show the change', () => {
    const { ncp } = analysisDiff(smallMap(), edited(), three, 'XA');
    const m = Object.fromEntries(ncp.map((x) => [x.metric, [x.before, x.after]]));
    // Country graph before: ngo -> police -> ncp. After: ngo -> police -> ncp and ngo -> ncp.
    expect(m.coverageRatio).toEqual([1 / 3, 1]);
    expect(m.referenceCoverage).toEqual([1 / 3, 1]);
    expect(m.indicatorsReceived).toEqual([1, 3]);
    expect(m.indicatorsHeld).toEqual([0, 0]);
    expect(m.inDegree).toEqual([1, 2]);
    expect(m.outDegree).toEqual([0, 0]);
    expect(m.reachIn1).toEqual([0.5, 1]);
    expect(m.reachIn2).toEqual([1, 1]);
    expect(m.betweenness).toEqual([0, 0]);
    expect(ncp.every((x) => x.label.length > 0)).toBe(true);
  });

  test('when one side has no NCP, then its statuses and metrics are null and the other side is still given', () => {
    const noNcp = smallMap();
    noNcp.stakeholders = noNcp.stakeholders.map((s) => (s.id === 'xa-ncp' ? { ...s, ncp: false } : s));
    const { coverage, ncp } = analysisDiff(noNcp, smallMap(), three, 'XA');
    expect(coverage.map((c) => [c.indicator, c.before, c.after])).toEqual(
      [
        ['TRF-01', null, 'collected_not_reaching'],
        ['VIC-01', null, 'reaches_ncp'],
        ['VIC-05', null, 'collected_not_reaching'],
      ].sort(
        (a, b) =>
          three.indicators.findIndex((i) => i.code === a[0]) - three.indicators.findIndex((i) => i.code === b[0]),
      ),
    );
    expect(ncp.every((x) => x.before === null)).toBe(true);
    expect(ncp.find((x) => x.metric === 'inDegree')!.after).toBe(1);
  });

  test('when the country is in neither document, then nothing changed and every metric is null on both sides', () => {
    const result = analysisDiff(emptyDocument(), smallMap(), three, 'XC');
    expect(result.coverage).toEqual([]);
    expect(result.ncp.every((x) => x.before === null && x.after === null)).toBe(true);
  });
});
