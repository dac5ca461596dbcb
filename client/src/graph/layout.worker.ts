// The layout worker: computes the force layout of a large map off the page's thread (forceLayout.ts),
// one block per country, packed in rows for the whole region. Messages: LayoutRequest in, LayoutAnswer out.
import { blockForceLayout } from './forceLayout';
import type { LayoutAnswer, LayoutRequest } from './layoutWorker';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const answer: LayoutAnswer = { id: event.data.id, positions: blockForceLayout(event.data) };
  (self as unknown as { postMessage: (message: LayoutAnswer) => void }).postMessage(answer);
};
