import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleRole, ConsoleScope, ConsoleUser } from '../../contract/console/users';
import type { RatingSubmission } from '../../contract/ratings';
import { err } from '../../../core/pure/result';
import type { ConsoleFailure, ConsoleOutput, WorkOrderOperationId } from '../console/handler-types';
import { createConsoleUser } from '../console/users-store';
import type { SqlDb } from '../db/sql';
import { FaultController } from '../faults/fault-controller';
import { resolveDeps } from '../http/types';
import { ephemeralSealer, type PlatformSealer } from '../sealing/sealer';
import { seedPlatform } from '../seed-platform';
import { recordRating } from '../store/ratings';
import { registerTerminal } from '../store/terminals';
import { ratingBody } from '../testing/bodies';
import { catalogFixture } from '../testing/catalog-fixture';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { createWorkOrderConsoleHandlers } from './index';

/**
 * The work-order operations behind the console, on a real database with the seeded calendar and
 * service points: two stations of 景芝 (370784107) and one of 官庄 (370784103), on the engine this
 * run tests (testing/test-database.ts).
 */

const JINGZHI_VILLAGE = 'aq-jingzhi-dongjingzhi';
const JINGZHI_OTHER = '370784-JZ-DB';
const GUANZHUANG_VILLAGE = 'aq-guanzhuang-xiaozhuang';

let database: TestDatabase;
let db: SqlDb;
let sealer: PlatformSealer;
let clock: Date;
let handlers: WorkOrderHandlers;
let users: Record<'county' | 'jingzhi' | 'village' | 'other', ConsoleUser>;

type WorkOrderHandlers = ReturnType<typeof createWorkOrderConsoleHandlers>;

/** The console's work-order handlers of one platform instance on `sql`. */
const handlersOn = (sql: SqlDb): WorkOrderHandlers =>
  createWorkOrderConsoleHandlers(resolveDeps({ sql, sealer, faults: new FaultController() }));

beforeEach(async () => {
  sealer = ephemeralSealer();
  database = await openTestDatabase(sealer);
  db = database.db;
  clock = new Date('2026-09-28T10:00:00+08:00');
  const seeded = await seedPlatform(db, { catalog: catalogFixture() }, clock);
  if (!seeded.ok) throw new Error(seeded.error);
  for (const [index, stationId] of [JINGZHI_VILLAGE, JINGZHI_OTHER, GUANZHUANG_VILLAGE].entries()) {
    const registered = await registerTerminal(
      db,
      { id: `kiosk-${index + 1}`, token: `token-kiosk-${index + 1}-aaaaaaaa`, stationId },
      clock,
    );
    if (!registered.ok) throw new Error(registered.error.kind);
  }
  handlers = handlersOn(db);
  const make = async (username: string, role: ConsoleRole, scope: ConsoleScope) => {
    const created = await createConsoleUser(
      db,
      { username, displayName: `${username}名`, role, scope, passwordHash: 'x' },
      clock,
    );
    if (!created.ok) throw new Error(username);
    return created.value;
  };
  users = {
    county: await make('county', 'countyAdmin', { kind: 'county' }),
    jingzhi: await make('jingzhi', 'townshipAdmin', { kind: 'township', townshipCode: '370784107' }),
    village: await make('village', 'stationStaff', { kind: 'station', stationId: JINGZHI_VILLAGE }),
    other: await make('other', 'stationStaff', { kind: 'station', stationId: GUANZHUANG_VILLAGE }),
  };
});
afterEach(() => database.close());

async function rate(
  terminal: number,
  stationId: string,
  overrides: Partial<RatingSubmission> = {},
  ref = 'TK-1',
): Promise<string> {
  const rating = ratingBody({
    subject: { kind: 'ticket', ref: `${ref}-${Math.random().toString(36).slice(2, 10)}` },
    stationId,
    level: 1,
    optionCodes: ['longWait', 'poorAttitude'],
    comment: '等了一个小时',
    callbackPhone: '13800001234',
    matter: { matterCode: '370784-SB-001', matterVersion: 1, matterName: '城乡居民养老保险参保登记' },
    ...overrides,
  });
  const accepted = await recordRating(db, sealer, `kiosk-${terminal}`, rating, rating.subject, clock);
  if (accepted.workOrderNo === null) throw new Error('not a work order');
  return accepted.workOrderNo;
}

