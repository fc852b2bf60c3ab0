import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RatingOptionSet } from '../../platform/contract/ratings';
import { RATING_LEVEL_LABELS, type RatingLevel } from '../../platform/contract/ratings';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import { replaceCatalog } from '../catalog/catalog-store';
import { buildRatingHandlers } from './handlers';
import { testServiceDeps, testCallContext as ctx, type TestServiceDeps } from '../testing/service-deps';
import { json } from '../testing/fake-platform';
import { memoryStore } from '../testing/memory-store';

const good = [
  { code: 'efficientService', label: '服务效率高' },
  { code: 'easyTerminal', label: '自助设备好用' },
];
const bad = [
  { code: 'longWait', label: '等待时间长' },
  { code: 'terminalProblem', label: '自助设备故障或难用' },
];
const optionSet = (version: string): RatingOptionSet => ({
  version,
  publishedAt: '2026-01-01T00:00:00+08:00',
  isSample: true,
  levels: ([5, 4, 3, 2, 1] as RatingLevel[]).map((level) => ({
    level,
    label: RATING_LEVEL_LABELS[level],
    options: level >= 3 ? good : bad,
  })),
});

/** A platform publishing `current` with its version as ETag, and accepting ratings like the reference one. */
function servePlatform(t: TestServiceDeps, current: { set: RatingOptionSet }) {
  t.platform.routes.set('GET /rating-options', ({ headers }) =>
    headers.get('if-none-match') === `"${current.set.version}"`
      ? new Response(null, { status: 304, headers: { etag: `"${current.set.version}"` } })
      : json(200, current.set, { etag: `"${current.set.version}"` }),
  );
  t.platform.routes.set('POST /ratings', ({ body }) => {
    const rating = body as { subject: unknown; level: number };
    return json(201, {
      ratingId: `R-${randomUUID().slice(0, 8)}`,
      subject: rating.subject,
      level: rating.level,
      acceptedAt: new Date().toISOString(),
      workOrderNo: rating.level <= 2 ? 'WO-20261121-0001' : null,
      followUpBy: rating.level <= 2 ? '2026-12-12' : null,
    });
  });
}

const ratingPosts = (t: TestServiceDeps) =>
  t.platform.calls.filter((c) => c.method === 'POST' && c.path === '/ratings');

function submission(overrides: Record<string, unknown> = {}) {
  return {
    confirmationId: randomUUID(),
    service: { kind: 'application' as const, ref: 'AQ-20261121-0001' },
    level: 5,
    optionsVersion: '2026.1',
    optionCodes: ['efficientService'],
    ...overrides,
  };
}

/** Options fetched once (so the version is known) and one completed application in the session. */
async function ready(t: TestServiceDeps) {
  servePlatform(t, { set: optionSet('2026.1') });
  const handlers = buildRatingHandlers(t.deps);
  expect((await handlers['rating.options']({}, ctx)).ok).toBe(true);
  t.session.recordCompleted({
    kind: 'application',
    ref: 'AQ-20261121-0001',
    title: '老年优待证办理',
    matterCode: '370784-CJ-013',
  });
  return handlers;
}

let t: TestServiceDeps;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await t.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

describe('rating.options', () => {
  it('comes from the platform, is stored with its version, and is asked for again with If-None-Match', async () => {
    t = testServiceDeps();
    servePlatform(t, { set: optionSet('2026.1') });
    const handlers = buildRatingHandlers(t.deps);

    const first = await handlers['rating.options']({}, ctx);
    expect(first.ok && first.value).toMatchObject({ version: '2026.1', source: 'platform' });
    const second = await handlers['rating.options']({}, ctx);
    expect(second.ok && second.value).toMatchObject({ version: '2026.1', source: 'platform' });
    expect(t.platform.calls.map((c) => c.headers.get('if-none-match'))).toEqual([null, '"2026.1"']);
  });

  it('offline: serves the stored copy; never fetched: notAvailable', async () => {
    t = testServiceDeps();
    const handlers = buildRatingHandlers(t.deps);
    t.platform.online = false;
    expect(await handlers['rating.options']({}, ctx)).toMatchObject({ ok: false, error: { code: 'notAvailable' } });

    t.platform.online = true;
    servePlatform(t, { set: optionSet('2026.1') });
    await handlers['rating.options']({}, ctx);
    t.platform.online = false;
    const cached = await handlers['rating.options']({}, ctx);
    expect(cached.ok && cached.value).toMatchObject({ version: '2026.1', source: 'cache' });
    expect(cached.ok && cached.value.levels.map((l) => l.level)).toEqual([5, 4, 3, 2, 1]);
  });
});

