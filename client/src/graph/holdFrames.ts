// Holding Cytoscape's renderer while a large map loads (largeMapLoad.ts): no frame is drawn, and nothing is computed
// for one, until the map is placed and let go.
import type cytoscape from 'cytoscape';

/** Cytoscape's renderer, as this module holds it while a large map loads. */
export interface HeldRenderer {
  getCachedZSortedEles(): unknown;
  /** Asks for a frame (on its prototype; an own property of the instance replaces it). */
  redraw?: () => void;
  /** Set by redraw: the next animation frame brings the queued elements' rendered styles up to date and draws. */
  requestedFrame: boolean;
  /** Brings the queued elements' rendered styles up to date: called on every animation frame, drawn or not. */
  flushRenderedStyleQueue: () => void;
  /**
   * The layered texture cache: on its first use (`firstGet`) it draws every element into its layers at once, in the
   * frame; afterwards it draws the elements themselves and fills its layers a little on each of the next frames.
   */
  data?: { lyrTxrCache?: { firstGet: boolean } };
}

/** A renderer held by holdFrames. */
export interface HeldFrames {
  /** Brings the rendered styles of the elements changed so far up to date now (else the first frame does it). */
  flush: () => void;
  /** Lets the renderer draw again, and compute on its animation frames. */
  letGo: () => void;
}

/**
 * No frame, and no work on animation frames, while a large map loads: on every animation frame, drawn or not
 * (asked for when the renderer was made, when the canvas is resized), Cytoscape's texture caches bring the rendered
 * style of every element changed since the last frame up to date, in one task: hundreds of milliseconds for the
 * elements added meanwhile, at positions not yet known, done again once they are placed.
 */
export function holdFrames(cy: cytoscape.Core): HeldFrames {
  const renderer = (cy as unknown as { renderer(): HeldRenderer }).renderer();
  const flush = renderer.flushRenderedStyleQueue;
  renderer.requestedFrame = false;
  // The first frame draws the elements, and the layers are filled over the next ones, as after a first frame of an
  // empty canvas (which the frame asked for when the renderer was made, dropped here, would have been): filling
  // them at once made the first frame a third longer (5,500 elements).
  if (renderer.data?.lyrTxrCache) renderer.data.lyrTxrCache.firstGet = false;
  renderer.redraw = () => undefined;
  renderer.flushRenderedStyleQueue = () => undefined;
  return {
    flush: () => flush.call(renderer),
    letGo: () => {
      delete renderer.redraw;
      renderer.flushRenderedStyleQueue = flush;
    },
  };
}
