// The map as a whole: countries with their summary, the graph of a country, import and export of map
// documents (JSON, YAML) and spreadsheets (XLSX, a ZIP of CSV files, one CSV), and the spreadsheet template.
// Everything here is 'read' but the import ('import'); a viewer's graph and exports carry no personal data.
import { z } from 'zod';
import YAML from 'yaml';
import type { Request } from 'express';
import { ValidationError } from '../../errors';
import { CountryCode, MapDocument, OnConflict, emptyDocument, stripMetaOf } from '../../model';
import type { GraphStore } from '../../store/port';
import { seesPersonalData, visibleDocument, visibleItems } from '../../auth/personal-data';
import type { SessionUser } from '../../model/roles';
import { ExportCache, type RenderedFile } from '../../services/exports';
import { GexfVersion, toGEXF, toGraphML } from '../../services/graph-formats';
import { MapView } from '../../services/graph-view';
import { importDocumentAs, importSpreadsheetAs } from '../../services/imports';
import {
  SHEETS, UnsupportedMediaTypeError, toCsvZip, toXlsx, type UploadFormat,
} from '../../tabular';
import { parseYamlOffThread } from '../../tabular/off-thread';
import { defineRoute, type RouteDef } from '../route';
import { Bool, CountriesResponse, CountryQuery, GraphResponse, ImportResponse } from '../../model/api';

export { UPLOAD_LIMIT_BYTES } from '../../tabular';
export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Browsers label uploads by extension and platform: a ZIP may come as x-zip-compressed, and on Windows a
// .csv as vnd.ms-excel. What the bytes are is decided when they are read (a .xls gets a clear message).
const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/x-zip'];
const CSV_TYPES = ['text/csv', 'application/csv', 'application/vnd.ms-excel'];
const OCTET = 'application/octet-stream';
/** The request body types read as raw bytes (spreadsheets). */
export const SPREADSHEET_TYPES = [XLSX_TYPE, ...ZIP_TYPES, ...CSV_TYPES, OCTET];
const DOCUMENT_TYPES = ['application/json', ...YAML_TYPES];

