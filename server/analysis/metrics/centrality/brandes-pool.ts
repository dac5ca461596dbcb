// Brandes' dependencies of several graphs at once (the countries of a comparison): the calling thread takes them
// from the front of the list, one worker thread from the back, so that two cores share the work. The worker runs
// the source text of `brandesOfRows` itself (an `eval` worker: no module loader to start, tens of ms), so both
// threads run the same code on the same rows and every result is bit for bit what the calling thread would give.
// One worker per process, started at the first use and kept (it does not keep the process alive while idle). If
// it cannot start or fails, its graphs are worked out in the calling thread.
import { Worker } from 'node:worker_threads';
import { brandesOfRows, type Dependencies } from './brandes';

/** A graph as compressed rows (indexed-graph.ts): n nodes, the neighbours of i at targets[offsets[i]..offsets[i + 1]). */
export interface Rows {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

interface Job {
  id: number;
  resolve: (deps: Dependencies) => void;
  reject: (err: Error) => void;
}

/** Graphs handed to the worker ahead of time: it starts the next as soon as it posts one. */
const IN_FLIGHT = 2;

const WORKER_SOURCE = `'use strict';
const brandesOfRows = ${brandesOfRows.toString()};
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, n, offsets, targets }) => {
  const { node, edge } = brandesOfRows(n, offsets, targets);
  parentPort.postMessage({ id, node, edge }, [node.buffer, edge.buffer]);
});
`;

let worker: Worker | undefined;
/** Set once the worker could not start or failed: from then on the calling thread does all the work. */
let unavailable = false;
/** Set at the worker's first answer: from then on it is known to be running (not still starting). */
let answering = false;
const jobs = new Map<number, Job>();
let nextId = 1;

function theWorker(): Worker | undefined {
  if (worker || unavailable) return worker;
  let w: Worker;
  try {
    w = new Worker(WORKER_SOURCE, { eval: true });
  } catch {
    unavailable = true;
    return undefined;
  }
  w.unref();
  w.on('message', (m: { id: number; node: Float64Array; edge: Float64Array }) => {
    answering = true;
    const job = jobs.get(m.id);
    if (!job) return;
    jobs.delete(m.id);
    if (!jobs.size) w.unref();
    job.resolve({ node: m.node, edge: m.edge });
  });
  const fail = (err: Error) => {
    unavailable = true;
    if (worker === w) worker = undefined;
    rejectAll(err);
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the Brandes worker stopped (exit code ${code})`)));
  worker = w;
  return w;
}

function rejectAll(err: Error): void {
  for (const job of jobs.values()) job.reject(err);
  jobs.clear();
}

function inWorker(w: Worker, rows: Rows): Promise<Dependencies> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    jobs.set(id, { id, resolve, reject });
    w.ref();
    w.postMessage({ id, n: rows.n, offsets: rows.offsets, targets: rows.targets });
  });
}

const breather = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `brandesOfRows` of every graph, in their order; the calling thread and the worker share them. */
export async function brandesMany(graphs: readonly Rows[]): Promise<Dependencies[]> {
  const results = new Array<Dependencies | undefined>(graphs.length);
  const here = (i: number) => {
    if (results[i]) return;
    const { n, offsets, targets } = graphs[i]!;
    results[i] = brandesOfRows(n, offsets, targets);
  };
  const w = graphs.length > 1 ? theWorker() : undefined;
  let front = 0;
  let back = graphs.length;
  const sent: Array<Promise<void>> = [];
  const send = () => {
    if (!w || unavailable || front >= back) return;
    const i = --back;
    sent.push(
      inWorker(w, graphs[i]!).then(
        (deps) => {
          results[i] ??= deps;
          send();
        },
        () => here(i), // the worker failed: this graph is worked out here after all
      ),
    );
  };
  for (let k = 0; k < IN_FLIGHT; k++) send();
  while (front < back) {
    here(front++);
    // Lets the worker's answers in (each hands it the next graph from the back).
    if (w && !unavailable) await breather();
  }
  if (answering && !unavailable) {
    // The graphs the worker has (a failure of its own is handled: the graph is worked out here).
    for (let k = 0; k < sent.length; k++) await sent[k];
  }
  // A worker still starting (or failed): what it was given is worked out here; its answers, if any, are dropped.
  for (let i = back; i < graphs.length; i++) here(i);
  return results as Dependencies[];
}

/** Stops the worker (tests and benchmarks that want a clean exit); the next call starts another. */
export async function stopBrandesWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  answering = false;
  if (!w) return;
  w.removeAllListeners('exit');
  w.removeAllListeners('error');
  rejectAll(new Error('the Brandes worker was stopped'));
  await w.terminate();
}
