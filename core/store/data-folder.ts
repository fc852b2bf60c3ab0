import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The data folder holds the residents' records (sealed), logs, receipts and the speech cache: it
 * is the kiosk user's alone. Created 0700; at every start, anything in it that group or others
 * may read, write or enter (left by an older kiosk, a copy, a umask) loses those permissions, so
 * folders are 0700 and files 0600. Symbolic links are left alone (their mode means nothing).
 * Answers what was tightened, relative to the folder, for the log.
 */
export function prepareDataFolder(dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tightened: string[] = [];
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) {
      // The owner's own bits stay as they are; group and others lose everything.
      chmodSync(path, stat.mode & 0o700);
      tightened.push(relative(dir, path) || '.');
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return tightened;
}

/**
 * Creates `path` empty and owner-only if it does not exist, and tightens it if it does, before a
 * program that would create it with the umask's mode (SQLite) opens it. SQLite gives the -wal and
 * -shm files the database file's mode, so they are owner-only too.
 */
export function ensurePrivateFile(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  const stat = lstatSync(path);
  if ((stat.mode & 0o077) !== 0) chmodSync(path, stat.mode & 0o700);
}
