import { afterEach, describe, expect, it } from 'vitest';
import { RATING_LEVEL_LABELS, type RatingOptionSet } from '../../contract/ratings';
import type { ServicePoint, ServicePointList } from '../../contract/service-points';
import { SAMPLE_RATING_OPTIONS } from '../sample/rating-options';
import { publishRatingOptions, publishServicePoints } from '../store/reference-data';
import { createTestPlatform, type TestPlatform } from '../testing/harness';

let platform: TestPlatform;
afterEach(() => platform.close());

describe('GET /api/v1/service-points', () => {
  it('serves the sample Anqiu service points, marked as sample data, with an ETag', async () => {
    platform = await createTestPlatform();
    const response = await platform.request('GET', '/api/v1/service-points');
    const list = response.json<ServicePointList>();
    expect(list.isSample).toBe(true);
    expect(list.regionCode).toBe('370784');
    expect(list.servicePoints.length).toBeGreaterThanOrEqual(8);
    expect(list.servicePoints.length).toBeLessThanOrEqual(12);
    const kinds = new Set(list.servicePoints.map((point) => point.kind));
    expect(kinds).toEqual(
      new Set(['governmentServiceCentre', 'townServiceCentre', 'villageStation', 'selfService24h']),
    );
    for (const point of list.servicePoints) {
      // Around Anqiu: roughly 36.1–36.7 N, 118.8–119.6 E.
      expect(point.location.lat, point.id).toBeGreaterThan(36.1);
      expect(point.location.lat, point.id).toBeLessThan(36.7);
      expect(point.location.lng, point.id).toBeGreaterThan(118.8);
      expect(point.location.lng, point.id).toBeLessThan(119.6);
      if (point.kind === 'selfService24h') expect(point.open24h, point.id).toBe(true);
    }
    expect(list.servicePoints.some((point) => point.bookable)).toBe(true);
    const cached = await platform.request('GET', '/api/v1/service-points', {
      headers: { 'if-none-match': response.headers.get('etag') ?? '' },
    });
    expect(cached.status).toBe(304);
  });

  it('serves one point by id and 404 for an unknown id', async () => {
    platform = await createTestPlatform();
    const point = (await platform.request('GET', '/api/v1/service-points/aq-jingzhi-centre')).json<ServicePoint>();
    expect(point.name).toBe('景芝镇便民服务中心');
    expect((await platform.request('GET', '/api/v1/service-points/nowhere')).status).toBe(404);
  });

  it('serves a newly published list', async () => {
    platform = await createTestPlatform();
    const current = (await platform.request('GET', '/api/v1/service-points')).json<ServicePointList>();
    const next = { ...current, version: 'next', servicePoints: current.servicePoints.slice(0, 1) };
    expect(await publishServicePoints(platform.sql, next)).toEqual({ ok: true, value: 'published' });
    expect(
      (await platform.request('GET', '/api/v1/service-points')).json<ServicePointList>().servicePoints,
    ).toHaveLength(1);
  });
});

describe('GET /api/v1/rating-options', () => {
  it('serves the five fixed levels, 5 to 1, with their national wording and level-dependent options', async () => {
    platform = await createTestPlatform();
    const response = await platform.request('GET', '/api/v1/rating-options');
    const set = response.json<RatingOptionSet>();
    expect(response.headers.get('etag')).toBe(`"${set.version}"`);
    expect(set.levels.map((level) => [level.level, level.label])).toEqual([
      [5, '非常满意'],
      [4, '满意'],
      [3, '基本满意'],
      [2, '不满意'],
      [1, '非常不满意'],
    ]);
    const labels = (level: number) =>
      set.levels.find((entry) => entry.level === level)?.options.map((o) => o.label) ?? [];
    expect(labels(5)).toEqual(expect.arrayContaining(['服务效率高', '服务态度好', '办事流程便捷']));
    expect(labels(1)).toEqual(expect.arrayContaining(['办事流程繁琐', '等待时间长', '服务态度差', '指南不清楚']));
    expect(labels(2)).not.toContain('服务态度好');
  });

  it('refuses an option set that changes the national level wording', async () => {
    platform = await createTestPlatform();
    const renamed = {
      ...SAMPLE_RATING_OPTIONS,
      version: 'renamed',
      levels: SAMPLE_RATING_OPTIONS.levels.map((level) =>
        level.level === 5 ? { ...level, label: '超级满意' } : level,
      ),
    };
    const result = await publishRatingOptions(platform.sql, renamed);
    expect(result.ok).toBe(false);
    expect(RATING_LEVEL_LABELS[5]).toBe('非常满意');
  });
});
