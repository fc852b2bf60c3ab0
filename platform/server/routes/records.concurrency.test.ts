import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationAccepted } from '../../contract/applications';
import type { RatingAccepted } from '../../contract/ratings';
import { applicationRowCount, recordApplication } from '../store/applications';
import { currentCatalog } from '../store/published';
import { ratingRowCount, recordRatingOnce } from '../store/ratings';
import { applicationBody, ratingBody } from '../testing/bodies';
import {
  createTwinPlatforms,
  manualClock,
  newKey,
  type CheckedResponse,
  type TestPlatform,
  type TwinPlatforms,
} from '../testing/harness';

/**
 * Applications and ratings under real concurrency: many requests at once against two platform
 * instances on one database (docs/county-scale.md). On PostgreSQL each instance has its own
 * connection pool, so the transactions really interleave at READ COMMITTED; what keeps each
 * guarantee is named in store/applications.ts (recordApplication) and store/ratings.ts
 * (recordRatingOnce). The guarantees must not depend on which instance or request comes first,
 * so the tests check counts and agreement, never which request won.
 */

const MONDAY_10 = '2026-03-02T10:00:00+08:00';
/** Requests fired at once per scenario, half at each instance. */
const AT_ONCE = 8;

let twins: TwinPlatforms | undefined;
afterEach(async () => {
  await twins?.close();
  twins = undefined;
});

async function startTwins(): Promise<TwinPlatforms> {
  twins = await createTwinPlatforms({ now: manualClock(MONDAY_10).now });
  return twins;
}

/** Instance a for even indexes, b for odd ones. */
const instance = ({ a, b }: TwinPlatforms, index: number): TestPlatform => (index % 2 === 0 ? a : b);

async function count(platform: TestPlatform, sql: string, params: string[] = []): Promise<number> {
  const row = await platform.sql.get<{ count: number }>(sql, params);
  return row?.count ?? -1;
}

function statuses(answers: readonly CheckedResponse[]): number[] {
  return answers.map((answer) => answer.status).sort();
}

describe('one rating per subject, rated at once on two instances', { timeout: 60_000 }, () => {
  it('stores one rating (and one work order) of an application named by number or localRef; the rest get 409', async () => {
    const pair = await startTwins();
    const application = applicationBody();
    const submitted = await pair.a.request('POST', '/api/v1/applications', { body: application });
    expect(submitted.status).toBe(201);
    const { caseNo } = submitted.json<ApplicationAccepted>();

    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, index) =>
        instance(pair, index).request('POST', '/api/v1/ratings', {
          idempotencyKey: newKey(),
          body: ratingBody({
            // Half name the case by number, half by the kiosk's localRef: both are one subject.
            subject: { kind: 'application', ref: index < AT_ONCE / 2 ? caseNo : application.localRef },
            level: 1,
            optionCodes: ['longWait'],
            callbackPhone: '13800001234',
          }),
        }),
      ),
    );

    expect(statuses(answers)).toEqual([201, ...Array<number>(AT_ONCE - 1).fill(409)]);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(refused.json()).toMatchObject({ code: 'ratingAlreadyExists' });
    }
    const stored = answers.find((answer) => answer.status === 201)?.json<RatingAccepted>();
    expect(stored?.subject).toEqual({ kind: 'application', ref: caseNo });
    expect(stored?.workOrderNo).not.toBeNull();
    expect(await ratingRowCount(pair.a.sql)).toBe(1);
    expect(await count(pair.b, 'SELECT count(*) AS count FROM work_orders')).toBe(1);
    expect(await count(pair.a, "SELECT count(*) AS count FROM record_arrivals WHERE kind = 'rating'")).toBe(1);
  });

  it('stores one rating of a ticket; every other request gets 409 ratingAlreadyExists, none a 5xx', async () => {
    const pair = await startTwins();
    const subject = { kind: 'ticket' as const, ref: 'TK-20260302-0042' };
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, index) =>
        instance(pair, index).request('POST', '/api/v1/ratings', {
          idempotencyKey: newKey(),
          body: ratingBody({ subject }),
        }),
      ),
    );
    expect(statuses(answers)).toEqual([201, ...Array<number>(AT_ONCE - 1).fill(409)]);
    expect(await ratingRowCount(pair.b.sql)).toBe(1);
    // A retry of a refused request replays its 409: the answer was stored with its key.
    expect(await count(pair.a, 'SELECT count(*) AS count FROM idempotency_records')).toBe(AT_ONCE);
  });
});

