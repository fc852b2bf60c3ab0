import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AppointmentSlot } from '../../platform/contract/appointments';
import { kioskInfoFixture } from '../../tests/helpers/kiosk-info-fixture';
import { queuePlatform } from '../testing/platform-queue';
import { RESIDENT } from '../testing/fake-session';
import { receiptText } from '../testing/receipt-text';
import { testServiceDeps } from '../testing/service-deps';
import { catalogFixture } from '../../tests/helpers/catalog-fixture';
import { buildAppointmentHandlers } from './handlers';

const ctx = { host: 'test' as const, requestId: 'r' };
const MATTER = '370784-CJ-013';

function slot(slotId: string, startsAt: string, remaining: number, matterCodes: string[] = []): AppointmentSlot {
  const start = Date.parse(startsAt);
  return {
    slotId,
    servicePointId: 'SP-1',
    startsAt,
    endsAt: new Date(start + 30 * 60_000).toISOString(),
    capacity: 5,
    remaining,
    matterCodes,
  };
}

/** 2026-11-21 10:00 in China (02:00 UTC), a Saturday the fixture station is staffed until 12:00. */
function setup(start = '2026-11-21T02:00:00.000Z', info = kioskInfoFixture) {
  const now = { value: new Date(start) };
  const platform = queuePlatform({
    stationId: kioskInfoFixture.station.id,
    terminalId: kioskInfoFixture.terminal.id,
    now: () => now.value,
  });
  platform.state.slots = [
    slot('S-past', '2026-11-21T01:00:00.000Z', 3), // 09:00 today: over
    slot('S-today', '2026-11-21T06:00:00.000Z', 2), // 14:00 today
    slot('S-other', '2026-11-21T07:00:00.000Z', 4, ['370784-CJ-052']), // another matter only
    slot('S-tomorrow', '2026-11-22T01:00:00.000Z', 5),
    slot('S-late', '2026-11-21T15:30:00.000Z', 1), // 23:30 on the 21st in China
    slot('S-week', '2026-11-28T01:00:00.000Z', 1), // the 8th day: not listed
  ];
  const test = testServiceDeps({
    platform,
    token: 'token-0000000000000000',
    now: () => now.value,
    catalog: catalogFixture(),
    outbox: 'counting',
    info,
  });
  const handlers = buildAppointmentHandlers(test.deps, { retry: { delaysMs: [0, 0] } });
  const book = (slotId: string, confirmationId: string = randomUUID()) =>
    handlers['appointment.book']({ confirmationId, slotId, matterCode: MATTER, phone: '13800000000' }, ctx);
  return { ...test, now, platform, handlers, book };
}

describe('appointment.days and slots', () => {
  it('sums the bookable places of the next 7 China days, asking for each day in parallel', async () => {
    const t = setup();
    const days = await t.handlers['appointment.days']({ servicePointId: 'SP-1', matterCode: MATTER }, ctx);
    const weekday = (date: string) => ({ date, remaining: 0, status: 'notOffered', dayKind: 'workday', holiday: null });
    expect(days.ok && days.value.days).toEqual([
      // 14:00 (2) + 23:30 (1); 09:00 is over, S-other is another matter
      { date: '2026-11-21', remaining: 3, status: 'open', dayKind: 'weekend', holiday: null },
      { date: '2026-11-22', remaining: 5, status: 'open', dayKind: 'weekend', holiday: null },
      // No slots on a working day: the point takes no bookings then, not 已约满.
      weekday('2026-11-23'),
      weekday('2026-11-24'),
      weekday('2026-11-25'),
      weekday('2026-11-26'),
      weekday('2026-11-27'),
    ]);
    const asked = t.platform.calls.filter((call) => call.path.includes('/appointment-slots?'));
    expect(asked).toHaveLength(7);
  });

  it('lists one day without the slots that began', async () => {
    const t = setup();
    const slots = await t.handlers['appointment.slots'](
      { servicePointId: 'SP-1', matterCode: MATTER, date: '2026-11-21' },
      ctx,
    );
    expect(slots.ok && slots.value.slots.map((s) => s.slotId)).toEqual(['S-today', 'S-late']);
  });

  it('answers platformUnavailable when the platform cannot be reached', async () => {
    const t = setup();
    t.platform.online = false;
    expect(await t.handlers['appointment.days']({ servicePointId: 'SP-1', matterCode: MATTER }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'platformUnavailable' },
    });
    expect(
      await t.handlers['appointment.slots']({ servicePointId: 'SP-1', matterCode: MATTER, date: '2026-11-21' }, ctx),
    ).toMatchObject({ ok: false, error: { code: 'platformUnavailable' } });
  });
});

