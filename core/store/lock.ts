import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { err, ok, type Result } from '../pure/result';

/**
 * One kiosk process per store: the store has exactly one writer connection (docs/reliability.md §2.1,
 * WAL-reset bug), so a second kiosk on the same data folder must not start. A lock file holds
 * the owner's pid; a lock left by a process that no longer exists (after kill -9 or a power cut)
 * is taken over.
 */
export interface StoreLock {
  release(): void;
}

export function acquireStoreLock(path: string): Result<StoreLock, { ownerPid: number }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return ok({
        release() {
          try {
            if (readFileSync(path, 'utf8') === String(process.pid)) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const ownerPid = Number.parseInt(readFileSafe(path), 10);
      if (Number.isInteger(ownerPid) && ownerPid > 0 && ownerPid !== process.pid && isAlive(ownerPid)) {
        return err({ ownerPid });
      }
      // Stale: the owner is gone. Remove and try once more.
      try {
        unlinkSync(path);
      } catch {
        // Someone else removed it first; the next attempt decides.
      }
    }
  }
  return err({ ownerPid: Number.parseInt(readFileSafe(path), 10) || 0 });
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
