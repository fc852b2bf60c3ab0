import { z } from 'zod';
import { IsoDateTime, StationId, TerminalId } from '../common';
import { CommandId, CommandResult, EnrolmentId, RemoteCommandRequest, TerminalEvent } from '../fleet';
import { Heartbeat, InspectionReport } from '../terminals';
import { CallEndReason, VideoCallId } from '../video-help';
import { TownshipCode } from './users';

/**
 * What the console shows of the fleet (docs/console.md). States are computed by the platform's
 * alarm engine (platform/server/fleet/alarms/), never by the browser.
 */

/** online; degraded (a device fault, paper low, outbox backlog, stale catalog); offline (3 intervals silent); missing (7 days); pending (enrolled, never heard). */
export const KioskState = z
  .enum(['online', 'degraded', 'offline', 'missing', 'pending'])
  .meta({ id: 'KioskState', description: 'A kiosk as the fleet overview shows it.' });
export type KioskState = z.infer<typeof KioskState>;

export const AlarmRule = z
  .string()
  .regex(/^(offline|missing|paper-low|outbox-backlog|catalog-stale|device-fault:[a-zA-Z]+)$/)
  .describe('offline, missing, paper-low, outbox-backlog, catalog-stale or device-fault:<device>');
export const Severity = z.enum(['critical', 'major', 'minor']);

export const LatLng = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const StationView = z
  .strictObject({
    stationId: StationId,
    name: z.string().max(64),
    townshipCode: TownshipCode,
    location: LatLng.nullable(),
  })
  .meta({ id: 'StationView', description: 'A station, its township and where it is.' });
export type StationView = z.infer<typeof StationView>;

export const TownshipView = z.strictObject({ townshipCode: TownshipCode, name: z.string().max(64) });
export type TownshipView = z.infer<typeof TownshipView>;

export const KioskSummary = z
  .strictObject({
    terminalId: TerminalId,
    stationId: StationId,
    state: KioskState,
    /** Why degraded (or what was last known while offline): the open health alarms' rules. */
    problems: z.array(AlarmRule),
    lastHeartbeatAt: IsoDateTime.nullable(),
    appVersion: z.string().max(64).nullable(),
    catalogVersion: z.string().max(64).nullable(),
    paperDaysLeft: z.number().min(0).nullable(),
    outboxPending: z.number().int().min(0).nullable(),
    residentSessionActive: z.boolean().nullable(),
    outOfService: z.boolean().describe('a remote out-of-service command is in force'),
    openAlarms: z.number().int().min(0),
  })
  .meta({ id: 'KioskSummary', description: 'One kiosk in the fleet overview.' });
export type KioskSummary = z.infer<typeof KioskSummary>;

export const FleetQuery = z.object({
  township: TownshipCode.optional(),
  station: StationId.optional(),
  state: KioskState.optional(),
});

export const FleetOverview = z
  .strictObject({
    generatedAt: IsoDateTime,
    heartbeatIntervalSeconds: z.number().int(),
    kiosks: z.array(KioskSummary),
    stations: z.array(StationView).describe('the stations the user may see, for filters and the map'),
    townships: z.array(TownshipView),
    counts: z.record(KioskState, z.number().int().min(0)),
  })
  .meta({ id: 'FleetOverview', description: 'Every kiosk the user may see, with its state.' });
export type FleetOverview = z.infer<typeof FleetOverview>;

export const AlarmId = z.string().regex(/^ALM-[0-9]{1,18}$/);
export const AlarmPathParams = z.object({ alarmId: AlarmId });

export const AlarmView = z
  .strictObject({
    alarmId: AlarmId,
    terminalId: TerminalId,
    stationId: StationId,
    rule: AlarmRule,
    severity: Severity,
    raisedAt: IsoDateTime,
    recoveredAt: IsoDateTime.nullable(),
    flapping: z.boolean().describe('the rule changed too often: one alarm stands for the changes'),
    flappingChanges: z.number().int().min(0).nullable(),
    acknowledged: z
      .strictObject({ by: z.string().max(64), at: IsoDateTime, note: z.string().max(200).nullable() })
      .nullable(),
  })
  .meta({ id: 'AlarmView', description: 'One alarm: raised once, recovered once.' });
