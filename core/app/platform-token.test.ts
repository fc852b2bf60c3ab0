import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlatformToken } from './platform-token';

const TOKEN = 'terminal-token-0123456789abcdef';
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-token-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tokenFile(name: string, mode: number, text = `${TOKEN}\n`): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

describe('the platform token file', () => {
  it('is read, trimmed, when only its owner (and group) can read it', () => {
    expect(readPlatformToken(tokenFile('600', 0o600))).toEqual({ ok: true, value: TOKEN });
    expect(readPlatformToken(tokenFile('400', 0o400))).toEqual({ ok: true, value: TOKEN });
    expect(readPlatformToken(tokenFile('640', 0o640))).toEqual({ ok: true, value: TOKEN });
  });

  it.each([
    [0o644, 'other users can read it'],
    [0o604, 'other users can read it'],
    [0o606, 'other users can read it, other users can change it'],
    [0o601, 'other users have access to it'],
    [0o660, 'its group can change it'],
  ])('is refused with mode %o, saying why and what to run', (mode, why) => {
    const path = tokenFile(`mode-${mode.toString(8)}`, mode);
    const read = readPlatformToken(path);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error).toContain(`has mode ${mode.toString(8)}: ${why};`);
    expect(read.error).toContain(`chmod 600 ${path}`);
    expect(read.error).not.toContain(TOKEN);
  });

  it('is refused when missing, not a file, or too short to be real', () => {
    expect(readPlatformToken(join(dir, 'nope'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/ENOENT.*bianmin-kiosk enrol --code/),
    });
    mkdirSync(join(dir, 'folder'), { mode: 0o700 });
    expect(readPlatformToken(join(dir, 'folder'))).toMatchObject({ ok: false });
    expect(readPlatformToken(tokenFile('short', 0o600, 'abc\n'))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too short/),
    });
  });

  it('is judged by the file a symlink points at', () => {
    const open = tokenFile('world-readable', 0o644);
    symlinkSync(open, join(dir, 'link'));
    expect(readPlatformToken(join(dir, 'link')).ok).toBe(false);
  });
});