type Call<Id extends WorkOrderOperationId> = Parameters<(typeof handlers)[Id]>[0];

async function run<Id extends WorkOrderOperationId>(
  id: Id,
  user: ConsoleUser,
  input: Partial<Pick<Call<Id>, 'params' | 'query' | 'body'>>,
  at: Date = clock,
  instance: WorkOrderHandlers = handlers,
) {
  const handler = instance[id] as unknown as (call: unknown) => unknown;
  return (await handler({
    user,
    ip: '127.0.0.1',
    now: at,
    params: undefined,
    query: undefined,
    body: undefined,
    ...input,
  })) as { ok: true; value: ConsoleOutput<Id> } | { ok: false; error: ConsoleFailure };
}

const on = (iso: string) => new Date(iso);

describe('a work order from a 非常不满意 rating', () => {
  it('is due 15 working days later by the calendar (past 国庆 2026 and the make-up Saturday 10 Oct) and shows the rating unsealed', async () => {
    const no = await rate(1, JINGZHI_VILLAGE);
    const shown = await run('getWorkOrder', users.village, { params: { workOrderNo: no } });
    if (!shown.ok) throw new Error(shown.error.detail);
    expect(shown.value.summary).toMatchObject({
      status: 'open',
      followUpBy: '2026-10-23',
      workingDaysLeft: 15,
      overdue: false,
      stationName: expect.stringContaining('东景芝'),
      matterName: '城乡居民养老保险参保登记',
    });
    expect(shown.value.rating).toMatchObject({
      level: 1,
      levelLabel: '非常不满意',
      options: [
        { code: 'longWait', label: '等待时间长' },
        { code: 'poorAttitude', label: '服务态度差' },
      ],
      comment: '等了一个小时',
      callbackPhone: '13800001234',
      terminalId: 'kiosk-1',
    });
    expect(shown.value.callback).toBeNull();
  });

  it('goes open → followedUp → closed: callback, fix, closing, with the notes sealed at rest', async () => {
    const no = await rate(1, JINGZHI_VILLAGE);
    const called = await run(
      'recordWorkOrderCallback',
      users.village,
      {
        params: { workOrderNo: no },
        body: { at: '2026-09-29T09:30:00+08:00', satisfied: false, note: '张女士说等太久' },
      },
      on('2026-09-29T10:00:00+08:00'),
    );
    if (!called.ok) throw new Error(called.error.detail);
    expect(called.value.summary.status).toBe('followedUp');
    expect(called.value.callback).toEqual({
      at: '2026-09-29T01:30:00.000Z',
      satisfied: false,
      by: 'village名',
      note: '张女士说等太久',
    });

    // Not satisfied and no fix yet: the closing is refused.
    const early = await run('closeWorkOrder', users.village, { params: { workOrderNo: no }, body: {} });
    expect(early).toEqual(err({ kind: 'conflict', detail: expect.stringMatching(/record the fix/) }));

    const fixed = await run('recordWorkOrderFix', users.jingzhi, {
      params: { workOrderNo: no },
      body: { text: '增设上午取号窗口' },
    });
    if (!fixed.ok) throw new Error(fixed.error.detail);
    expect(fixed.value.fix).toMatchObject({ by: 'jingzhi名', text: '增设上午取号窗口' });

    const closed = await run('closeWorkOrder', users.village, { params: { workOrderNo: no }, body: {} });
    if (!closed.ok) throw new Error(closed.error.detail);
    expect(closed.value.summary.status).toBe('closed');
    expect(closed.value.closing).toMatchObject({ by: 'village名', closedAs: 'fixed' });

    const stored = await db.get<{ sealed_callback_note: Buffer; sealed_rectification: Buffer }>(
      'SELECT sealed_callback_note, sealed_rectification FROM work_orders WHERE work_order_no = ?',
      [no],
    );
    if (!stored) throw new Error('no stored work order');
    expect(stored.sealed_callback_note.includes(Buffer.from('张女士'))).toBe(false);
    expect(stored.sealed_rectification.includes(Buffer.from('取号窗口'))).toBe(false);

    // Closed: nothing more is recorded.
    const again = await run('recordWorkOrderFix', users.village, { params: { workOrderNo: no }, body: { text: 'x' } });
    expect(again.ok).toBe(false);
    expect((await run('closeWorkOrder', users.village, { params: { workOrderNo: no }, body: {} })).ok).toBe(false);
  });

  it('closes without a fix only on a satisfied callback; never without a callback; a callback only once', async () => {
    const no = await rate(1, JINGZHI_VILLAGE);
    expect(await run('closeWorkOrder', users.village, { params: { workOrderNo: no }, body: {} })).toEqual(
      err({ kind: 'conflict', detail: 'record the callback (回访) before closing' }),
    );
    const callback = { at: '2026-09-28T10:30:00+08:00', satisfied: true, note: '解释后满意' };
    clock = on('2026-09-28T11:00:00+08:00');
    expect(
      (await run('recordWorkOrderCallback', users.village, { params: { workOrderNo: no }, body: callback })).ok,
    ).toBe(true);
    expect(
      await run('recordWorkOrderCallback', users.village, { params: { workOrderNo: no }, body: callback }),
    ).toEqual(err({ kind: 'conflict', detail: expect.stringMatching(/already recorded/) }));
    const closed = await run('closeWorkOrder', users.village, { params: { workOrderNo: no }, body: {} });
    if (!closed.ok) throw new Error(closed.error.detail);
    expect(closed.value.closing?.closedAs).toBe('noFixNeeded');
    expect(closed.value.fix).toBeNull();
  });

  it('refuses a callback in the future or before the work order existed', async () => {
    const no = await rate(1, JINGZHI_VILLAGE);
    const at = (iso: string) =>
      run('recordWorkOrderCallback', users.village, {
        params: { workOrderNo: no },
        body: { at: iso, satisfied: true, note: 'n' },
      });
    expect(await at('2026-09-28T11:00:00+08:00')).toEqual(
      err({ kind: 'invalid', detail: 'the callback time is in the future' }),
    );
    expect(await at('2026-09-27T11:00:00+08:00')).toEqual(
      err({ kind: 'invalid', detail: 'the callback time is before the work order was created' }),
    );
    // Typed to the minute (the form drops seconds): a 差评 that arrived at 10:00:40 can be called
    // back "at 10:00", and not at 09:59.
    clock = on('2026-09-28T10:00:40+08:00');
    const seconds = await rate(2, JINGZHI_VILLAGE);
    const back = (iso: string) =>
      run('recordWorkOrderCallback', users.village, {
        params: { workOrderNo: seconds },
        body: { at: iso, satisfied: true, note: 'n' },
      });
    expect(await back('2026-09-28T09:59:00+08:00')).toEqual(
      err({ kind: 'invalid', detail: 'the callback time is before the work order was created' }),
    );
    expect((await back('2026-09-28T10:00:00+08:00')).ok).toBe(true);
  });

  it('is notFound outside the user scope: another station, another township', async () => {
    const no = await rate(1, JINGZHI_VILLAGE);
    const far = await rate(3, GUANZHUANG_VILLAGE);
    expect(await run('getWorkOrder', users.other, { params: { workOrderNo: no } })).toEqual(
      err({ kind: 'notFound', detail: 'no such work order' }),
    );
    expect(await run('getWorkOrder', users.jingzhi, { params: { workOrderNo: far } })).toEqual(
      err({ kind: 'notFound', detail: 'no such work order' }),
    );
    const body = { at: '2026-09-28T09:59:00+08:00', satisfied: true, note: 'n' };
    expect((await run('recordWorkOrderCallback', users.other, { params: { workOrderNo: no }, body })).ok).toBe(false);
    const list = async (user: ConsoleUser) => {
      const listed = await run('listWorkOrders', user, { query: {} });
      if (!listed.ok) throw new Error(listed.error.detail);
      return listed.value.workOrders.map((order) => order.workOrderNo).sort();
    };
    expect(await list(users.county)).toEqual([no, far].sort());
    expect(await list(users.jingzhi)).toEqual([no]);
    expect(await list(users.other)).toEqual([far]);
  });
});

