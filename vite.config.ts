// Vite: builds the React client from client/ into dist/client (served by Express); in development
// it serves the client with hot reload and proxies /api to the server on port 3000.
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = path.resolve(__dirname);

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
    // The client imports the shared zod model from server/model, outside client/.
    fs: { allow: [repoRoot] },
  },
});
