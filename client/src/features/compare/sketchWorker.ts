// The page's side of the sketches' layout worker (sketch.worker.ts): one worker, made when the first
// small sketch is needed, lays sketches out one after another. A large map's grouped sketch needs no
// layout and is made here. Where no worker can be made, the layout runs on the page.
import { GROUP_ABOVE, groupedSketch, type AnySketch, type Sketch, type SketchInput } from './sketch';

export interface SketchRequest {
  id: number;
  input: SketchInput;
}
type SketchAnswer = { id: number; sketch: Sketch } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (s: Sketch) => void; reject: (e: Error) => void }>();

function sketchWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./sketch.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SketchAnswer>) => {
      const answer = event.data;
      const wait = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ('sketch' in answer) wait?.resolve(answer.sketch);
      else wait?.reject(new Error(answer.error));
    };
    worker.onerror = (event) => {
      // The worker could not start (its script is gone): every waiting sketch fails, the next one tries again.
      for (const w of waiting.values()) w.reject(new Error(event.message || 'the layout worker failed'));
      waiting.clear();
      worker = null;
    };
  }
  return worker;
}

/** The sketch of a map: grouped by sector above GROUP_ABOVE stakeholders, else laid out in the worker. */
export async function makeSketch(input: SketchInput): Promise<AnySketch> {
  if (input.nodes.length > GROUP_ABOVE) return groupedSketch(input);
  if (typeof Worker === 'undefined') return (await import('./sketchLayout')).layoutSketch(input);
  const id = nextId++;
  return await new Promise<Sketch>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    sketchWorker().postMessage({ id, input });
  });
}
