// Vite: builds the React client from client/ into dist/client (served by Express); in development
// it serves the client with hot reload and proxies /api to the server on port 3000. Each view is a chunk of
// its own (client/src/lazyViews.ts); the manifest (dist/client/.vite/manifest.json) says what each chunk
// imports, and the hashed assets get brotli and gzip copies beside them (server/static.ts serves those).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = path.resolve(__dirname);

/** Text assets of at least 1 kB get `.br` (quality 11) and `.gz` (level 9) copies, written once at build time. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'flow-atlas-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const file of fs.readdirSync(assets)) {
        if (!/\.(js|css|svg|json|html)$/.test(file)) continue;
        const full = path.join(assets, file);
        const bytes = fs.readFileSync(full);
        if (bytes.length < 1024) continue;
        fs.writeFileSync(
          `${full}.br`,
          zlib.brotliCompressSync(bytes, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        fs.writeFileSync(`${full}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [react(), precompress()],
  // The client imports the shared zod model (server/model) as @model, never through ../../server.
  resolve: { alias: { '@model': path.resolve(__dirname, 'server/model') } },
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    manifest: true,
    // Libraries in their own chunks, so a client change does not invalidate them in browser caches.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'graph', test: /node_modules[\\/]cytoscape[\\/]/ },
            // fcose lays out Compare's sketches (in their worker, or on the page where no worker runs): not the map's.
            { name: 'fcose', test: /node_modules[\\/](cytoscape-fcose|cose-base|layout-base)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack)[\\/]/ },
          ],
        },
      },
    },
    // The graph chunk (Cytoscape) is ~440 kB minified; it is one library, not bloat.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
    // The client imports the shared zod model from server/model, outside client/.
    fs: { allow: [repoRoot] },
  },
});
