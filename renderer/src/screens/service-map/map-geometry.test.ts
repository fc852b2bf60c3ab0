import { describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../../platform/contract/service-points';
import { dayAfter, stationWallTime } from '../../format/station-time';
import { distanceParts } from './format-distance';
import { distanceKm, fitProjection, offsetKm, scaleBar, separate } from './map-projection';
import { openState, weekdayRuns } from './opening-hours';

const station = { lat: 36.3, lng: 119.2 };

describe('map projection', () => {
  it('puts a point one hundredth of a degree north 1.112 km up, and east shortened by cos(latitude)', () => {
    const north = offsetKm(station, { lat: 36.31, lng: 119.2 });
    expect(north.x).toBeCloseTo(0, 6);
    expect(north.y).toBeCloseTo(1.112, 3);
    const east = offsetKm(station, { lat: 36.3, lng: 119.21 });
    expect(east.x).toBeCloseTo(1.112 * Math.cos((36.3 * Math.PI) / 180), 3);
    expect(east.y).toBeCloseTo(0, 6);
  });

  it('agrees with the great-circle distance over a township', () => {
    const point = { lat: 36.34, lng: 119.25 };
    const offset = offsetKm(station, point);
    expect(Math.hypot(offset.x, offset.y)).toBeCloseTo(distanceKm(station, point), 2);
    expect(distanceKm(station, point)).toBeCloseTo(6.31, 1);
  });

  it('centres the station, keeps north up and fits the farthest point inside the padding', () => {
    const frame = { width: 800, height: 800, padding: 70 };
    const far = { lat: 36.35, lng: 119.2 };
    const south = { lat: 36.28, lng: 119.2 };
    const projection = fitProjection(station, [far, south], frame);
    expect(projection.project(station)).toEqual({ x: 400, y: 400 });
    expect(projection.project(far).y).toBeCloseTo(70, 6);
    expect(projection.project(south).y).toBeGreaterThan(400);
    expect(projection.pxPerKm).toBeCloseTo(330 / 5.56, 1);
  });

  it('does not zoom in without end on a lone point', () => {
    const projection = fitProjection(station, [station], { width: 800, height: 800, padding: 70 });
    expect(projection.pxPerKm).toBeCloseTo(330 / 0.5, 6);
  });

  it('picks the longest round scale length that fits', () => {
    expect(scaleBar(100, 220)).toEqual({ km: 2, px: 200 });
    expect(scaleBar(59.3, 220).km).toBe(2);
    expect(scaleBar(660, 220).km).toBe(0.2);
    expect(scaleBar(3, 220).km).toBe(50);
  });

  it('says distances in metres under a kilometre', () => {
    expect(distanceParts(0.234)).toEqual({ unit: 'm', value: '230' });
    expect(distanceParts(0.001)).toEqual({ unit: 'm', value: '10' });
    expect(distanceParts(2.345)).toEqual({ unit: 'km', value: '2.3' });
  });
});

describe('open now, in China time', () => {
  const weekdays: OpeningHours[] = [
    { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '12:00' },
    { days: [1, 2, 3, 4, 5], opens: '13:30', closes: '17:30' },
    { days: [6], opens: '09:00', closes: '12:00' },
  ];
  const hall = { open24h: false, openingHours: weekdays };
  // 2026-11-20 is a Friday. 02:00Z is 10:00 in China.
  const at = (iso: string) => new Date(iso);

  it('reads the clock as China time whatever the zone', () => {
    expect(stationWallTime(at('2026-11-20T16:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-11-21',
      weekday: 6,
      minute: 30,
    });
    expect(dayAfter(at('2026-11-20T16:30:00Z'), 2, 'Asia/Shanghai')).toBe('2026-11-23');
  });

  it('is open inside a period and closed at its closing minute', () => {
    expect(openState(hall, at('2026-11-20T02:00:00Z'), 'Asia/Shanghai')).toEqual({ kind: 'open', closes: '12:00' });
    expect(openState(hall, at('2026-11-20T00:30:00Z'), 'Asia/Shanghai')).toEqual({ kind: 'open', closes: '12:00' });
    expect(openState(hall, at('2026-11-20T04:00:00Z'), 'Asia/Shanghai')).toEqual({
      kind: 'closed',
      next: { weekday: 5, opens: '13:30', today: true },
    });
  });

  it('names the next day it opens, across the week end', () => {
    // Saturday 13:00 China: next is Monday 08:30.
    expect(openState(hall, at('2026-11-21T05:00:00Z'), 'Asia/Shanghai')).toEqual({
      kind: 'closed',
      next: { weekday: 1, opens: '08:30', today: false },
    });
    // Friday 23:00 China: Saturday 09:00.
    expect(openState(hall, at('2026-11-20T15:00:00Z'), 'Asia/Shanghai')).toEqual({
      kind: 'closed',
      next: { weekday: 6, opens: '09:00', today: false },
    });
  });

  it('is always open when 24h, and never says when without hours', () => {
    expect(openState({ open24h: true, openingHours: [] }, at('2026-11-20T19:00:00Z'), 'Asia/Shanghai')).toEqual({
      kind: 'open24h',
    });
    expect(openState({ open24h: false, openingHours: [] }, at('2026-11-20T02:00:00Z'), 'Asia/Shanghai')).toEqual({
      kind: 'closed',
      next: null,
    });
  });

  it('groups weekdays into runs', () => {
    expect(weekdayRuns([1, 2, 3, 4, 5, 7])).toEqual([
      [1, 5],
      [7, 7],
    ]);
    expect(weekdayRuns([6, 7, 6])).toEqual([[6, 7]]);
  });
});

describe('separate', () => {
  it('moves symbols that would cover each other apart, and leaves lone ones where they are', () => {
    const placed = separate(
      [
        { x: 100, y: 100 },
        { x: 100, y: 100 },
        { x: 101, y: 99 },
        { x: 400, y: 400 },
      ],
      48,
    );
    for (let i = 0; i < placed.length; i += 1) {
      for (let j = i + 1; j < placed.length; j += 1) {
        expect(Math.hypot(placed[i]!.x - placed[j]!.x, placed[i]!.y - placed[j]!.y)).toBeGreaterThanOrEqual(47.99);
      }
    }
    expect(placed[0]).toEqual({ x: 100, y: 100 });
    expect(placed[3]).toEqual({ x: 400, y: 400 });
  });
});
