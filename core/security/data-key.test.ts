import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDataKey, type DataKeyPlace } from './data-key';

let root: string;
let place: DataKeyPlace;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiosk-data-key-'));
  mkdirSync(join(root, 'data'), { mode: 0o700 });
  place = { keyFile: join(root, 'keys', 'data-key'), dataDir: join(root, 'data'), credentialsDir: null };
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const KEY = Buffer.alloc(32, 5);
const oldCopy = () => join(root, 'data', 'data-key');
const mode = (path: string) => statSync(path).mode & 0o777;
const messageOf = (result: ReturnType<typeof loadDataKey>) => (result.ok ? '' : result.error.message);

describe('loadDataKey', () => {
  it('makes a new key outside the data folder, owner-only, and reads the same one next time', () => {
    const first = loadDataKey(place, { mayCreate: true });
    expect(first).toMatchObject({ ok: true, value: { source: 'created', path: place.keyFile } });
    expect(mode(place.keyFile)).toBe(0o600);
    expect(mode(join(root, 'keys'))).toBe(0o700);
    expect(readFileSync(place.keyFile)).toHaveLength(32);
    const second = loadDataKey(place, { mayCreate: true });
    expect(second.ok && first.ok && second.value.key.equals(first.value.key)).toBe(true);
    expect(second).toMatchObject({ ok: true, value: { source: 'keyFile' } });
  });

  it('refuses a key file that group or others can read or write, saying which chmod fixes it', () => {
    mkdirSync(join(root, 'keys'));
    writeFileSync(place.keyFile, KEY, { mode: 0o600 });
    for (const loose of [0o644, 0o640, 0o604, 0o620, 0o602]) {
      chmodSync(place.keyFile, loose);
      const result = loadDataKey(place, { mayCreate: true });
      expect(result.ok, loose.toString(8)).toBe(false);
      expect(messageOf(result)).toContain(`chmod 600 ${place.keyFile}`);
    }
    chmodSync(place.keyFile, 0o400);
    expect(loadDataKey(place, { mayCreate: true })).toMatchObject({ ok: true, value: { source: 'keyFile' } });
  });

  it('refuses a key that is not a regular file or not 32 bytes, and never replaces it', () => {
    mkdirSync(place.keyFile, { recursive: true });
    expect(messageOf(loadDataKey(place, { mayCreate: true }))).toMatch(/is a folder; it must be a regular file/);
    rmSync(place.keyFile, { recursive: true });
    writeFileSync(place.keyFile, Buffer.alloc(31, 1), { mode: 0o600 });
    expect(messageOf(loadDataKey(place, { mayCreate: true }))).toMatch(/is 31 bytes; a data key is 32/);
    expect(readFileSync(place.keyFile)).toEqual(Buffer.alloc(31, 1));
  });

  it('follows a symbolic link to a proper key file, and checks the file it points at', () => {
    const real = join(root, 'elsewhere-key');
    writeFileSync(real, KEY, { mode: 0o600 });
    mkdirSync(join(root, 'keys'));
    symlinkSync(real, place.keyFile);
    expect(loadDataKey(place, { mayCreate: false })).toMatchObject({ ok: true, value: { key: KEY } });
    chmodSync(real, 0o644);
    expect(messageOf(loadDataKey(place, { mayCreate: false }))).toMatch(/can be read or changed by other users/);
  });

  it('replaces a key file left empty by a crash while nothing is sealed yet', () => {
    mkdirSync(join(root, 'keys'));
    writeFileSync(place.keyFile, '', { mode: 0o600 });
    expect(loadDataKey(place, { mayCreate: true })).toMatchObject({ ok: true, value: { source: 'created' } });
    expect(readFileSync(place.keyFile)).toHaveLength(32);
  });

  it('moves the key an older kiosk kept in the data folder, and the data stays readable with it', () => {
    writeFileSync(oldCopy(), KEY, { mode: 0o600 });
    const moved = loadDataKey(place, { mayCreate: false });
    expect(moved).toMatchObject({
      ok: true,
      value: { key: KEY, source: 'movedFromDataFolder', path: place.keyFile, removedOldCopy: true },
    });
    expect(existsSync(oldCopy())).toBe(false);
    expect(readFileSync(place.keyFile)).toEqual(KEY);
    expect(mode(place.keyFile)).toBe(0o600);
    expect(loadDataKey(place, { mayCreate: false })).toMatchObject({
      ok: true,
      value: { key: KEY, source: 'keyFile' },
    });
  });

  it('finishes a move cut off after the copy: the same key in both places leaves the old copy removed', () => {
    mkdirSync(join(root, 'keys'));
    writeFileSync(place.keyFile, KEY, { mode: 0o600 });
    writeFileSync(oldCopy(), KEY, { mode: 0o600 });
    expect(loadDataKey(place, { mayCreate: false })).toMatchObject({ ok: true, value: { removedOldCopy: true } });
    expect(existsSync(oldCopy())).toBe(false);
  });

  it('refuses two different keys, changing nothing', () => {
    mkdirSync(join(root, 'keys'));
    writeFileSync(place.keyFile, KEY, { mode: 0o600 });
    writeFileSync(oldCopy(), Buffer.alloc(32, 6), { mode: 0o600 });
    expect(messageOf(loadDataKey(place, { mayCreate: true }))).toMatch(/older data key .* differs from/);
    expect(readFileSync(oldCopy())).toEqual(Buffer.alloc(32, 6));
    expect(readFileSync(place.keyFile)).toEqual(KEY);
  });

  it('keeps the old key where it is when the new place cannot be written, and says so', () => {
    writeFileSync(oldCopy(), KEY, { mode: 0o600 });
    // A file where the key's folder should be: no user, root included, can create the key there.
    writeFileSync(join(root, 'keys'), 'not a folder');
    const result = loadDataKey(place, { mayCreate: false });
    expect(messageOf(result)).toMatch(/could not move the data key .* is still at/);
    expect(readFileSync(oldCopy())).toEqual(KEY);
  });

  it('does not make a new key when the store holds sealed data: the key was lost or moved', () => {
    const result = loadDataKey(place, { mayCreate: false });
    expect(messageOf(result)).toMatch(/no data key at .* holds sealed personal data .* Restore the key file/);
    expect(existsSync(place.keyFile)).toBe(false);
  });

  it('refuses a configured key inside the data folder', () => {
    const inside = { ...place, keyFile: join(root, 'data', 'keys', 'data-key') };
    expect(messageOf(loadDataKey(inside, { mayCreate: true }))).toMatch(/inside the data folder/);
  });

  it('uses the systemd credential when one is passed, before any key file', () => {
    const credentials = join(root, 'credentials');
    mkdirSync(credentials, { mode: 0o500 });
    writeFileSync(join(credentials, 'data-key'), KEY, { mode: 0o440 });
    mkdirSync(join(root, 'keys'));
    writeFileSync(place.keyFile, Buffer.alloc(32, 9), { mode: 0o600 });
    const withCredential = { ...place, credentialsDir: credentials };
    expect(loadDataKey(withCredential, { mayCreate: false })).toMatchObject({
      ok: true,
      value: { key: KEY, source: 'systemdCredential', path: join(credentials, 'data-key') },
    });
    // A systemd credentials folder without our key: the key file is used.
    const other = { ...place, credentialsDir: join(root, 'data') };
    expect(loadDataKey(other, { mayCreate: false })).toMatchObject({ ok: true, value: { source: 'keyFile' } });
  });

  it('removes an identical older key from the data folder once a systemd credential holds it', () => {
    const credentials = join(root, 'credentials');
    mkdirSync(credentials);
    writeFileSync(join(credentials, 'data-key'), KEY, { mode: 0o400 });
    writeFileSync(oldCopy(), KEY, { mode: 0o600 });
    expect(loadDataKey({ ...place, credentialsDir: credentials }, { mayCreate: false })).toMatchObject({
      ok: true,
      value: { source: 'systemdCredential', removedOldCopy: true },
    });
    expect(existsSync(oldCopy())).toBe(false);
  });
});
