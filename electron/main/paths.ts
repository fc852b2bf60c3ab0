import { join, resolve } from 'node:path';

/**
 * Where the shell finds its files, relative to the folder of the running main bundle: the one
 * place that knows the build layout.
 *
 *   out/electron/main.cjs      this bundle       (mainDir)
 *   out/electron/preload.cjs   the preload
 *   out/renderer/index.html    the Vite build
 *   kiosk-config/default.json  the default config, two levels up from mainDir
 */
export interface ShellPaths {
  readonly rendererDir: string;
  readonly preloadFile: string;
  readonly defaultConfigFile: string;
}

export const MAIN_BUNDLE_NAME = 'main.cjs';
export const PRELOAD_BUNDLE_NAME = 'preload.cjs';

export function shellPaths(mainDir: string): ShellPaths {
  return {
    rendererDir: resolve(mainDir, '..', 'renderer'),
    preloadFile: join(mainDir, PRELOAD_BUNDLE_NAME),
    defaultConfigFile: resolve(mainDir, '..', '..', 'kiosk-config', 'default.json'),
  };
}
