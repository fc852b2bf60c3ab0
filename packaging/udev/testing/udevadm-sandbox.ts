import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Recording } from './recorded-device';
import type { UdevOutcome } from './udev-matcher';

/**
 * Runs the real udev rule engine (`udevadm test`, systemd 252) on a recorded device, with no
 * such device plugged in: the recording becomes a sysfs tree in a temporary folder, and a
 * private mount namespace puts it on /sys, our rules files alone on the rules folders, and empty
 * tmpfs on /dev and /run (udevadm test creates symlinks and its database there). Nothing outside
 * the namespace is touched. SYSTEMD_DEVICE_VERIFY_SYSFS=0 lets sd-device accept a /sys that is
 * not sysfs (systemd src/libsystemd/sd-device/sd-device.c, device_set_syspath).
 */

/** Why the sandbox cannot run here, or undefined when it can (root, unshare, udevadm). */
export function sandboxUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root for a private mount namespace';
  for (const tool of ['unshare', 'udevadm']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed`;
  }
  const probe = spawnSync('unshare', ['-m', '--propagation', 'private', 'true']);
  if (probe.status !== 0) return `unshare -m refused: ${probe.stderr.toString().trim()}`;
  return undefined;
}

/** Properties earlier rules set (60-serial.rules' ID_PATH …), replayed before our rules. */
const REPLAYED = /^ID_/;

export interface SandboxOutcome extends UdevOutcome {
  /** What udev said about the rules files themselves: `<file>:<line> <complaint>`. */
  readonly complaints: readonly string[];
}

export function runUdevadmTest(recording: Recording, rulesFiles: Readonly<Record<string, string>>): SandboxOutcome {
  const root = mkdtempSync(join(tmpdir(), 'udev-sandbox-'));
  try {
    buildSysfs(join(root, 'sys'), recording);
    const rulesDir = join(root, 'rules');
    mkdirSync(rulesDir);
    const replay = Object.entries(recording.properties)
      .filter(([k]) => REPLAYED.test(k))
      .map(([k, v]) => `ENV{${k}}="${v}"`);
    if (replay.length > 0) writeFileSync(join(rulesDir, '00-recorded-properties.rules'), `${replay.join(', ')}\n`);
    for (const [name, text] of Object.entries(rulesFiles)) writeFileSync(join(rulesDir, name), text);

    const [self] = recording.chain;
    if (self === undefined) throw new Error('a recording needs its device');
    const script = [
      'set -e',
      `mount --bind "${root}/sys" /sys`,
      'mount -t tmpfs tmpfs /dev',
      'mount -t tmpfs tmpfs /run',
      `for d in /etc/udev/rules.d /lib/udev/rules.d /usr/lib/udev/rules.d; do if [ -d "$d" ]; then mount --bind "${rulesDir}" "$d"; fi; done`,
      `SYSTEMD_DEVICE_VERIFY_SYSFS=0 SYSTEMD_LOG_LEVEL=debug udevadm test --action=add "/sys${self.devpath}"`,
    ].join('\n');
    const run = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script], { encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    if (run.status !== 0) throw new Error(`udevadm test failed (${String(run.status)}):\n${output}`);
    return parseUdevadmTest(output);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function buildSysfs(sys: string, recording: Recording): void {
  recording.chain.forEach((device, index) => {
    const dir = join(sys, device.devpath);
    mkdirSync(dir, { recursive: true });
    for (const [name, value] of Object.entries(device.attrs)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), `${value}\n`);
    }
    // sd-device takes every folder with a uevent file under /sys/devices for a device; the node
    // itself carries MAJOR, MINOR and DEVNAME there.
    const p = recording.properties;
    const uevent =
      index === 0
        ? ['MAJOR', 'MINOR', 'DEVTYPE']
            .filter((k) => p[k] !== undefined)
            .map((k) => `${k}=${p[k] ?? ''}`)
            .concat(p['DEVNAME'] === undefined ? [] : [`DEVNAME=${p['DEVNAME'].replace(/^\/dev\//, '')}`])
        : [];
    writeFileSync(join(dir, 'uevent'), uevent.map((l) => `${l}\n`).join(''));
    if (device.subsystem !== '') {
      const target = join('/sys', index === 0 ? 'class' : 'bus', device.subsystem);
      mkdirSync(join(sys, target.slice('/sys'.length)), { recursive: true });
      symlinkSync(target, join(dir, 'subsystem'));
    }
    if (device.driver !== '') {
      const target = join('/sys/bus', device.subsystem || 'none', 'drivers', device.driver);
      mkdirSync(join(sys, target.slice('/sys'.length)), { recursive: true });
      symlinkSync(target, join(dir, 'driver'));
    }
  });
}

const GROUP_LINE = /\.rules:\d+ GROUP (\d+)$/;
const MODE_LINE = /\.rules:\d+ MODE (\d+)$/;
const RULE_LINE = /: (\S+\.rules:\d+) /;

const COMPLAINT = /^\/\S+\.rules:\d+ /;

/** The outcome of `udevadm test`: its property listing, its GROUP/MODE log lines, its complaints. */
export function parseUdevadmTest(output: string): SandboxOutcome {
  const lines = output.split('\n');
  const groups = groupNamesById();
  let group: string | undefined;
  let mode: string | undefined;
  const matched = new Set<string>();
  const properties: Record<string, string> = {};
  let inListing = false;
  for (const line of lines) {
    const g = GROUP_LINE.exec(line);
    if (g !== null) group = groups.get(g[1] ?? '') ?? g[1];
    const m = MODE_LINE.exec(line);
    if (m !== null) mode = m[1];
    const r = RULE_LINE.exec(line);
    if (r !== null && !r[1]?.includes('00-recorded-properties')) matched.add(r[1] ?? '');
    if (line.startsWith('DEVPATH=')) inListing = true;
    if (inListing && /^[A-Z_0-9]+=/.test(line)) {
      const at = line.indexOf('=');
      properties[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  const symlinks = (properties['DEVLINKS'] ?? '')
    .split(' ')
    .filter((l) => l !== '')
    .map((l) => l.replace(/^\/dev\//, ''));
  const tags = (properties['TAGS'] ?? '').split(':').filter((t) => t !== '');
  const complaints = lines.filter((l) => COMPLAINT.test(l));
  return { symlinks, group, mode, tags, properties, matched: [...matched], complaints };
}

function groupNamesById(): Map<string, string> {
  const byId = new Map<string, string>();
  for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
    const [name, , gid] = line.split(':');
    if (name !== undefined && gid !== undefined) byId.set(gid, name);
  }
  return byId;
}
