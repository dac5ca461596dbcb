// CRUD routes for every entity kind: list (with filters), get, create, update and delete, with
// optimistic versions (`version` in the body or `?version=` / If-Match) and cascade on delete.
// Reads are open to every role; writes need 'edit' (the catalogue kinds: 'catalogue'). Each kind's path
// (model/api-paths.ts) and list answer (model/api-items.ts) are the ones the client uses.
import type { Request } from 'express';
import { z } from 'zod';
import { ConflictError, ValidationError } from '../../errors';
import {
  CATALOGUE_RECORD_KINDS,
  CountryCode,
  Id,
  IndicatorCode,
  KIND_SPECS,
  Sector,
  StakeholderTypeSchema,
  ThemeCode,
  FlowStatus,
  sectorOf,
  type Kind,
  type Stored,
} from '../../model';
import type { GraphStore } from '../../store/port';
import { EntityService } from '../../services/entities';
import { defineRoute, type RouteDef } from '../route';
import { Bool, DeleteResponse, ITEM_VIEWS, VersionParam, itemCreate, itemUpdate } from '../../model/api';
import { ENTITY_PATHS } from '../../model/api-paths';
import { itemsResponse } from '../../model/api-items';

/** The list filters of every kind, as parsed from the query (each kind's `filters` names its own). */
interface Filters {
  country?: string;
  type?: string;
  sector?: string;
  ncp?: boolean;
  stakeholder?: string;
  indicator?: string;
  status?: string;
  network?: string;
  round?: string;
  theme?: string;
}

interface KindRouteOf<K extends Kind> {
  kind: K;
  tag: string;
  filters: z.ZodRawShape;
  /** Whether an item passes the filters other than `country` (which the store applies). */
  matches?: (row: Stored<K>, q: Filters) => boolean;
  list?: boolean;
}
type KindRoute = KindRouteOf<Kind>;

/** A kind's routes with `matches` typed for its own items (the list only ever hands it items of that kind). */
function kindRoute<K extends Kind>(r: KindRouteOf<K>): KindRoute {
  const { matches } = r;
  return { ...r, matches: matches && ((row, q) => matches(row as unknown as Stored<K>, q)) };
}

const either = (row: { from: string; to: string }, id?: string) => !id || row.from === id || row.to === id;

export const KIND_ROUTES: readonly KindRoute[] = [
  kindRoute({
    kind: 'stakeholder',
    tag: 'Stakeholders',
    filters: { type: StakeholderTypeSchema.optional(), sector: Sector.optional(), ncp: Bool.optional() },
    matches: (s, q) =>
      (!q.type || s.type === q.type) &&
      (!q.sector || sectorOf(s.type) === q.sector) &&
      (q.ncp === undefined || s.ncp === q.ncp),
  }),
  kindRoute({
    kind: 'dataset',
    tag: 'Datasets',
    filters: { stakeholder: Id.optional(), indicator: IndicatorCode.optional() },
    matches: (d, q) =>
      (!q.stakeholder || d.holder === q.stakeholder) && (!q.indicator || d.indicators.includes(q.indicator)),
  }),
  kindRoute({
    kind: 'flow',
    tag: 'Flows',
    filters: { stakeholder: Id.optional(), indicator: IndicatorCode.optional(), status: FlowStatus.optional() },
    matches: (f, q) =>
      either(f, q.stakeholder) &&
      (!q.indicator || f.indicators.includes(q.indicator)) &&
      (!q.status || f.status === q.status),
  }),
  kindRoute({
    kind: 'reportingLine',
    tag: 'Reporting lines',
    filters: { stakeholder: Id.optional() },
    matches: (r, q) => either(r, q.stakeholder),
  }),
  kindRoute({ kind: 'network', tag: 'Networks', filters: {} }),
  kindRoute({
    kind: 'membership',
    tag: 'Memberships',
    filters: { stakeholder: Id.optional(), network: Id.optional() },
    matches: (m, q) => (!q.stakeholder || m.stakeholder === q.stakeholder) && (!q.network || m.network === q.network),
  }),
  kindRoute({
    kind: 'interview',
    tag: 'Interviews',
    filters: { stakeholder: Id.optional(), round: z.string().max(60).optional() },
    matches: (i, q) => (!q.stakeholder || i.stakeholder === q.stakeholder) && (!q.round || i.round === q.round),
  }),
  kindRoute({ kind: 'country', tag: 'Countries', filters: {}, list: false }),
  kindRoute({ kind: 'theme', tag: 'Reference catalogue', filters: {} }),
  kindRoute({
    kind: 'indicator',
    tag: 'Reference catalogue',
    filters: { theme: ThemeCode.optional() },
    matches: (i, q) => !q.theme || i.themes.includes(q.theme),
  }),
];

const CATALOGUE = CATALOGUE_RECORD_KINDS;

/** Fields a client may send back from a read that are not part of the entity. */
const READ_ONLY = ['version', 'updatedAt', 'updatedBy', 'sector'];

export function present(kind: Kind, row: Stored<Kind>) {
  return kind === 'stakeholder' ? { ...row, sector: sectorOf((row as Stored<'stakeholder'>).type) } : row;
}

