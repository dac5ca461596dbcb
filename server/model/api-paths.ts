// Where each kind of item lives in the API (`/api/<path>`, `/api/<path>/<id>`; a membership at
// `/api/memberships/<stakeholder>/<network>`): the entity routes (server/api/routes/entities.ts) and the
// client's edit forms share this table. Plain constants: the client bundles it without zod.
import type { Kind } from './kinds';

export const ENTITY_PATHS = {
  country: 'countries',
  theme: 'themes',
  indicator: 'indicators',
  stakeholder: 'stakeholders',
  dataset: 'datasets',
  flow: 'flows',
  reportingLine: 'reporting-lines',
  network: 'networks',
  membership: 'memberships',
  interview: 'interviews',
} as const satisfies Record<Kind, string>;

/** The path of one item: its kind's path and its key (a membership's two ends). */
export function entityPath(kind: Kind, item: Readonly<Record<string, unknown>>): string {
  const enc = (v: unknown) => encodeURIComponent(String(v));
  if (kind === 'membership') return `/api/${ENTITY_PATHS.membership}/${enc(item.stakeholder)}/${enc(item.network)}`;
  return `/api/${ENTITY_PATHS[kind]}/${enc(item.id)}`;
}
