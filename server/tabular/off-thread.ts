// Reads and parses uploads in a worker thread (worker-job.ts), so that a large or hostile file never holds up
// the requests of other users: spreadsheets, and YAML map documents (yaml parses a few MB a second at best). One worker, started at the first upload and kept (its start-up, loading the
// parsers, costs seconds on a busy machine), one upload at a time; a file that needs more than the worker's
// heap ends only the worker (a 413) and the next upload starts a new one.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { NotASpreadsheetError, TooLargeError, ValidationError } from '../errors';
import type { Problem } from '../model';
import type { ImportMode } from '../model/api';
import type { CatalogueIndicator } from './cells';
import type { Upload } from './open';
import type { ParsedSpreadsheet } from './parse';

/** The heap the worker may use: exceljs holds about 15 times a workbook's unpacked size (at most 120 MB). */
const WORKER_HEAP_MB = 3072;

export type WorkerJob =
  | { id: number; kind: 'spreadsheet'; upload: Upload; mode: ImportMode; indicators: CatalogueIndicator[] }
  | { id: number; kind: 'yaml'; text: string };

export type WorkerError =
  | { kind: 'validation'; message: string; problems: Problem[] }
  | { kind: 'too_large'; message: string; details: Record<string, number> }
  | { kind: 'not_a_spreadsheet'; message: string }
  | { kind: 'other'; message: string };

export type WorkerMessage =
  | { id: number; type: 'ready' }
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; parsed: ParsedSpreadsheet }
  | { id: number; type: 'value'; value: unknown }
  | { id: number; type: 'error'; error: WorkerError };

export interface OffThreadOptions {
  mode: ImportMode;
  indicators: readonly CatalogueIndicator[];
  onProgress?: (done: number, total: number) => void;
}

function rebuild(error: WorkerError): Error {
  switch (error.kind) {
    case 'validation':
      return new ValidationError(error.message, error.problems);
    case 'too_large':
      return new TooLargeError(error.message, error.details);
    case 'not_a_spreadsheet':
      return new NotASpreadsheetError(error.message);
    default:
      return new Error(`reading the upload failed in its worker: ${error.message}`);
  }
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

/** The worker, started when first needed; it does not keep the process alive while it has nothing to do. */
function theWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(path.join(__dirname, 'worker.cjs'), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  w.unref();
  w.on('message', (message: WorkerMessage) => {
    const job = pending.get(message.id);
    if (!job) return;
    if (message.type === 'progress') {
      job.onProgress?.(message.done, message.total);
    } else {
      pending.delete(message.id);
      if (!pending.size) w.unref();
      if (message.type === 'done') job.resolve(message.parsed);
      else if (message.type === 'value') job.resolve(message.value);
      else if (message.type === 'error') job.reject(rebuild(message.error));
    }
  });
  const fail = (err: Error) => {
    if (worker === w) worker = undefined;
    for (const job of pending.values()) job.reject(err);
    pending.clear();
  };
  w.on('error', (err: Error & { code?: string }) =>
    fail(
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new TooLargeError(
            `reading the file needed more than ${WORKER_HEAP_MB / 1024} GB of memory: split it by country and import the parts one after the other`,
          )
        : err,
    ),
  );
  w.on('exit', (code) => fail(new Error(`the upload worker stopped before it answered (exit code ${code})`)));
  worker = w;
  return w;
}

type JobInput = WorkerJob extends infer J ? (J extends WorkerJob ? Omit<J, 'id'> : never) : never;

function runJob<T>(input: JobInput, onProgress?: (done: number, total: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    const w = theWorker();
    // What the worker answers for this kind of job (worker.cjs), as the caller asked for it.
    pending.set(id, { resolve: (result) => resolve(result as T), reject, onProgress });
    w.ref();
    w.postMessage({ ...input, id });
  });
}

let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(input: JobInput, onProgress?: (done: number, total: number) => void): Promise<T> {
  const run = queue.then(() => runJob<T>(input, onProgress));
  queue = run.catch(() => undefined);
  return run;
}

/** The upload read and parsed in the worker thread; one job at a time, the others wait their turn. */
export function parseOffThread(upload: Upload, options: OffThreadOptions): Promise<ParsedSpreadsheet> {
  return enqueue(
    { kind: 'spreadsheet', upload, mode: options.mode, indicators: [...options.indicators] },
    options.onProgress,
  );
}

/** A YAML request body parsed in the worker thread (api/body.ts: UTF-8 already checked, nesting checked there). */
export function parseYamlOffThread(text: string): Promise<unknown> {
  return enqueue({ kind: 'yaml', text });
}

/** Stops the worker (tests and benchmarks that want a clean exit); the next upload starts another. */
export async function stopUploadWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
