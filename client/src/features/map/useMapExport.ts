// The map's export (MapScreen's toolbar): the drawn graph as a PNG or SVG download, or why it failed.
import { useState, type RefObject } from 'react';
import type { GraphCanvasHandle } from '../../graph/GraphCanvas';
import { download } from './download';

export function useMapExport(canvasRef: RefObject<GraphCanvasHandle | null>, fileStem: string) {
  const [exportError, setExportError] = useState<string | null>(null);

  async function exportAs(kind: 'png' | 'svg') {
    setExportError(null);
    try {
      const canvas = canvasRef.current;
      if (!canvas) throw new Error('The map is not drawn yet.');
      download(await (kind === 'png' ? canvas.png() : canvas.svg()), `${fileStem}.${kind}`);
    } catch (err) {
      setExportError(`Could not export the map: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return { exportError, exportAs };
}
