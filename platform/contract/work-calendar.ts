import { z } from 'zod';
import { addDays, daysBetween, isoWeekday } from './china-time';
import { IsoDate, IsoDateTime } from './common';

/**
 * The working calendar (工作日历): China's public holidays (法定节假日 and the days around them
 * given off, 放假调休) and the weekend days made working days (调休上班), year by year as the
 * State Council's General Office announces them (国务院办公厅关于 YYYY 年部分节假日安排的通知,
 * usually in November for the next year). The platform publishes it as its own versioned document,
 * beside the catalog, so a county can correct or extend it (a new notice, a local arrangement)
 * without a kiosk release: kiosks fetch it like the service-point list and keep it for offline use.
 *
 * Days are China Standard Time calendar days. A day not listed is a working day from Monday to
 * Friday and a rest day on Saturday and Sunday.
 */

const nonEmpty = z.string().trim().min(1);

export const CalendarYear = z
  .object({
    year: z.number().int().min(2000).max(2100),
    status: z
      .enum(['official', 'provisional'])
      .describe(
        'official: the State Council notice for the year is out and the holidays are copied from it; provisional: not yet, so only the statutory holidays are listed, without the days moved around them',
      ),
    source: nonEmpty.max(300).describe('the notice (title, date, address) or, when provisional, the rule followed'),
  })
  .meta({ id: 'CalendarYear', description: 'One year the calendar covers, and where its days come from.' });
export type CalendarYear = z.infer<typeof CalendarYear>;

export const PublicHoliday = z
  .object({
    name: nonEmpty.max(20).describe('as the notice names it: 春节, 国庆节、中秋节 …'),
    firstDay: IsoDate.describe('the first day off'),
    lastDay: IsoDate.describe('the last day off (放假 … 至 … 日)'),
    makeUpWorkdays: z
      .array(IsoDate)
      .describe('weekend days worked instead (调休上班), as the notice lists them for this holiday'),
  })
  .meta({ id: 'PublicHoliday', description: 'One holiday: consecutive days off and the weekend days worked for it.' });
export type PublicHoliday = z.infer<typeof PublicHoliday>;

/** The longest run of days off a notice has given (国庆节、中秋节 together: 8 days). */
const MAX_HOLIDAY_DAYS = 14;

export const WorkCalendar = z
  .object({
    version: z.string().regex(/^[0-9A-Za-z.-]{1,40}$/),
    publishedAt: IsoDateTime,
    years: z.array(CalendarYear).min(1),
    holidays: z.array(PublicHoliday),
  })
  .superRefine((calendar, ctx) => {
    const years = new Map(calendar.years.map((entry) => [entry.year, entry]));
    if (years.size !== calendar.years.length)
      ctx.addIssue({ code: 'custom', path: ['years'], message: 'a year twice' });
    const off = new Map<string, number>();
    calendar.holidays.forEach((holiday, index) => {
      const at = (...path: (string | number)[]) => ['holidays', index, ...path];
      const length = daysBetween(holiday.firstDay, holiday.lastDay) + 1;
      if (length < 1 || length > MAX_HOLIDAY_DAYS) {
        ctx.addIssue({ code: 'custom', path: at('lastDay'), message: `1 to ${MAX_HOLIDAY_DAYS} days off` });
        return;
      }
      const year = years.get(Number(holiday.firstDay.slice(0, 4)));
      if (!year)
        ctx.addIssue({ code: 'custom', path: at('firstDay'), message: 'in a year the calendar does not list' });
      for (let day = 0; day < length; day += 1) {
        const date = addDays(holiday.firstDay, day);
        const other = off.get(date);
        if (other !== undefined) {
          ctx.addIssue({ code: 'custom', path: at('firstDay'), message: `${date} is also in holiday ${other}` });
        }
        off.set(date, index);
      }
      if (year?.status === 'provisional' && holiday.makeUpWorkdays.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: at('makeUpWorkdays'),
          message: 'a provisional year has no make-up working days: only the notice can move days',
        });
      }
      holiday.makeUpWorkdays.forEach((date, dayIndex) => {
        if (isoWeekday(date) < 6) {
          ctx.addIssue({
            code: 'custom',
            path: at('makeUpWorkdays', dayIndex),
            message: `${date} is a weekday; only a Saturday or a Sunday can be made a working day`,
          });
        }
      });
    });
    calendar.holidays.forEach((holiday, index) => {
      holiday.makeUpWorkdays.forEach((date, dayIndex) => {
        if (off.has(date)) {
          ctx.addIssue({
            code: 'custom',
            path: ['holidays', index, 'makeUpWorkdays', dayIndex],
            message: `${date} is a day off and a working day at once`,
          });
        }
      });
    });
  })
  .meta({
    id: 'WorkCalendar',
    description:
      "China's public holidays and make-up working days (放假调休), year by year, versioned for offline use. Unlisted days: Monday to Friday work, Saturday and Sunday rest.",
  });
export type WorkCalendar = z.infer<typeof WorkCalendar>;
