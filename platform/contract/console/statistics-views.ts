import { z } from 'zod';
import { IsoDate, IsoDateTime, StationId } from '../common';
import { HelpTopic } from '../video-help';
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

export const HelpKind = z.enum(['callback', 'homeVisit', 'agentAtStation', 'video']);

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

/** 视频帮办: a call answered within this many seconds of the request counts as answered in time. */
export const VIDEO_ANSWER_TARGET_SECONDS = 60;

/**
 * Durations of video calls, seconds; null when nothing was measured. The median is the middle
 * value (the mean of the two middle ones for an even count); p90 by nearest rank, as Durations.
 */
export const CallDurations = z.strictObject({
  measured: Count,
  averageSeconds: z.number().min(0).nullable(),
  medianSeconds: z.number().min(0).nullable(),
  p90Seconds: z.number().min(0).nullable(),
});
export type CallDurations = z.infer<typeof CallDurations>;

/**
 * 视频帮办 figures of a group of calls (platform/server/statistics/video-call-figures.ts). A call
 * belongs to the China day it was requested. Answered: an agent accepted it. Quality averages are
 * per call (each call's own average of both sides' getStats samples counts once), over the calls
 * that sent samples.
 */
export const VideoCallFigures = z.strictObject({
  requested: Count,
  answered: Count,
  answeredInTarget: Count.describe(`answered within VIDEO_ANSWER_TARGET_SECONDS of the request`),
  answeredInTargetRate: Rate.describe('answered in time over requested'),
  /** Ended before an agent answered, by why (CallEndReason). */
  cancelled: Count,
  noAnswer: Count,
  calledBack: Count,
  wait: CallDurations.describe('requested → accepted, answered calls'),
  talk: CallDurations.describe('connected → ended, answered calls that ended'),
  setup: CallDurations.describe("accepted → the agent's first video frame on the kiosk"),
  audioOnlyRate: Rate.describe('answered calls that fell back to audio only, over answered calls'),
  qualityMeasured: Count.describe('calls with quality samples'),
  averagePacketLossPct: z.number().min(0).max(100).nullable(),
  averageRttMs: z.number().min(0).nullable(),
  averageKioskInboundKbps: z.number().min(0).nullable().describe("what the kiosk received (the agent's media)"),
  averageAgentInboundKbps: z.number().min(0).nullable().describe("what the agent received (the kiosk's media)"),
  relayedRate: Rate.describe('calls relayed through TURN over calls with a known candidate type'),
});
export type VideoCallFigures = z.infer<typeof VideoCallFigures>;

export const VideoCallDay = z.strictObject({ day: IsoDate, requested: Count, answered: Count });
export type VideoCallDay = z.infer<typeof VideoCallDay>;

export const VideoCallReport = z.strictObject({
  totals: VideoCallFigures,
  /** One entry per day of the range, days without calls included. */
  days: z.array(VideoCallDay),
  /** Topics with calls in the range, most requested first. */
  byTopic: z.array(
    VideoCallFigures.extend({
      topic: HelpTopic,
      topicName: z.string().nullable().describe("the catalog theme's name; null for general or a theme gone"),
    }),
  ),
  /** Every station of the scope, as StatisticsReport.stations. */
  stations: z.array(
    VideoCallFigures.extend({ stationId: StationId, name: z.string().max(64), townshipCode: TownshipCode }),
  ),
});
export type VideoCallReport = z.infer<typeof VideoCallReport>;

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
    videoCalls: VideoCallReport,
    /** What the user may pick from: the stations and townships of its own scope. */
    choices: z.strictObject({
      townships: z.array(z.strictObject({ townshipCode: TownshipCode, name: z.string() })),
      stations: z.array(z.strictObject({ stationId: StationId, name: z.string(), townshipCode: TownshipCode })),
    }),
  })
  .meta({ id: 'StatisticsReport', description: 'Statistics of a station, township or county over China days.' });
export type StatisticsReport = z.infer<typeof StatisticsReport>;