describe('one case per application, submitted at once on two instances', { timeout: 60_000 }, () => {
  it('gives every request under its own key the same 办件编号 and stores one row', async () => {
    const pair = await startTwins();
    const application = applicationBody();
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, index) =>
        instance(pair, index).request('POST', '/api/v1/applications', {
          idempotencyKey: newKey(),
          body: application,
        }),
      ),
    );

    expect(statuses(answers)).toEqual(Array<number>(AT_ONCE).fill(201));
    const caseNos = new Set(answers.map((answer) => answer.json<ApplicationAccepted>().caseNo));
    expect(caseNos.size).toBe(1);
    const receipts = new Set(answers.map((answer) => JSON.stringify(answer.json<ApplicationAccepted>().receiptLines)));
    expect(receipts.size).toBe(1);
    expect(await applicationRowCount(pair.a.sql)).toBe(1);
    expect(await count(pair.b, "SELECT count(*) AS count FROM record_arrivals WHERE kind = 'application'")).toBe(1);
  });

  it('numbers different applications sent at once on both instances without a duplicate', async () => {
    const pair = await startTwins();
    const answers = await Promise.all(
      Array.from({ length: AT_ONCE }, (_, index) =>
        instance(pair, index).request('POST', '/api/v1/applications', { body: applicationBody() }),
      ),
    );
    expect(statuses(answers)).toEqual(Array<number>(AT_ONCE).fill(201));
    const caseNos = new Set(answers.map((answer) => answer.json<ApplicationAccepted>().caseNo));
    expect(caseNos.size).toBe(AT_ONCE);
    expect(await applicationRowCount(pair.b.sql)).toBe(AT_ONCE);
  });
});

describe('one Idempotency-Key sent to both instances at once', { timeout: 60_000 }, () => {
  it('does the work once and replays that answer on the other instance', async () => {
    const pair = await startTwins();
    // Several applications, each sent once to a and once to b under one key, all at the same time.
    const applications = Array.from({ length: AT_ONCE / 2 }, () => ({ body: applicationBody(), key: newKey() }));
    const pairs = await Promise.all(
      applications.map(({ body, key }) =>
        Promise.all(
          [pair.a, pair.b].map((platform) =>
            platform.request('POST', '/api/v1/applications', { body, idempotencyKey: key }),
          ),
        ),
      ),
    );

    for (const answers of pairs) {
      expect(statuses(answers)).toEqual([201, 201]);
      const replayed = answers.map((answer) => answer.headers.get('idempotent-replayed'));
      expect(replayed.sort()).toEqual(['true', null].sort());
      // The replay is the stored answer itself, byte for byte.
      expect(answers[0]?.text).toBe(answers[1]?.text);
    }
    expect(await applicationRowCount(pair.a.sql)).toBe(applications.length);
    expect(await count(pair.b, 'SELECT count(*) AS count FROM idempotency_records')).toBe(applications.length);
  });
});

/**
 * On SQLite one writer at a time runs, so above the look before the write (isRated,
 * findAcceptedApplication) already sees the winner and the constraint never has to decide. Here
 * the look is skipped, as it is in effect when two PostgreSQL transactions both look before
 * either commits: the constraint alone must give the same answers, on both engines.
 */
describe('when the look before the write missed the other instance', { timeout: 60_000 }, () => {
  it('a second rating of the subject stores nothing and answers alreadyRated', async () => {
    const { a } = await startTwins();
    const rating = ratingBody({ level: 2, optionCodes: ['longWait'], callbackPhone: '13800001234' });
    const now = new Date(MONDAY_10);
    const first = await a.sql.transaction((tx) =>
      recordRatingOnce(tx, a.sealer, 'kiosk-1', rating, rating.subject, now),
    );
    const second = await a.sql.transaction((tx) =>
      recordRatingOnce(tx, a.sealer, 'kiosk-1', rating, rating.subject, now),
    );
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, error: { kind: 'alreadyRated' } });
    expect(await ratingRowCount(a.sql)).toBe(1);
    expect(await count(a, 'SELECT count(*) AS count FROM work_orders')).toBe(1);
  });

  it('a second store of the same localRef answers with the first case and stores nothing', async () => {
    const { a } = await startTwins();
    const submission = applicationBody();
    const catalog = await currentCatalog(a.sql);
    const matter = catalog?.matters.find((entry) => entry.code === submission.matter.matterCode);
    if (!catalog || !matter) throw new Error(`the test catalog has no ${submission.matter.matterCode}`);
    const store = () =>
      a.sql.transaction((tx) =>
        recordApplication(tx, a.sealer, 'kiosk-1', submission, matter, catalog.region.code, new Date(MONDAY_10)),
      );
    const first = await store();
    const second = await store();
    expect(second).toEqual(first);
    expect(await applicationRowCount(a.sql)).toBe(1);
    expect(await count(a, "SELECT count(*) AS count FROM record_arrivals WHERE kind = 'application'")).toBe(1);
  });
});
