// Unpacks the members of a ZIP archive (an XLSX is one) with fflate's streaming Unzip, counting the bytes really
// inflated as they come out and stopping as soon as they pass the limit. The sizes a ZIP header claims are
// listed (an honest giant is refused at once) but never trusted: a header may understate its member a thousandfold.
import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';
import { NotASpreadsheetError, TooLargeError } from '../errors';
import { formatMB } from '../model/limits';

/** Deflate puts out at most about 2 KB per input byte (258-byte matches of a few bits each). */
const MAX_OUT_PER_IN = 2100;
/** Input is fed in steps of at most this many bytes, fewer as the limit nears (see unpackZip). */
const MAX_STEP = 4096;
const MIN_STEP = 16;
/** How far past the limit inflation can run before it is stopped: the output of the last, smallest step. */
export const INFLATE_OVERSHOOT_MAX = MIN_STEP * MAX_OUT_PER_IN;

/** The entries of the central directory, nothing inflated; NotASpreadsheetError when the archive is damaged. */
export function listZip(data: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(data, {
      filter: (file) => {
        entries.push(file);
        return false;
      },
    });
  } catch (err) {
    throw new NotASpreadsheetError(
      `the file is a damaged ZIP archive (${(err as Error).message}); an XLSX workbook or a ZIP of CSV files was expected`,
    );
  }
  return entries;
}

export interface UnpackOptions {
  /** The members to inflate (the others are skipped without being inflated). */
  want: (name: string) => boolean;
  /** The most bytes all wanted members may inflate to, together. */
  limit: number;
  /** Sees each inflated chunk of a member as it comes out; it may throw to stop unpacking (the error is rethrown). */
  onChunk?: (name: string, chunk: Uint8Array, final: boolean) => void;
}

export interface Unpacked {
  files: Map<string, Uint8Array>;
  /** The bytes really inflated. */
  inflated: number;
}

function tooLarge(inflated: number, limit: number): TooLargeError {
  return new TooLargeError(
    `the archive unpacks to more than ${formatMB(limit)} (unpacking was stopped there); the limit is ${formatMB(limit)}: split it by country`,
    { limitBytes: limit, inflatedBytes: inflated },
  );
}

/** The wanted members' bytes; TooLargeError (with `inflatedBytes`) as soon as the real output passes the limit. */
export function unpackZip(data: Uint8Array, options: UnpackOptions): Unpacked {
  const parts = new Map<string, Uint8Array[]>();
  let inflated = 0;
  let failure: Error | undefined;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (failure !== undefined || file.name.endsWith('/') || !options.want(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure = new NotASpreadsheetError(
        `${file.name} in the ZIP archive uses a compression method Flow Atlas cannot read (${file.compression}): save the archive again with ordinary ZIP compression`,
      );
      return;
    }
    const chunks: Uint8Array[] = [];
    parts.set(file.name, chunks);
    file.ondata = (err, chunk, final) => {
      if (failure !== undefined) return;
      if (err) {
        failure = new NotASpreadsheetError(
          `the file is a damaged ZIP archive (${file.name}: ${err.message}); an XLSX workbook or a ZIP of CSV files was expected`,
        );
        return;
      }
      inflated += chunk.length;
      if (inflated > options.limit) {
        failure = tooLarge(inflated, options.limit);
        return;
      }
      chunks.push(chunk);
      try {
        options.onChunk?.(file.name, chunk, final);
      } catch (e) {
        failure = e instanceof Error ? e : new Error(String(e));
      }
    };
    file.start();
  };
  // Small steps, smaller as the limit nears, so that one step cannot inflate far past it.
  let at = 0;
  while (at < data.length && failure === undefined) {
    const room = Math.max(0, options.limit - inflated);
    const step = Math.max(MIN_STEP, Math.min(MAX_STEP, Math.floor(room / MAX_OUT_PER_IN)));
    const end = Math.min(data.length, at + step);
    try {
      unzip.push(data.subarray(at, end), end === data.length);
    } catch (err) {
      failure ??= new NotASpreadsheetError(
        `the file is a damaged ZIP archive (${(err as Error).message}); an XLSX workbook or a ZIP of CSV files was expected`,
      );
    }
    at = end;
  }
  if (failure !== undefined) throw failure;
  const files = new Map<string, Uint8Array>();
  for (const [name, chunks] of parts) files.set(name, concat(chunks));
  return { files, inflated };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