describe('overdue work orders', () => {
  it('are overdue the day after the due day without a callback, listed first, and filtered by overdue', async () => {
    const stale = await rate(1, JINGZHI_VILLAGE);
    clock = on('2026-10-20T10:00:00+08:00');
    const fresh = await rate(1, JINGZHI_VILLAGE);
    const onDueDay = await run('listWorkOrders', users.village, { query: {} }, on('2026-10-23T17:00:00+08:00'));
    if (!onDueDay.ok) throw new Error('list');
    expect(onDueDay.value.workOrders.find((order) => order.workOrderNo === stale)).toMatchObject({
      overdue: false,
      workingDaysLeft: 0,
    });
    const after = await run('listWorkOrders', users.village, { query: {} }, on('2026-10-26T09:00:00+08:00'));
    if (!after.ok) throw new Error('list');
    expect(after.value.workOrders.map((order) => [order.workOrderNo, order.overdue, order.workingDaysLeft])).toEqual([
      [stale, true, -1],
      [fresh, false, 11],
    ]);
    const onlyOverdue = await run(
      'listWorkOrders',
      users.village,
      { query: { overdue: 'true' } },
      on('2026-10-26T09:00:00+08:00'),
    );
    if (!onlyOverdue.ok) throw new Error('list');
    expect(onlyOverdue.value.workOrders.map((order) => order.workOrderNo)).toEqual([stale]);
  });
});