/** Runs a write; a version conflict's `current` is shown as a read would show it (with the stakeholder's sector). */
async function presentingConflicts<T>(kind: Kind, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof ConflictError && err.details.current && typeof err.details.current === 'object') {
      throw new ConflictError(
        err.message,
        { ...err.details, current: present(kind, err.details.current as Stored<Kind>) },
        err.code,
      );
    }
    throw err;
  }
}

function keyParams(kind: Kind) {
  const fields = KIND_SPECS[kind].keyFields;
  const shape = Object.fromEntries(
    fields.map((f) => [f, kind === 'country' ? CountryCode : CATALOGUE.has(kind) ? z.string().max(40) : Id]),
  );
  return {
    schema: z.strictObject(shape),
    pattern: fields.map((f) => `:${f}`).join('/'),
    key: (p: Record<string, string>) => fields.map((f) => p[f]).join('|'),
  };
}

/** The expected version: from the body's `version`, `?version=` or an If-Match header. */
function expectedVersion(fromBody: unknown, query: { version?: number }, ifMatch: string | undefined): number {
  const candidates = [fromBody, query.version, ifMatch?.replace(/^W\//, '').replace(/"/g, '')].filter(
    (v) => v !== undefined && v !== '',
  );
  const parsed = VersionParam.safeParse(candidates[0]);
  if (!parsed.success) {
    throw new ValidationError('the expected version is required (version in the body, ?version= or If-Match)', [
      {
        path: 'version',
        field: 'version',
        message: candidates.length ? 'must be a whole number, 1 or more' : 'is required',
      },
    ]);
  }
  return parsed.data;
}

function splitBody(body: unknown): { entity: unknown; version: unknown } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { entity: body, version: undefined };
  const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const version = copy.version;
  for (const f of READ_ONLY) delete copy[f];
  return { entity: copy, version };
}

export function entityRoutes(store: GraphStore, actorOf: (req: Request) => string): RouteDef[] {
  const entities = new EntityService(store);
  return KIND_ROUTES.flatMap((r) => {
    const write = CATALOGUE.has(r.kind) ? ('catalogue' as const) : ('edit' as const);
    const spec = KIND_SPECS[r.kind];
    const item = ITEM_VIEWS[r.kind];
    const { schema: params, pattern, key } = keyParams(r.kind);
    const path = ENTITY_PATHS[r.kind];
    const itemPath = `/${path}/${pattern}`;
    const routes: RouteDef[] = [];
    if (r.list !== false) {
      routes.push(
        defineRoute({
          method: 'get',
          path: `/${path}`,
          tag: r.tag,
          summary: `List ${spec.collection}`,
          access: 'read',
          query: z.strictObject({ country: CountryCode.optional(), ...r.filters }),
          response: itemsResponse(r.kind),
          handler: async ({ query, user }) => {
            const q = query as Filters;
            const rows = await entities.list(r.kind, { country: q.country }, user);
            return { items: rows.filter((row) => !r.matches || r.matches(row, q)).map((row) => present(r.kind, row)) };
          },
        }),
      );
    }
    routes.push(
      defineRoute({
        method: 'get',
        path: itemPath,
        tag: r.tag,
        summary: `Get one ${r.kind}`,
        params,
        response: item,
        access: 'read',
        handler: async ({ params: p, user }) =>
          present(r.kind, await entities.get(r.kind, key(p as Record<string, string>), user)),
      }),
      defineRoute({
        method: 'post',
        path: `/${path}`,
        tag: r.tag,
        summary: `Create a ${r.kind}`,
        status: 201,
        access: write,
        body: itemCreate(r.kind),
        validateBody: false,
        response: item,
        doc: { headers: { Location: `The new ${r.kind}'s address` } },
        handler: async ({ body, req, res, user }) => {
          const created = await entities.create(r.kind, splitBody(body).entity, user, actorOf(req));
          res.location(
            `/api/${path}/${encodeURIComponent(key(created as unknown as Record<string, string>)).replace('%7C', '/')}`,
          );
          return present(r.kind, created);
        },
      }),
      defineRoute({
        method: 'put',
        path: itemPath,
        tag: r.tag,
        summary: `Update a ${r.kind} (give the version you read)`,
        params,
        query: z.strictObject({ version: VersionParam.optional() }),
        access: write,
        body: itemUpdate(r.kind),
        validateBody: false,
        response: item,
        handler: async ({ params: p, query, body, req, user }) => {
          const { entity, version } = splitBody(body);
          const expected = expectedVersion(version, query, req.get('if-match'));
          return present(
            r.kind,
            await presentingConflicts(r.kind, () =>
              entities.update(r.kind, key(p as Record<string, string>), entity, expected, user, actorOf(req)),
            ),
          );
        },
      }),
      defineRoute({
        method: 'delete',
        path: itemPath,
        tag: r.tag,
        summary: `Delete a ${r.kind} (?cascade=true takes its dependants too)`,
        params,
        query: z.strictObject({ version: VersionParam.optional(), cascade: Bool.optional() }),
        response: DeleteResponse,
        access: write,
        handler: async ({ params: p, query, req, user }) => {
          const expected = expectedVersion(undefined, query, req.get('if-match'));
          return presentingConflicts(r.kind, () =>
            entities.delete(r.kind, key(p as Record<string, string>), expected, user, actorOf(req), {
              cascade: query.cascade ?? false,
            }),
          );
        },
      }),
    );
    return routes;
  });
}
