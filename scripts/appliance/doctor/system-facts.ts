import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync, statfsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { readPlatformToken } from '../../../core/app/platform-token';
import type { FileInfo, ServiceUser } from './data-folder-check';
import type { Holder } from './device-check';

/** The real machine behind the checks' injected facts; each one answers, never throws. */

export function lstatOrNull(path: string): (FileInfo & { gid: number }) | null {
  try {
    const info = lstatSync(path);
    return {
      uid: info.uid,
      gid: info.gid,
      mode: info.mode,
      isDirectory: info.isDirectory(),
      isSymbolicLink: info.isSymbolicLink(),
    };
  } catch {
    return null;
  }
}

/** Throws on a folder the doctor may not read, so the data-folder check can say so. */
export function readdirStrict(path: string): readonly string[] {
  return readdirSync(path);
}

export function readdirOrNull(path: string): readonly string[] | null {
  try {
    return readdirSync(path);
  } catch {
    return null;
  }
}

export function readFileOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function readlinkOrNull(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}

export function freeBytes(path: string): number {
  const stats = statfsSync(path);
  return stats.bavail * stats.bsize;
}

export const exists = (path: string): boolean => existsSync(path);

/** sd_booted(3): systemd is PID 1 exactly when this folder exists. */
export const systemdRunning = (): boolean => existsSync('/run/systemd/system');

export const readToken = readPlatformToken;

/**
 * The service runs as `bianmin` (User= in bianmin-kiosk.service); on a development checkout,
 * where there is no such user, the kiosk runs as whoever starts it.
 */
export function serviceUser(passwd = readFileOrNull('/etc/passwd') ?? ''): ServiceUser & { gid: number } {
  for (const line of passwd.split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === 'bianmin' && uid !== undefined && gid !== undefined)
      return { name, uid: Number(uid), gid: Number(gid) };
  }
  const me = userInfo();
  return { name: me.username, uid: me.uid, gid: me.gid };
}

/** Processes with `path` open: each /proc/<pid>/fd link compared with the device's real path. */
export function holdersOf(path: string, proc = '/proc'): Holder[] {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return [];
  }
  const holders: Holder[] = [];
  for (const pid of readdirOrNull(proc) ?? []) {
    if (!/^[0-9]+$/.test(pid) || Number(pid) === process.pid) continue;
    const fds = readdirOrNull(join(proc, pid, 'fd')) ?? [];
    if (!fds.some((fd) => readlinkOrNull(join(proc, pid, 'fd', fd)) === target)) continue;
    const cgroup = readFileOrNull(join(proc, pid, 'cgroup')) ?? '';
    const unit = [...cgroup.matchAll(/\/([^/\n]+\.service)(?=\/|$)/gm)].at(-1)?.[1] ?? null;
    holders.push({ pid: Number(pid), command: (readFileOrNull(join(proc, pid, 'comm')) ?? '?').trim(), unit });
  }
  return holders;
}

export function videoDevices(): readonly string[] {
  return (readdirOrNull('/dev') ?? []).filter((name) => /^video[0-9]+$/.test(name)).map((name) => `/dev/${name}`);
}
