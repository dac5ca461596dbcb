// Personal data: what a `viewer` never receives (stakeholders' contact, flows carrying personal data), stripped
// in this one place from every item, list, graph input and map document the API hands out. Other roles see all.
import type { Kind, MapDocument, PersonalData, Round } from '../model';
import type { SessionUser } from '../model/roles';

/** The `personalData` values that make a flow personal data (everything but `none` and unset). */
export const PERSONAL_LEVELS: ReadonlySet<PersonalData> = new Set<PersonalData>([
  'personal',
  'special_category',
  'criminal_offence',
]);

/** Whether the user may see contact fields and flows carrying personal data (everyone signed in but a viewer). */
export function seesPersonalData(user: SessionUser | undefined): boolean {
  return user !== undefined && user.role !== 'viewer';
}

export function isPersonalFlow(flow: { personalData?: string | undefined }): boolean {
  return flow.personalData !== undefined && PERSONAL_LEVELS.has(flow.personalData as PersonalData);
}

/** A stakeholder without its contact field. */
export function withoutContact<T extends object>(stakeholder: T): T {
  if (!('contact' in stakeholder)) return stakeholder;
  const { contact: _contact, ...rest } = stakeholder as T & { contact?: unknown };
  return rest as T;
}

/** An item as the user may see it: unchanged, without its contact, or undefined when hidden (a personal flow). */
export function visibleItem<T extends object>(kind: Kind, item: T, user: SessionUser | undefined): T | undefined {
  if (seesPersonalData(user)) return item;
  if (kind === 'stakeholder') return withoutContact(item);
  if (kind === 'flow' && isPersonalFlow(item)) return undefined;
  return item;
}

/** The items of a list the user may see, each as it may see it. */
export function visibleItems<T extends object>(kind: Kind, items: readonly T[], user: SessionUser | undefined): T[] {
  if (seesPersonalData(user)) return [...items];
  return items.flatMap((item) => {
    const shown = visibleItem(kind, item, user);
    return shown ? [shown] : [];
  });
}

/**
 * Lists of several kinds read together (store.listMany, the input of the graph and of the to-confirm list),
 * stripped for the user before anything is computed from them.
 */
export function visibleLists<L extends { stakeholder?: readonly object[]; flow?: readonly object[] }>(
  lists: L,
  user: SessionUser | undefined,
): L {
  if (seesPersonalData(user)) return lists;
  return {
    ...lists,
    ...(lists.stakeholder ? { stakeholder: visibleItems('stakeholder', lists.stakeholder, user) } : {}),
    ...(lists.flow ? { flow: visibleItems('flow', lists.flow, user) } : {}),
  };
}

/** A map document as the user may receive it (exports in every format, rounds). Nothing refers to a flow, so it stays whole. */
export function visibleDocument(doc: MapDocument, user: SessionUser | undefined): MapDocument {
  if (seesPersonalData(user)) return doc;
  return {
    ...doc,
    stakeholders: visibleItems('stakeholder', doc.stakeholders, user),
    flows: visibleItems('flow', doc.flows, user),
  };
}

export function visibleRound(round: Round, user: SessionUser | undefined): Round {
  return seesPersonalData(user) ? round : { ...round, document: visibleDocument(round.document, user) };
}
