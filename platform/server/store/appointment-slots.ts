import type { AppointmentSlot } from '../../contract/appointments';
import type { ServicePoint } from '../../contract/service-points';
import { staffedHours } from '../../contract/staffed-hours';
import type { WorkingDays } from '../../contract/working-days';
import { addDays, chinaDay, chinaInstant, minuteOfDay } from '../time';

/**
 * Appointment slots are not stored: they follow from each bookable service point's opening hours
 * on the working calendar (none on public holidays, working-day hours on make-up weekends;
 * 30-minute slots, a few residents each) for the next 14 days. A slot id names its point, day
 * and start, so it can be checked again when booked: `<servicePointId>.<YYYYMMDD>T<HHMM>`.
 */

export const SLOT_MINUTES = 30;
export const BOOKING_DAYS = 14;

const CAPACITY: Record<ServicePoint['kind'], number> = {
  governmentServiceCentre: 3,
  townServiceCentre: 2,
  villageStation: 1,
  selfService24h: 1,
};

const SLOT_ID = /^(.+)\.([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})$/;

export interface SlotKey {
  readonly servicePointId: string;
  readonly day: string;
  readonly minute: number;
}

export function parseSlotId(slotId: string): SlotKey | undefined {
  const match = SLOT_ID.exec(slotId);
  if (!match) return undefined;
  const [, servicePointId, year, month, date, hours, minutes] = match;
  return {
    servicePointId: servicePointId ?? '',
    day: `${year}-${month}-${date}`,
    minute: Number(hours) * 60 + Number(minutes),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');
const slotId = (pointId: string, day: string, minute: number) =>
  `${pointId}.${day.replaceAll('-', '')}T${pad(Math.floor(minute / 60))}${pad(minute % 60)}`;

/** The slots of a point on a day that can still be booked at `now`, with remaining places filled in later. */
export function slotsOfDay(
  point: ServicePoint,
  day: string,
  now: Date,
  calendar: WorkingDays,
): Omit<AppointmentSlot, 'remaining'>[] {
  const today = chinaDay(now);
  if (!point.bookable || day < today || day > addDays(today, BOOKING_DAYS - 1)) return [];
  const weekly = point.openingHours.map((hours) => ({
    days: hours.days,
    opens: minuteOfDay(hours.opens),
    closes: minuteOfDay(hours.closes),
  }));
  const slots: Omit<AppointmentSlot, 'remaining'>[] = [];
  for (const period of staffedHours(weekly, calendar).periodsOn(day)) {
    for (let start = period.opens; start + SLOT_MINUTES <= period.closes; start += SLOT_MINUTES) {
      const startsAt = chinaInstant(day, start);
      if (startsAt.getTime() <= now.getTime()) continue;
      slots.push({
        slotId: slotId(point.id, day, start),
        servicePointId: point.id,
        startsAt: startsAt.toISOString(),
        endsAt: chinaInstant(day, start + SLOT_MINUTES).toISOString(),
        capacity: CAPACITY[point.kind],
        matterCodes: [...point.matterCodes],
      });
    }
  }
  return slots.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The slot a slot id names, if it is bookable at `now`. */
export function findSlot(
  point: ServicePoint,
  key: SlotKey,
  now: Date,
  calendar: WorkingDays,
): Omit<AppointmentSlot, 'remaining'> | undefined {
  return slotsOfDay(point, key.day, now, calendar).find(
    (slot) => slot.slotId === slotId(point.id, key.day, key.minute),
  );
}
