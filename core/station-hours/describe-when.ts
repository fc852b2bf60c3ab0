import { daysBetween, wallTime, formatMinute } from '../../platform/contract/china-time';

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/**
 * When something happens, as a slip prints it and a villager says it: 今天 13:30, 明天（周一）08:30,
 * 后天（周二）08:30, 10月8日（周四）08:30 — on the station's clock. The screens say the
 * same in the visit's language (renderer/src/format/relative-day.ts).
 */
export function describeWhen(at: string | null, now: Date, zone: string): string {
  if (at === null) return '另行通知';
  const then = wallTime(new Date(at), zone);
  const today = wallTime(now, zone);
  const days = daysBetween(today.date, then.date);
  const weekday = WEEKDAY_NAMES[then.weekday] ?? '';
  const [, month, day] = then.date.split('-').map(Number);
  const dayText =
    days === 0
      ? '今天 '
      : days === 1
        ? `明天（${weekday}）`
        : days === 2
          ? `后天（${weekday}）`
          : `${month}月${day}日（${weekday}）`;
  return `${dayText}${formatMinute(then.minute)}`;
}
