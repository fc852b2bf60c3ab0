import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { err, ok, type Result } from '../pure/result';

/**
 * Where the kiosk's data key (AES-256, 32 bytes: everything personal in the store is sealed with
 * it) comes from, checked before the store is used:
 *
 * 1. `$CREDENTIALS_DIRECTORY/data-key`, when systemd passed it (`LoadCredential=` or
 *    `LoadCredentialEncrypted=`): systemd keeps it in memory, readable by the unit only.
 * 2. The configured key file (`data.keyFile`), which must lie outside the data folder, be a
 *    regular file, and be readable by its owner only: a copy of the data folder alone (a backup,
 *    a stolen disk image of /var/lib) then opens nothing.
 * 3. Older kiosks kept the key in the data folder as `data-key`. It is moved to the configured
 *    place once (written, synced and read back there before the old copy is removed), so a
 *    station keeps its data through the upgrade without a technician's visit.
 * 4. Otherwise a new key is made, but only while the store holds nothing sealed: a missing key
 *    with sealed data in the store is a lost or misplaced key, and start-up stops and says so.
 */

export const DATA_KEY_BYTES = 32;
/** The name of the key in the data folder of older kiosks, and of the systemd credential. */
export const DATA_KEY_NAME = 'data-key';

export interface DataKeyPlace {
  /** `data.keyFile`, resolved. */
  readonly keyFile: string;
  /** The data folder, which must not hold the key. */
  readonly dataDir: string;
  /** `$CREDENTIALS_DIRECTORY` when systemd started the kiosk with credentials; otherwise null. */
  readonly credentialsDir: string | null;
}

export type DataKeySource = 'keyFile' | 'created' | 'movedFromDataFolder' | 'systemdCredential';

export interface DataKey {
  readonly key: Buffer;
  /** The file it was read from (or written to). */
  readonly path: string;
  readonly source: DataKeySource;
  /** An identical older copy in the data folder was removed. */
  readonly removedOldCopy: boolean;
}

export interface DataKeyError {
  readonly kind: 'dataKey';
  /** Written for the technician at the station: what is wrong and what to do. */
  readonly message: string;
}

const fail = (message: string): Result<never, DataKeyError> => err({ kind: 'dataKey', message });

/**
 * Finds, checks and (when allowed) creates or moves the data key. `mayCreate`: the store holds
 * nothing sealed yet, so a fresh key loses nothing.
 */
export function loadDataKey(place: DataKeyPlace, options: { mayCreate: boolean }): Result<DataKey, DataKeyError> {
  try {
    return findDataKey(place, options);
  } catch (error) {
    // A folder the kiosk's user may not enter, an I/O error: said as it is, nothing changed.
    return fail(`cannot use the data key at ${place.keyFile}: ${(error as Error).message}`);
  }
}

function findDataKey(place: DataKeyPlace, options: { mayCreate: boolean }): Result<DataKey, DataKeyError> {
  if (isWithin(place.dataDir, place.keyFile)) {
    return fail(
      `the data key file ${place.keyFile} is inside the data folder ${place.dataDir}; a copy of the data folder would ` +
        'then carry its own key. Set data.keyFile in the kiosk config to a place outside it (for example ' +
        '"../.kiosk-keys/data-key") and start again; an existing key is moved there by itself.',
    );
  }
  const oldCopy = join(place.dataDir, DATA_KEY_NAME);

  if (place.credentialsDir !== null) {
    const credential = join(place.credentialsDir, DATA_KEY_NAME);
    if (exists(credential)) {
      const read = readKey(credential, { checkMode: false });
      if (!read.ok) return read;
      const cleaned = removeIdenticalOldCopy(oldCopy, read.value, 'the systemd credential data-key');
      if (!cleaned.ok) return cleaned;
      return ok({ key: read.value, path: credential, source: 'systemdCredential', removedOldCopy: cleaned.value });
    }
  }

  if (exists(place.keyFile)) {
    const stat = statSync(place.keyFile);
    if (stat.isFile() && stat.size === 0 && options.mayCreate) {
      // Killed between creating the file and writing it: nothing can have been sealed with it yet.
      const fresh = randomBytes(DATA_KEY_BYTES);
      writeFileSync(place.keyFile, fresh, { mode: 0o600, flush: true });
      return ok({ key: fresh, path: place.keyFile, source: 'created', removedOldCopy: false });
    }
    const read = readKey(place.keyFile, { checkMode: true });
    if (!read.ok) return read;
    const cleaned = removeIdenticalOldCopy(oldCopy, read.value, place.keyFile);
    if (!cleaned.ok) return cleaned;
    return ok({ key: read.value, path: place.keyFile, source: 'keyFile', removedOldCopy: cleaned.value });
  }

  if (exists(oldCopy)) {
    const read = readKey(oldCopy, { checkMode: false });
    if (!read.ok) return read;
    const moved = moveKey(read.value, oldCopy, place.keyFile, place.dataDir);
    if (!moved.ok) return moved;
    return ok({ key: read.value, path: place.keyFile, source: 'movedFromDataFolder', removedOldCopy: true });
  }

  if (!options.mayCreate) {
    return fail(
      `there is no data key at ${place.keyFile} (nor in the data folder), but the store in ${place.dataDir} holds ` +
        'sealed personal data that only its key opens. Restore the key file to that place from the station’s backup ' +
        '(owner-only: chmod 600), or point data.keyFile at it, and start again. Nothing was changed.',
    );
  }
  return createKey(place.keyFile);
}

