import { describe, expect, it } from 'vitest';
import { createPlatformSealer, DATA_KEY_BYTES } from './sealer';

const KEY = Buffer.alloc(DATA_KEY_BYTES, 1);
const sealer = createPlatformSealer(KEY);
const PLAIN = Buffer.from('{"name":"王秀兰","idNumber":"370784195803120035"}', 'utf8');

describe('the platform sealer', () => {
  it('opens what it sealed; the sealed bytes hold nothing of the plain ones and differ every time', () => {
    const one = sealer.seal('applications.sealed_submission', 'C-1', PLAIN);
    const two = sealer.seal('applications.sealed_submission', 'C-1', PLAIN);
    expect(sealer.open('applications.sealed_submission', 'C-1', one)).toEqual(PLAIN);
    expect(one.equals(two)).toBe(false);
    expect(one.includes(Buffer.from('王秀兰'))).toBe(false);
    expect(one.includes(Buffer.from('370784195803120035'))).toBe(false);
    expect(one.length).toBe(1 + 12 + 16 + PLAIN.length);
    expect(
      sealer.openJson('ratings.sealed_rating', 'R-1', sealer.sealJson('ratings.sealed_rating', 'R-1', { a: 1 })),
    ).toEqual({
      a: 1,
    });
  });

  it('refuses a value moved to another record or column, altered, or sealed under another key', () => {
    const sealed = sealer.seal('applications.sealed_submission', 'C-1', PLAIN);
    expect(() => sealer.open('applications.sealed_submission', 'C-2', sealed)).toThrow(/does not open/);
    expect(() => sealer.open('appointments.sealed_booking', 'C-1', sealed)).toThrow(/does not open/);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(() => sealer.open('applications.sealed_submission', 'C-1', altered)).toThrow(/does not open/);
    const other = createPlatformSealer(Buffer.alloc(DATA_KEY_BYTES, 2));
    expect(() => other.open('applications.sealed_submission', 'C-1', sealed)).toThrow(/does not open/);
    expect(() => sealer.open('applications.sealed_submission', 'C-1', PLAIN)).toThrow(/not a sealed value/);
  });

  it('indexes an identity the same way every time, per type, and differently under another key', () => {
    const index = sealer.identityIndex('residentIdCard', '37078419620415002X');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(sealer.identityIndex('residentIdCard', '37078419620415002x')).toBe(index);
    expect(sealer.identityIndex('hkMacaoTaiwanResidencePermit', '37078419620415002X')).not.toBe(index);
    const other = createPlatformSealer(Buffer.alloc(DATA_KEY_BYTES, 2));
    expect(other.identityIndex('residentIdCard', '37078419620415002X')).not.toBe(index);
    expect(other.keyCheck).not.toBe(sealer.keyCheck);
    // Separate derived keys: the index of a value is not its fingerprint.
    expect(sealer.requestFingerprint(Buffer.from('x'))).not.toBe(other.requestFingerprint(Buffer.from('x')));
  });

  it('takes exactly a 32-byte key', () => {
    expect(() => createPlatformSealer(Buffer.alloc(16))).toThrow(RangeError);
  });
});
