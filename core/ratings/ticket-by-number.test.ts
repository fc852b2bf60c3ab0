import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { RATING_LEVEL_LABELS, type RatingLevel, type RatingOptionSet } from '../../platform/contract/ratings';
import type { TicketForRating } from '../../platform/contract/ticket-rating';
import { json } from '../testing/fake-platform';
import { testCallContext as ctx, testServiceDeps, type TestServiceDeps } from '../testing/service-deps';
import { buildRatingHandlers } from './handlers';
import { buildTicketByNumberHandlers } from './ticket-by-number';

const options: RatingOptionSet = {
  version: '2026.1',
  publishedAt: '2026-01-01T00:00:00+08:00',
  isSample: true,
  levels: ([5, 4, 3, 2, 1] as RatingLevel[]).map((level) => ({
    level,
    label: RATING_LEVEL_LABELS[level],
    options: [{ code: level >= 3 ? 'efficientService' : 'longWait', label: level >= 3 ? '服务效率高' : '等待时间长' }],
  })),
};

const FINISHED = {
  status: 'finished',
  ticketId: 'TK-20261207-0012',
  ticketNo: 'A012',
  day: '2026-12-07',
  serviceCode: 'general',
  matterCode: null,
  finishedAt: '2026-12-07T02:20:00.000Z',
  rated: false,
} satisfies TicketForRating;

let t: TestServiceDeps;
afterEach(async () => t.close());

/** The platform answers `answer` for A012 at the kiosk's station, and 404 (no route) for anything else. */
function platformSays(answer: TicketForRating) {
  t.platform.routes.set(`GET /stations/${t.deps.info.station.id}/finished-tickets/A012`, () => json(200, answer));
  t.platform.routes.set('GET /rating-options', () => json(200, options, { etag: '"2026.1"' }));
  t.platform.routes.set('POST /ratings', () =>
    json(201, {
      ratingId: 'RT-20261207-0001',
      subject: { kind: 'ticket', ref: FINISHED.ticketId },
      level: 1,
      acceptedAt: new Date().toISOString(),
      workOrderNo: 'WO-20261207-0001',
      followUpBy: '2026-12-28',
    }),
  );
}

describe('rating.ticketByNumber', () => {
  it('makes a finished ticket a rateable service of this visit, typed as a12, then rated once as 非常不满意', async () => {
    t = testServiceDeps();
    platformSays(FINISHED);
    const byNumber = buildTicketByNumberHandlers(t.deps);
    const found = await byNumber['rating.ticketByNumber']({ ticketNo: 'a12' }, ctx);
    expect(found).toEqual({
      ok: true,
      value: { ticketNo: 'A012', service: { kind: 'ticket', ref: FINISHED.ticketId } },
    });
    expect(t.session.completed()).toMatchObject([
      { kind: 'ticket', ref: FINISHED.ticketId, title: '取号 A012', rated: false },
    ]);

    const rating = buildRatingHandlers(t.deps);
    await rating['rating.options']({}, ctx);
    const submitted = await rating['rating.submit'](
      {
        confirmationId: randomUUID(),
        service: { kind: 'ticket', ref: FINISHED.ticketId },
        level: 1,
        optionsVersion: '2026.1',
        optionCodes: ['longWait'],
        callbackPhone: '13800001234',
      },
      ctx,
    );
    expect(submitted.ok).toBe(true);
    // Typed again in the same visit: already rated (the kiosk remembers it).
    expect(await byNumber['rating.ticketByNumber']({ ticketNo: 'A012' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'alreadyRated' },
    });
  });

  it('says not found, not finished yet, already rated (on the platform) and offline, adding nothing to the visit', async () => {
    t = testServiceDeps();
    const byNumber = buildTicketByNumberHandlers(t.deps);
    const ask = () => byNumber['rating.ticketByNumber']({ ticketNo: 'A012' }, ctx);
    platformSays({ status: 'notFound' });
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'ticketNotFound' } });
    platformSays({ status: 'notFinished', ticketNo: 'A012' });
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'ticketNotFinished' } });
    platformSays({ ...FINISHED, rated: true });
    expect(await ask()).toMatchObject({ ok: false, error: { code: 'alreadyRated' } });
    t.platform.online = false;
    expect(await ask()).toMatchObject({
      ok: false,
      error: { code: 'platformUnavailable', message: expect.stringContaining('nothing was lost') },
    });
    expect(t.session.completed()).toEqual([]);
  });
});