describe('work-order KPIs', () => {
  it('computes 回访率, 整改率 and overdue per station, per township and in total for the period', async () => {
    // 景芝 village: 4 orders (2 called back, 1 of them fixed, 1 closed satisfied); 景芝 other: 1 (nothing);
    // 官庄: 1 (called back, not satisfied, no fix). One order of the village is outside the period.
    const village = [
      await rate(1, JINGZHI_VILLAGE),
      await rate(1, JINGZHI_VILLAGE),
      await rate(1, JINGZHI_VILLAGE),
      await rate(1, JINGZHI_VILLAGE),
    ];
    const other = await rate(2, JINGZHI_OTHER);
    const far = await rate(3, GUANZHUANG_VILLAGE);
    clock = on('2026-11-02T10:00:00+08:00');
    await rate(1, JINGZHI_VILLAGE);
    const at = '2026-09-30T10:00:00+08:00';
    const step = async <Id extends WorkOrderOperationId>(id: Id, no: string, body: Call<Id>['body']) => {
      const done = await run(id, users.county, { params: { workOrderNo: no } as Call<Id>['params'], body }, clock);
      if (!done.ok) throw new Error(done.error.detail);
    };
    await step('recordWorkOrderCallback', village[0]!, { at, satisfied: false, note: 'n' });
    await step('recordWorkOrderFix', village[0]!, { text: '整改' });
    await step('recordWorkOrderCallback', village[1]!, { at, satisfied: true, note: 'n' });
    await step('closeWorkOrder', village[1]!, {});
    await step('recordWorkOrderCallback', far, { at, satisfied: false, note: 'n' });
    // Called back after its due day (23 Oct): late, no longer overdue.
    await step('recordWorkOrderCallback', village[2]!, {
      at: '2026-10-27T10:00:00+08:00',
      satisfied: false,
      note: 'n',
    });

    const kpis = await run(
      'getWorkOrderKpis',
      users.county,
      { query: { from: '2026-09-01', to: '2026-09-30' } },
      clock,
    );
    if (!kpis.ok) throw new Error(kpis.error.detail);
    const byStation = Object.fromEntries(kpis.value.stations.map((row) => [row.stationId, row.kpi]));
    expect(byStation[JINGZHI_VILLAGE]).toEqual({
      created: 4,
      calledBack: 3,
      callbackRate: 0.75,
      rectified: 2,
      rectificationRate: 0.5,
      closed: 1,
      overdue: 1,
      late: 1,
    });
    expect(byStation[JINGZHI_OTHER]).toMatchObject({ created: 1, calledBack: 0, callbackRate: 0, overdue: 1 });
    expect(byStation[GUANZHUANG_VILLAGE]).toMatchObject({ created: 1, calledBack: 1, callbackRate: 1, rectified: 0 });
    expect(kpis.value.townships.map((row) => [row.townshipCode, row.kpi.created, row.kpi.calledBack])).toEqual([
      ['370784103', 1, 1],
      ['370784107', 5, 3],
    ]);
    expect(kpis.value.total).toMatchObject({ created: 6, calledBack: 4, rectified: 2, overdue: 2, late: 1 });
    expect(kpis.value.total.callbackRate).toBeCloseTo(4 / 6);
    expect(kpis.value.asOf).toBe('2026-11-02');
    void other;

    const scoped = await run(
      'getWorkOrderKpis',
      users.jingzhi,
      { query: { from: '2026-09-01', to: '2026-09-30' } },
      clock,
    );
    if (!scoped.ok) throw new Error('kpis');
    expect(scoped.value.stations.map((row) => row.stationId).sort()).toEqual([JINGZHI_OTHER, JINGZHI_VILLAGE].sort());
    expect(scoped.value.total.created).toBe(5);
  });

  it('gives null rates, not 0 %, when a period has no 差评', async () => {
    const kpis = await run('getWorkOrderKpis', users.village, { query: { from: '2026-01-01', to: '2026-01-31' } });
    if (!kpis.ok) throw new Error('kpis');
    expect(kpis.value.total).toMatchObject({ created: 0, callbackRate: null, rectificationRate: null });
    expect(await run('getWorkOrderKpis', users.village, { query: { from: '2026-02-01', to: '2026-01-31' } })).toEqual(
      err({ kind: 'invalid', detail: 'from is after to' }),
    );
  });
});

