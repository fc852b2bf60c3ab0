import { dirname } from 'node:path';
import { fail, pass, warn, type CheckResult } from './check';

export interface DiskFacts {
  /** Bytes an unprivileged user may still write on the filesystem holding `path` (statfs bavail × bsize). */
  readonly freeBytes: (path: string) => number;
  readonly exists: (path: string) => boolean;
}

const MB = 1024 * 1024;
export const DISK_FAIL_BELOW = 500 * MB;
export const DISK_WARN_BELOW = 2 * 1024 * MB;

const ID = 'disk.free';
const TITLE = '数据盘剩余空间';

function shown(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.floor(bytes / MB)} MB`;
}

/** Free space where the data folder lives (its nearest existing parent before the first start). */
export function checkDisk(facts: DiskFacts, dataDir: string): CheckResult {
  let where = dataDir;
  while (!facts.exists(where) && dirname(where) !== where) where = dirname(where);
  const free = facts.freeBytes(where);
  const detail = `${where} 所在的文件系统还剩 ${shown(free)}`;
  const fix =
    '清理空间：sudo journalctl --vacuum-size=200M；sudo apt-get clean；在巡检页查看数据保留设置（kiosk.json 的 retention）';
  if (free < DISK_FAIL_BELOW) return fail(ID, TITLE, `${detail}（少于 ${shown(DISK_FAIL_BELOW)}）`, fix);
  if (free < DISK_WARN_BELOW) return warn(ID, TITLE, `${detail}（少于 ${shown(DISK_WARN_BELOW)}）`, fix);
  return pass(ID, TITLE, detail);
}
