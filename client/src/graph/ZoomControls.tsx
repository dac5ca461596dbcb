// Zoom and fit buttons over the graph: the keyboard route to what the mouse wheel does.
import type { RefObject } from 'react';
import type { GraphCanvasHandle } from './GraphCanvas';

export function ZoomControls({ canvasRef }: { canvasRef: RefObject<GraphCanvasHandle | null> }) {
  return (
    <div className="zoom-controls" role="group" aria-label="Zoom">
      <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => canvasRef.current?.zoomBy(1.3)}>
        +
      </button>
      <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => canvasRef.current?.zoomBy(1 / 1.3)}>
        −
      </button>
      <button
        type="button"
        aria-label="Fit the whole map in view"
        title="Fit the whole map in view"
        onClick={() => canvasRef.current?.fit()}
      >
        Fit
      </button>
    </div>
  );
}
