import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, AppointmentList, AppointmentSlotList, CheckInResult } from '../../contract/appointments';
import { appointmentRowCount } from '../store/appointments';
import { agentFor, APPLICANT_ID, AGENT_ID, bookingBody } from '../testing/bodies';
import { createTestPlatform, KIOSK_1, manualClock, newKey, type TestPlatform } from '../testing/harness';

let platform: TestPlatform;
afterEach(() => platform.close());

// Monday 2 March 2026, 10:00 CST. 景芝镇便民服务中心 is open 08:30–12:00 and 13:30–17:30 on weekdays.
const MONDAY_10 = '2026-03-02T10:00:00+08:00';
const POINT = 'aq-jingzhi-centre';
const SLOT = `${POINT}.20260302T1030`;
const slotsPath = (date: string, point = POINT) => `/api/v1/service-points/${point}/appointment-slots?date=${date}`;

const book = (body = bookingBody(SLOT), key = newKey()) =>
  platform.request('POST', '/api/v1/appointments', { body, idempotencyKey: key });
const checkIn = (appointmentId: string) =>
  platform.request('POST', `/api/v1/appointments/${appointmentId}/check-ins`, {
    body: { stationId: KIOSK_1.stationId, checkedInAt: MONDAY_10 },
  });
const cancel = (appointmentId: string) =>
  platform.request('POST', `/api/v1/appointments/${appointmentId}/cancellations`, {
    body: { reason: 'cannotAttend', cancelledAt: MONDAY_10 },
  });

describe('appointment slots', () => {
  it('lists the 30-minute slots still ahead today from the opening hours, with remaining places', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const today = (await platform.request('GET', slotsPath('2026-03-02'))).json<AppointmentSlotList>();
    expect(today.slots[0]).toMatchObject({
      slotId: SLOT,
      startsAt: '2026-03-02T02:30:00.000Z',
      endsAt: '2026-03-02T03:00:00.000Z',
      capacity: 2,
      remaining: 2,
    });
    // 10:30–12:00 is three slots, 13:30–17:30 eight.
    expect(today.slots).toHaveLength(11);
    const tuesday = (await platform.request('GET', slotsPath('2026-03-03'))).json<AppointmentSlotList>();
    expect(tuesday.slots).toHaveLength(15);
    // Weekends, days past the 14-day window and points that take no bookings have none.
    expect((await platform.request('GET', slotsPath('2026-03-07'))).json<AppointmentSlotList>().slots).toEqual([]);
    expect((await platform.request('GET', slotsPath('2026-03-16'))).json<AppointmentSlotList>().slots).toEqual([]);
    const village = await platform.request('GET', slotsPath('2026-03-03', 'aq-jingzhi-dongjingzhi'));
    expect(village.json<AppointmentSlotList>().slots).toEqual([]);
    expect((await platform.request('GET', slotsPath('2026-03-03', 'nowhere'))).status).toBe(404);
  });
});

