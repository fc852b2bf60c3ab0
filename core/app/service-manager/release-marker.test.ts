import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markReleaseGood } from './release-marker';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kiosk-release-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the good-release marker for the boot guard', () => {
  it('writes good-<version> once, with when it was marked', () => {
    const at = new Date('2026-03-02T08:00:00Z');
    expect(markReleaseGood(dir, '0.1.0', at)).toEqual({
      ok: true,
      value: { marked: 'now', path: join(dir, 'good-0.1.0') },
    });
    expect(readFileSync(join(dir, 'good-0.1.0'), 'utf8')).toBe('2026-03-02T08:00:00.000Z\n');
    expect(markReleaseGood(dir, '0.1.0', new Date())).toMatchObject({ ok: true, value: { marked: 'already' } });
    expect(readFileSync(join(dir, 'good-0.1.0'), 'utf8')).toBe('2026-03-02T08:00:00.000Z\n');
    expect(markReleaseGood(dir, '0.2.0-rc.1+b2', at)).toMatchObject({ ok: true, value: { marked: 'now' } });
    expect(readdirSync(dir).sort()).toEqual(['good-0.1.0', 'good-0.2.0-rc.1+b2']);
  });

  it('refuses a version that cannot be a file name, and a folder it cannot write', () => {
    expect(markReleaseGood(dir, '../0.1.0', new Date())).toMatchObject({ ok: false });
    expect(markReleaseGood(dir, '', new Date())).toMatchObject({ ok: false });
    expect(markReleaseGood(join(dir, 'missing'), '0.1.0', new Date())).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot write .*good-0\.1\.0/),
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
