import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the built console is: out/console under the app root, the nearest folder above this file
 * that holds package.json. In a checkout that is the repository (platform/server/console-static is
 * three levels down); in the packaged release it is app/ (the bundle sits in app/bundle,
 * scripts/package/bundles.ts), so one rule finds both.
 */
export function defaultConsoleDir(from: string = import.meta.dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'out/console');
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'out/console');
    dir = parent;
  }
}
