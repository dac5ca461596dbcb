// The layout worker: computes a map's force layout off the page's thread (spacedLayout.ts for a small map,
// forceLayout.ts for a large one), one block per country, packed in rows for the whole region.
// Messages: LayoutRequest in, LayoutAnswer out.
import type { LayoutAnswer, LayoutRequest } from './layoutWorker';
import { computeLayout } from './spacedLayout';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const answer: LayoutAnswer = { id: event.data.id, positions: computeLayout(event.data) };
  (self as unknown as { postMessage: (message: LayoutAnswer) => void }).postMessage(answer);
};
