// Runs in the upload worker thread (started by off-thread.ts through worker.cjs): reads and parses one upload
// at a time, posting progress, then the parsed spreadsheet or the error. Errors go back as plain data.
import { parentPort } from 'node:worker_threads';
import { ValidationError } from '../errors';
import { NotASpreadsheetError, TooLargeError } from './errors';
import { readSpreadsheet } from './open';
import { parseSpreadsheet } from './parse';
import type { WorkerError, WorkerJob, WorkerMessage } from './off-thread';

function plain(err: unknown): WorkerError {
  if (err instanceof ValidationError) return { kind: 'validation', message: err.message, problems: err.problems };
  if (err instanceof TooLargeError) return { kind: 'too_large', message: err.message, details: err.details };
  if (err instanceof NotASpreadsheetError) return { kind: 'not_a_spreadsheet', message: err.message };
  return { kind: 'other', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

async function run({ id, upload, mode, indicators }: WorkerJob): Promise<void> {
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  try {
    const workbook = await readSpreadsheet(upload);
    const parsed = parseSpreadsheet(workbook, {
      mode, indicators,
      onProgress: (done, total) => post({ id, type: 'progress', done, total }),
    });
    post({ id, type: 'done', parsed });
  } catch (err) {
    post({ id, type: 'error', error: plain(err) });
  }
}

parentPort!.on('message', (job: WorkerJob) => void run(job));
parentPort!.postMessage({ id: 0, type: 'ready' } satisfies WorkerMessage);
