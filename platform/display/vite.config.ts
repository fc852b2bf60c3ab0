import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The call display build (platform/display → out/display), served by the platform at
 * /display/<stationId> (platform/server/call-display/display-static.ts). Plain TypeScript, no
 * framework: the page has three lists and runs for days on a TV. Absolute base so every station's
 * URL loads the same assets; no inline script or style (the page runs under a strict CSP).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/display/',
  build: {
    outDir: resolve(ROOT, 'out/display'),
    emptyOutDir: true,
    target: 'chrome109',
    sourcemap: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { fs: { allow: [ROOT] } },
});
