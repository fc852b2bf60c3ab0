import { daysBetween, dayIn } from '../../../platform/contract/china-time';
import { formatClock, formatMonthDay, formatWeekday } from './station-time';

/**
 * When something happens, said the way a villager says it, on the station's clocks: 今天 13:30,
 * 明天（周一）08:30, 后天（周二）08:30, 10月8日（周四）08:30. The same words the kiosk prints on
 * slips (core/station-hours/describe-when.ts), in the visit's language.
 */
export type RelativeDay =
  | { readonly kind: 'today'; readonly time: string }
  | { readonly kind: 'tomorrow' | 'dayAfter'; readonly weekday: string; readonly time: string }
  | { readonly kind: 'date'; readonly date: string; readonly weekday: string; readonly time: string };

export function relativeDay(at: string, now: Date, locale: string, zone: string): RelativeDay {
  const day = dayIn(new Date(at), zone);
  const days = daysBetween(dayIn(now, zone), day);
  const time = formatClock(at, locale, zone);
  if (days <= 0) return { kind: 'today', time };
  const weekday = formatWeekday(day, locale);
  if (days === 1) return { kind: 'tomorrow', weekday, time };
  if (days === 2) return { kind: 'dayAfter', weekday, time };
  return { kind: 'date', date: formatMonthDay(day, locale), weekday, time };
}
