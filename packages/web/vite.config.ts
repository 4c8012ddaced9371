import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The API server (packages/server) answers /api and /healthz; in development Vite forwards them.
const apiTarget = 'http://localhost:3000';
const proxy = {
  '/api': { target: apiTarget, changeOrigin: false },
  '/healthz': { target: apiTarget, changeOrigin: false },
};

// React Aria ships its built-in strings ("Dismiss", "Clear search"…) in 34 locales. We speak six;
// the others become empty dictionaries (what @react-aria/optimize-locales-plugin does, in a few lines).
const OUR_REACT_ARIA_LOCALES = new Set(['en-US', 'fr-FR', 'es-ES', 'ar-AE', 'zh-CN', 'zh-TW', 'ru-RU']);
const REACT_ARIA_LOCALE = /[\\/]react-aria[^\\/]*[\\/]dist[\\/].*[\\/]intl[\\/][^\\/]+[\\/]([a-z]{2}-[A-Z]{2})\.mjs$/;

function onlyOurReactAriaLocales(): Plugin {
  return {
    name: 'lco:react-aria-locales',
    enforce: 'pre',
    load(id) {
      const locale = REACT_ARIA_LOCALE.exec(id)?.[1];
      if (locale && !OUR_REACT_ARIA_LOCALES.has(locale)) return 'export default {};';
      return null;
    },
  };
}

const reactRouterProduction = join(
  dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

export default defineConfig(({ command }) => ({
  // The server serves dist/ at / with an SPA fallback, so assets must be addressed absolutely.
  base: '/',
  plugins: [react(), onlyOurReactAriaLocales()],
  resolve: {
    // react-router's package exports point at its development build; production drops the dev warnings.
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
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
}));
