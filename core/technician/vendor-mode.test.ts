import { describe, expect, it } from 'vitest';
import { createVendorMode } from './vendor-mode';

const T0 = new Date('2026-11-21T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const limits = { idleMs: 15 * 60_000, maxMs: 60 * 60_000 };

describe('technician sessions (vendor mode)', () => {
  it('slide the idle expiry with each authorised call, but never past the absolute limit', () => {
    const mode = createVendorMode(limits);
    const { token, expiresAt } = mode.enter(T0, () => undefined);
    expect(expiresAt).toBe(at(15).toISOString());
    expect(mode.touch(token, at(14))).toBe(true);
    expect(mode.current(at(14))).toMatchObject({ state: 'active', expiresAt: at(29).getTime() });
    expect(mode.touch(token, at(50))).toBe(false); // idle since 14
    const again = mode.enter(at(100), () => undefined);
    for (const minute of [110, 120, 130, 140, 150]) expect(mode.touch(again.token, at(minute))).toBe(true);
    // At 150 the idle expiry would be 165; the absolute limit is 160.
    expect(mode.current(at(150))).toMatchObject({ expiresAt: at(160).getTime() });
    expect(mode.touch(again.token, at(159))).toBe(true);
    expect(mode.touch(again.token, at(160))).toBe(false);
    expect(mode.current(at(160))).toEqual({ state: 'inactive' });
  });

  it('start with the absolute limit when it is shorter than the idle one', () => {
    const mode = createVendorMode({ idleMs: 60 * 60_000, maxMs: 20 * 60_000 });
    expect(mode.enter(T0, () => undefined).expiresAt).toBe(at(20).toISOString());
  });

  it('refuse a stale token and end only on the live one', () => {
    const mode = createVendorMode(limits);
    const first = mode.enter(T0, () => undefined);
    const second = mode.enter(T0, () => undefined);
    expect(mode.touch(first.token, at(1))).toBe(false);
    expect(mode.exit(first.token)).toBe(false);
    expect(mode.exit(second.token)).toBe(true);
    expect(mode.touch(second.token, at(2))).toBe(false);
  });

  it('stay inactive when ending the resident session fails', () => {
    const mode = createVendorMode(limits);
    expect(() =>
      mode.enter(T0, () => {
        throw new Error('store gone');
      }),
    ).toThrow('store gone');
    expect(mode.current(T0)).toEqual({ state: 'inactive' });
  });
});
