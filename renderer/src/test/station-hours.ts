import type { StaffPresence, StationHours } from '../../../core/api/station';

/**
 * station.hours as core answers it for the sample station (kiosk-config/default.json's staffed
 * journeys, China time): staff on duty by default; tests of the out-of-hours screens pass the
 * presence and today they need.
 */
export function stationHours(
  presence: StaffPresence = {
    state: 'onDuty',
    until: '2026-11-20T04:00:00.000Z',
    dayEndsAt: '2026-11-20T09:30:00.000Z',
  },
  today: StationHours['today'] = { date: '2026-11-20', weekday: 5, kind: 'workday', holiday: null },
): StationHours {
  return {
    timeZone: 'Asia/Shanghai',
    today,
    presence,
    staffedJourneys: ['ticket', 'appointmentCheckIn', 'agentAtStation'],
    upcoming: [],
    calendar: { version: '2026.12.01-1', coverage: 'official' },
  };
}

/** Sunday 22 November 2026, after which staff are next in on Monday at 08:30 China time. */
export const SUNDAY_OFF_DUTY: StationHours = stationHours(
  {
    state: 'offDuty',
    next: {
      startsAt: '2026-11-23T00:30:00.000Z',
      day: { date: '2026-11-23', weekday: 1, kind: 'workday', holiday: null },
    },
  },
  { date: '2026-11-22', weekday: 7, kind: 'weekend', holiday: null },
);
