// The OpenAPI 3.1 document, generated from the same route table and zod schemas the API validates with.
// Named schemas go under components and are referenced with $ref (the entities as read, created and
// updated, the error body, ...); the rest of a route's schemas is named after its operation.
// Over 350 lines on purpose: parameters, responses and request bodies are parts of one document built from the same
// route table and Components registry; split, each part would need the registry and the $ref naming passed around.
import { z } from 'zod';
import { COUNTRY_SCOPED_RULES, rolesFor } from '../auth/permissions';
import { SESSION_COOKIE } from '../auth/sessions';
import { CountryCode, Id, IndicatorCode, KINDS, MapDocument } from '../model';
import { Report } from '../model/report';
import { STORE_RETRY_AFTER_SECONDS } from './errors';
import type { RouteDef } from './route';
import {
  Bool,
  ErrorBody,
  GraphResponse,
  HealthResponse,
  ITEM_VIEWS,
  ImportResponse,
  itemCreate,
  itemUpdate,
} from '../model/api';

type Json = Record<string, unknown>;
type Io = 'input' | 'output';
const SCHEMAS = '#/components/schemas/';
/** What ISO 3166-1 alpha-2 codes (and INT) look like; the server also checks the code is one that exists. */
const COUNTRY_PATTERN = '^(?:[A-Z]{2}|INT)$';

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The schemas named in components, by what they are for. */
function namedSchemas(): Array<[z.ZodType, string, Io | 'both']> {
  const named: Array<[z.ZodType, string, Io | 'both']> = [
    [ErrorBody, 'Error', 'output'],
    [CountryCode, 'CountryCode', 'both'],
    [Id, 'Id', 'both'],
    [IndicatorCode, 'IndicatorCode', 'both'],
    [MapDocument, 'MapDocument', 'output'],
    [MapDocument, 'MapDocumentUpload', 'input'],
    [ImportResponse, 'ImportResult', 'output'],
    [GraphResponse, 'Graph', 'output'],
    [HealthResponse, 'Health', 'output'],
    [Report, 'Report', 'output'],
  ];
  for (const kind of KINDS) {
    const name = pascal(kind);
    named.push(
      [ITEM_VIEWS[kind], name, 'output'],
      [itemCreate(kind), `${name}Create`, 'input'],
      [itemUpdate(kind), `${name}Update`, 'input'],
    );
  }
  return named;
}

/** Converts zod schemas to JSON Schema once per direction, collecting named ones under components. */
class Components {
  readonly schemas: Record<string, Json> = {};
  private readonly registries = { input: z.registry<{ id: string }>(), output: z.registry<{ id: string }>() };

  constructor() {
    for (const [schema, id, io] of namedSchemas()) {
      for (const which of io === 'both' ? (['input', 'output'] as const) : [io])
        this.registries[which].add(schema, { id });
    }
  }

  /** Names `schema` (unless it has a name) so that it lands under components. */
  name(schema: z.ZodType, io: Io, id: string): void {
    if (!this.registries[io].has(schema)) this.registries[io].add(schema, { id });
  }

  /** The JSON Schema of `schema`: a $ref when it is named, the named parts of it moved to components. */
  schema(schema: z.ZodType, io: Io, options: { body?: boolean } = {}): Json {
    const js = z.toJSONSchema(schema, {
      io,
      metadata: this.registries[io],
      unrepresentable: 'any',
      override: ({ zodSchema, jsonSchema }) => {
        const j = jsonSchema as Json;
        // `.describe()` writes to the global registry, which this conversion does not read.
        const description = z.globalRegistry.get(zodSchema)?.description;
        if (description && !j.description) j.description = description;
        // Yes/no query parameters arrive as the text true or false: to a client they are booleans.
        if (zodSchema === Bool || zodSchema === Bool.in) {
          for (const k of Object.keys(j)) delete j[k];
          j.type = 'boolean';
        }
        if (zodSchema === CountryCode) j.pattern = COUNTRY_PATTERN;
        // In a request body a default is what the server fills in for a field left out. Client generators read
        // `default` as "always present" (openapi-typescript makes such fields required), so bodies say it in words.
        if (options.body && j.default !== undefined) {
          const said = `Default when left out: ${JSON.stringify(j.default)}.`;
          j.description = typeof j.description === 'string' ? `${j.description} ${said}` : said;
          delete j.default;
        }
      },
    }) as Json;
    const defs = (js.$defs ?? {}) as Record<string, Json>;
    delete js.$defs;
    delete js.$schema;
    for (const [id, def] of Object.entries(defs)) {
      if (/^__schema\d+$/.test(id))
        throw new Error(`OpenAPI: a schema without a name is shared or recursive (${id}); name it in namedSchemas()`);
      const json = refsToComponents(def);
      const before = this.schemas[id];
      if (before && JSON.stringify(before) !== JSON.stringify(json)) {
        throw new Error(
          `OpenAPI: two different schemas are both named ${id} (one for requests, one for answers?): name them apart`,
        );
      }
      this.schemas[id] = json;
    }
    return refsToComponents(js);
  }
}