describe('appointment.book', () => {
  it('needs a signed-in applicant', async () => {
    const t = setup();
    expect(await t.book('S-today')).toMatchObject({ ok: false, error: { code: 'notSignedIn' } });
    expect(t.platform.calls).toHaveLength(0);
  });

  it('books with the applicant and phone, prints the slip and records the service', async () => {
    const t = setup();
    t.session.signIn();
    const confirmationId = randomUUID();
    const booked = await t.book('S-today', confirmationId);
    expect(booked.ok && booked.value).toMatchObject({
      appointment: { appointmentId: 'AP-1', status: 'booked' },
      print: { output: 'paper', problem: null },
    });
    const post = t.platform.calls.find((call) => call.path === '/appointments');
    expect(post?.idempotencyKey).toBe(`appointment-${confirmationId}`);
    expect(post?.body).toMatchObject({
      slotId: 'S-today',
      matter: { matterCode: MATTER, matterVersion: 1, matterName: '老年优待证办理' },
      applicant: { ...RESIDENT, phone: '13800000000' },
      agent: null,
    });
    const document = t.devices.printed[0];
    expect(document?.id).toBe('appointment-AP-1');
    const text = document ? receiptText(document) : '';
    for (const line of [
      '预约号 AP-1',
      '老年优待证办理',
      '2026-11-21 14:00-14:30',
      // The fake platform does not name SP-1: the slip says it in words, never the id.
      '预约的服务点',
      '请按时到达并在自助终端签到',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain('SP-1');
    expect(text).not.toContain(RESIDENT.idNumber);
    expect(t.session.completed()).toMatchObject([{ kind: 'appointment', ref: 'AP-1', matterCode: MATTER }]);
  });

  it('books once when the answer was dropped after commit, and on a repeated press', async () => {
    const t = setup();
    t.session.signIn();
    t.platform.faults.dropAfterCommitNext = 1;
    const confirmationId = randomUUID();
    const first = await t.book('S-today', confirmationId);
    const again = await t.book('S-today', confirmationId);
    expect(first.ok && again.ok && again.value.appointment).toEqual(first.ok && first.value.appointment);
    expect(t.platform.state.appointments).toHaveLength(1);
    expect(t.devices.printed).toHaveLength(1);
    expect(t.session.completed()).toHaveLength(1);
  });

  it('maps slotFull, unknown matters and an unreachable platform', async () => {
    const t = setup();
    t.session.signIn();
    t.platform.state.refuseBooking = 'slotFull';
    expect(await t.book('S-today')).toMatchObject({ ok: false, error: { code: 'slotFull' } });
    t.platform.state.refuseBooking = null;
    expect(
      await t.handlers['appointment.book'](
        { confirmationId: randomUUID(), slotId: 'S-today', matterCode: 'NOT-A-MATTER', phone: '13800000000' },
        ctx,
      ),
    ).toMatchObject({ ok: false, error: { code: 'notFound' } });
    t.platform.online = false;
    expect(await t.book('S-today')).toMatchObject({ ok: false, error: { code: 'platformUnavailable' } });
  });

  it('shows the slip on screen when the printer is down; the booking stands', async () => {
    const t = setup();
    t.session.signIn();
    t.devices.printFailure = { kind: 'printerUnavailable', code: 'coverOpen', message: 'cover open' };
    const booked = await t.book('S-today');
    expect(booked.ok && booked.value.print).toEqual({ output: 'screen', problem: 'printerUnavailable' });
    expect(t.platform.state.appointments).toHaveLength(1);
  });
});

describe('appointment.mine, checkIn and cancel', () => {
  it("finds the applicant's appointments by identity in the POST body, with a date filter", async () => {
    const t = setup();
    expect(await t.handlers['appointment.mine']({}, ctx)).toMatchObject({ ok: false, error: { code: 'notSignedIn' } });
    t.session.signIn();
    await t.book('S-today');
    await t.book('S-tomorrow');
    const all = await t.handlers['appointment.mine']({}, ctx);
    expect(all.ok && all.value.appointments.map((a) => a.appointmentId)).toEqual(['AP-1', 'AP-2']);
    const today = await t.handlers['appointment.mine']({ date: '2026-11-21' }, ctx);
    expect(today.ok && today.value.appointments.map((a) => a.appointmentId)).toEqual(['AP-1']);
    const searches = t.platform.calls.filter((call) => call.path === '/appointment-searches');
    expect(searches[1]?.body).toEqual({ idType: 'residentIdCard', idNumber: RESIDENT.idNumber, date: '2026-11-21' });
    expect(searches.every((call) => !call.path.includes(RESIDENT.idNumber))).toBe(true);
  });

  it("checks in today's appointment and prints its priority ticket marked 预约", async () => {
    const t = setup();
    t.session.signIn();
    await t.book('S-today');
    const confirmationId = randomUUID();
    const checkedIn = await t.handlers['appointment.checkIn']({ confirmationId, appointmentId: 'AP-1' }, ctx);
    expect(checkedIn.ok && checkedIn.value).toMatchObject({
      appointment: { status: 'checkedIn' },
      ticket: { ticketNo: 'A001', priority: { class: 'appointment' } },
      print: { output: 'paper', problem: null },
    });
    const post = t.platform.calls.find((call) => call.path === '/appointments/AP-1/check-ins');
    expect(post).toMatchObject({
      idempotencyKey: `checkin-${confirmationId}`,
      body: { stationId: 'TEST-STATION', checkedInAt: '2026-11-21T02:00:00.000Z' },
    });
    const ticket = t.devices.printed.find((document) => document.id.startsWith('ticket-'));
    const text = ticket ? receiptText(ticket) : '';
    expect(text).toContain('A001');
    expect(text).toContain('类别 预约');
    // The same press again: the same answer, no second ticket.
    const again = await t.handlers['appointment.checkIn']({ confirmationId, appointmentId: 'AP-1' }, ctx);
    expect(again).toEqual(checkedIn);
    expect(t.platform.tickets).toHaveLength(1);
  });

  it('refuses check-in on another China day, at both edges of midnight', async () => {
    // A station that leaves check-in hours to the platform, so only the day is checked here.
    const ungated = { ...kioskInfoFixture, station: { ...kioskInfoFixture.station, staffedJourneys: [] } };
    const t = setup('2026-11-21T15:50:00.000Z', ungated); // 23:50 on the 21st in China
    t.session.signIn();
    await t.book('S-tomorrow'); // 09:00 on the 22nd
    const checkIn = () =>
      t.handlers['appointment.checkIn']({ confirmationId: randomUUID(), appointmentId: 'AP-1' }, ctx);
    expect(await checkIn()).toMatchObject({ ok: false, error: { code: 'notToday' } });
    t.now.value = new Date('2026-11-21T16:00:00.000Z'); // 00:00 on the 22nd in China, still the 21st in UTC
    expect(await checkIn()).toMatchObject({ ok: true });
  });

  it('refuses check-in once no window calls again today, saying when calling resumes', async () => {
    const t = setup('2026-11-21T04:30:00.000Z'); // Saturday 12:30: the Saturday morning service is over
    t.session.signIn();
    await t.book('S-today');
    const checkedIn = await t.handlers['appointment.checkIn'](
      { confirmationId: randomUUID(), appointmentId: 'AP-1' },
      ctx,
    );
    expect(checkedIn).toMatchObject({
      ok: false,
      error: { code: 'notStaffed', message: expect.stringContaining('后天（周一）08:30') },
    });
    expect(t.platform.calls.some((call) => call.path.endsWith('/check-ins'))).toBe(false);
  });

  it('refuses an appointment that is not active, or not the resident’s', async () => {
    const t = setup();
    t.session.signIn();
    await t.book('S-today');
    const checkIn = (appointmentId: string) =>
      t.handlers['appointment.checkIn']({ confirmationId: randomUUID(), appointmentId }, ctx);
    expect(await checkIn('AP-999')).toMatchObject({ ok: false, error: { code: 'appointmentNotActive' } });
    expect((await t.handlers['appointment.cancel']({ appointmentId: 'AP-1' }, ctx)).ok).toBe(true);
    expect(await checkIn('AP-1')).toMatchObject({ ok: false, error: { code: 'appointmentNotActive' } });
    t.platform.online = false;
    expect(await checkIn('AP-1')).toMatchObject({ ok: false, error: { code: 'platformUnavailable' } });
  });

  it('cancels the applicant’s own booking only', async () => {
    const t = setup();
    expect(await t.handlers['appointment.cancel']({ appointmentId: 'AP-1' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'notSignedIn' },
    });
    t.session.signIn();
    await t.book('S-today');
    const cancelled = await t.handlers['appointment.cancel']({ appointmentId: 'AP-1' }, ctx);
    expect(cancelled.ok && cancelled.value.status).toBe('cancelled');
    expect(t.platform.calls.find((call) => call.path === '/appointments/AP-1/cancellations')?.body).toMatchObject({
      reason: 'residentRequest',
    });
    expect(await t.handlers['appointment.cancel']({ appointmentId: 'AP-1' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'appointmentNotActive' },
    });
    t.session.signIn({ ...RESIDENT, idNumber: '370784195001011234' });
    expect(await t.handlers['appointment.cancel']({ appointmentId: 'AP-1' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
  });
});