export type AlarmView = z.infer<typeof AlarmView>;

export const AlarmQuery = z.object({
  open: z.enum(['true', 'false']).optional().describe('true: only alarms not yet recovered'),
  terminal: TerminalId.optional(),
});

export const AlarmList = z.strictObject({ alarms: z.array(AlarmView) }).meta({ id: 'AlarmList' });

export const Acknowledgement = z
  .strictObject({ note: z.string().trim().max(200).optional() })
  .meta({ id: 'Acknowledgement', description: 'I own this alarm.' });

export const CommandView = z
  .strictObject({
    commandId: CommandId,
    terminalId: TerminalId,
    request: RemoteCommandRequest,
    issuedAt: IsoDateTime,
    issuedBy: z.string().max(64),
    expiresAt: IsoDateTime,
    deliveredAt: IsoDateTime.nullable().describe('when a heartbeat answer carried it to the kiosk'),
    state: z.enum(['pending', 'delivered', 'done', 'refused', 'expired']),
    result: CommandResult.nullable(),
  })
  .meta({ id: 'CommandView', description: 'A remote command and its result.' });
export type CommandView = z.infer<typeof CommandView>;

export const KioskPathParams = z.object({ terminalId: TerminalId });
export const CommandViewPathParams = z.object({ commandId: CommandId });

