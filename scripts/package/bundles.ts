import { join } from 'node:path';
import { build } from 'esbuild';
import { BUILD_KIND_DEFINE } from '../../core/app/build-kind';

/**
 * Packages that stay outside the bundles and are shipped in the release's node_modules: native
 * addons load a `.node` file found relative to their own package folder. (pino and pino-roll are
 * bundled: the logger uses them as in-thread streams, not as worker transports resolved by name.)
 */
export const RUNTIME_EXTERNALS = [
  'better-sqlite3',
  'serialport',
  '@serialport/bindings-cpp',
  'node-hid',
  '@napi-rs/canvas',
] as const;

/**
 * Imported only on paths a production build never takes (building the renderer or the Electron
 * bundles on a development checkout); left unresolved so they are not dragged into the bundle.
 * ws's two optional speed-ups are required inside try/catch and are not installed.
 */
const NEVER_LOADED = ['vite', 'esbuild', '@vitejs/plugin-react', 'electron', 'bufferutil', 'utf-8-validate'];

/** Entry (repo path) → bundle name under the release's app/bundle/. */
export const BUNDLE_ENTRIES = {
  start: 'scripts/start.ts',
  platform: 'platform/server/main.ts',
  doctor: 'scripts/appliance/doctor.ts',
  display: 'scripts/appliance/display.ts',
  enrol: 'scripts/enrol.ts',
} as const;

export type BundleName = keyof typeof BUNDLE_ENTRIES;

/**
 * Bundles the Node side to plain ESM for the pinned runtime (node20): no TypeScript compiler at run
 * time, one file to parse per command, and the build kind fixed to production
 * (core/app/build-kind.ts rule 1), so KIOSK_DEV cannot turn development mode on at a station.
 * The bundles sit one folder below the app root (app/bundle/), as scripts/ does in a checkout, so
 * `ROOT` (scripts/build-renderer.ts) resolves to app/ where out/renderer and package.json are.
 */
export async function buildBundles(root: string, appDir: string, entries: readonly BundleName[]): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(entries.map((name) => [name, join(root, BUNDLE_ENTRIES[name])])),
    outdir: join(appDir, 'bundle'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
    external: [...RUNTIME_EXTERNALS, ...NEVER_LOADED],
    define: { [BUILD_KIND_DEFINE]: JSON.stringify('production') },
    // Bundled CommonJS packages call require(); an ESM bundle has none unless we make one.
    banner: {
      js: "import { createRequire as __bianminCreateRequire } from 'node:module'; const require = __bianminCreateRequire(import.meta.url);",
    },
  });
}
