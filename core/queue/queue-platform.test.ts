import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedPlatform, type EmbeddedPlatform } from '../../platform/embedded';
import { kioskInfoFixture } from '../../tests/helpers/kiosk-info-fixture';
import { buildAppointmentHandlers } from '../appointments';
import { replaceCatalog } from '../catalog/catalog-store';
import { getOutboxItem, startOutboxDelivery } from '../outbox';
import { fetchCatalog } from '../platform-client/catalog';
import type { HttpOptions } from '../platform-client/http';
import { buildQueueHandlers } from './handlers';
import { testServiceDeps } from '../testing/service-deps';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import { startTicketRangeKeeper } from './ticket-range-keeper';

/**
 * The queue and appointment journeys against the reference platform over real HTTP (the one the
 * kiosk embeds): its idempotency store, its numbering and its fault injection.
 */

const ctx = { host: 'test' as const, requestId: 'r' };
const TERMINAL = { id: 'KIOSK-QUEUE-01', token: 'queue-test-token-0123456789', stationId: 'TEST-STATION' };
const info = { ...kioskInfoFixture, terminal: { id: TERMINAL.id, name: '测试一体机' } };
/** A Monday morning: the windows are calling, so the platform issues tickets (none on Sundays and holidays). */
const STAFFED = new Date('2026-03-02T10:00:00+08:00');
const clock = () => new Date(STAFFED);

let dir: string;
let platform: EmbeddedPlatform;
let options: HttpOptions;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-queue-'));
  platform = await startEmbeddedPlatform({
    dbPath: join(dir, 'platform.sqlite'),
    port: 0,
    terminals: [TERMINAL],
    now: clock,
  });
  options = { baseUrl: platform.baseUrl, token: TERMINAL.token, timeoutMs: 5000 };
});

afterEach(async () => {
  await platform.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('queue and appointments against the reference platform', () => {
  const setup = () => {
    const fixed = clock();
    const t = testServiceDeps({
      platform: options,
      token: options.token,
      now: () => fixed,
      catalog: catalogFixture(),
      outbox: 'counting',
      info,
    });
    const handlers = buildQueueHandlers(t.deps, { retry: { delaysMs: [0, 0] }, freshForMs: 0 });
    const take = (confirmationId: string = randomUUID()) =>
      handlers['queue.takeTicket'](
        { confirmationId, serviceCode: 'social-insurance', priority: 'elderly', matterCode: null },
        ctx,
      );
    return { ...t, handlers, take };
  };

  it('issues online, reserves a range, issues offline and reports it through the outbox', async () => {
    const t = setup();
    const online = await t.take();
    expect(online.ok && online.value).toMatchObject({ offline: false, ticket: { source: 'online', prefix: 'A' } });
    await startTicketRangeKeeper(t.deps, { intervalMs: 3_600_000 }).stop();
    const overview = await t.handlers['queue.overview']({}, ctx);
    expect(overview.ok && overview.value.source).toBe('platform');
    expect(overview.ok && overview.value.services.map((s) => s.offlineNumbersLeft)).toEqual(
      overview.ok ? overview.value.services.map(() => 20) : [],
    );

    platform.faults.update({ outage: true });
    const fallback = await t.take();
    expect(fallback.ok && fallback.value).toMatchObject({ offline: true, ticket: { source: 'offlineRange' } });
    const offlineView = await t.handlers['queue.overview']({}, ctx);
    expect(offlineView.ok && offlineView.value.source).toBe('offline');

    platform.faults.update({ reset: true });
    const delivery = startOutboxDelivery({
      db: t.db,
      platform: options,
      logger: t.deps.logger,
      now: clock,
      sealer: t.deps.sealer,
    });
    await delivery.kick();
    await delivery.stop();
    const row = t.db.prepare(`SELECT id FROM outbox WHERE kind = 'offlineTicket'`).pluck().get() as number;
    const item = getOutboxItem(t.db, row);
    expect(item?.state).toBe('sent');
    expect(item?.response).toMatchObject({
      accepted: [{ ticketNo: fallback.ok ? fallback.value.ticket.ticketNo : '' }],
      rejected: [],
    });
  });

  it('keeps answers dropped after commit to one platform ticket (the ghost) and serves the range', async () => {
    const t = setup();
    await startTicketRangeKeeper(t.deps, { intervalMs: 3_600_000 }).stop();
    const before = await t.handlers['queue.overview']({}, ctx);
    const issuedBefore = before.ok ? (before.value.services[0]?.issuedToday ?? -1) : -1;

    platform.faults.update({ dropAfterCommitRate: 1 });
    const answer = await t.take();
    expect(answer.ok && answer.value.offline).toBe(true);
    platform.faults.update({ reset: true });
    const after = await t.handlers['queue.overview']({}, ctx);
    expect(after.ok && after.value.services[0]?.issuedToday).toBe(issuedBefore + 1);
  });

  it('retries a dropped answer with the same key and gets the one ticket', async () => {
    const t = setup();
    const before = await t.handlers['queue.overview']({}, ctx);
    const issuedBefore = before.ok ? (before.value.services[0]?.issuedToday ?? -1) : -1;
    // A seeded 50% drop rate: some attempts lose their answer, the retry with the same key replays it.
    platform.faults.update({ dropAfterCommitRate: 0.5, seed: 7 });
    const tickets = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await t.take();
      if (answer.ok && !answer.value.offline) tickets.push(answer.value.ticket.ticketNo);
    }
    const dropped = platform.faults.state().counters.dropped;
    platform.faults.update({ reset: true });
    const after = await t.handlers['queue.overview']({}, ctx);
    expect(dropped).toBeGreaterThan(0);
    expect(new Set(tickets).size).toBe(tickets.length);
    expect(after.ok && after.value.services[0]?.issuedToday).toBe(issuedBefore + 4);
  });

  it('books a slot, finds it, and cancels it', async () => {
    const t = setup();
    const catalog = await fetchCatalog(options, null);
    if (!catalog.ok || catalog.value.kind !== 'catalog') throw new Error('no catalog from the platform');
    replaceCatalog(t.db, catalog.value.catalog, clock().toISOString());
    const matterCode = catalog.value.catalog.matters[0]?.code ?? '';
    const handlers = buildAppointmentHandlers(t.deps, { retry: { delaysMs: [0, 0] } });
    const days = await handlers['appointment.days']({ servicePointId: 'aq-zwfw-centre', matterCode }, ctx);
    const day = days.ok ? days.value.days.find((d) => d.remaining > 0) : undefined;
    if (!day) throw new Error(`no bookable day: ${JSON.stringify(days)}`);
    const slots = await handlers['appointment.slots'](
      { servicePointId: 'aq-zwfw-centre', matterCode, date: day.date },
      ctx,
    );
    const slot = slots.ok ? slots.value.slots.find((s) => s.remaining > 0) : undefined;
    t.session.signIn();
    const booked = await handlers['appointment.book'](
      { confirmationId: randomUUID(), slotId: slot?.slotId ?? '', matterCode, phone: '13800000000' },
      ctx,
    );
    if (!booked.ok) throw new Error(JSON.stringify(booked.error));
    expect(booked.value.appointment.status).toBe('booked');
    const id = booked.value.appointment.appointmentId;
    const mine = await handlers['appointment.mine']({}, ctx);
    expect(mine.ok && mine.value.appointments.map((a) => a.appointmentId)).toContain(id);
    const cancelled = await handlers['appointment.cancel']({ appointmentId: id }, ctx);
    expect(cancelled.ok && cancelled.value.status).toBe('cancelled');
  });
});