function mediaType(req: Request): string | undefined {
  return req.get('content-type')?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** The spreadsheet format a request says it sends, or undefined for a map document. */
function spreadsheetFormat(type: string | undefined, sheet: string | undefined): UploadFormat | undefined {
  if (type === XLSX_TYPE) return 'xlsx';
  if (type && ZIP_TYPES.includes(type)) return 'zip';
  if (type && CSV_TYPES.includes(type)) return 'csv';
  if (type === OCTET) return sheet ? 'csv' : 'zip';
  return undefined;
}

async function catalogueOf(store: GraphStore) {
  return (await store.list('indicator')).map(stripMetaOf);
}

/** A request body as a document: JSON is parsed by Express; YAML arrives as text and is parsed in the upload worker. */
export async function documentFromBody(body: unknown): Promise<unknown> {
  return typeof body === 'string' ? parseYamlOffThread(body) : body;
}

export function mapRoutes(store: GraphStore, actorOf: (req: any) => string): RouteDef[] {
  const view = new MapView(store);
  const exportFiles = new ExportCache(store);

  /** The export file of a scope, format and visibility (what ExportCache keeps per store version). */
  async function renderExport(
    query: { country?: string | undefined; format: 'json' | 'yaml' | 'xlsx' | 'csv' | 'graphml' | 'gexf'; gexfVersion: GexfVersion },
    user: SessionUser | undefined,
  ): Promise<RenderedFile> {
    if (query.country) await store.get('country', query.country);
    // The formats that can be imported again carry each item's version and the store version (DOMAIN.md).
    const versions = query.format !== 'graphml' && query.format !== 'gexf';
    const doc = visibleDocument(await store.exportDocument({ country: query.country }, { versions }), user);
    const stem = `flow-atlas-${query.country ?? 'region'}`;
    const filename = query.format === 'csv' ? `${stem}-csv.zip` : `${stem}.${query.format}`;
    switch (query.format) {
      case 'xlsx':
        return { filename, type: XLSX_TYPE, body: Buffer.from(await toXlsx(doc, await catalogueOf(store))) };
      case 'csv':
        return { filename, type: 'application/zip', body: Buffer.from(toCsvZip(doc, await catalogueOf(store))) };
      case 'yaml':
        return { filename, type: 'application/yaml', body: Buffer.from(YAML.stringify(doc)) };
      case 'graphml':
      case 'gexf': {
        const all = query.country ? visibleItems('stakeholder', await store.list('stakeholder'), user) : doc.stakeholders;
        return query.format === 'graphml'
          ? { filename, type: 'application/graphml+xml', body: Buffer.from(toGraphML(doc, all)) }
          : { filename, type: 'application/gexf+xml', body: Buffer.from(toGEXF(doc, all, { version: query.gexfVersion })) };
      }
      default:
        return { filename, type: 'application/json', body: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`) };
    }
  }
  return [
    defineRoute({
      method: 'get', path: '/countries', tag: 'Map', summary: 'Countries in the map, with NCP and counts',
      query: z.strictObject({}), response: CountriesResponse, access: 'read',
      handler: async () => ({ countries: await view.countries() }),
    }),
    defineRoute({
      method: 'get', path: '/graph', tag: 'Map',
      summary: 'Stakeholders and flows of a country (plus the cross-border ones touching it), or of the region',
      query: CountryQuery, response: GraphResponse, access: 'read',
      handler: async ({ query, user }) => view.graph(query.country, user),
    }),
    defineRoute({
      method: 'post', path: '/import', tag: 'Map',
      summary: 'Import a map document (JSON or YAML) or a spreadsheet (XLSX, a ZIP of CSV files, or one CSV named by `sheet`). '
        + 'merge updates and adds; replace also removes what the file lacks in its countries; dryRun=true previews (writes nothing). '
        + 'An item whose version in the file is older than the stored one is merged field by field; a field changed on both sides '
        + 'is a conflict, listed, which keeps the stored value unless onConflict=overwrite. Replace keeps what was created or changed '
        + 'after the file\'s storeVersion. '
        + 'Spreadsheet problems name their sheet, row, column and cell.',
      query: z.strictObject({
        mode: z.enum(['merge', 'replace']).default('merge'), dryRun: Bool.optional(), onConflict: OnConflict.default('keep'),
        sheet: z.enum(SHEETS.map((s) => s.collection) as [string, ...string[]]).optional(),
      }),
      body: MapDocument, validateBody: false, bodyTypes: [...YAML_TYPES, ...SPREADSHEET_TYPES], response: ImportResponse, access: 'import',
      handler: async ({ query, body, req, user }) => {
        const type = mediaType(req);
        const format = spreadsheetFormat(type, query.sheet);
        if (format) {
          if (!Buffer.isBuffer(body) || body.length === 0) {
            throw new ValidationError('send the spreadsheet file as the request body', [{ path: '(body)', message: 'the request has no file' }]);
          }
          return importSpreadsheetAs(store, { format, data: body, sheet: query.sheet },
            { mode: query.mode, dryRun: query.dryRun ?? false, onConflict: query.onConflict, actor: actorOf(req) }, user);
        }
        if (type && !DOCUMENT_TYPES.includes(type) && !type.endsWith('+json')) {
          throw new UnsupportedMediaTypeError(`cannot import ${type}: send a map document (application/json, application/yaml), `
            + `an XLSX workbook (${XLSX_TYPE}), a ZIP of CSV files (application/zip) or one CSV (text/csv with ?sheet=)`);
        }
        if (body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0 && !req.is([...YAML_TYPES, 'application/json']))) {
          throw new ValidationError('send a map document as JSON (Content-Type: application/json) or YAML', [
            { path: '(body)', message: 'the request has no map document' },
          ]);
        }
        return importDocumentAs(store, await documentFromBody(body), {
          mode: query.mode, dryRun: query.dryRun ?? false, onConflict: query.onConflict, actor: actorOf(req),
        }, user);
      },
    }),
    defineRoute({
      method: 'get', path: '/export', tag: 'Map',
      summary: 'Export the map (or one country) as a map document (json, yaml), in the template\'s shape (xlsx, csv: a ZIP of CSV files) '
        + 'or as a graph for Gephi, yEd, Cytoscape (graphml, gexf)',
      query: z.strictObject({ country: CountryCode.optional(), format: z.enum(['json', 'yaml', 'xlsx', 'csv', 'graphml', 'gexf']).default('json'),
        gexfVersion: GexfVersion.default('1.2draft').describe('GEXF only: 1.2draft (read by NetworkX and Gephi) or 1.3') }),
      response: MapDocument, access: 'read',
      doc: { media: { 'application/yaml': 'text', [XLSX_TYPE]: 'binary', 'application/zip': 'binary', 'application/graphml+xml': 'text', 'application/gexf+xml': 'text' } },
      handler: async ({ query, res, user }) => {
        const visibility = seesPersonalData(user) ? 'all' : 'public';
        const key = `${query.country ?? ''}|${query.format}|${query.format === 'gexf' ? query.gexfVersion : ''}|${visibility}`;
        const file = await exportFiles.get(key, () => renderExport(query, user));
        res.attachment(file.filename).type(file.type).setHeader('ETag', file.etag);
        res.send(file.body);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/template', tag: 'Map',
      summary: 'The empty spreadsheet template: an XLSX workbook (README, one sheet per kind, reference values, dropdowns) or a ZIP of CSV files',
      query: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }), access: 'read',
      doc: { media: { [XLSX_TYPE]: 'binary', 'application/zip': 'binary' } },
      handler: async ({ query, res }) => {
        const indicators = await catalogueOf(store);
        if (query.format === 'xlsx') {
          res.attachment('flow-atlas-template.xlsx').type(XLSX_TYPE).send(await toXlsx(emptyDocument(), indicators));
        } else {
          res.attachment('flow-atlas-template-csv.zip').type('application/zip').send(Buffer.from(toCsvZip(emptyDocument(), indicators)));
        }
        return undefined;
      },
    }),
  ];
}
