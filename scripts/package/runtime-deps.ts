import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * Installed only to build or fetch a native addon, never required when the kiosk runs:
 * better-sqlite3 lists prebuild-install as a dependency, and node-addon-api is C++ headers.
 */
const INSTALL_TIME_ONLY = new Set(['prebuild-install', 'node-addon-api']);

interface PackageJson {
  readonly bin?: string | Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

/** Node's lookup: node_modules/<name> in the package's folder and each folder above, up to root. */
function resolvePackageDir(root: string, name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || !dir.startsWith(root)) return null;
  }
}

/**
 * The package folders (relative to `root`) that the given packages need at run time: their
 * dependencies and installed optional dependencies, found the way Node finds them, so a nested
 * node_modules copy is taken where Node would take it. Optional dependencies that are not
 * installed (another platform's prebuilt addon) are skipped; a missing required one is an error.
 */
export function runtimeClosure(root: string, entries: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean) => {
    if (INSTALL_TIME_ONLY.has(name)) return;
    const dir = resolvePackageDir(root, name, fromDir);
    if (!dir) {
      if (optional) return;
      throw new Error(`${name} (needed from ${relative(root, fromDir) || '.'}) is not installed; run npm ci`);
    }
    const key = relative(root, dir);
    if (found.has(key)) return;
    found.add(key);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const entry of entries) visit(entry, root, false);
  return [...found].sort();
}

/**
 * What a package folder carries that the runtime never reads: an addon's sources and build
 * intermediates, prebuilt addons for other systems (and for musl), the package's command-line
 * tools (its `bin`: install-time helpers such as node-gyp-build's, which would also name an
 * interpreter the package does not bring), type declarations, source maps, docs and dotfiles.
 * Licence files stay (they travel with the code).
 */
function isNeededAtRunTime(pathInPackage: string, isAddon: boolean, binFiles: ReadonlySet<string>): boolean {
  const parts = pathInPackage.split(sep);
  const [first, second] = parts;
  const name = parts[parts.length - 1] ?? '';
  if (first === 'node_modules') return false; // nested packages are copied on their own, if needed
  if (binFiles.has(pathInPackage)) return false;
  if (name.startsWith('.')) return false;
  // An addon's C/C++ sources (in other packages, src/ is JavaScript: debug's main is src/index.js).
  if (isAddon && (first === 'src' || first === 'deps' || first === 'hidapi' || first === 'binding.gyp')) return false;
  if (first === 'build' && second !== undefined && second !== 'Release') return false;
  if (first === 'build' && second === 'Release' && parts.length > 2) {
    return parts.length === 3 && name !== 'test_extension.node' && name.endsWith('.node');
  }
  if (first === 'prebuilds' && second !== undefined) {
    return /^(HID(_hidraw)?-)?linux-x64$/.test(second) && !name.includes('musl');
  }
  if (/\.(d\.ts|d\.mts|d\.cts|map|md|markdown)$/.test(name) && !/^licen[cs]e/i.test(name)) return false;
  return true;
}

/** The files a package.json's `bin` names, relative to the package folder. */
function binFilesOf(packageDir: string): Set<string> {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as PackageJson;
  const bins = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
  return new Set(bins.map((bin) => normalize(bin)));
}

/** Copies the closure into `targetRoot/node_modules/…`, pruned to what runs. Returns the folders. */
export function copyRuntimeDeps(root: string, targetRoot: string, entries: readonly string[]): string[] {
  const closure = runtimeClosure(root, entries);
  for (const dir of closure) {
    const from = join(root, dir);
    const to = join(targetRoot, dir);
    rmSync(to, { recursive: true, force: true });
    const isAddon = existsSync(join(from, 'binding.gyp'));
    const binFiles = binFilesOf(from);
    cpSync(from, to, {
      recursive: true,
      dereference: true,
      filter: (source) => source === from || isNeededAtRunTime(relative(from, source), isAddon, binFiles),
    });
  }
  return closure;
}

/** Bytes under a folder (files only), for the build's report. */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const info = lstatSync(join(dir, entry));
    if (info.isFile()) total += info.size;
  }
  return total;
}
