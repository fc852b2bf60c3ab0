import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConsole, CONSOLE_OUT, consoleIsStale, DISPLAY_OUT } from '../build-console';
import { buildRenderer, RENDERER_OUT, rendererIsStale } from '../build-renderer';
import { buildBundles, BUNDLE_ENTRIES, RUNTIME_EXTERNALS, type BundleName } from './bundles';
import { assertSameAbi, fetchNodeRuntime, unpackNodeRuntime } from './node-runtime';
import { copyRuntimeDeps } from './runtime-deps';

/**
 * Native code as Debian ships it: debug symbols stripped (the dynamic symbol table that addons
 * link against stays: --strip-unneeded), and shared objects not executable.
 */
function stripNativeCode(releaseDir: string): void {
  const addons = readdirSync(releaseDir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.node'))
    .map((path) => join(releaseDir, path));
  for (const addon of addons) chmodSync(addon, 0o644);
  execFileSync('strip', ['--strip-unneeded', join(releaseDir, 'node/bin/node'), ...addons]);
}

/** The sh scripts a release carries in bin/ (packaging/bin/): the command, the two run as root and their shared part. */
export const RELEASE_SCRIPTS = ['bianmin-kiosk', 'boot-guard', 'rollback', 'release-lib.sh'] as const;

export interface ReleaseFacts {
  readonly version: string;
  /** Package folders shipped in app/node_modules. */
  readonly runtimePackages: readonly string[];
}

/**
 * One release folder, as installed under /opt/bianmin-kiosk/releases/<version> (packaging/README.md):
 * node/ (the pinned runtime), app/ (bundles, the prebuilt renderer, production node_modules),
 * bin/ (the commands).
 */
export async function buildRelease(root: string, releaseDir: string): Promise<ReleaseFacts> {
  assertSameAbi();
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  rmSync(releaseDir, { recursive: true, force: true });
  const appDir = join(releaseDir, 'app');
  mkdirSync(appDir, { recursive: true });

  // npm test has just built it for the end-to-end tests; every build is production-mode
  // (scripts/build-renderer.ts), so a bundle newer than its sources is the one to ship.
  if (rendererIsStale()) await buildRenderer();
  // Source maps stay on the build machine: the station has no use for them.
  cpSync(RENDERER_OUT, join(appDir, 'out/renderer'), { recursive: true, filter: (path) => !path.endsWith('.map') });
  // The county console, served by the platform (embedded or `bianmin-kiosk platform`) at /console.
  if (consoleIsStale()) await buildConsole();
  cpSync(CONSOLE_OUT, join(appDir, 'out/console'), { recursive: true, filter: (path) => !path.endsWith('.map') });
  // The call display, served beside it at /display/<stationId>.
  cpSync(DISPLAY_OUT, join(appDir, 'out/display'), { recursive: true, filter: (path) => !path.endsWith('.map') });
  await buildBundles(root, appDir, Object.keys(BUNDLE_ENTRIES) as BundleName[]);
  // "type": "module" is not needed (.mjs); the version is what the kiosk reports and logs.
  writeFileSync(
    join(appDir, 'package.json'),
    `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, license: 'MIT' }, null, 2)}\n`,
  );
  const runtimePackages = copyRuntimeDeps(root, appDir, RUNTIME_EXTERNALS);

  unpackNodeRuntime(fetchNodeRuntime(), join(releaseDir, 'node'));
  stripNativeCode(releaseDir);

  mkdirSync(join(releaseDir, 'bin'));
  for (const script of RELEASE_SCRIPTS) {
    const from = join(root, 'packaging/bin', script);
    if (!existsSync(from)) throw new Error(`packaging/bin/${script} is missing`);
    cpSync(from, join(releaseDir, 'bin', script));
    // release-lib.sh is sourced by the other two, not run.
    chmodSync(join(releaseDir, 'bin', script), script.endsWith('.sh') ? 0o644 : 0o755);
  }
  return { version: pkg.version, runtimePackages };
}