function refsToComponents(value: Json): Json {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', `"${SCHEMAS}`)) as Json;
}

function parameters(route: RouteDef, components: Components): object[] {
  const out: object[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const js = components.schema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      const { description, ...rest } = s;
      out.push({
        name,
        in: where,
        required: where === 'path' || (js.required ?? []).includes(name),
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  const query = route.query
    ? (components.schema(route.query, 'input') as { properties?: Record<string, unknown> })
    : {};
  if (query.properties && 'version' in query.properties) {
    out.push({
      name: 'If-Match',
      in: 'header',
      required: false,
      schema: { type: 'string', pattern: '^(?:W/)?"?[1-9][0-9]*"?$' },
      description: 'The version you read, as an alternative to ?version= (e.g. `If-Match: "3"`)',
    });
  }
  if (route.method === 'get') {
    out.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      schema: { type: 'string' },
      description: 'The ETag of an answer you hold: 304 (no body) when the answer would be the same bytes',
    });
  }
  return out;
}

const retryAfter = (description: string, required: boolean) => ({
  'Retry-After': { description, required, schema: { type: 'integer', minimum: 0 } },
});

/** The shared error answers, referenced from every operation that can give them. */
const ERROR_RESPONSES: Record<string, { status: number; description: string; headers?: object }> = {
  BadRequest: { status: 400, description: 'Invalid input: every problem names its field' },
  Unauthorized: {
    status: 401,
    description: `Not signed in (the ${SESSION_COOKIE} cookie is missing or expired), or a wrong username or password`,
  },
  Forbidden: {
    status: 403,
    description:
      "Signed in, but the role (or an ncp account's countries) does not allow it; or a write whose Origin is another site's",
  },
  NotFound: { status: 404, description: 'Not found' },
  Conflict: {
    status: 409,
    description:
      'Conflict: stale version (current holds the item as stored), existing key, dependants or last administrator',
  },
  PayloadTooLarge: { status: 413, description: 'The request body (or what an archive unpacks to) is over the limit' },
  UnsupportedMediaType: {
    status: 415,
    description: 'The body is of a type (or encoding) this route does not take, or not a spreadsheet at all',
  },
  TooManyRequests: {
    status: 429,
    description: 'Too many failed sign-ins: locked out for retryAfter seconds',
    headers: retryAfter('Seconds until signing in may be tried again', true),
  },
  InternalError: {
    status: 500,
    description: 'An unexpected error (code internal); the details are in the server log, never in the answer',
  },
  ServiceUnavailable: {
    status: 503,
    description: 'The store does not answer (e.g. Neo4j is down): try again later',
    headers: retryAfter(
      `Seconds to wait before trying again (${STORE_RETRY_AFTER_SECONDS}); absent when only the PDF renderer is missing`,
      false,
    ),
  },
};
const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

function operationId(route: RouteDef): string {
  return `${route.method}${route.path.replace(/[/:{}.-]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`;
}

function responses(route: RouteDef, components: Components): Json {
  const rule = route.access;
  const doc = route.doc ?? {};
  const ok = String(route.status ?? 200);
  const content: Record<string, object> = {};
  const okSchema = route.response ? components.schema(route.response, 'output') : undefined;
  if (okSchema && doc.json !== false) content['application/json'] = { schema: okSchema };
  if (!route.response && !doc.media)
    content['application/json'] = { schema: { type: 'object', description: 'An OpenAPI 3.1 document' } };
  for (const [type, kind] of Object.entries(doc.media ?? {})) {
    content[type] = {
      schema:
        kind === 'binary'
          ? { type: 'string', contentMediaType: type, format: 'binary' }
          : { type: 'string', contentMediaType: type },
    };
  }
  const headers: Record<string, object> = Object.fromEntries(
    Object.entries(doc.headers ?? {}).map(([name, description]) => [
      name,
      { description, required: true, schema: { type: 'string' } },
    ]),
  );
  if (route.method === 'get') {
    headers.ETag = {
      description:
        'A validator of this answer (strong for JSON answers): send it back in If-None-Match to get 304 while the answer is the same',
      required: false,
      schema: { type: 'string' },
    };
  }
  const out: Json = {
    [ok]: {
      description: route.status === 201 ? 'Created' : 'OK',
      ...(Object.keys(headers).length ? { headers } : {}),
      content,
    },
  };
  if (route.method === 'get') {
    out['304'] = {
      description: 'Not Modified: the answer is the one whose ETag the request sent in If-None-Match (no body)',
      headers: { ETag: { description: 'The same validator', required: false, schema: { type: 'string' } } },
    };
  }
  const statuses = new Set<number>([400, 404, 500, 503, ...(doc.statuses ?? [])]);
  if (rule !== 'public') statuses.add(401).add(403);
  if (route.method !== 'get') statuses.add(403).add(409);
  // Every write reads a body if one is sent (even a route that takes none): too large, or in an encoding it cannot read.
  if (route.body || route.method !== 'get') statuses.add(413).add(415);
  for (const [name, { status }] of Object.entries(ERROR_RESPONSES)) {
    if (!statuses.has(status)) continue;
    if (status === 503 && doc.unavailableBody && okSchema) {
      out[status] = {
        description: ERROR_RESPONSES.ServiceUnavailable!.description,
        headers: ERROR_RESPONSES.ServiceUnavailable!.headers,
        content: { 'application/json': { schema: { anyOf: [okSchema, { $ref: `${SCHEMAS}Error` }] } } },
      };
    } else {
      out[status] = errorRef(name);
    }
  }
  return out;
}

function requestBody(route: RouteDef, components: Components): Json | undefined {
  if (!route.body) return undefined;
  const content: Record<string, object> = {
    'application/json': { schema: components.schema(route.body, 'input', { body: true }) },
  };
  for (const type of route.bodyTypes ?? []) {
    content[type] = type.includes('yaml')
      ? { schema: { type: 'string', contentMediaType: type, description: 'The map document as YAML' } }
      : { schema: { type: 'string', contentMediaType: type, format: 'binary' } };
  }
  return { required: true, content };
}

export function buildOpenApi(routes: readonly RouteDef[], info: { version: string }): object {
  const components = new Components();
  // Schemas without a name of their own are named after their operation, so that every one is a component.
  for (const route of routes) {
    const id = pascal(operationId(route));
    if (route.response) components.name(route.response, 'output', `${id}Response`);
    if (route.body) components.name(route.body, 'input', `${id}Request`);
  }
  const paths: Record<string, Record<string, object>> = {};
  for (const route of routes) {
    const path = `/api${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const rule = route.access;
    const roles = rule ? rolesFor(rule) : 'anyone';
    const who =
      roles === 'anyone' ? (rule === 'public' ? 'anyone, without signing in' : 'anyone signed in') : roles.join(', ');
    const id = operationId(route);
    const body = requestBody(route, components);
    (paths[path] ??= {})[route.method] = {
      summary: route.summary,
      description: `Who may call it: ${who}${rule && COUNTRY_SCOPED_RULES.has(rule) ? ' (an ncp account only for its own countries)' : ''}.`,
      'x-access': rule,
      tags: [route.tag],
      operationId: id,
      ...(rule === 'public' ? { security: [] } : {}),
      parameters: parameters(route, components),
      ...(body ? { requestBody: body } : {}),
      responses: responses(route, components),
    };
  }
  const errorSchema = { $ref: `${SCHEMAS}Error` };
  components.schema(ErrorBody, 'output');
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Flow Atlas API',
      version: info.version,
      description:
        'Who holds which information on child trafficking in the Baltic Sea Region, and who shares it with whom.\n\n' +
        `Sign in with POST /api/auth/login: the answer sets the ${SESSION_COOKIE} cookie, which every other request must send back. ` +
        "Requests that change data (POST, PUT, DELETE) from a browser must come from the app's own origin (or one in ALLOWED_ORIGINS): " +
        "send no Origin header, or the server's own. An update replaces the whole item and names the version read " +
        '(version in the body, ?version= or If-Match); a stale version answers 409 with the item as stored.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The server this document was fetched from' }],
    security: [{ session: [] }],
    tags,
    paths,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The session cookie set by POST /api/auth/login (HttpOnly). Writes must also carry no foreign Origin.',
        },
      },
      schemas: components.schemas,
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([name, r]) => [
          name,
          {
            description: r.description,
            ...(r.headers ? { headers: r.headers } : {}),
            content: { 'application/json': { schema: errorSchema } },
          },
        ]),
      ),
    },
  };
}
