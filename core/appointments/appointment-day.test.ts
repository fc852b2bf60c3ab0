import { describe, expect, it } from 'vitest';
import type { AppointmentSlot } from '../../platform/contract/appointments';
import { workingDays } from '../../platform/contract/working-days';
import { appointmentDay } from './handlers';

const calendar = workingDays({
  version: 'test-1',
  publishedAt: '2026-09-01T09:00:00+08:00',
  years: [{ year: 2026, status: 'official', source: 'test' }],
  holidays: [{ name: '国庆节', firstDay: '2026-10-01', lastDay: '2026-10-07', makeUpWorkdays: ['2026-10-10'] }],
});

const slot = (remaining: number): AppointmentSlot => ({
  slotId: `S-${remaining}`,
  servicePointId: 'SP-1',
  startsAt: '2026-10-09T01:00:00.000Z',
  endsAt: '2026-10-09T01:30:00.000Z',
  capacity: 3,
  remaining,
  matterCodes: [],
});
const list = (date: string, open: AppointmentSlot[], listed = open.length) => ({
  servicePointId: 'SP-1',
  date,
  slots: open,
  listed,
});

describe('a day on the booking screen', () => {
  it('is 休息 on a Sunday and on a public holiday without slots, with the holiday named', () => {
    expect(appointmentDay('2026-10-11', list('2026-10-11', []), calendar.day('2026-10-11'))).toEqual({
      date: '2026-10-11',
      remaining: 0,
      status: 'rest',
      dayKind: 'weekend',
      holiday: null,
    });
    expect(appointmentDay('2026-10-05', list('2026-10-05', []), calendar.day('2026-10-05'))).toMatchObject({
      status: 'rest',
      dayKind: 'holiday',
      holiday: '国庆节',
    });
  });

  it('is 已约满 only when there are slots and none has a place left', () => {
    expect(
      appointmentDay('2026-10-09', list('2026-10-09', [slot(0), slot(0)]), calendar.day('2026-10-09')),
    ).toMatchObject({
      status: 'full',
      remaining: 0,
    });
    expect(
      appointmentDay('2026-10-09', list('2026-10-09', [slot(0), slot(2)]), calendar.day('2026-10-09')),
    ).toMatchObject({
      status: 'open',
      remaining: 2,
    });
  });

  it('is over when today’s slots have all begun, and not offered on a working day without slots', () => {
    expect(appointmentDay('2026-10-09', list('2026-10-09', [], 4), calendar.day('2026-10-09'))).toMatchObject({
      status: 'over',
    });
    expect(appointmentDay('2026-10-12', list('2026-10-12', []), calendar.day('2026-10-12'))).toMatchObject({
      status: 'notOffered',
      dayKind: 'workday',
    });
  });

  it('names the holiday a make-up Saturday is worked for', () => {
    expect(appointmentDay('2026-10-10', list('2026-10-10', [slot(1)]), calendar.day('2026-10-10'))).toMatchObject({
      status: 'open',
      dayKind: 'makeUpWorkday',
      holiday: '国庆节',
    });
  });
});
