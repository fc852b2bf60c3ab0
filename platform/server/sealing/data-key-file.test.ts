import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/harness';
import { describeDataKeyError, loadDataKey } from './data-key-file';
import { readSecretFile } from './secret-file';

const temps: Array<{ remove(): void }> = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));
function dir(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}

describe('the platform data key file', () => {
  it('makes a new key, mode 0600 and as hex, only when asked to, and reads the same key back', () => {
    const path = join(dir(), 'platform-data-key');
    const refused = loadDataKey(path, { createIfMissing: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(describeDataKeyError(refused.error)).toMatch(/missing, but the database holds data sealed/);

    const made = loadDataKey(path, { createIfMissing: true });
    if (!made.ok) throw new Error(describeDataKeyError(made.error));
    expect(made.value.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe(`${made.value.key.toString('hex')}\n`);

    const again = loadDataKey(path, { createIfMissing: true });
    expect(again.ok && again.value.created).toBe(false);
    expect(again.ok && again.value.key.equals(made.value.key)).toBe(true);
  });

  it('accepts 32 raw bytes (a systemd credential) and 64 hex digits; refuses anything else', () => {
    const folder = dir();
    const raw = join(folder, 'raw');
    writeFileSync(raw, Buffer.alloc(32, 0xab), { mode: 0o400 });
    expect(loadDataKey(raw, { createIfMissing: false })).toMatchObject({ ok: true, value: { created: false } });
    const short = join(folder, 'short');
    writeFileSync(short, 'abcd\n', { mode: 0o600 });
    const refused = loadDataKey(short, { createIfMissing: true });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(describeDataKeyError(refused.error)).toMatch(/holds 5 bytes; expected 32 raw bytes or 64 hex/);
  });

  it('refuses a key file group or others may read or write, naming the fix', () => {
    const path = join(dir(), 'key');
    writeFileSync(path, 'ab'.repeat(32), { mode: 0o600 });
    for (const mode of [0o640, 0o604, 0o620, 0o644]) {
      chmodSync(path, mode);
      const loaded = loadDataKey(path, { createIfMissing: true });
      expect(loaded.ok, mode.toString(8)).toBe(false);
      if (!loaded.ok) expect(describeDataKeyError(loaded.error)).toMatch(/group or others may access it.*chmod 600/);
    }
    chmodSync(path, 0o600);
    expect(loadDataKey(path, { createIfMissing: false }).ok).toBe(true);
  });

  it('refuses a directory as a secret file', () => {
    expect(readSecretFile(dir())).toMatchObject({ ok: false, error: { kind: 'notAFile' } });
  });
});
