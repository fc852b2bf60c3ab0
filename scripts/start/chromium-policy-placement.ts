import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatPolicyFile,
  installedPolicyPath,
  policyDifferences,
  POLICY_FILE_NAME,
  systemPolicyRoot,
} from './chromium-policy';

/**
 * Where the kiosk's Chromium finds its managed policy, decided once at start:
 * - `perLaunch`: running as root (development machines, CI). The policy for this launch's exact
 *   origin is written to a temporary folder, and Chromium is started in a private mount namespace
 *   with that folder bind-mounted over the system policy folder. Only the kiosk's Chromium sees
 *   it: writing /etc/chromium/policies itself would lock every other Chromium on the machine to
 *   one loopback port (the end-to-end tests' browsers included), and a killed launcher would leave
 *   it there.
 * - `installed`: the station's Debian package installed the file, and it says what this kiosk
 *   needs (same origin: the station's config fixes `host.port`).
 * - `absent`: neither; the kiosk runs, and the log says the policy is not in force and why.
 */
export type PolicyPlacement =
  | { readonly kind: 'perLaunch'; readonly folder: string; readonly mountedOver: string }
  | { readonly kind: 'installed'; readonly file: string }
  | { readonly kind: 'absent'; readonly file: string; readonly reason: string };

export interface PlacementDeps {
  readonly asRoot: boolean;
  /** Whether a private mount namespace with `folder` bind-mounted over `over` can be made here. */
  readonly canMountPrivately: (folder: string, over: string) => { ok: true } | { ok: false; said: string };
  readonly readFile: (path: string) => string | null;
  readonly makeFolder: () => string;
  readonly writeFile: (path: string, text: string) => void;
  readonly ensureFolder: (path: string) => void;
  readonly removeFolder: (path: string) => void;
}

export function placeChromiumPolicy(
  binary: string,
  policy: Record<string, unknown>,
  deps: PlacementDeps = nodePlacementDeps,
): PolicyPlacement {
  const file = installedPolicyPath(binary);
  let rootProblem = '';
  if (deps.asRoot) {
    const folder = deps.makeFolder();
    deps.writeFile(join(folder, 'managed', POLICY_FILE_NAME), formatPolicyFile(policy));
    const over = systemPolicyRoot(binary);
    // The mount point must exist; an empty policy folder changes nothing for other browsers.
    deps.ensureFolder(over);
    const probe = deps.canMountPrivately(folder, over);
    if (probe.ok) return { kind: 'perLaunch', folder, mountedOver: over };
    deps.removeFolder(folder);
    rootProblem = `a private mount namespace could not be made (${probe.said}); `;
  }

  const text = deps.readFile(file);
  if (text === null) {
    return { kind: 'absent', file, reason: `${rootProblem}${file} is not installed` };
  }
  let installed: unknown;
  try {
    installed = JSON.parse(text);
  } catch {
    return { kind: 'absent', file, reason: `${rootProblem}${file} is not valid JSON` };
  }
  const differences = policyDifferences(installed, policy);
  if (differences.length > 0) {
    return {
      kind: 'absent',
      file,
      reason: `${rootProblem}${file} differs from what this kiosk needs in ${differences.join(', ')}${
        differences.includes('URLAllowlist') ? ' (is host.port in the config the port it was made for?)' : ''
      }`,
    };
  }
  return { kind: 'installed', file };
}

/** Starts `binary args` so that it sees the placement's policy. */
export function policyLaunchCommand(
  placement: PolicyPlacement,
  binary: string,
  args: readonly string[],
): { command: string; args: string[] } {
  if (placement.kind !== 'perLaunch') return { command: binary, args: [...args] };
  // unshare(1) and sh exec in turn, so the pid we hold is Chromium's own, and the pipes on fds 3
  // and 4 (--remote-debugging-pipe) pass through unchanged.
  return {
    command: 'unshare',
    args: [
      '--mount',
      '--propagation',
      'private',
      '--',
      '/bin/sh',
      '-c',
      MOUNT_AND_EXEC,
      'sh',
      placement.folder,
      placement.mountedOver,
      binary,
      ...args,
    ],
  };
}

const MOUNT_AND_EXEC = 'mount --bind "$1" "$2" && shift 2 && exec "$@"';

/** One line for the start log: whether the policy is in force, and where it comes from. */
export function describePlacement(placement: PolicyPlacement): string {
  switch (placement.kind) {
    case 'perLaunch':
      return `Chromium policy written for this launch and mounted over ${placement.mountedOver} for the kiosk's Chromium alone`;
    case 'installed':
      return `Chromium policy installed at ${placement.file}`;
    case 'absent':
      return `Chromium policy NOT in force: ${placement.reason}. Install the file the kiosk's package ships (npm run chromium-policy -- --port <host.port>) at that path, or start as root for a per-launch policy`;
  }
}

export function removePlacement(placement: PolicyPlacement, deps: PlacementDeps = nodePlacementDeps): void {
  if (placement.kind === 'perLaunch') deps.removeFolder(placement.folder);
}

export const nodePlacementDeps: PlacementDeps = {
  asRoot: process.getuid?.() === 0,
  canMountPrivately(folder, over) {
    const probe = spawnSync(
      'unshare',
      ['--mount', '--propagation', 'private', '--', '/bin/sh', '-c', 'mount --bind "$1" "$2"', 'sh', folder, over],
      {
        encoding: 'utf8',
        timeout: 5_000,
      },
    );
    if (probe.status === 0) return { ok: true };
    return { ok: false, said: (probe.error?.message ?? probe.stderr ?? '').trim() || `exit ${probe.status}` };
  },
  readFile: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : null),
  makeFolder: () => mkdtempSync(join(tmpdir(), 'bianmin-kiosk-policy-')),
  writeFile(path, text) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text, { mode: 0o644 });
  },
  ensureFolder: (path) => mkdirSync(path, { recursive: true }),
  removeFolder: (path) => rmSync(path, { recursive: true, force: true }),
};
