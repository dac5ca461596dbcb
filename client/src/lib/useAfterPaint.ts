// Work that should not hold up a screen's first picture (loading a large library, say) starts after the frame that
// shows it: a task queued from the next animation frame runs once that frame has been painted.
import { useEffect, useState } from 'react';

/** False on the first render; true from a task after the next frame has been painted. */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
