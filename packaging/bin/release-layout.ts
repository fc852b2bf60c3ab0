import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A station's release layout in a temporary folder, for running the real bin/boot-guard and
 * bin/rollback against it: <root>/releases/<version>/, the <root>/current link and the state folder
 * (release-lib.sh describes each file).
 */
export interface ReleaseLayout {
  readonly root: string;
  readonly stateDir: string;
  /** Where `current` points, as written in the link (e.g. `releases/0.1.0`). */
  currentTarget(): string;
  markGood(version: string): void;
  recordPrevious(version: string): void;
  stateFiles(): string[];
  rollbackRecords(): Array<Record<string, string>>;
  read(name: string): string | null;
  /** Runs packaging/bin/<script> with the layout's environment (as root, or as `nobody`). */
  run(
    script: 'boot-guard' | 'rollback',
    args?: readonly string[],
    env?: NodeJS.ProcessEnv,
    as?: 'root' | 'nobody',
  ): ScriptRun;
  remove(): void;
}

export interface ScriptRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const BIN = import.meta.dirname;

export function makeReleaseLayout(versions: readonly string[], current: string): ReleaseLayout {
  const base = mkdtempSync(join(tmpdir(), 'bianmin-releases-'));
  const root = join(base, 'opt');
  const stateDir = join(base, 'state', 'release');
  for (const version of versions) mkdirSync(join(root, 'releases', version, 'bin'), { recursive: true });
  spawnSync('ln', ['-s', `releases/${current}`, join(root, 'current')]);
  mkdirSync(stateDir, { recursive: true });

  return {
    root,
    stateDir,
    currentTarget: () => readlinkSync(join(root, 'current')),
    markGood: (version) => writeFileSync(join(stateDir, `good-${version}`), ''),
    recordPrevious: (version) => writeFileSync(join(stateDir, 'previous'), `${version}\n`),
    stateFiles: () => (existsSync(stateDir) ? readdirSync(stateDir).sort() : []),
    rollbackRecords: () =>
      readdirSync(stateDir)
        .filter((name) => /^rollback-.*\.json$/.test(name))
        .sort()
        .map((name) => JSON.parse(readFileSync(join(stateDir, name), 'utf8')) as Record<string, string>),
    read: (name) => (existsSync(join(stateDir, name)) ? readFileSync(join(stateDir, name), 'utf8') : null),
    run(script, args = [], env = {}, as = 'root') {
      const command = join(BIN, script);
      // setpriv (util-linux) drops to nobody for the one process; the test itself runs as root.
      const [file, argv] =
        as === 'root'
          ? [command, args]
          : ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', command, ...args]];
      const result = spawnSync(file, argv, {
        encoding: 'utf8',
        env: {
          PATH: process.env['PATH'],
          BIANMIN_ROOT: root,
          BIANMIN_RELEASE_STATE_DIR: stateDir,
          // No such user on a test machine unless a test names one.
          BIANMIN_USER: 'bianmin-test-absent',
          // systemd is not running here; a test that wants the restart names a folder.
          BIANMIN_SYSTEMD_DIR: join(base, 'no-systemd'),
          ...env,
        },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}
