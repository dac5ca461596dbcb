// Exports cached per store version (issue 11, point 2): the rendered file of a scope, format and visibility is
// kept until the store version moves, so a repeated download costs one store-version read (shared by the
// requests asking at the same moment) instead of reading and rendering the map again. Identical requests under
// way share one rendering. What is kept is bounded in bytes; the least recently used file goes first.
import YAML from 'yaml';
import { seesPersonalData, visibleDocument, visibleItems } from '../auth/personal-data';
import { emptyDocument, stripMetaOf } from '../model';
import type { SessionUser } from '../model/roles';
import type { GraphStore } from '../store/port';
import { toCsvZip, toXlsx } from '../tabular';
import { etagOf } from './etag';
import { toGEXF, toGraphML, type GexfVersion } from './graph-formats';
import { currentStoreVersion } from './store-version';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export type ExportFormat = 'json' | 'yaml' | 'xlsx' | 'csv' | 'graphml' | 'gexf';
export interface ExportQuery {
  country?: string | undefined;
  format: ExportFormat;
  gexfVersion: GexfVersion;
}

export interface RenderedFile {
  filename: string;
  type: string;
  body: Buffer;
}

/** A kept file with its strong ETag, computed once (Express would hash the whole file on every download). */
export interface KeptFile extends RenderedFile {
  etag: string;
}

const withEtag = (file: RenderedFile): KeptFile => ({ ...file, etag: etagOf(file.body) });

/** 64 MB: a few region-scale exports (a 13 x 1,000 region is about 25 MB of JSON). */
export const EXPORT_CACHE_BYTES = 64 * 1024 * 1024;

export class ExportCache {
  private storeVersion = -1;
  private readonly files = new Map<string, KeptFile>();
  private readonly pending = new Map<string, Promise<KeptFile>>();
  private bytes = 0;

  constructor(
    private readonly store: GraphStore,
    private readonly maxBytes = EXPORT_CACHE_BYTES,
  ) {}

  /**
   * The file under `key` at the store's current version, rendered by `render` when it is not kept. `render`
   * reads the store after the version was read, so what it returns is never older than the version it is
   * kept under (a write in between makes the next request's version check render it again).
   */
  async get(key: string, render: () => Promise<RenderedFile>): Promise<KeptFile> {
    const version = await currentStoreVersion(this.store);
    if (version !== this.storeVersion) {
      if (version < this.storeVersion) return withEtag(await render()); // an older reader's answer: never kept
      this.storeVersion = version;
      this.files.clear();
      this.pending.clear();
      this.bytes = 0;
    }
    const kept = this.files.get(key);
    if (kept) {
      this.files.delete(key);
      this.files.set(key, kept);
      return kept;
    }
    const under = this.pending.get(key);
    if (under) return under;
    const rendering = render()
      .then(withEtag)
      .then(
        (file) => {
          if (this.pending.get(key) === rendering) {
            this.pending.delete(key);
            this.keep(key, file);
          }
          return file;
        },
        (err: unknown) => {
          if (this.pending.get(key) === rendering) this.pending.delete(key);
          throw err;
        },
      );
    this.pending.set(key, rendering);
    return rendering;
  }

  /** How many files are kept and their bytes (for tests and the operations log). */
  stats(): { files: number; bytes: number; storeVersion: number } {
    return { files: this.files.size, bytes: this.bytes, storeVersion: this.storeVersion };
  }

  private keep(key: string, file: KeptFile): void {
    if (file.body.length > this.maxBytes) return;
    this.files.set(key, file);
    this.bytes += file.body.length;
    for (const [k, f] of this.files) {
      if (this.bytes <= this.maxBytes) break;
      this.files.delete(k);
      this.bytes -= f.body.length;
    }
  }
}

/** The export file of a scope, format and visibility (what ExportCache keeps per store version). */
export async function renderExport(
  store: GraphStore,
  query: ExportQuery,
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
        : {
            filename,
            type: 'application/gexf+xml',
            body: Buffer.from(toGEXF(doc, all, { version: query.gexfVersion })),
          };
    }
    default:
      return { filename, type: 'application/json', body: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`) };
  }
}

async function catalogueOf(store: GraphStore) {
  return (await store.list('indicator')).map(stripMetaOf);
}

/** The empty spreadsheet template: an XLSX workbook or a ZIP of CSV files, with the catalogue's indicators. */
export async function renderTemplate(store: GraphStore, format: 'xlsx' | 'csv'): Promise<RenderedFile> {
  const indicators = await catalogueOf(store);
  return format === 'xlsx'
    ? {
        filename: 'flow-atlas-template.xlsx',
        type: XLSX_TYPE,
        body: Buffer.from(await toXlsx(emptyDocument(), indicators)),
      }
    : {
        filename: 'flow-atlas-template-csv.zip',
        type: 'application/zip',
        body: Buffer.from(toCsvZip(emptyDocument(), indicators)),
      };
}

/** Export files as a user may download them, each kept per store version, scope, format and visibility. */
export class ExportFiles {
  private readonly cache: ExportCache;

  constructor(private readonly store: GraphStore) {
    this.cache = new ExportCache(store);
  }

  file(query: ExportQuery, user: SessionUser | undefined): Promise<KeptFile> {
    const visibility = seesPersonalData(user) ? 'all' : 'public';
    const key = `${query.country ?? ''}|${query.format}|${query.format === 'gexf' ? query.gexfVersion : ''}|${visibility}`;
    return this.cache.get(key, () => renderExport(this.store, query, user));
  }
}
