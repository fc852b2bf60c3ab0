import { describe, expect, it } from 'vitest';
import { kioskClock } from './kiosk-clock';

describe('the kiosk clock', () => {
  let machine = Date.parse('2026-12-06T09:00:00Z');
  const machineNow = () => machine;

  it('is the machine clock when nothing is asked', () => {
    const clock = kioskClock('development', {}, machineNow);
    expect(clock.ok && clock.value.now().toISOString()).toBe('2026-12-06T09:00:00.000Z');
    expect(clock.ok && clock.value.offsetMs).toBe(0);
  });

  it('starts where KIOSK_CLOCK says on a development checkout and runs on from there', () => {
    const clock = kioskClock('development', { KIOSK_CLOCK: '2026-10-01T10:00:00+08:00' }, machineNow);
    if (!clock.ok) throw new Error(clock.error);
    expect(clock.value.now().toISOString()).toBe('2026-10-01T02:00:00.000Z');
    machine += 90_000;
    expect(clock.value.now().toISOString()).toBe('2026-10-01T02:01:30.000Z');
    expect(clock.value.offsetMs).toBe(Date.parse('2026-10-01T02:00:00Z') - Date.parse('2026-12-06T09:00:00Z'));
  });

  it('is ignored by a production build, which says so', () => {
    const clock = kioskClock('production', { KIOSK_CLOCK: '2026-10-01T10:00:00+08:00' }, machineNow);
    expect(clock.ok && clock.value.offsetMs).toBe(0);
    expect(clock.ok && clock.value.note).toMatch(/ignored: this is a production build/);
  });

  it('refuses a value without its zone rather than guess the machine’s', () => {
    const clock = kioskClock('development', { KIOSK_CLOCK: '2026-10-01 10:00' }, machineNow);
    expect(clock.ok ? null : clock.error).toMatch(/2026-10-01T10:00:00\+08:00/);
  });
});
