// Runs in the upload worker thread (started by off-thread.ts through worker.cjs): reads and parses one upload
// (a spreadsheet or a YAML document) at a time, posting progress, then the result or the error as plain data.
import { parentPort } from 'node:worker_threads';
import { parseYamlBody } from './body';
import { NotASpreadsheetError, TooLargeError, ValidationError } from '../errors';
import { readSpreadsheet } from './open';
import { parseSpreadsheet } from './parse';
import type { WorkerError, WorkerJob, WorkerMessage } from './off-thread';

function plain(err: unknown): WorkerError {
  if (err instanceof ValidationError) return { kind: 'validation', message: err.message, problems: err.problems };
  if (err instanceof TooLargeError) return { kind: 'too_large', message: err.message, details: err.details };
  if (err instanceof NotASpreadsheetError) return { kind: 'not_a_spreadsheet', message: err.message };
  return { kind: 'other', message: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}

async function run(job: WorkerJob): Promise<void> {
  const { id } = job;
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  try {
    if (job.kind === 'yaml') {
      post({ id, type: 'value', value: parseYamlBody(job.text) });
      return;
    }
    const workbook = await readSpreadsheet(job.upload);
    const parsed = parseSpreadsheet(workbook, {
      mode: job.mode,
      indicators: job.indicators,
      onProgress: (done, total) => post({ id, type: 'progress', done, total }),
    });
    post({ id, type: 'done', parsed });
  } catch (err) {
    post({ id, type: 'error', error: plain(err) });
  }
}

parentPort!.on('message', (job: WorkerJob) => void run(job));
parentPort!.postMessage({ id: 0, type: 'ready' } satisfies WorkerMessage);
