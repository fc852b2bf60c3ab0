import { z } from 'zod';
import { DisplayPhone as Phone } from '../platform/contract/catalog';
import { CHINA_TIME_ZONE, isTimeZone, parseClock } from '../platform/contract/china-time';
import { parseWeekdayLabel } from './station-days';

/**
 * The station (便民服务站) this kiosk belongs to, as configured on the kiosk. The renderer shows it
 * (name, hotline, hours, agents) so its schema is pure zod and safe to import anywhere.
 */

export const StationAgent = z.object({
  name: z.string().trim().min(1).max(20),
  role: z.string().trim().min(1).max(20).describe('e.g. 红管家, 帮办代办员, 网格员'),
  phone: Phone,
});

export const OpeningHours = z
  .object({
    days: z
      .string()
      .trim()
      .min(1)
      .refine((label) => parseWeekdayLabel(label) !== null, {
        message: 'name the weekdays as 周一至周五, 周六, 周六、周日, 每天 or 工作日',
      })
      .meta({
        description:
          'e.g. 周一至周五, 周六 or 每天; public holidays are off and make-up weekends keep working-day hours',
        // Free text read by parseWeekdayLabel: examples let tools (the fuzz generator) make valid labels.
        examples: ['周一至周五', '周六', '周六、周日', '每天', '工作日', '星期一到星期五', '周一至周五、周日'],
      }),
    open: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time as HH:MM'),
    close: z.string().regex(/^([01][0-9]|2[0-4]):[0-5][0-9]$/, 'a time as HH:MM'),
  })
  .refine((hours) => parseClock(hours.open) < parseClock(hours.close), {
    path: ['close'],
    message: 'close must be after open',
  });

/**
 * Journeys that need staff present at the station, so the kiosk offers them only while staff are
 * on duty (staffedHours on the working calendar) and otherwise says when they are next:
 * - `ticket`: queue tickets, since only a window calls them;
 * - `appointmentCheckIn`: checking in turns an appointment into a priority ticket for the windows;
 * - `agentAtStation`: the 帮办员 comes to the kiosk.
 * Callbacks and home visits are done by agents when they are on duty; the kiosk always says which
 * day that is. Leave a journey out where the platform keeps its own hours for it.
 */
export const StaffedJourney = z.enum(['ticket', 'appointmentCheckIn', 'agentAtStation']);
export type StaffedJourney = z.infer<typeof StaffedJourney>;

export const Station = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{3,64}$/, 'letters, digits and hyphens, 3 to 64 long'),
  name: z.string().trim().min(2).max(40),
  region: z.object({
    code: z.string().regex(/^[0-9]{6,12}$/, 'an administrative division code of 6 to 12 digits'),
    province: z.string().trim().min(1).describe('省, for mailing addresses'),
    city: z.string().trim().min(1).describe('市, for mailing addresses'),
    county: z.string().trim().min(1),
    town: z.string().trim().min(1),
    village: z.string().trim().min(1),
  }),
  address: z.string().trim().min(2),
  hotline: Phone,
  staffedHours: z.array(OpeningHours).min(1).describe('when staff are at the station'),
  staffedJourneys: z
    .array(StaffedJourney)
    .refine((journeys) => new Set(journeys).size === journeys.length, 'each journey once')
    .default(['ticket', 'appointmentCheckIn', 'agentAtStation'])
    .describe('journeys offered only while staff are on duty'),
  timeZone: z
    .string()
    .refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai')
    // Checked by code (isTimeZone): examples let tools (the fuzz generator) make valid zones.
    .meta({ examples: [CHINA_TIME_ZONE, 'Asia/Urumqi', 'Asia/Hong_Kong', 'UTC'] })
    .default(CHINA_TIME_ZONE)
    .describe('the zone of the wall clocks the station lives by; China Standard Time unless set'),
  selfServiceHours: z.enum(['24h', 'staffedHoursOnly']).describe('when the self-service zone is open'),
  agents: z.array(StationAgent).describe('帮办代办 agents residents can ask for'),
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
  progressPageUrl: z
    .url({ protocol: /^https$/ })
    .refine((url) => !url.includes('?') && !url.includes('#'), 'the page address alone, without ?… or #…')
    .optional()
    .describe(
      "the county's public page a phone opens from a printed code (core/api/printed-codes.ts): receipts carry " +
        '?case=<办件编号> (or ?ref=<local reference> while offline), tickets ?ticket=, appointment slips ?appointment=. ' +
        'Left out: receipts carry the bare number and tickets and slips no code',
    ),
});
export type Station = z.infer<typeof Station>;