describe('rating.submit', () => {
  it('rates only a service completed in this session', async () => {
    t = testServiceDeps();
    const handlers = await ready(t);
    const result = await handlers['rating.submit'](
      submission({ service: { kind: 'ticket', ref: 'A012-20261121' } }),
      ctx,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'unknownService' } });
    expect(ratingPosts(t)).toEqual([]);
  });

  it('checks the options against the level and the version they were shown with', async () => {
    t = testServiceDeps();
    const handlers = await ready(t);
    const submit = (overrides: Record<string, unknown>) => handlers['rating.submit'](submission(overrides), ctx);

    expect(await submit({ level: 5, optionCodes: ['longWait'] })).toMatchObject({ error: { code: 'invalidOptions' } });
    expect(await submit({ level: 1, optionCodes: ['efficientService'] })).toMatchObject({
      error: { code: 'invalidOptions' },
    });
    expect(await submit({ optionsVersion: '2019.9' })).toMatchObject({ error: { code: 'invalidOptions' } });
    expect(await submit({ optionCodes: ['efficientService', 'efficientService'] })).toMatchObject({
      error: { code: 'invalidOptions' },
    });
    expect(ratingPosts(t)).toEqual([]);
    expect(t.session.findCompleted('application', 'AQ-20261121-0001')?.rated).toBe(false);
  });

  it('still accepts options of the version shown after the platform published a new one', async () => {
    t = testServiceDeps();
    const current = { set: optionSet('2026.1') };
    servePlatform(t, current);
    const handlers = await ready(t);
    current.set = optionSet('2026.2');
    servePlatform(t, current);
    const refreshed = await handlers['rating.options']({}, ctx);
    expect(refreshed.ok && refreshed.value.version).toBe('2026.2');

    const result = await handlers['rating.submit'](submission({ optionsVersion: '2026.1' }), ctx);
    expect(result.ok && result.value.status).toBe('delivered');
  });

  it('takes a callback phone only for 不满意 and 非常不满意', async () => {
    t = testServiceDeps();
    const handlers = await ready(t);
    const refused = await handlers['rating.submit'](
      submission({ level: 3, optionCodes: [], callbackPhone: '13912345678' }),
      ctx,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'callbackNotAllowed' } });
    expect(ratingPosts(t)).toEqual([]);
  });

  it('delivers a 差评 with its work order, as the evaluator who signed in, once per confirmation', async () => {
    t = testServiceDeps();
    replaceCatalog(t.deps.db, catalogFixture(), new Date().toISOString());
    const handlers = await ready(t);
    t.session.agentActs = true;
    const input = submission({
      level: 1,
      optionCodes: ['longWait', 'terminalProblem'],
      callbackPhone: '13912345678',
      comment: '等了很久',
    });

    const result = await handlers['rating.submit'](input, ctx);

    expect(result.ok && result.value).toEqual({
      status: 'delivered',
      workOrderNo: 'WO-20261121-0001',
      followUpBy: '2026-12-12',
    });
    const [post] = ratingPosts(t);
    expect(post?.body).toEqual({
      subject: { kind: 'application', ref: 'AQ-20261121-0001' },
      matter: { matterCode: '370784-CJ-013', matterVersion: 1, matterName: '老年优待证办理' },
      stationId: t.deps.info.station.id,
      channel: 'selfServiceTerminal',
      level: 1,
      optionsVersion: '2026.1',
      optionCodes: ['longWait', 'terminalProblem'],
      comment: '等了很久',
      evaluator: 'agent',
      callbackPhone: '13912345678',
      ratedAt: expect.any(String),
      offline: false,
    });
    expect(post?.headers.get('idempotency-key')).toBe(`${input.confirmationId}:rating`);
    expect(t.session.findCompleted('application', 'AQ-20261121-0001')?.rated).toBe(true);

    // The same confirmation again (a lost answer, a double tap): the same result, nothing new sent.
    const again = await handlers['rating.submit'](input, ctx);
    expect(again).toEqual(result);
    expect(ratingPosts(t)).toHaveLength(1);
    expect(t.deps.db.prepare('SELECT count(*) FROM outbox WHERE kind = ?').pluck().get('rating')).toBe(1);
  });

  it('offline: saves the rating here and delivers it later through the outbox', async () => {
    t = testServiceDeps();
    const handlers = await ready(t);
    t.platform.online = false;
    t.catalog.platform = 'unreachable';
    const input = submission({ level: 2, optionCodes: ['longWait'] });

    const saved = await handlers['rating.submit'](input, ctx);
    expect(saved.ok && saved.value).toEqual({ status: 'savedOffline', workOrderNo: null, followUpBy: null });

    t.platform.online = true;
    await t.outbox.kick();
    const [post] = ratingPosts(t);
    expect(post?.body).toMatchObject({ offline: true, level: 2 });
    const later = await handlers['rating.submit'](input, ctx);
    expect(later.ok && later.value).toEqual({
      status: 'delivered',
      workOrderNo: 'WO-20261121-0001',
      followUpBy: '2026-12-12',
    });
  });

  it('refuses a second rating of the same service, in this session and after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'care-ratings-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'kiosk.sqlite');
    t = testServiceDeps({ db: memoryStore({ path: file }) });
    const handlers = await ready(t);
    expect((await handlers['rating.submit'](submission(), ctx)).ok).toBe(true);
    expect(await handlers['rating.submit'](submission({ level: 4 }), ctx)).toMatchObject({
      error: { code: 'alreadyRated' },
    });
    await t.close();
    t.deps.db.close();

    // After a restart the resident looks the same case up again: a new session, the same service.
    t = testServiceDeps({ db: memoryStore({ path: file }) });
    const restarted = await ready(t);
    expect(await restarted['rating.submit'](submission({ level: 3, optionCodes: [] }), ctx)).toMatchObject({
      error: { code: 'alreadyRated' },
    });
    expect(t.session.findCompleted('application', 'AQ-20261121-0001')?.rated).toBe(true);
    expect(ratingPosts(t)).toEqual([]);
  });
});
