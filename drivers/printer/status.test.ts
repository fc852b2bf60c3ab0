import { describe, expect, it } from 'vitest';
import { decodeStatus, isIdentityReply, isStatusReply, toDeviceCondition, type StatusReplies } from './status';

const OK: StatusReplies = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
const decode = (patch: Partial<Record<1 | 2 | 3 | 4, number>>) => decodeStatus({ ...OK, ...patch });

describe('DLE EOT status (docs/devices/printer.md §6)', () => {
  it('accepts only the fixed pattern 0xx1xx10', () => {
    for (const byte of [0x12, 0x1a, 0x1e, 0x72, 0x7e, 0x16, 0x32, 0x52]) expect(isStatusReply(byte)).toBe(true);
    // XON, XOFF, an ASB first byte (0xx1xx00), a GS I reply (0xx0xxxx), bit 7 set
    for (const byte of [0x11, 0x13, 0x10, 0x14, 0x02, 0x20, 0x92, 0x00, 0xff]) expect(isStatusReply(byte)).toBe(false);
  });

  it('tells GS I / GS r replies apart from status and flow control', () => {
    expect(isIdentityReply(0x20)).toBe(true);
    expect(isIdentityReply(0x0c)).toBe(true);
    expect(isIdentityReply(0x12)).toBe(false);
    expect(isIdentityReply(0x11)).toBe(false);
    expect(isIdentityReply(0x13)).toBe(false);
  });

  it.each([
    [0x12, { paperNearEnd: false, paperOut: false }],
    [0x1e, { paperNearEnd: true, paperOut: false }],
    [0x72, { paperNearEnd: false, paperOut: true }],
    [0x7e, { paperNearEnd: true, paperOut: true }],
  ])('n=4 handy value 0x%s', (byte, expected) => {
    expect(decode({ 4: byte })).toMatchObject(expected);
  });

  it.each([
    [0x12, true],
    [0x1a, false],
  ])('n=1 handy value 0x%s → online %s', (byte, online) => {
    expect(decode({ 1: byte }).online).toBe(online);
  });

  it('reads the offline cause (n=2) and error cause (n=3) bits', () => {
    expect(decode({ 2: 0x16 }).coverOpen).toBe(true);
    expect(decode({ 2: 0x32 }).paperOut).toBe(true);
    expect(decode({ 3: 0x1a })).toMatchObject({ cutterError: true, unrecoverableError: false });
    expect(decode({ 3: 0x32 })).toMatchObject({ unrecoverableError: true, cutterError: false });
    expect(decode({ 3: 0x16 }).recoverableError).toBe(true);
    expect(decode({ 3: 0x52 }).recoverableError).toBe(true);
    expect(decodeStatus(OK)).toEqual({
      online: true,
      coverOpen: false,
      paperNearEnd: false,
      paperOut: false,
      cutterError: false,
      unrecoverableError: false,
      recoverableError: false,
    });
  });

  it.each([
    ['all fine', {}, 'online', 'ok', 'none', []],
    ['near end', { 4: 0x1e }, 'online', 'ok', 'none', ['paperNearEnd']],
    ['paper out', { 1: 0x1a, 2: 0x32, 4: 0x72 }, 'userError', 'paperOut', 'clear', []],
    ['cover open', { 1: 0x1a, 2: 0x16 }, 'userError', 'coverOpen', 'clear', []],
    ['paper jam', { 1: 0x1a, 2: 0x52, 3: 0x16 }, 'userError', 'recoverableError', 'clear', []],
    ['cutter', { 1: 0x1a, 2: 0x52, 3: 0x1a }, 'hardwareError', 'cutterError', 'maintenance', []],
    [
      'unrecoverable + near end',
      { 1: 0x1a, 3: 0x32, 4: 0x1e },
      'hardwareError',
      'unrecoverableError',
      'maintenance',
      ['paperNearEnd'],
    ],
    ['offline, no cause', { 1: 0x1a }, 'userError', 'recoverableError', 'clear', []],
  ] as const)('maps %s to a device condition', (_name, patch, state, code, action, warnings) => {
    expect(toDeviceCondition(decode(patch))).toMatchObject({ state, code, action, warnings });
  });

  it('puts engineer faults before what staff can clear', () => {
    const both = decode({ 1: 0x1a, 2: 0x76, 3: 0x1a, 4: 0x72 });
    expect(toDeviceCondition(both)).toMatchObject({ code: 'cutterError', action: 'maintenance' });
    expect(toDeviceCondition(both).detail).toContain('paperOut');
  });
});