/** `inner` is `outer` itself or somewhere below it. */
function isWithin(outer: string, inner: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file stands where a folder on the way should be; nothing is at the path itself.
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw error;
  }
}

function describeKind(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Reads a key file after checking it. `checkMode`: refuse group or other permissions. systemd
 * credentials are exempt: systemd may grant the unit's user access through an ACL, which shows
 * in the group bits, and the kernel already keeps them to that unit.
 */
function readKey(path: string, options: { checkMode: boolean }): Result<Buffer, DataKeyError> {
  const stat = statSync(path);
  if (!stat.isFile()) {
    return fail(`the data key ${path} is ${describeKind(stat)}; it must be a regular file of ${DATA_KEY_BYTES} bytes.`);
  }
  if (options.checkMode && (stat.mode & 0o077) !== 0) {
    const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
    return fail(
      `the data key ${path} can be read or changed by other users (mode ${mode}). Anyone who can read it can open ` +
        `the residents' data. Run: chmod 600 ${path} (as the kiosk's user) and start again.`,
    );
  }
  const key = readFileSync(path);
  if (key.length !== DATA_KEY_BYTES) {
    return fail(
      `the data key ${path} is ${key.length} bytes; a data key is ${DATA_KEY_BYTES}. Refusing to guess: sealed data ` +
        'needs its own key. Restore the key file from the station’s backup and start again.',
    );
  }
  return ok(key);
}

/** The key is in its place; an older copy left in the data folder goes if it is the same key. */
function removeIdenticalOldCopy(oldCopy: string, key: Buffer, keptAt: string): Result<boolean, DataKeyError> {
  if (!exists(oldCopy)) return ok(false);
  let old: Buffer;
  try {
    old = readFileSync(oldCopy);
  } catch (error) {
    return fail(`cannot read the older data key ${oldCopy}: ${(error as Error).message}`);
  }
  if (!old.equals(key)) {
    return fail(
      `the data folder still holds an older data key (${oldCopy}) that differs from ${keptAt}. One of them opens ` +
        'the stored data and the kiosk cannot tell which. Keep both files safe and ask the maintainer; nothing was changed.',
    );
  }
  unlinkSync(oldCopy);
  syncFolder(dirname(oldCopy));
  return ok(true);
}

/**
 * Moves the key without a moment where neither place has a complete copy: write to a temporary
 * name beside the target, sync, link it to the target (refuses to replace a file that appeared
 * meanwhile), sync the folder, read it back, and only then remove the old copy.
 */
function moveKey(key: Buffer, from: string, to: string, dataDir: string): Result<void, DataKeyError> {
  const folder = dirname(to);
  const temporary = `${to}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeSynced(temporary, key);
    try {
      linkSync(temporary, to);
    } finally {
      unlinkSync(temporary);
    }
    syncFolder(folder);
    if (!readFileSync(to).equals(key)) throw new Error(`${to} does not read back as the key just written`);
  } catch (error) {
    return fail(
      `could not move the data key from ${from} to ${to}: ${(error as Error).message}. The key is still at ${from}; ` +
        `make ${folder} writable for the kiosk's user (or set data.keyFile elsewhere) and start again.`,
    );
  }
  unlinkSync(from);
  syncFolder(dataDir);
  return ok(undefined);
}

function createKey(path: string): Result<DataKey, DataKeyError> {
  const key = randomBytes(DATA_KEY_BYTES);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeSynced(path, key);
    syncFolder(dirname(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      // Another process made it first: use theirs.
      const read = readKey(path, { checkMode: true });
      return read.ok ? ok({ key: read.value, path, source: 'keyFile', removedOldCopy: false }) : read;
    }
    return fail(`cannot create the data key ${path}: ${(error as Error).message}`);
  }
  return ok({ key, path, source: 'created', removedOldCopy: false });
}

/** Creates `path` (never replacing one) owner-only, with `bytes` on disk before it returns. */
function writeSynced(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A new or removed name is durable only once its folder is synced. */
function syncFolder(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
