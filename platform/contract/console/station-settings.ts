import { z } from 'zod';
import { IsoDateTime, StationId } from '../common';

/**
 * What a county sets per station (station_settings, migration 0009): how soon staff must first
 * get in touch with a resident who asked for help, per kind. A request not contacted within
 * its kind's hours is overdue in the staff inbox, and the kiosk tells the resident the same
 * figure. A station without settings uses DEFAULT_STATION_SETTINGS, the platform's published
 * expectation (an agent at the station is urgent; a home visit needs planning).
 */

/** One hour to 30 days. */
const ContactHours = z.number().int().min(1).max(720);

export const StationSettings = z
  .strictObject({
    helpRequests: z.strictObject({
      contactWithinHours: z
        .strictObject({ callback: ContactHours, homeVisit: ContactHours, agentAtStation: ContactHours })
        .describe('first contact at the latest, in hours after the request arrived'),
    }),
  })
  .meta({ id: 'StationSettings', description: "A station's own time limits (帮办代办 first contact)." });
export type StationSettings = z.infer<typeof StationSettings>;

export const DEFAULT_STATION_SETTINGS: StationSettings = {
  helpRequests: { contactWithinHours: { agentAtStation: 1, callback: 24, homeVisit: 48 } },
};

export const StationSettingsView = z
  .strictObject({
    stationId: StationId,
    settings: StationSettings,
    /** false: nobody set them yet, these are the defaults. */
    customised: z.boolean(),
    updatedAt: IsoDateTime.nullable(),
    updatedBy: z.string().max(32).nullable().describe('display name of who last changed them'),
  })
  .meta({ id: 'StationSettingsView', description: "A station's settings and who last changed them." });
export type StationSettingsView = z.infer<typeof StationSettingsView>;

export const StationSettingsPathParams = z.strictObject({ stationId: StationId });
