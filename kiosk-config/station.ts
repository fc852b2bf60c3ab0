import { z } from 'zod';
import { DisplayPhone as Phone } from '../platform/contract/catalog';

/**
 * The station (便民服务站) this kiosk belongs to, as configured on the kiosk. The renderer shows it
 * (name, hotline, hours, agents) so its schema is pure zod and safe to import anywhere.
 */

export const StationAgent = z.object({
  name: z.string().trim().min(1).max(20),
  role: z.string().trim().min(1).max(20).describe('e.g. 红管家, 帮办代办员, 网格员'),
  phone: Phone,
});

export const OpeningHours = z.object({
  days: z.string().trim().min(1).describe('e.g. 周一至周五 or 每天'),
  open: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time as HH:MM'),
  close: z.string().regex(/^([01][0-9]|2[0-4]):[0-5][0-9]$/, 'a time as HH:MM'),
});

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
