import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The county console build (platform/console → out/console), served by the platform at /console
 * (platform/server/console-static). Absolute base so deep links like /console/kiosks/K-1 load the
 * same assets. Hashed file names: the server caches assets for a year and index.html never.
 * No inline script or style anywhere, so the page runs under a CSP without 'unsafe-inline'.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: resolve(ROOT, 'out/console'),
    emptyOutDir: true,
    target: 'chrome109',
    sourcemap: true,
    // Chromium and Firefox ESR support modulepreload: no polyfill (it would be one more script).
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // The chart chunk (ECharts core + scatter/line/bar + canvas) is loaded on demand only.
    chunkSizeWarningLimit: 700,
  },
  server: { fs: { allow: [ROOT] } },
});
