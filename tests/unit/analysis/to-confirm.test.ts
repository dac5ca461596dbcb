// The "to confirm" list on small hand-built maps whose answers are worked out by hand.
import { toConfirm } from '../../../server/analysis/evidence/to-confirm';
import type { Flow, MapDocument } from '../../../server/model';
import { smallMap } from '../../support/small-map';

/** The small map with its flows replaced, and interviews of xa-police (p), xa-ngo (n) and xa-ncp (c). */
function mapWith(flows: Array<Partial<Flow> & Pick<Flow, 'id' | 'from' | 'to'>>): MapDocument {
  const doc = smallMap();
  doc.interviews = [
    { id: 'i-p', date: '2026-01-10', stakeholder: 'xa-police', round: '2026' },
    { id: 'i-n', date: '2026-01-11', stakeholder: 'xa-ngo', round: '2026' },
    { id: 'i-c', date: '2026-01-12', stakeholder: 'xa-ncp', round: '2026' },
  ];
  doc.flows = flows.map((f) => ({
    indicators: [],
    basis: 'statutory',
    status: 'active',
    personDependent: false,
    evidence: [],
    confidence: 'reported',
    ...f,
  }));
  return doc;
}

const run = (doc: MapDocument, country = 'XA') => toConfirm(doc, country);
const line = (doc: MapDocument, id: string) => run(doc).items.find((i) => i.flow.id === id);

describe('to confirm', () => {
  test("when the evidence interviews only the flow's sender, then single_end reported by the sender", () => {
    const doc = mapWith([{ id: 'f', from: 'xa-police', to: 'xa-ncp', evidence: ['i-p'] }]);
    expect(line(doc, 'f')).toMatchObject({ reasons: ['single_end'], reportedBy: ['xa-police'] });
  });

  test('when the evidence interviews only the receiver, then single_end reported by the receiver', () => {
    const doc = mapWith([{ id: 'f', from: 'xa-police', to: 'xa-ncp', evidence: ['i-c'] }]);
    expect(line(doc, 'f')).toMatchObject({ reasons: ['single_end'], reportedBy: ['xa-ncp'] });
  });

  test('when both ends were interviewed in the evidence, then the flow is not listed', () => {
    const doc = mapWith([{ id: 'f', from: 'xa-police', to: 'xa-ncp', evidence: ['i-c', 'i-p'] }]);
    expect(run(doc).items).toEqual([]);
    expect(run(doc).counts).toEqual({ single_end: 0, assumed: 0, no_evidence: 0, total: 0 });
  });

  test('when both ends were interviewed but the flow is assumed, then it is listed as assumed only, reported by both', () => {
    const doc = mapWith([
      { id: 'f', from: 'xa-police', to: 'xa-ncp', evidence: ['i-p', 'i-c'], confidence: 'assumed' },
    ]);
    expect(line(doc, 'f')).toMatchObject({ reasons: ['assumed'], reportedBy: ['xa-police', 'xa-ncp'] });
  });

  test("when the only evidence is a third party's interview, then single_end reported by nobody", () => {
    // The NGO spoke of a flow from the police to the NCP: neither end has said so.
    const doc = mapWith([{ id: 'f', from: 'xa-police', to: 'xa-ncp', evidence: ['i-n'] }]);
    expect(line(doc, 'f')).toMatchObject({ reasons: ['single_end'], reportedBy: [] });
  });

  test('when a flow reported by one end is marked confirmed, then it is not listed; without evidence it still is', () => {
    const doc = mapWith([
      { id: 'one-end', from: 'xa-police', to: 'xa-ncp', evidence: ['i-p'], confidence: 'confirmed' },
      { id: 'bare', from: 'xa-police', to: 'xa-ncp', confidence: 'confirmed' },
    ]);
    expect(line(doc, 'one-end')).toBeUndefined();
    expect(line(doc, 'bare')).toMatchObject({ reasons: ['no_evidence'] });
  });

  test('when the evidence is empty, then no_evidence (not single_end), with assumed too when so', () => {
    const doc = mapWith([
      { id: 'a', from: 'xa-police', to: 'xa-ncp' },
      { id: 'b', from: 'xa-ngo', to: 'xa-ncp', confidence: 'assumed' },
    ]);
    expect(run(doc).items.map((i) => [i.flow.id, i.reasons, i.reportedBy])).toEqual([
      ['a', ['no_evidence'], []],
      ['b', ['assumed', 'no_evidence'], []],
    ]);
    expect(run(doc).counts).toEqual({ single_end: 0, assumed: 1, no_evidence: 2, total: 2 });
  });

  test('when a flow goes from a stakeholder to itself and it was interviewed, then it is not listed', () => {
    const doc = mapWith([{ id: 'loop', from: 'xa-police', to: 'xa-police', evidence: ['i-p'] }]);
    expect(run(doc).items).toEqual([]);
  });

  test('when flows touch other countries, then only those with an end in the country are listed, cross-border ones in both', () => {
    const doc = mapWith([
      { id: 'xa-only', from: 'xa-police', to: 'xa-ncp' },
      { id: 'border', from: 'xa-police', to: 'xb-police', evidence: ['i-p'] },
      { id: 'xb-only', from: 'xb-police', to: 'xb-ncp' },
    ]);
    expect(run(doc, 'XA').items.map((i) => i.flow.id)).toEqual(['border', 'xa-only']);
    expect(run(doc, 'XB').items.map((i) => i.flow.id)).toEqual(['border', 'xb-only']);
    expect(line(doc, 'border')).toMatchObject({ reasons: ['single_end'], reportedBy: ['xa-police'] });
  });

  test('when the small map is read for XA, then the counts add up per reason and the items keep the flows as given', () => {
    const doc = smallMap();
    doc.flows[0]!.confidence = 'reported'; // confirmed in the fixture, which would take it off the list
    const list = run(doc);
    // xa-f1: evidence xa-i1 interviews the NCP (its receiver); xa-f2: no evidence; xa-f3: assumed, xa-i1 is a third party's.
    expect(list.items.map((i) => `${i.flow.id}:${i.reasons.join('+')}:${i.reportedBy.join('+')}`)).toEqual([
      'xa-f1:single_end:xa-ncp',
      'xa-f2:no_evidence:',
      'xa-f3:single_end+assumed:',
    ]);
    expect(list.counts).toEqual({ single_end: 2, assumed: 1, no_evidence: 1, total: 3 });
    expect(list.items[0]!.flow).toBe(doc.flows[0]);
  });
});
