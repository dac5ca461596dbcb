// Which Cytoscape renderer draws the map: the canvas renderer by default; with `?renderer=webgl` in the
// URL (used by the client benchmark, tests/perf/client-bench.ts) its WebGL mode (Cytoscape >= 3.31), if
// the browser offers WebGL 2 (without it Cytoscape would throw, so the canvas renderer is kept).
import type { CytoscapeOptions } from 'cytoscape';

export interface RendererOptions {
  name: 'canvas';
  webgl?: boolean;
}

let webgl2: boolean | undefined;

export function webgl2Available(): boolean {
  if (webgl2 === undefined) {
    try {
      webgl2 = document.createElement('canvas').getContext('webgl2') !== null;
    } catch {
      webgl2 = false;
    }
  }
  return webgl2;
}

export function cytoscapeRenderer(search: string = window.location.search): RendererOptions {
  const wanted = new URLSearchParams(search).get('renderer');
  return wanted === 'webgl' && webgl2Available() ? { name: 'canvas', webgl: true } : { name: 'canvas' };
}

/** The `renderer` option for `cytoscape({ ... })`, which @types/cytoscape does not declare yet. */
export function rendererOption(search?: string): Partial<CytoscapeOptions> {
  return { renderer: cytoscapeRenderer(search) } as Partial<CytoscapeOptions>;
}
