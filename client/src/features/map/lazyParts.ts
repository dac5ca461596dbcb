// The map screen's heavy parts, loaded apart from its chunk: the canvas (GraphCanvas with Cytoscape, ~440 kB) once
// the screen's lists and toolbar have been painted, and the editor (its forms and the zod model) when a form opens.
// So the first picture of the map view waits for neither, and the page does not name them for preloading
// (server/static.ts preloads a view's static imports only).
import { lazy } from 'react';

export const LazyGraphCanvas = lazy(() => import('../../graph/GraphCanvas').then((m) => ({ default: m.GraphCanvas })));
export const LazyEditor = lazy(() => import('../edit/components/Editor').then((m) => ({ default: m.Editor })));
