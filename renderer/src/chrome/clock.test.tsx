import { screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureInfo } from '../test/fixture-catalog';
import { renderJourney } from '../screens/rating/render-journey.testing';
import { Clock } from './Clock';

/**
 * The header clock shows the station's time on the kiosk's clock, with the process in UTC (the
 * review saw 05:18 in the header beside 13:18 on the receipt). The kiosk's clock is started on
 * 国庆 morning the way KIOSK_CLOCK does it (KioskInfo.clockOffsetMs).
 */
const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
const startingZone = env['TZ'];

beforeAll(() => {
  env['TZ'] = 'UTC';
});
afterAll(() => {
  if (startingZone === undefined) delete env['TZ'];
  else env['TZ'] = startingZone;
});

function infoAt(instant: string, timeZone = 'Asia/Shanghai') {
  return {
    ...fixtureInfo,
    station: { ...fixtureInfo.station, timeZone },
    clockOffsetMs: Date.parse(instant) - Date.now(),
  };
}

describe('header clock', () => {
  it('shows China time and the China date while the process runs in UTC', async () => {
    expect(new Date('2026-10-01T02:00:00.000Z').getHours()).toBe(2);
    // 2026-09-30 18:00 UTC: already 1 October, 02:00, in China.
    renderJourney(<Clock />, {}, { info: infoAt('2026-09-30T18:00:10.000Z') });
    const clock = await screen.findByTestId('clock');
    expect(clock.querySelector('.clock-time')?.textContent).toBe('02:00');
    expect(clock.querySelector('.clock-date')?.textContent).toBe('10月1日星期四');
    expect(clock.getAttribute('data-zone')).toBe('Asia/Shanghai');
  });

  it("follows the station's configured zone", async () => {
    renderJourney(<Clock />, {}, { info: infoAt('2026-09-30T18:00:10.000Z', 'Asia/Urumqi') });
    const clock = await screen.findByTestId('clock');
    expect(clock.querySelector('.clock-time')?.textContent).toBe('00:00');
    expect(clock.querySelector('.clock-date')?.textContent).toBe('10月1日星期四');
  });
});
