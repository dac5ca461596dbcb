// The OpenAPI 3.1 document, generated from the same route table and zod schemas the API validates with.
import { z } from 'zod';
import { COUNTRY_SCOPED_RULES, rolesFor } from '../auth/permissions';
import type { RouteDef } from './route';
import { ErrorBody } from './schemas';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}

function parameters(route: RouteDef): object[] {
  const out: object[] = [];
  const add = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return;
    const js = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  return out;
}

export function buildOpenApi(routes: readonly RouteDef[], info: { version: string }): object {
  const paths: Record<string, Record<string, object>> = {};
  const error = { content: { 'application/json': { schema: jsonSchema(ErrorBody, 'output') } } };
  for (const route of routes) {
    const path = `/api${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
    const ok = String(route.status ?? 200);
    const rule = route.access;
    const roles = rule ? rolesFor(rule) : 'anyone';
    const who = roles === 'anyone' ? (rule === 'public' ? 'anyone, without signing in' : 'anyone signed in') : roles.join(', ');
    const operation: Record<string, unknown> = {
      summary: route.summary,
      description: `Who may call it: ${who}${rule && COUNTRY_SCOPED_RULES.has(rule) ? ' (an ncp account only for its own countries)' : ''}.`,
      'x-access': rule,
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[/:{}-]+(\w)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      parameters: parameters(route),
      responses: {
        [ok]: {
          description: 'OK',
          ...(route.response ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } } : {}),
        },
        400: { description: 'Invalid input: every problem names its field', ...error },
        ...(rule === 'public' ? {} : {
          401: { description: 'Not signed in (the fa_session cookie is missing or expired)', ...error },
          403: { description: 'Signed in, but the role (or an ncp account\'s countries) does not allow it', ...error },
        }),
        404: { description: 'Not found', ...error },
        ...(route.method === 'get' ? {} : { 409: { description: 'Conflict: stale version, existing key or dependants', ...error } }),
      },
    };
    if (route.body) {
      const content: Record<string, object> = { 'application/json': { schema: jsonSchema(route.body, 'input') } };
      for (const type of route.bodyTypes ?? []) content[type] = { schema: { type: 'string' } };
      operation.requestBody = { required: true, content };
    }
    (paths[path] ??= {})[route.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Flow Atlas API',
      version: info.version,
      description: 'Who holds which information on child trafficking in the Baltic Sea Region, and who shares it with whom.',
    },
    paths,
  };
}
