// The sketches' layout worker: lays out a small map's sketch off the page's thread (sketchLayout.ts).
import { layoutSketch } from './sketchLayout';
import type { SketchRequest } from './sketchWorker';

self.onmessage = (event: MessageEvent<SketchRequest>) => {
  const { id, input } = event.data;
  try {
    self.postMessage({ id, sketch: layoutSketch(input) });
  } catch (err) {
    self.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
