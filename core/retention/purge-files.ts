import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Deletes the files of `dir` whose names match `match` and that were last written before
 * `olderThan`. `keepNewest`: the most recently written match stays whatever its age (the log
 * file pino is still appending to). A missing folder has nothing to delete.
 */
export function purgeOldFiles(
  dir: string,
  options: { readonly olderThan: Date; readonly match: RegExp; readonly keepNewest?: boolean },
): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  const files = names
    .filter((name) => options.match.test(name))
    .flatMap((name) => {
      const path = join(dir, name);
      try {
        const stat = statSync(path);
        return stat.isFile() ? [{ path, mtimeMs: stat.mtimeMs }] : [];
      } catch {
        return []; // removed meanwhile
      }
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  const candidates = options.keepNewest ? files.slice(1) : files;
  let deleted = 0;
  for (const file of candidates) {
    if (file.mtimeMs >= options.olderThan.getTime()) continue;
    try {
      unlinkSync(file.path);
      deleted += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return deleted;
}