describe('the same step from two platform instances at once', () => {
  /**
   * Eight staff (four on each of two instances with their own connections to one database) record
   * the same step of one work order at the same moment: exactly one is taken, the other seven are
   * told it conflicts, and the stored row is the winner's. Each step is one conditional UPDATE
   * (work-order-store.ts); without its condition several would succeed.
   */
  const ATTEMPTS = 8;

  async function race<Id extends 'recordWorkOrderCallback' | 'recordWorkOrderFix' | 'closeWorkOrder'>(
    id: Id,
    no: string,
    bodyOf: (attempt: number) => Call<Id>['body'],
  ) {
    const second = handlersOn(await database.openSecond());
    const outcomes = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, attempt) =>
        run(
          id,
          users.county,
          { params: { workOrderNo: no } as Call<Id>['params'], body: bodyOf(attempt) },
          clock,
          attempt % 2 === 0 ? handlers : second,
        ),
      ),
    );
    const won = outcomes.flatMap((outcome, attempt) => (outcome.ok ? [attempt] : []));
    expect(won, JSON.stringify(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error)))).toHaveLength(1);
    for (const outcome of outcomes) if (!outcome.ok) expect(outcome.error.kind, outcome.error.detail).toBe('conflict');
    return won[0] as number;
  }

  it('takes one callback, one fix and one closing; the rest are conflicts', async () => {
    const no = await rate(1, JINGZHI_VILLAGE);
    clock = on('2026-09-29T10:00:00+08:00');
    const callbackWinner = await race('recordWorkOrderCallback', no, (attempt) => ({
      at: '2026-09-29T09:00:00+08:00',
      satisfied: false,
      note: `回访 ${attempt}`,
    }));
    const fixWinner = await race('recordWorkOrderFix', no, (attempt) => ({ text: `整改 ${attempt}` }));
    await race('closeWorkOrder', no, () => ({}));

    const shown = await run('getWorkOrder', users.county, { params: { workOrderNo: no } });
    if (!shown.ok) throw new Error(shown.error.detail);
    expect(shown.value.summary.status).toBe('closed');
    expect(shown.value.callback?.note).toBe(`回访 ${callbackWinner}`);
    expect(shown.value.fix?.text).toBe(`整改 ${fixWinner}`);
    expect(shown.value.closing?.closedAs).toBe('fixed');
  });
});
