import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A clean Debian 12 root, as a station would start from, with the package's dependencies already
 * installed so that the test installs the .deb without the network: made once with mmdebstrap from
 * Debian's own mirror and kept as a tarball under /var/cache (keyed by what it includes), then
 * unpacked fresh for each run.
 */
const SUITE = 'bookworm';
const MIRRORS = [
  'deb http://deb.debian.org/debian bookworm main',
  'deb http://deb.debian.org/debian bookworm-updates main',
  'deb http://deb.debian.org/debian-security bookworm-security main',
];
/** The .deb's Depends (scripts/package/deb.ts) and what the test runs inside the root. */
const INCLUDE = ['adduser', 'systemd', 'udev', 'cage', 'xwayland', 'chromium', 'fonts-noto-cjk', 'espeak-ng', 'procps'];
const CACHE_DIR = process.env['BIANMIN_ROOT_CACHE'] ?? '/var/cache/bianmin-kiosk-test';

export function cachedRootTarball(log: (line: string) => void): string {
  const key = createHash('sha256').update(JSON.stringify({ SUITE, MIRRORS, INCLUDE })).digest('hex').slice(0, 12);
  const tarball = join(CACHE_DIR, `debian12-${key}.tar`);
  if (existsSync(tarball)) return tarball;
  mkdirSync(CACHE_DIR, { recursive: true });
  log(`making a clean Debian 12 root with mmdebstrap (once; cached as ${tarball})`);
  // Under a lock: CI starts making it early, in the background (.ci/run), and the test waits for
  // that run instead of starting a second one.
  // mmdebstrap picks its output format by the name's ending: the partial file must end in .tar.
  const partial = tarball.replace(/\.tar$/, '.partial.tar');
  const mmdebstrap = [
    'mmdebstrap',
    '--variant=minbase',
    `--include=${INCLUDE.join(',')}`,
    '--quiet',
    SUITE,
    partial,
    ...MIRRORS,
  ];
  const script = 'tarball="$1"; partial="$2"; shift 2; test -e "$tarball" || { "$@" && mv "$partial" "$tarball"; }';
  execFileSync('flock', [join(CACHE_DIR, '.lock'), 'sh', '-c', script, 'sh', tarball, partial, ...mmdebstrap], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (!existsSync(tarball)) throw new Error(`mmdebstrap did not make ${tarball}`);
  return tarball;
}

export interface DebianRoot {
  readonly dir: string;
  /** Runs a command inside the root (chroot), as root or as the given user. */
  run(command: readonly string[], options?: RunOptions): string;
  remove(): void;
}

export interface RunOptions {
  readonly user?: string;
  readonly env?: Record<string, string>;
  /** Accept a non-zero exit (the output is returned either way). */
  readonly allowFailure?: boolean;
}

/** Unpacks the cached root into a temporary folder with /proc, /dev and /sys mounted, as a booted system has. */
export function freshRoot(tarball: string): DebianRoot {
  const dir = mkdtempSync(join(tmpdir(), 'bianmin-debian12-'));
  execFileSync('tar', ['-xf', tarball, '-C', dir]);
  const mounts: string[] = [];
  const mount = (args: string[], target: string) => {
    execFileSync('mount', [...args, join(dir, target)]);
    mounts.unshift(join(dir, target));
  };
  mount(['-t', 'proc', 'proc'], 'proc');
  mount(['--rbind', '/dev'], 'dev');
  mount(['--rbind', '/sys'], 'sys');
  mount(['-t', 'tmpfs', 'tmpfs'], 'run');
  return {
    dir,
    run(command, options = {}) {
      const env = Object.entries({ PATH: '/usr/sbin:/usr/bin:/sbin:/bin', LANG: 'C.UTF-8', ...options.env }).map(
        ([name, value]) => `${name}=${value}`,
      );
      const user = options.user ? [`--userspec=${options.user}:${options.user}`] : [];
      try {
        return execFileSync('chroot', [...user, dir, '/usr/bin/env', '-i', ...env, ...command], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (error) {
        const failed = error as { stdout?: string; stderr?: string; status?: number };
        if (options.allowFailure) return `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
        throw new Error(
          `${command.join(' ')} failed in the Debian root (exit ${failed.status}):\n${failed.stdout ?? ''}${failed.stderr ?? ''}`,
        );
      }
    },
    remove() {
      for (const target of mounts) execFileSync('umount', ['-l', target]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
