import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema';
import { hashPin, parsePinHash, SAMPLE_TECHNICIAN_PIN, verifyPin } from './pin-hash';

describe('technician PIN hashes', () => {
  const hash = hashPin('246810');

  it('verifies the right PIN and refuses a wrong one', () => {
    expect(verifyPin('246810', hash)).toBe(true);
    expect(verifyPin('246811', hash)).toBe(false);
    expect(verifyPin('', hash)).toBe(false);
  });

  it('salts every hash, so two stations with the same PIN have different hashes', () => {
    expect(hashPin('246810')).not.toBe(hash);
  });

  it('records the PIN length, and a PIN of another length never matches, even with a length edited by hand', () => {
    expect(hash).toMatch(/^pin\$6\$scrypt\$/);
    expect(parsePinHash(hash)).toMatchObject({ digits: 6 });
    const short = hashPin('1234');
    const claimsSix = short.replace(/^pin\$4\$/, 'pin$6$');
    expect(verifyPin('1234', short)).toBe(true);
    expect(verifyPin('1234', claimsSix)).toBe(false);
  });

  it('still verifies a hash in the format from before lengths were recorded, whose length is unknown', () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('135790', salt, 32, { N: 32_768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const legacy = ['scrypt', 32_768, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    expect(parsePinHash(legacy)).toMatchObject({ digits: null });
    expect(verifyPin('135790', legacy)).toBe(true);
    expect(verifyPin('135791', legacy)).toBe(false);
  });

  it('never matches a malformed or absurdly expensive hash', () => {
    expect(verifyPin('246810', 'plain:246810')).toBe(false);
    expect(verifyPin('246810', hash.replace(/\$[^$]+$/, '$'))).toBe(false);
    expect(verifyPin('246810', hash.replace('scrypt$32768', 'scrypt$1073741824'))).toBe(false);
    expect(verifyPin('246810', hash.replace('pin$6$', 'pin$x$'))).toBe(false);
    expect(verifyPin('246810', hash.replace('pin$6$', 'pin$13$'))).toBe(false);
  });

  it('produces what the config schema accepts, in both formats', () => {
    const pattern = KioskConfig.shape.technician.unwrap().shape.pinHash;
    expect(pattern.safeParse(hash).success).toBe(true);
    expect(pattern.safeParse(hash.replace(/^pin\$6\$/, '')).success).toBe(true);
    expect(pattern.safeParse(`pin$6$${hash}`).success).toBe(false);
  });

  it('knows the sample config’s PIN: kiosk-config/default.json is a hash of SAMPLE_TECHNICIAN_PIN', () => {
    const sample = JSON.parse(readFileSync(join(import.meta.dirname, '../../kiosk-config/default.json'), 'utf8')) as {
      technician: { pinHash: string };
    };
    expect(verifyPin(SAMPLE_TECHNICIAN_PIN, sample.technician.pinHash)).toBe(true);
  });
});
