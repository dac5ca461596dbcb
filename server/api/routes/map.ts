// The map as a whole: countries with their summary, the graph of a country, import and export of map documents.
import { z } from 'zod';
import YAML from 'yaml';
import { ValidationError } from '../../errors';
import { CountryCode, MapDocument } from '../../model';
import type { GraphStore } from '../../store/port';
import { toGEXF, toGraphML } from '../../services/graph-formats';
import { countrySummaries, graphOf } from '../../services/graph-view';
import { defineRoute, type RouteDef } from '../route';
import { Bool, CountriesResponse, CountryQuery, GraphResponse, ImportResponse } from '../schemas';

export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** A request body as a document: JSON is parsed by Express; YAML arrives as text and is parsed here. */
export function documentFromBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return YAML.parse(body, { maxAliasCount: 100 });
  } catch (err) {
    const line = (err as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new ValidationError('the request body is not valid YAML', [
      { path: '(body)', message: `YAML syntax error${line ? ` at line ${line}` : ''}: ${(err as Error).message.split('\n')[0]}` },
    ]);
  }
}

export function mapRoutes(store: GraphStore, actorOf: (req: any) => string): RouteDef[] {
  return [
    defineRoute({
      method: 'get', path: '/countries', tag: 'Map', summary: 'Countries in the map, with NCP and counts',
      query: z.strictObject({}), response: CountriesResponse,
      handler: async () => ({ countries: await countrySummaries(store) }),
    }),
    defineRoute({
      method: 'get', path: '/graph', tag: 'Map',
      summary: 'Stakeholders and flows of a country (plus the cross-border ones touching it), or of the region',
      query: CountryQuery, response: GraphResponse,
      handler: async ({ query }) => graphOf(store, query.country),
    }),
    defineRoute({
      method: 'post', path: '/import', tag: 'Map',
      summary: 'Import a map document (JSON or YAML). merge updates and adds; replace also removes what the document lacks in its countries',
      query: z.strictObject({ mode: z.enum(['merge', 'replace']).default('merge'), dryRun: Bool.optional() }),
      body: MapDocument, validateBody: false, bodyTypes: YAML_TYPES, response: ImportResponse,
      handler: async ({ query, body, req }) => {
        if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0 && !req.is([...YAML_TYPES, 'application/json']))) {
          throw new ValidationError('send a map document as JSON (Content-Type: application/json) or YAML', [
            { path: '(body)', message: 'the request has no map document' },
          ]);
        }
        return store.importDocument(documentFromBody(body), { mode: query.mode, dryRun: query.dryRun ?? false, actor: actorOf(req) });
      },
    }),
    defineRoute({
      method: 'get', path: '/export', tag: 'Map',
      summary: 'Export the map (or one country) as a map document (json, yaml) or a graph for Gephi, yEd, Cytoscape (graphml, gexf)',
      query: z.strictObject({ country: CountryCode.optional(), format: z.enum(['json', 'yaml', 'graphml', 'gexf']).default('json') }),
      response: MapDocument,
      handler: async ({ query, res }) => {
        if (query.country) await store.get('country', query.country);
        const doc = await store.exportDocument({ country: query.country });
        const name = `flow-atlas-${query.country ?? 'region'}.${query.format}`;
        res.attachment(name);
        if (query.format === 'yaml') {
          res.type('application/yaml').send(YAML.stringify(doc));
        } else if (query.format === 'graphml' || query.format === 'gexf') {
          const all = query.country ? await store.list('stakeholder') : doc.stakeholders;
          res.type(query.format === 'graphml' ? 'application/graphml+xml' : 'application/gexf+xml')
            .send(query.format === 'graphml' ? toGraphML(doc, all) : toGEXF(doc, all));
        } else {
          res.type('application/json').send(`${JSON.stringify(doc, null, 2)}\n`);
        }
        return undefined;
      },
    }),
  ];
}
