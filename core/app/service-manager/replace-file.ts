import { renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Replaces `path` whole: written to a temporary name beside it, then renamed over it, so a reader
 * (the display unit, the boot guard) sees the old file or the whole new one, never half of it.
 * A stale temporary of an earlier run with our pid is truncated ('w') and keeps the mode.
 */
export function replaceFile(path: string, text: string, mode: number): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, text, { mode });
  renameSync(temporary, path);
}
