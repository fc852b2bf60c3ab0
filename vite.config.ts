import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer build. Relative asset URLs (`base: './'`) so the same bundle loads from the
 * browser host (http://127.0.0.1:<port>/) and from Electron's custom scheme (app://kiosk/).
 * Nothing is fetched from the internet at run time: fonts and images are bundled or system-provided.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
