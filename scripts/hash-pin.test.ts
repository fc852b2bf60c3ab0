import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePinHash, verifyPin } from '../core/technician/pin-hash';

const ROOT = join(import.meta.dirname, '..');
const hashPinCli = (pin: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/hash-pin.ts'), pin], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('npm run hash-pin', { timeout: 60_000 }, () => {
  it('prints a hash that records the PIN length and verifies the PIN', () => {
    const run = hashPinCli('583920');
    expect(run.status).toBe(0);
    const hash = run.stdout.trim();
    expect(parsePinHash(hash)).toMatchObject({ digits: 6 });
    expect(verifyPin('583920', hash)).toBe(true);
  });

  it.each([
    ['4711', /must have 6 to 12 digits \(this one has 4\)/],
    ['12345', /this one has 5/],
    ['1234567890123', /this one has 13/],
    ['12ab56', /usage: npm run hash-pin -- <PIN of 6 to 12 digits>/],
    ['246810', /that is the sample PIN/],
  ])('refuses %s with exit 64 and a reason', (pin, reason) => {
    const run = hashPinCli(pin);
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(reason);
    expect(run.stdout).toBe('');
  });
});
