import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRenderer, RENDERER_OUT, rendererIsStale, ROOT } from '../../scripts/build-renderer';
import { buildBundles } from '../../scripts/package/bundles';

export interface BenchRelease {
  /** The bundled kiosk service, as a release's app/bundle/start.mjs. */
  readonly startScript: string;
  remove(): void;
}

/**
 * This checkout's production build, laid out as a release's app/ folder (scripts/package/release.ts)
 * but with the checkout's node_modules linked instead of copied: what the start-up benchmark
 * measures is the same bundles and renderer a station runs, without building a whole package.
 */
export async function buildBenchRelease(): Promise<BenchRelease> {
  if (rendererIsStale()) await buildRenderer();
  const appDir = mkdtempSync(join(tmpdir(), 'bianmin-bench-release-'));
  await buildBundles(ROOT, appDir, ['start']);
  cpSync(RENDERER_OUT, join(appDir, 'out/renderer'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(appDir, 'node_modules'));
  writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'bianmin-kiosk', version: '0.0.0-bench' }));
  return {
    startScript: join(appDir, 'bundle/start.mjs'),
    remove: () => rmSync(appDir, { recursive: true, force: true }),
  };
}
