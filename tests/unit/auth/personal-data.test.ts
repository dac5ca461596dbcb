// Personal data: what a viewer never receives (contacts, flows carrying personal data) and what every other role does.
import {
  isPersonalFlow,
  seesPersonalData,
  visibleDocument,
  visibleItem,
  visibleItems,
  visibleLists,
  visibleRound,
} from '../../../server/auth/personal-data';
import { ROLES, type Role, type SessionUser } from '../../../server/model/roles';
import {
  PersonalData,
  emptyDocument,
  type Flow,
  type MapDocument,
  type Round,
  type Stakeholder,
} from '../../../server/model';

const as = (role: Role): SessionUser => ({ username: role, role, countries: role === 'ncp' ? ['XA'] : [] });
const viewer = as('viewer');

const stakeholder = (id: string, contact?: Stakeholder['contact']): Stakeholder => ({
  id,
  name: id,
  country: 'XA',
  type: 'police',
  level: 'national',
  ncp: false,
  tags: [],
  ...(contact ? { contact } : {}),
});
const flow = (id: string, personalData?: Flow['personalData']): Flow => ({
  id,
  from: 'a',
  to: 'b',
  indicators: ['VIC-01'],
  basis: 'statutory',
  status: 'active',
  personDependent: false,
  evidence: [],
  confidence: 'reported',
  ...(personalData ? { personalData } : {}),
});

function doc(): MapDocument {
  return {
    ...emptyDocument(),
    stakeholders: [stakeholder('a', { email: 'office@a.example' }), stakeholder('b')],
    flows: [
      flow('f-none', 'none'),
      flow('f-unset'),
      flow('f-personal', 'personal'),
      flow('f-special', 'special_category'),
      flow('f-crime', 'criminal_offence'),
    ],
  };
}

describe('who sees personal data', () => {
  test('when the role is viewer or nobody is signed in, then no; every other role, yes', () => {
    expect(ROLES.filter((r) => seesPersonalData(as(r)))).toEqual(['admin', 'editor', 'ncp']);
    expect(seesPersonalData(undefined)).toBe(false);
  });

  test('when a flow is marked personal, special_category or criminal_offence, then it is personal; none or unset, not', () => {
    const personal = PersonalData.options.filter((level) => isPersonalFlow({ personalData: level }));
    expect(personal).toEqual(['personal', 'special_category', 'criminal_offence']);
    expect(isPersonalFlow({})).toBe(false);
  });
});

describe('stripping for a viewer', () => {
  test('when a viewer reads a stakeholder, then it comes without contact and the stored item is untouched', () => {
    const s = stakeholder('a', { email: 'office@a.example' });
    const shown = visibleItem('stakeholder', s, viewer);
    expect(shown).toEqual(stakeholder('a'));
    expect(shown).not.toHaveProperty('contact');
    expect(s.contact).toEqual({ email: 'office@a.example' });
  });

  test('when a viewer reads a personal flow, then it is hidden; other flows and kinds pass unchanged', () => {
    expect(visibleItem('flow', flow('f', 'special_category'), viewer)).toBeUndefined();
    expect(visibleItem('flow', flow('f', 'none'), viewer)).toEqual(flow('f', 'none'));
    const dataset = { id: 'd', personalData: 'criminal_offence' };
    expect(visibleItem('dataset', dataset, viewer)).toBe(dataset);
  });

  test('when a viewer gets a document, then no contact and only the flows without personal data remain', () => {
    const shown = visibleDocument(doc(), viewer);
    expect(shown.flows.map((f) => f.id)).toEqual(['f-none', 'f-unset']);
    expect(JSON.stringify(shown)).not.toContain('office@a.example');
    expect(shown.stakeholders.map((s) => s.id)).toEqual(['a', 'b']);
  });

  test('when a viewer gets lists read together, then stakeholders and flows are stripped and the other lists kept', () => {
    const lists = { stakeholder: doc().stakeholders, flow: doc().flows, interview: [{ id: 'i' }] };
    const shown = visibleLists(lists, viewer);
    expect(shown.flow.map((f) => f.id)).toEqual(['f-none', 'f-unset']);
    expect(shown.stakeholder.some((s) => 'contact' in s)).toBe(false);
    expect(shown.interview).toBe(lists.interview);
  });

  test('when a viewer gets a round, then its document is stripped and its summary kept', () => {
    const round: Round = {
      id: 'r1',
      name: 'baseline',
      country: 'XA',
      createdAt: '2026-01-01T00:00:00Z',
      createdBy: 'x',
      storeVersion: 3,
      counts: { stakeholders: 2, datasets: 0, flows: 5, reportingLines: 0, networks: 0, memberships: 0, interviews: 0 },
      document: doc(),
    };
    const shown = visibleRound(round, viewer);
    expect(shown.document.flows).toHaveLength(2);
    expect(shown).toMatchObject({ id: 'r1', counts: round.counts });
    expect(round.document.flows).toHaveLength(5);
  });
});

describe('every other role', () => {
  test('when an admin, editor or ncp reads, then contacts and every flow come through', () => {
    for (const role of ['admin', 'editor', 'ncp'] as const) {
      const user = as(role);
      expect(visibleDocument(doc(), user)).toEqual(doc());
      expect(visibleItems('flow', doc().flows, user)).toHaveLength(5);
      expect(visibleItem('stakeholder', stakeholder('a', { phone: '+46 10 123' }), user)?.contact).toEqual({
        phone: '+46 10 123',
      });
    }
  });
});
