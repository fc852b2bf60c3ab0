import { z } from 'zod';
import { IsoDate, IsoDateTime, StationId } from '../common';
import { TownshipCode } from './users';

/**
 * Statistics of a station, township or county over a range of China days, and the 台账 export
 * (docs/console.md). Every figure is computed by the platform from its own tables; the console
 * only draws it.
 */

/** The longest range one request may ask for: a year, leap years included. */
export const STATISTICS_MAX_DAYS = 366;

/**
 * Which stations: one station, one township, or (neither) everything the user may see. From and
 * to are China days, both included.
 */
export const StatisticsQuery = z.object({
  station: StationId.optional(),
  township: TownshipCode.optional(),
  from: IsoDate,
  to: IsoDate,
});
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

export const LedgerFormat = z.enum(['xlsx', 'csv']);
export type LedgerFormat = z.infer<typeof LedgerFormat>;

export const LedgerQuery = StatisticsQuery.extend({ format: LedgerFormat });
export type LedgerQuery = z.infer<typeof LedgerQuery>;

/** accepted 已受理, inReview 审核中, readyForPickup 办结待领取, mailed 已邮寄, completed 已办结. */
export const ApplicationState = z.enum(['accepted', 'inReview', 'readyForPickup', 'mailed', 'completed']);
export type ApplicationState = z.infer<typeof ApplicationState>;

export const HelpKind = z.enum(['callback', 'homeVisit', 'agentAtStation']);

const Count = z.number().int().min(0);
const Rate = z.number().min(0).max(1).nullable().describe('a share 0…1; null when there is nothing to divide by');

/** Seconds; null when nothing was measured. p90 by nearest rank: the ⌈0.9·n⌉-th smallest value. */
export const Durations = z.strictObject({
  measured: Count,
  averageSeconds: z.number().min(0).nullable(),
  p90Seconds: z.number().min(0).nullable(),
});
export type Durations = z.infer<typeof Durations>;

export const ServiceFigures = z.strictObject({
  /**
   * Residents served: people who carry an identity counted once (distinct keyed identity index of
   * applications' applicants and of completed help requests' requesters); finished tickets and
   * completed help requests without a signed-in requester carry none and count one each.
   */
  residentsServed: Count,
  applications: Count,
  ticketsIssued: Count,
  ticketsCalled: Count,
  ticketsNoShow: Count,
  ticketsFinished: Count,
  waiting: Durations.describe('issued → first called'),
  service: Durations.describe('started → finished'),
  ratings: Count,
  /** Index 0 is level 1 (非常不满意) … index 4 level 5 (非常满意). */
  ratingsByLevel: z.array(Count).length(5),
  satisfactionRate: Rate.describe('levels 4 and 5 over all ratings'),
  badRatings: Count.describe('work orders (差评)'),
  calledBack: Count,
  callbackRate: Rate.describe('差评 回访率: work orders with a callback over all work orders'),
  helpRequests: Count,
  helpCompleted: Count,
  helpCompletion: Durations.describe('received → completed'),
  kioskUptime: Rate.describe('share of the observed time the kiosks were online or degraded'),
});
export type ServiceFigures = z.infer<typeof ServiceFigures>;

export const StatisticsDay = z.strictObject({
  day: IsoDate,
  applications: Count,
  ticketsIssued: Count,
  ticketsCalled: Count,
  ticketsNoShow: Count,
  ratings: Count,
  helpRequests: Count,
});
export type StatisticsDay = z.infer<typeof StatisticsDay>;

export const StationFigures = ServiceFigures.extend({
  stationId: StationId,
  name: z.string().max(64),
  townshipCode: TownshipCode,
});
export type StationFigures = z.infer<typeof StationFigures>;

export const StatisticsReport = z
  .strictObject({
    scope: z.strictObject({
      kind: z.enum(['county', 'township', 'station']),
      code: z.string().nullable(),
      name: z.string(),
    }),
    from: IsoDate,
    to: IsoDate,
    generatedAt: IsoDateTime,
    totals: ServiceFigures,
    applicationsByMatter: z.array(z.strictObject({ matterCode: z.string(), matterName: z.string(), count: Count })),
    applicationsByState: z.array(z.strictObject({ state: ApplicationState, count: Count })),
    helpByKind: z.array(z.strictObject({ kind: HelpKind, received: Count, completed: Count })),
    days: z.array(StatisticsDay),
    stations: z.array(StationFigures),
    /** What the user may pick from: the stations and townships of its own scope. */
    choices: z.strictObject({
      townships: z.array(z.strictObject({ townshipCode: TownshipCode, name: z.string() })),
      stations: z.array(z.strictObject({ stationId: StationId, name: z.string(), townshipCode: TownshipCode })),
    }),
  })
  .meta({ id: 'StatisticsReport', description: 'Statistics of a station, township or county over China days.' });
export type StatisticsReport = z.infer<typeof StatisticsReport>;
