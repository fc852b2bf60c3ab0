import { describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema';
import { hashPin, verifyPin } from './pin-hash';

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

  it('never matches a malformed or absurdly expensive hash', () => {
    expect(verifyPin('246810', 'plain:246810')).toBe(false);
    expect(verifyPin('246810', hash.replace(/\$[^$]+$/, '$'))).toBe(false);
    expect(verifyPin('246810', hash.replace('scrypt$32768', 'scrypt$1073741824'))).toBe(false);
  });

  it('produces what the config schema accepts', () => {
    const pattern = KioskConfig.shape.technician.unwrap().shape.pinHash;
    expect(pattern.safeParse(hash).success).toBe(true);
  });
});
