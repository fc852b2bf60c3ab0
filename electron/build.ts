import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { BUILD_KIND_DEFINE, type BuildKind } from '../core/app/build-kind';
import { MAIN_BUNDLE_NAME, PRELOAD_BUNDLE_NAME } from './main/paths';
import { APP_VERSION_DEFINE } from './main/version';

export interface BuildElectronOptions {
  /** The repository root (where package.json is). */
  readonly root: string;
  /** Where main.cjs and preload.cjs go, relative to root or absolute; normally out/electron. */
  readonly outDir: string;
  /**
   * What the bundle will be (core/app/build-kind.ts): the kind of the checkout it is built from.
   * Required, so no build becomes development by default.
   */
  readonly buildKind: BuildKind;
}

/** Electron 44 runs Node 24 and Chromium 152; these targets are a little older on purpose. */
const MAIN_TARGET = 'node22';
const PRELOAD_TARGET = 'chrome130';

/**
 * Bundles the main process and the preload to one CommonJS file each.
 *
 * - main: Node platform; `electron` and every package.json dependency stay external, so native
 *   modules (better-sqlite3, serialport, node-hid) and pino are required from node_modules at run
 *   time and never inlined (docs/dependencies.md §2.3: the Vite 8/Rolldown trap of inlining them).
 * - preload: everything inlined except `electron`, because a sandboxed preload cannot require
 *   packages; built for the browser platform, so a Node built-in import fails the build instead
 *   of failing in the sandbox.
 */
export async function buildElectron(options: BuildElectronOptions): Promise<void> {
  const root = resolve(options.root);
  const outDir = resolve(root, options.outDir);
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
    version?: string;
    dependencies?: Record<string, string>;
  };

  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
    // import.meta is empty in a CJS bundle, so `new URL('./x', import.meta.url)` would throw when
    // the main process loads; esbuild only warns about it by default. Make it a build error.
    logOverride: { 'empty-import-meta': 'error' },
  };

  // allSettled, not all: when one bundle fails the other is still writing, and a caller that
  // cleans up on the rejection would race that write (seen in CI as ENOTEMPTY on rmdir).
  const results = await Promise.allSettled([
    build({
      ...common,
      entryPoints: [join(root, 'electron/main/index.ts')],
      outfile: join(outDir, MAIN_BUNDLE_NAME),
      platform: 'node',
      target: MAIN_TARGET,
      external: ['electron', ...Object.keys(pkg.dependencies ?? {})],
      define: {
        [APP_VERSION_DEFINE]: JSON.stringify(pkg.version ?? '0.0.0'),
        [BUILD_KIND_DEFINE]: JSON.stringify(options.buildKind),
      },
    }),
    build({
      ...common,
      entryPoints: [join(root, 'electron/preload/index.ts')],
      outfile: join(outDir, PRELOAD_BUNDLE_NAME),
      platform: 'browser',
      target: PRELOAD_TARGET,
      external: ['electron'],
    }),
  ]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}
