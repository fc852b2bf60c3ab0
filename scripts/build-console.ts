/**
 * The county console bundle (platform/console → out/console), served by the platform at /console
 * (platform/server/console-static), and the call display (platform/display → out/display), served
 * at /display/<stationId> (platform/server/call-display/display-static.ts). `npm run build` builds
 * both with the renderer; they are built, checked for staleness and shipped together.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime, ROOT } from './build-renderer';

export const CONSOLE_OUT = join(ROOT, 'out/console');
export const DISPLAY_OUT = join(ROOT, 'out/display');

/** What the console bundle is built from; a change in any of them makes it stale. */
const CONSOLE_SOURCES = [
  'platform/console',
  'platform/display',
  'platform/contract',
  'core/pure',
  'renderer/src/styles/tokens.css',
  'package-lock.json',
];

/** True when out/console or out/display is missing or older than any of their sources. */
export function consoleIsStale(): boolean {
  const built = [join(CONSOLE_OUT, 'index.html'), join(DISPLAY_OUT, 'index.html')];
  if (!built.every((file) => existsSync(file))) return true;
  const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return CONSOLE_SOURCES.some((source) => newestMtime(join(ROOT, source)) > builtAt);
}

export async function buildConsole(): Promise<void> {
  const { build } = await import('vite');
  // A production build whatever NODE_ENV this process inherited (see scripts/build-renderer.ts).
  const previous = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile: join(ROOT, 'platform/console/vite.config.ts'), mode: 'production', logLevel: 'warn' });
    await build({ configFile: join(ROOT, 'platform/display/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = previous;
  }
}

if (import.meta.filename === process.argv[1]) {
  await buildConsole();
  console.log('console built into out/console, call display into out/display');
}
