import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeKioskUrlFile, runtimeDirectory, writeKioskUrlFile } from './kiosk-url-file';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kiosk-run-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the ready URL file for the display unit', () => {
  it('is one line, owner-only, replaced whole, with no temporary left behind', () => {
    const path = writeKioskUrlFile(dir, 'http://127.0.0.1:5123/#key=first');
    expect(path).toBe(join(dir, 'kiosk-url'));
    writeKioskUrlFile(dir, 'http://127.0.0.1:5123/#key=second');
    expect(readFileSync(path, 'utf8')).toBe('http://127.0.0.1:5123/#key=second\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['kiosk-url']);
    removeKioskUrlFile(dir);
    expect(readdirSync(dir)).toEqual([]);
    // Removing what is not there is not an error (a stop before ready).
    removeKioskUrlFile(dir);
  });

  it('goes in the first RuntimeDirectory systemd names, and nowhere without one', () => {
    expect(runtimeDirectory({ RUNTIME_DIRECTORY: '/run/bianmin-kiosk' })).toBe('/run/bianmin-kiosk');
    expect(runtimeDirectory({ RUNTIME_DIRECTORY: '/run/a:/run/b' })).toBe('/run/a');
    expect(runtimeDirectory({})).toBeNull();
    expect(runtimeDirectory({ RUNTIME_DIRECTORY: '' })).toBeNull();
  });
});
