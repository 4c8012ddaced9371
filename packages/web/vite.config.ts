import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server (packages/server) answers /api and /healthz; in development Vite forwards them.
const apiTarget = 'http://localhost:3000';
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/healthz': { target: apiTarget, changeOrigin: false },
};

export default defineConfig({
  // The server serves dist/ at / with an SPA fallback, so assets must be addressed absolutely.
  base: '/',
  plugins: [react()],
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Browsers of the last ~2.5 years, including cheap Android phones with an updated Chrome.
    target: 'baseline-widely-available',
    // Every file stays a separate, cacheable request instead of being inlined into JS.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
});
