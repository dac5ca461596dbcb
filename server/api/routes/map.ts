// The map as a whole: countries with their summary, the graph of a country, import and export of map
// documents (JSON, YAML) and spreadsheets (XLSX, a ZIP of CSV files, one CSV), and the spreadsheet template.
// Everything here is 'read' but the import ('import'); a viewer's graph and exports carry no personal data.
import { z } from 'zod';
import type { Request } from 'express';
import { UnsupportedMediaTypeError, ValidationError } from '../../errors';
import { CountryCode, MapDocument, OnConflict } from '../../model';
import type { GraphStore } from '../../store/port';
import { ExportFiles, renderTemplate, XLSX_TYPE } from '../../services/exports';
import { GexfVersion } from '../../services/graph-formats';
import { MapView } from '../../services/graph-view';
import {
  documentFromBody,
  importDocumentAs,
  importSpreadsheetAs,
  SHEET_COLLECTIONS,
  type UploadFormat,
} from '../../services/imports';
import { defineRoute, type RouteDef } from '../route';
import { Bool, CountriesResponse, CountryQuery, GraphResponse, ImportResponse } from '../../model/api';

export { UPLOAD_LIMIT_BYTES } from '../../model/limits';
export const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
export { XLSX_TYPE };
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

export function mapRoutes(store: GraphStore, actorOf: (req: Request) => string): RouteDef[] {
  const view = new MapView(store);
  /** The country list's answer, one per list (so that its bytes are kept with it, api/answer.ts). */
  const countryAnswers = new WeakMap<object, { countries: unknown }>();
  const exportFiles = new ExportFiles(store);

  return [
    defineRoute({
      method: 'get',
      path: '/countries',
      tag: 'Map',
      summary: 'Countries in the map, with NCP and counts',
      query: z.strictObject({}),
      response: CountriesResponse,
      access: 'read',
      handler: async ({ user }) => {
        const countries = await view.countries(user);
        let answer = countryAnswers.get(countries);
        if (!answer) {
          answer = { countries };
          countryAnswers.set(countries, answer);
        }
        return answer;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/graph',
      tag: 'Map',
      summary: 'Stakeholders and flows of a country (plus the cross-border ones touching it), or of the region',
      query: CountryQuery,
      response: GraphResponse,
      access: 'read',
      handler: async ({ query, user }) => view.graph(query.country, user),
    }),
    defineRoute({
      method: 'post',
      path: '/import',
      tag: 'Map',
      summary:
        'Import a map document (JSON or YAML) or a spreadsheet (XLSX, a ZIP of CSV files, or one CSV named by `sheet`). ' +
        'merge updates and adds; replace also removes what the file lacks in its countries; dryRun=true previews (writes nothing). ' +
        'An item whose version in the file is older than the stored one is merged field by field; a field changed on both sides ' +
        'is a conflict, listed, which keeps the stored value unless onConflict=overwrite. Replace keeps what was created or changed ' +
        "after the file's storeVersion. " +
        'Spreadsheet problems name their sheet, row, column and cell.',
      query: z.strictObject({
        mode: z.enum(['merge', 'replace']).default('merge'),
        dryRun: Bool.optional(),
        onConflict: OnConflict.default('keep'),
        sheet: z.enum(SHEET_COLLECTIONS).optional(),
      }),
      body: MapDocument,
      validateBody: false,
      bodyTypes: [...YAML_TYPES, ...SPREADSHEET_TYPES],
      response: ImportResponse,
      access: 'import',
      handler: async ({ query, body, req, user }) => {
        const type = mediaType(req);
        const format = spreadsheetFormat(type, query.sheet);
        if (format) {
          if (!Buffer.isBuffer(body) || body.length === 0) {
            throw new ValidationError('send the spreadsheet file as the request body', [
              { path: '(body)', message: 'the request has no file' },
            ]);
          }
          return importSpreadsheetAs(
            store,
            { format, data: body, sheet: query.sheet },
            { mode: query.mode, dryRun: query.dryRun ?? false, onConflict: query.onConflict, actor: actorOf(req) },
            user,
          );
        }
        if (type && !DOCUMENT_TYPES.includes(type) && !type.endsWith('+json')) {
          throw new UnsupportedMediaTypeError(
            `cannot import ${type}: send a map document (application/json, application/yaml), ` +
              `an XLSX workbook (${XLSX_TYPE}), a ZIP of CSV files (application/zip) or one CSV (text/csv with ?sheet=)`,
          );
        }
        if (
          body === undefined ||
          body === null ||
          (typeof body === 'object' &&
            !Array.isArray(body) &&
            Object.keys(body).length === 0 &&
            !req.is([...YAML_TYPES, 'application/json']))
        ) {
          throw new ValidationError('send a map document as JSON (Content-Type: application/json) or YAML', [
            { path: '(body)', message: 'the request has no map document' },
          ]);
        }
        return importDocumentAs(
          store,
          await documentFromBody(body),
          {
            mode: query.mode,
            dryRun: query.dryRun ?? false,
            onConflict: query.onConflict,
            actor: actorOf(req),
          },
          user,
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/export',
      tag: 'Map',
      summary:
        "Export the map (or one country) as a map document (json, yaml), in the template's shape (xlsx, csv: a ZIP of CSV files) " +
        'or as a graph for Gephi, yEd, Cytoscape (graphml, gexf)',
      query: z.strictObject({
        country: CountryCode.optional(),
        format: z.enum(['json', 'yaml', 'xlsx', 'csv', 'graphml', 'gexf']).default('json'),
        gexfVersion: GexfVersion.default('1.2draft').describe(
          'GEXF only: 1.2draft (read by NetworkX and Gephi) or 1.3',
        ),
      }),
      response: MapDocument,
      access: 'read',
      doc: {
        media: {
          'application/yaml': 'text',
          [XLSX_TYPE]: 'binary',
          'application/zip': 'binary',
          'application/graphml+xml': 'text',
          'application/gexf+xml': 'text',
        },
      },
      handler: async ({ query, res, user }) => {
        const file = await exportFiles.file(query, user);
        res.attachment(file.filename).type(file.type).setHeader('ETag', file.etag);
        res.send(file.body);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/template',
      tag: 'Map',
      summary:
        'The empty spreadsheet template: an XLSX workbook (README, one sheet per kind, reference values, dropdowns) or a ZIP of CSV files',
      query: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
      access: 'read',
      doc: { media: { [XLSX_TYPE]: 'binary', 'application/zip': 'binary' } },
      handler: async ({ query, res }) => {
        const file = await renderTemplate(store, query.format);
        res.attachment(file.filename).type(file.type).send(file.body);
        return undefined;
      },
    }),
  ];
}
