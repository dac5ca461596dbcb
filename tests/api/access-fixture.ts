// A small Nordic map for the access-control tests (SE, NO, DK): own-country, cross-border and foreign items,
// contacts, and flows carrying personal data; and an embedded store holding it.
import type { Express } from 'express';
import { createApp } from '../../server/app';
import type { MapDocument } from '../../server/model';
import { CoreGraphStore } from '../../server/store/core';
import type { GraphStore } from '../../server/store/port';
import { SqliteAdapter } from '../../server/store/sqlite/adapter';
import { signedIn } from '../support/auth';
import { catalogue } from '../support/catalogue';

/** What a viewer must never receive. */
export const CONTACTS = ['ncp@se.example', '+46 10 000 00 00', 'police@no.example'];
export const PERSONAL_FLOWS = ['se-fp', 'se-fs', 'se-dk', 'no-fc'];

export function nordicMap(): MapDocument {
  const flow = (id: string, from: string, to: string, extra: object = {}) => ({
    id,
    from,
    to,
    indicators: ['VIC-01'],
    basis: 'statutory' as const,
    status: 'active' as const,
    personDependent: false,
    evidence: [] as string[],
    confidence: 'reported' as const,
    ...extra,
  });
  return {
    formatVersion: 1,
    countries: [
      { code: 'SE', name: 'Sweden', euMember: true, cbssMember: true },
      { code: 'NO', name: 'Norway', euMember: false, cbssMember: true },
      { code: 'DK', name: 'Denmark', euMember: true, cbssMember: true },
    ],
    stakeholders: [
      {
        id: 'se-ncp',
        name: 'SE NCP',
        country: 'SE',
        type: 'ministry',
        level: 'national',
        ncp: true,
        tags: [],
        contact: { email: 'ncp@se.example' },
      },
      {
        id: 'se-police',
        name: 'SE Police',
        country: 'SE',
        type: 'police',
        level: 'national',
        ncp: false,
        tags: [],
        contact: { phone: '+46 10 000 00 00' },
      },
      { id: 'se-ngo', name: 'SE NGO', country: 'SE', type: 'ngo', level: 'local', ncp: false, tags: [] },
      { id: 'no-ncp', name: 'NO NCP', country: 'NO', type: 'child_welfare', level: 'national', ncp: true, tags: [] },
      {
        id: 'no-police',
        name: 'NO Police',
        country: 'NO',
        type: 'police',
        level: 'national',
        ncp: false,
        tags: [],
        contact: { email: 'police@no.example' },
      },
      { id: 'dk-police', name: 'DK Police', country: 'DK', type: 'police', level: 'national', ncp: false, tags: [] },
    ],
    datasets: [
      {
        id: 'se-d1',
        name: 'SE case register',
        holder: 'se-police',
        indicators: ['VIC-01'],
        granularity: 'case',
        frequency: 'continuous',
      },
      {
        id: 'no-d1',
        name: 'NO case register',
        holder: 'no-police',
        indicators: ['VIC-01'],
        granularity: 'case',
        frequency: 'continuous',
      },
    ],
    flows: [
      flow('se-f1', 'se-police', 'se-ncp', { evidence: ['se-i1'], personalData: 'none' }),
      flow('se-fp', 'se-ngo', 'se-police', { personalData: 'personal' }),
      flow('se-fs', 'se-police', 'se-ncp', { personalData: 'special_category', confidence: 'assumed' }),
      flow('x-f1', 'se-police', 'no-police', { basis: 'agreement' }),
      // The only flow between SE and DK carries personal data: a viewer's SE graph has no DK end.
      flow('se-dk', 'se-ngo', 'dk-police', { personalData: 'personal', basis: 'informal' }),
      // A Norwegian flow that a Swedish interview reported: deleting that interview reaches abroad.
      flow('no-f1', 'no-police', 'no-ncp', { evidence: ['se-i1'] }),
      flow('no-dk', 'no-police', 'dk-police'),
      flow('no-fc', 'no-police', 'no-ncp', { personalData: 'criminal_offence' }),
    ],
    reportingLines: [
      { id: 'se-r1', from: 'se-police', to: 'se-ncp', kind: 'hierarchy', evidence: [] },
      { id: 'no-r1', from: 'no-police', to: 'no-ncp', kind: 'hierarchy', evidence: [] },
    ],
    networks: [
      { id: 'se-net', name: 'SE task force', country: 'SE', kind: 'task_force' },
      { id: 'no-net', name: 'NO task force', country: 'NO', kind: 'task_force' },
    ],
    memberships: [
      { stakeholder: 'se-police', network: 'se-net', role: 'chair' },
      { stakeholder: 'no-police', network: 'se-net', role: 'observer' },
      { stakeholder: 'no-police', network: 'no-net', role: 'member' },
    ],
    interviews: [
      { id: 'se-i1', date: '2010-04-12', stakeholder: 'se-ncp', round: '2010' },
      { id: 'no-i1', date: '2010-05-02', stakeholder: 'no-ncp', round: '2010' },
    ],
  };
}

export async function nordicStore(): Promise<GraphStore> {
  const store = new CoreGraphStore(new SqliteAdapter(':memory:'));
  await store.init();
  await store.ensureCatalogue(catalogue, 'fixture');
  await store.importDocument(nordicMap(), { mode: 'merge', actor: 'fixture' });
  return store;
}

/** The Nordic store and one app on it, signed in as a viewer (viewer-1) and as an editor (editor-1). */
export async function nordicViewerAndEditor(): Promise<{ store: GraphStore; viewer: Express; editor: Express }> {
  const store = await nordicStore();
  const app = createApp({ store });
  const viewer = await signedIn(app, store, { role: 'viewer', username: 'viewer-1' });
  const editor = await signedIn(app, store, { role: 'editor', username: 'editor-1' });
  return { store, viewer, editor };
}
