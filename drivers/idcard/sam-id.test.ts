import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSamId, decodeSamIdGroups, encodeSamId } from './sam-id';
import { idCheckCharacter, isValidIdNumber } from '../../core/pure/id-number';

describe('SAM ID (docs/devices/id-card.md §7.4)', () => {
  it('decodes five little-endian groups into AA.BB-CCCCCCCC-DDDDDDDDDD-EEEEEEEEEE', () => {
    const data = Uint8Array.of(
      0x05,
      0x00,
      0x01,
      0x00,
      0xe5,
      0x2c,
      0x35,
      0x01,
      0x87,
      0xd6,
      0x12,
      0x00,
      0x39,
      0x30,
      0x00,
      0x00,
    );
    // 0x01352CE5 = 20262117, 0x0012D687 = 1234567, 0x3039 = 12345
    expect(decodeSamId(data)).toEqual({ ok: true, value: '05.01-20262117-0001234567-0000012345' });
  });

  it('rejects anything but 16 bytes', () => {
    expect(decodeSamId(new Uint8Array(15)).ok).toBe(false);
  });

  it('round-trips any groups', () => {
    fc.assert(
      fc.property(
        fc.record({
          a: fc.integer({ min: 0, max: 0xffff }),
          b: fc.integer({ min: 0, max: 0xffff }),
          c: fc.nat({ max: 0xffffffff }),
          d: fc.nat({ max: 0xffffffff }),
          e: fc.nat({ max: 0xffffffff }),
        }),
        (groups) => {
          expect(decodeSamIdGroups(encodeSamId(groups))).toEqual({ ok: true, value: groups });
        },
      ),
    );
  });
});

describe('ID number check digit (§10)', () => {
  it.each(['11010519491231002X', '34052419800101001X', '370101190102039973'])('%s is valid', (id) => {
    expect(isValidIdNumber(id)).toBe(true);
  });

  it('computes 7 for the body 12345678901234567 (sum 368, R 5)', () => {
    expect(idCheckCharacter('12345678901234567')).toBe('7');
  });

  it.each(['110105194912310021', '11010519491231002x', '3701011901020399', ''])('%j is not valid', (id) => {
    expect(isValidIdNumber(id)).toBe(false);
  });
});