export const TimelineEntry = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('event'), at: IsoDateTime, receivedAt: IsoDateTime, event: TerminalEvent }),
    z.strictObject({
      kind: z.literal('alarm'),
      at: IsoDateTime,
      change: z.enum(['raised', 'recovered', 'flappingStarted', 'flappingEnded', 'acknowledged']),
      alarmId: AlarmId,
      rule: AlarmRule,
      by: z.string().max(64).nullable(),
    }),
    z.strictObject({ kind: z.literal('state'), at: IsoDateTime, from: KioskState.nullable(), to: KioskState }),
    z.strictObject({
      kind: z.literal('command'),
      at: IsoDateTime,
      commandId: CommandId,
      change: z.enum(['issued', 'done', 'refused', 'expired']),
    }),
  ])
  .meta({ id: 'TimelineEntry', description: 'One line of a kiosk timeline.' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const MonthFigures = z.strictObject({
  month: z
    .string()
    .regex(/^[0-9]{4}-[0-9]{2}$/)
    .describe('a calendar month in China Standard Time'),
  uptime: z.number().min(0).max(1).nullable().describe('online or degraded share of the observed time'),
  mttrSeconds: z.number().min(0).nullable().describe('mean time from raise to recovery of alarms recovered that month'),
  alarms: z.number().int().min(0),
});

export const InspectionView = z.strictObject({
  inspectionId: z.string().max(40),
  receivedAt: IsoDateTime,
  automatic: z.boolean(),
  outcome: InspectionReport.shape.outcome,
  finishedAt: IsoDateTime,
  failedDevices: z.array(z.string().max(40)),
  inspector: z.string().max(64).nullable().describe('the technician (null for the automatic self-inspection)'),
});

export const VersionEntry = z.strictObject({
  at: IsoDateTime,
  appVersion: z.string().max(64),
  change: z.enum(['firstSeen', 'upgrade', 'rollback']),
  from: z.string().max(64).nullable(),
});

/** How far back a kiosk's 视频帮办 block looks. */
export const KIOSK_VIDEO_CALL_DAYS = 30;

/**
 * Above these a kiosk's calls are poor enough for a technician to look at its network (the
 * kiosk page shows a warning line; no alarm): average inbound packet loss over 5 %, where voice
 * starts to break up, or round-trip time over 400 ms, ITU-T G.114's limit for conversation.
 */
export const VIDEO_QUALITY_LIMITS = { packetLossPct: 5, rttMs: 400 } as const;

export const KioskVideoCall = z.strictObject({
  callId: VideoCallId,
  requestedAt: IsoDateTime,
  answered: z.boolean(),
  status: z.enum(['waiting', 'connected', 'ended']),
  endReason: CallEndReason.nullable(),
  qualitySamples: z.number().int().min(0),
  packetLossPct: z.number().min(0).max(100).nullable(),
  rttMs: z.number().min(0).nullable(),
  kioskInboundKbps: z.number().min(0).nullable(),
  agentInboundKbps: z.number().min(0).nullable(),
  audioOnly: z.boolean(),
  /** Through TURN; null when no candidate pair was reported. */
  relayed: z.boolean().nullable(),
});
export type KioskVideoCall = z.infer<typeof KioskVideoCall>;

export const KioskVideoCalls = z
  .strictObject({
    since: IsoDateTime.describe(`now less KIOSK_VIDEO_CALL_DAYS days`),
    calls: z.number().int().min(0),
    answered: z.number().int().min(0),
    answeredRate: z.number().min(0).max(1).nullable(),
    medianWaitSeconds: z.number().min(0).nullable(),
    qualityMeasured: z.number().int().min(0).describe('calls with quality samples'),
    averagePacketLossPct: z.number().min(0).max(100).nullable(),
    averageRttMs: z.number().min(0).nullable(),
    relayedRate: z.number().min(0).max(1).nullable(),
    lastCall: KioskVideoCall.nullable(),
    /** Which of VIDEO_QUALITY_LIMITS the averages exceed. */
    warnings: z.array(z.enum(['packetLoss', 'rtt'])),
  })
  .meta({ id: 'KioskVideoCalls', description: "A kiosk's 视频帮办 calls of the last 30 days and their quality." });
export type KioskVideoCalls = z.infer<typeof KioskVideoCalls>;

export const KioskDetail = z
  .strictObject({
    summary: KioskSummary,
    station: StationView,
    heartbeat: Heartbeat.nullable().describe('the latest heartbeat as sent (it holds no personal data)'),
    heartbeatReceivedAt: IsoDateTime.nullable(),
    timeline: z.array(TimelineEntry).describe('newest first, the last 200'),
    alarms: z.array(AlarmView).describe('open ones and the last 50 recovered'),
    commands: z.array(CommandView).describe('newest first, the last 50'),
    inspections: z.array(InspectionView).describe('newest first, the last 20'),
    versions: z.array(VersionEntry).describe('newest first'),
    months: z.array(MonthFigures).describe('this month and the previous 11'),
    videoCalls: KioskVideoCalls,
  })
  .meta({ id: 'KioskDetail', description: 'Everything the console shows about one kiosk.' });
export type KioskDetail = z.infer<typeof KioskDetail>;

export const ScreenshotQuery = z.object({});

export const NewEnrolmentCode = z
  .strictObject({ stationId: StationId, validHours: z.number().int().min(1).max(168).default(24) })
  .meta({ id: 'NewEnrolmentCode', description: 'A one-time code for a kiosk at this station.' });

export const EnrolmentCodeIssued = z
  .strictObject({ code: z.string(), stationId: StationId, expiresAt: IsoDateTime })
  .meta({ id: 'EnrolmentCodeIssued', description: 'Shown once; only its hash is kept.' });

export const EnrolmentView = z
  .strictObject({
    enrolmentId: EnrolmentId,
    terminalId: TerminalId,
    stationId: StationId,
    requestedAt: IsoDateTime,
    requestedFrom: z.string().max(64),
    appVersion: z.string().max(64),
    state: z.enum(['pending', 'approved', 'collected', 'rejected']),
    decidedBy: z.string().max(64).nullable(),
    decidedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'EnrolmentView', description: 'A kiosk asking to join, and what became of it.' });
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const EnrolmentList = z.strictObject({ enrolments: z.array(EnrolmentView) });
export const EnrolmentViewPathParams = z.object({ enrolmentId: EnrolmentId });
export const Revocation = z.strictObject({ reason: z.string().trim().min(1).max(200) });
