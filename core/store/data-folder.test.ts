import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrivateFile, prepareDataFolder } from './data-folder';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kiosk-data-folder-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe('prepareDataFolder', () => {
  it('creates the folder owner-only', () => {
    const dir = join(root, 'a', 'data');
    expect(prepareDataFolder(dir)).toEqual([]);
    expect(mode(dir)).toBe(0o700);
  });

  it('tightens what an older kiosk left readable: folders to 0700, files to 0600, at any depth', () => {
    const dir = join(root, 'data');
    mkdirSync(join(dir, 'logs'), { recursive: true });
    mkdirSync(join(dir, 'emulated-printer'));
    writeFileSync(join(dir, 'kiosk.sqlite'), 'x');
    writeFileSync(join(dir, 'logs', 'kiosk.1.log'), 'x');
    writeFileSync(join(dir, 'emulated-printer', 'receipt-0001.txt'), 'x');
    writeFileSync(join(dir, 'already-private'), 'x', { mode: 0o600 });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'logs'), 0o775);
    chmodSync(join(dir, 'emulated-printer'), 0o755);
    chmodSync(join(dir, 'kiosk.sqlite'), 0o644);
    chmodSync(join(dir, 'logs', 'kiosk.1.log'), 0o666);
    chmodSync(join(dir, 'emulated-printer', 'receipt-0001.txt'), 0o604);
    symlinkSync('/etc/hostname', join(dir, 'link'));

    const tightened = prepareDataFolder(dir);
    expect(tightened.sort()).toEqual(
      ['.', 'emulated-printer', 'emulated-printer/receipt-0001.txt', 'kiosk.sqlite', 'logs', 'logs/kiosk.1.log'].sort(),
    );
    for (const folder of [dir, join(dir, 'logs'), join(dir, 'emulated-printer')]) expect(mode(folder)).toBe(0o700);
    for (const file of ['kiosk.sqlite', 'logs/kiosk.1.log', 'emulated-printer/receipt-0001.txt', 'already-private']) {
      expect(mode(join(dir, file)), file).toBe(0o600);
    }
    expect(mode('/etc/hostname')).not.toBe(0o600); // a link's target is not ours to change
  });
});

describe('ensurePrivateFile', () => {
  it('creates a missing file 0600 and tightens an existing one, keeping its bytes', () => {
    const fresh = join(root, 'platform.sqlite');
    ensurePrivateFile(fresh);
    expect(mode(fresh)).toBe(0o600);
    expect(statSync(fresh).size).toBe(0);
    const old = join(root, 'old.sqlite');
    writeFileSync(old, 'SQLite format 3\0');
    chmodSync(old, 0o644);
    ensurePrivateFile(old);
    expect(mode(old)).toBe(0o600);
    expect(statSync(old).size).toBe(16);
  });
});