describe('booking', () => {
  it('books a slot with a masked name, fills it up and then answers 409 slotFull', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const first = await book();
    expect(first.status).toBe(201);
    expect(first.json<Appointment>()).toMatchObject({
      appointmentId: 'AP-20260302-0001',
      status: 'booked',
      servicePointId: POINT,
      applicantName: '张*丰',
      checkedInAt: null,
    });
    expect((await book()).status).toBe(201);
    const full = await book();
    expect(full.json()).toMatchObject({ status: 409, code: 'slotFull' });
    const slots = (await platform.request('GET', slotsPath('2026-03-02'))).json<AppointmentSlotList>();
    expect(slots.slots[0]?.remaining).toBe(0);
  });

  it('answers 422 for an unknown matter or a slot that does not exist or has passed', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const unknown = await book(
      bookingBody(SLOT, { matter: { matterCode: 'NOPE-1', matterVersion: 1, matterName: '无' } }),
    );
    expect(unknown.json()).toMatchObject({ status: 422, code: 'unknownMatter' });
    expect((await book(bookingBody(`${POINT}.20260302T0900`))).json()).toMatchObject({ code: 'validationFailed' });
    expect((await book(bookingBody(`${POINT}.20260302T1015`))).status).toBe(422);
    expect((await book(bookingBody('garbage'))).status).toBe(422);
    expect(await appointmentRowCount(platform.sql)).toBe(0);
  });

  it('replays a lost answer and stores one appointment', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const key = newKey();
    const first = await book(bookingBody(SLOT), key);
    const again = await book(bookingBody(SLOT), key);
    expect(again.text).toBe(first.text);
    expect(await appointmentRowCount(platform.sql)).toBe(1);
  });

  it('finds appointments by identity as applicant or 经办人, soonest first, optionally of one day', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const later = (await book(bookingBody(`${POINT}.20260303T0830`))).json<Appointment>();
    const sooner = (await book()).json<Appointment>();
    const forOther = (
      await book(
        bookingBody(`${POINT}.20260304T0830`, {
          applicant: { name: '王五', idType: 'residentIdCard', idNumber: AGENT_ID, phone: '13900001111' },
          agent: agentFor(APPLICANT_ID),
        }),
      )
    ).json<Appointment>();
    const search = async (body: object) =>
      (await platform.request('POST', '/api/v1/appointment-searches', { body })).json<AppointmentList>().appointments;
    expect((await search({ idType: 'residentIdCard', idNumber: APPLICANT_ID })).map((a) => a.appointmentId)).toEqual([
      sooner.appointmentId,
      later.appointmentId,
      forOther.appointmentId,
    ]);
    const today = await search({ idType: 'residentIdCard', idNumber: APPLICANT_ID, date: '2026-03-02' });
    expect(today.map((a) => a.appointmentId)).toEqual([sooner.appointmentId]);
  });
});

describe('check-in and cancellation', () => {
  it("turns today's appointment into a priority ticket once; a second check-in is 409", async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const { appointmentId } = (await book()).json<Appointment>();
    const response = await checkIn(appointmentId);
    expect(response.status).toBe(201);
    const result = response.json<CheckInResult>();
    expect(result.appointment).toMatchObject({ status: 'checkedIn', checkedInAt: '2026-03-02T02:00:00.000Z' });
    // TEST-001 is a social-security matter: the 社保医保 queue, with the appointment priority.
    expect(result.ticket).toMatchObject({
      ticketNo: 'A001',
      stationId: KIOSK_1.stationId,
      priority: { class: 'appointment', weight: 20, label: '预约优先' },
    });
    const again = await checkIn(appointmentId);
    expect(again.json()).toMatchObject({ status: 409, code: 'appointmentNotActive' });
    expect((await cancel(appointmentId)).json()).toMatchObject({ code: 'appointmentNotActive' });
  });

  it('refuses to check in an appointment of another day, and a cancelled one', async () => {
    platform = await createTestPlatform({ now: manualClock(MONDAY_10).now });
    const tomorrow = (await book(bookingBody(`${POINT}.20260303T0830`))).json<Appointment>();
    expect((await checkIn(tomorrow.appointmentId)).json()).toMatchObject({ code: 'appointmentNotActive' });

    const today = (await book()).json<Appointment>();
    const cancelled = await cancel(today.appointmentId);
    expect(cancelled.status).toBe(200);
    expect(cancelled.json<Appointment>()).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2026-03-02T02:00:00.000Z',
    });
    expect((await checkIn(today.appointmentId)).json()).toMatchObject({ code: 'appointmentNotActive' });
    // Cancelling frees the place.
    const slots = (await platform.request('GET', slotsPath('2026-03-02'))).json<AppointmentSlotList>();
    expect(slots.slots[0]?.remaining).toBe(2);
    expect((await checkIn('AP-20990101-0001')).status).toBe(404);
  });

  it('shows a booked appointment whose day has passed as noShow', async () => {
    const clock = manualClock(MONDAY_10);
    platform = await createTestPlatform({ now: clock.now });
    await book();
    clock.set('2026-03-03T10:00:00+08:00');
    const found = await platform.request('POST', '/api/v1/appointment-searches', {
      body: { idType: 'residentIdCard', idNumber: APPLICANT_ID },
    });
    expect(found.json<AppointmentList>().appointments[0]?.status).toBe('noShow');
  });
});
