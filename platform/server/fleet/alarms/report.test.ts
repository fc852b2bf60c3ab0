import { describe, expect, it } from 'vitest';
import { monthBounds, monthReport } from './report';
import type { KioskHistory } from './state';
import { FleetHarness, HOUR, MINUTE } from './testing/fleet-harness';

const cst = (local: string) => Date.parse(`${local}+08:00`);

describe('month bounds', () => {
  it('are China Standard Time midnights on the 1st, also across a year', () => {
    expect(monthBounds('2026-02')).toEqual({
      ok: true,
      value: { start: Date.parse('2026-01-31T16:00:00Z'), end: Date.parse('2026-02-28T16:00:00Z') },
    });
    expect(monthBounds('2025-12')).toMatchObject({ ok: true, value: { end: Date.parse('2025-12-31T16:00:00Z') } });
    expect(monthBounds('2026-13')).toEqual({ ok: false, error: { code: 'invalidMonth', month: '2026-13' } });
  });
});

describe('uptime and MTTR per kiosk per month', () => {
  it('splits an outage across the month boundary in Beijing time and puts its repair in the month it ended', () => {
    const fleet = new FleetHarness(undefined, cst('2026-01-31T20:00:00'));
    fleet.steady('k1', 2 * HOUR); // last heartbeat 21:59, offline from 22:02
    fleet.silence(4 * HOUR - MINUTE); // to 01:59 on 1 February
    fleet.advance(MINUTE).heartbeat('k1'); // back at 02:00
    fleet.steady('k1', 2 * HOUR); // to 04:00
    const history = fleet.state.kiosks['k1']?.history;
    if (!history) throw new Error('no kiosk');
    const now = new Date(fleet.now);

    const january = monthReport(history, '2026-01', now);
    expect(january).toEqual({
      ok: true,
      value: {
        month: '2026-01',
        observedMs: 4 * HOUR,
        upMs: 2 * HOUR + 2 * MINUTE,
        uptime: 122 / 240,
        alarmsCleared: 0,
        mttrMs: null,
      },
    });
    const february = monthReport(history, '2026-02', now);
    expect(february).toEqual({
      ok: true,
      value: {
        month: '2026-02',
        observedMs: 4 * HOUR,
        upMs: 2 * HOUR,
        uptime: 0.5,
        alarmsCleared: 1,
        mttrMs: 3 * HOUR + 58 * MINUTE, // 22:02 to 02:00
      },
    });
  });

  it('counts degraded as up, averages the repairs, and has nothing to say about a month it never saw', () => {
    const history: KioskHistory = {
      statusChanges: [
        { at: cst('2026-03-01T00:00:00'), status: 'online' },
        { at: cst('2026-03-11T00:00:00'), status: 'degraded' },
        { at: cst('2026-03-21T00:00:00'), status: 'missing' },
      ],
      episodes: [
        { ruleId: 'paper-low', raisedAt: cst('2026-03-11T00:00:00'), clearedAt: cst('2026-03-12T00:00:00') },
        { ruleId: 'offline', raisedAt: cst('2026-03-13T00:00:00'), clearedAt: cst('2026-03-13T02:00:00') },
        { ruleId: 'offline', raisedAt: cst('2026-02-27T00:00:00'), clearedAt: cst('2026-02-28T00:00:00') },
      ],
    };
    const march = monthReport(history, '2026-03', new Date(cst('2026-04-15T00:00:00')));
    expect(march).toMatchObject({ ok: true, value: { uptime: 20 / 31, alarmsCleared: 2, mttrMs: 13 * HOUR } });
    expect(monthReport(history, '2026-01', new Date(cst('2026-04-15T00:00:00')))).toMatchObject({
      ok: true,
      value: { observedMs: 0, uptime: null, mttrMs: null },
    });
    // The current month counts only up to now.
    expect(monthReport(history, '2026-03', new Date(cst('2026-03-16T00:00:00')))).toMatchObject({
      ok: true,
      value: { observedMs: 15 * 24 * HOUR, uptime: 1 },
    });
  });
});
