import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');

/** Every source the renderer bundle is built from; a change in any of them makes the bundle stale. */
const RENDERER_SOURCES = [
  'renderer',
  'core/api',
  'platform/contract',
  'kiosk-config/station.ts',
  'vite.config.ts',
  'package-lock.json',
];

/** The newest modification time under `path` (node_modules skipped); 0 when it does not exist. */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when out/renderer is missing or older than any of its sources. */
export function rendererIsStale(): boolean {
  const built = join(RENDERER_OUT, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return RENDERER_SOURCES.some((source) => newestMtime(join(ROOT, source)) > builtAt);
}

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  // A production build whatever NODE_ENV this process inherited: a kiosk started from a vitest
  // test (NODE_ENV=test) rebuilds a stale renderer, and Vite and the React plugin follow NODE_ENV,
  // so out/renderer would get React's development build (slower, larger) for every later run.
  const inherited = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (inherited === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = inherited;
  }
}
