import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether this kiosk runs from a development checkout or from a production build, decided in one
 * place. Development allows `KIOSK_DEV=1` (the `dev.emulator` method, devtools, the dev panel,
 * #camera-harness), the sample technician PIN, short PINs, and plain http to a platform on
 * loopback. A production build allows none of them, whatever the environment says.
 *
 * The rule:
 * 1. A bundle decides at build time. The bundler replaces `__KIOSK_BUILD_KIND__` (BUILD_KIND_DEFINE)
 *    with the kind of the checkout it was built from (electron/build.ts does; the Debian package's
 *    bundle of core must too). Only the exact string "development" means development: a bundle
 *    with any other value is production.
 * 2. Run from the TypeScript sources (tsx; no constant), it is development only when the entry
 *    script is a `.ts` file AND the repository root has a `.git` (a folder, or a file in a git
 *    worktree): what `git clone` + `npm start` gives. A copy without `.git` (a tarball, an
 *    installed package) is production.
 * 3. `KIOSK_BUILD=production` makes any run production. It can only take development away, so a
 *    station cannot be talked into development by its environment; tests use it to check the
 *    production rules on a checkout.
 */
export type BuildKind = 'development' | 'production';

declare const __KIOSK_BUILD_KIND__: string | undefined;

/** The identifier a bundler's `define` replaces with JSON.stringify(kind). */
export const BUILD_KIND_DEFINE = '__KIOSK_BUILD_KIND__';

/** What the bundler put in, or undefined when running from sources. */
export function bundledBuildKind(): string | undefined {
  return typeof __KIOSK_BUILD_KIND__ === 'string' ? __KIOSK_BUILD_KIND__ : undefined;
}

export interface BuildFacts {
  /** The value the bundler defined, or undefined (running from sources). */
  readonly bundled: string | undefined;
  /** The entry script (process.argv[1] or import.meta.url of the entry), for the `.ts` test. */
  readonly entry: string | undefined;
  /** The repository root: where package.json (and, in a checkout, .git) is. */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  readonly exists: (path: string) => boolean;
}

export function decideBuildKind(facts: BuildFacts): BuildKind {
  if (facts.env['KIOSK_BUILD'] === 'production') return 'production';
  if (facts.bundled !== undefined) return facts.bundled === 'development' ? 'development' : 'production';
  const fromSources = facts.entry !== undefined && /\.(c|m)?ts$/.test(facts.entry);
  return fromSources && facts.exists(join(facts.root, '.git')) ? 'development' : 'production';
}

/** The kind of the running program; `root` is the repository root, `entry` the entry script. */
export function currentBuildKind(root: string, entry: string | undefined = process.argv[1]): BuildKind {
  return decideBuildKind({ bundled: bundledBuildKind(), entry, root, env: process.env, exists: existsSync });
}

export interface DevModeDecision {
  readonly devMode: boolean;
  /** Set when KIOSK_DEV=1 was asked for and refused; for the log. */
  readonly ignored: string | null;
}

/** `KIOSK_DEV=1` (exactly) turns development mode on, in a development build only. */
export function decideDevMode(kind: BuildKind, env: NodeJS.ProcessEnv): DevModeDecision {
  const asked = env['KIOSK_DEV'] === '1';
  if (!asked) return { devMode: false, ignored: null };
  if (kind === 'production') {
    return {
      devMode: false,
      ignored: 'KIOSK_DEV=1 is ignored: this is a production build (development mode needs a development checkout)',
    };
  }
  return { devMode: true, ignored: null };
}
