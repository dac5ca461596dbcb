// Exports cached per store version (issue 11, point 2): the rendered file of a scope, format and visibility is
// kept until the store version moves, so a repeated download costs one store-version read (shared by the
// requests asking at the same moment) instead of reading and rendering the map again. Identical requests under
// way share one rendering. What is kept is bounded in bytes; the least recently used file goes first.
import type { GraphStore } from '../store/port';
import { etagOf } from './etag';
import { currentStoreVersion } from './store-version';

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
    const rendering = render().then(withEtag).then((file) => {
      if (this.pending.get(key) === rendering) {
        this.pending.delete(key);
        this.keep(key, file);
      }
      return file;
    }, (err: unknown) => {
      if (this.pending.get(key) === rendering) this.pending.delete(key);
      throw err;
    });
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
