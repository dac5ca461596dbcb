// Vite: builds the React client from client/ into dist/client (served by Express); in development
// it serves the client with hot reload and proxies /api to the server on port 3000.
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = path.resolve(__dirname);

export default defineConfig({
  root: 'client',
  plugins: [react()],
  // The client imports the shared zod model (server/model) as @model, never through ../../server.
  resolve: { alias: { '@model': path.resolve(__dirname, 'server/model') } },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Libraries in their own chunks, so a client change does not invalidate them in browser caches.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'graph', test: /node_modules[\\/](cytoscape|cytoscape-fcose|cose-base|layout-base)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/ },
          ],
        },
      },
    },
    // The graph chunk (Cytoscape and its layout) is ~560 kB minified; it is one library, not bloat.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
    // The client imports the shared zod model from server/model, outside client/.
    fs: { allow: [repoRoot] },
  },
});
