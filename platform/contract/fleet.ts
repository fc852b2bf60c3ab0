import { z } from 'zod';
import { CatalogVersion } from './catalog';
import { DeviceKind, DeviceStatus, IsoDateTime, Sha256Hex, StationId, TerminalId } from './common';
import { DeviceCode, ReleaseVersion } from './terminals';

/**
 * Fleet operations between a kiosk and the platform (docs/fleet.md): the typed event catalogue a
 * kiosk delivers through its outbox, the remote commands it receives with a heartbeat's answer and
 * acknowledges with their result, and enrolment with a one-time code.
 *
 * Everything here goes to a console many people read, so the heartbeat's rule holds
 * (platform/contract/terminals.ts): strict objects, enumerated strings, timestamps and bounded
 * identifiers only, never a name, a sentence or a driver's message.
 * platform/contract/heartbeat-privacy.test.ts walks these schemas too.
 */

/** A kiosk-chosen UUID: the event's identity, so a replayed delivery is recognised as the same event. */
export const EventId = z.uuid();
/** `CMD-<digits>`: issued by the platform. */
export const CommandId = z.string().regex(/^CMD-[0-9]{1,18}$/);
export type CommandId = z.infer<typeof CommandId>;

const Seconds = z
  .number()
  .int()
  .min(0)
  .max(366 * 86_400);

/** Shared by every event: which one it is, when it happened on the kiosk, and its place in the kiosk's order. */
const EventBase = {
  eventId: EventId,
  occurredAt: IsoDateTime,
  sequence: z
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .describe('per kiosk, increasing by one: the platform sees gaps and order'),
  appVersion: ReleaseVersion,
};

/**
 * The event catalogue, once. A kiosk records each as it happens; the outbox delivers them oldest
 * first, exactly once (Idempotency-Key + eventId), and keeps them while the platform is away.
 */
export const TerminalEvent = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...EventBase, kind: z.literal('boot') }).describe('the kiosk started after a clean stop'),
    z
      .strictObject({
        ...EventBase,
        kind: z.literal('crashRestart'),
        cause: z.enum(['crash', 'watchdog']).describe('watchdog: systemd killed a kiosk that stopped answering'),
      })
      .describe('the kiosk started again after the previous run ended without a clean stop'),
    z
      .strictObject({
        ...EventBase,
        kind: z.literal('deviceStatusChanged'),
        device: DeviceKind,
        from: DeviceStatus,
        to: DeviceStatus,
        code: DeviceCode,
      })
      .describe("a device's state changed (codes only)"),
    z
      .strictObject({
        ...EventBase,
        kind: z.literal('outOfService'),
        on: z.boolean(),
        origin: z.enum(['remote', 'technician', 'hardware', 'hours']),
      })
      .describe('the kiosk stopped or resumed serving residents'),
    z
      .strictObject({
        ...EventBase,
        kind: z.literal('catalogUpdated'),
        from: z
          .string()
          .max(64)
          .regex(/^[0-9A-Za-z._+-]*$/)
          .nullable(),
        to: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[0-9A-Za-z._+-]+$/),
      })
      .describe('a new catalog version is being served'),
    z
      .strictObject({
        ...EventBase,
        kind: z.literal('rollback'),
        from: ReleaseVersion,
        to: ReleaseVersion,
        reason: z.enum(['startFailed', 'manual']),
        at: IsoDateTime.describe('when the appliance rolled back (before this boot)'),
      })
      .describe('the appliance went back to the previous release (packaging/bin/rollback)'),
    z
      .strictObject({
        ...EventBase,
        kind: z.literal('inspection'),
        automatic: z.boolean(),
        outcome: z.enum(['normal', 'fixedOnSite', 'needsRepair']),
        failedDevices: z.array(DeviceKind).max(DeviceKind.options.length),
      })
      .describe('a 巡检单 was completed, by a technician or the daily self-inspection'),
    z
      .strictObject({
        ...EventBase,
        kind: z.literal('paperRollChanged'),
        rollCapacity: z.number().int().min(1).max(100_000),
      })
      .describe('a technician recorded a new receipt roll'),
  ])
  .meta({ id: 'TerminalEvent', description: 'One entry of the kiosk event catalogue.' });
export type TerminalEvent = z.infer<typeof TerminalEvent>;
export type TerminalEventKind = TerminalEvent['kind'];
export const TERMINAL_EVENT_KINDS = TerminalEvent.options.map((option) => option.shape.kind.value);

export const EventReceipt = z
  .strictObject({ eventId: EventId, receivedAt: IsoDateTime })
  .meta({ id: 'EventReceipt', description: 'The event was stored (or had been: the same eventId is stored once).' });
export type EventReceipt = z.infer<typeof EventReceipt>;

/** What a console user can ask a kiosk to do. */
export const RemoteCommandRequest = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('reloadCatalog') }),
    z.strictObject({ kind: z.literal('restartApp') }),
    // Both halves share kind 'outOfService': a discriminated union keyed by `kind` allows each
    // value once (zod throws "Duplicate discriminator value" at the first parse), so they are
    // one option, itself discriminated by `on`.
    z.discriminatedUnion('on', [
      z.strictObject({
        kind: z.literal('outOfService'),
        on: z.literal(true),
        // The one free text in fleet traffic: written by staff for residents, shown on the screen.
        // It flows platform → kiosk only and is never sent back in a heartbeat.
        message: z
          .string()
          .trim()
          .min(1)
          .max(120)
          .describe('shown to residents, e.g. 设备维护中，请到村便民服务站窗口办理'),
      }),
      z.strictObject({ kind: z.literal('outOfService'), on: z.literal(false) }),
    ]),
    z.strictObject({ kind: z.literal('selfTest') }),
    z.strictObject({
      kind: z.literal('raiseLogLevel'),
      level: z.enum(['debug', 'trace']),
      minutes: z.number().int().min(5).max(60).default(60),
    }),
    z.strictObject({ kind: z.literal('screenshot') }),
  ])
  .meta({ id: 'RemoteCommandRequest', description: 'A remote command and its arguments.' });
export type RemoteCommandRequest = z.infer<typeof RemoteCommandRequest>;
export type RemoteCommandKind = RemoteCommandRequest['kind'];

export const RemoteCommand = z
  .strictObject({
    commandId: CommandId,
    issuedAt: IsoDateTime,
    expiresAt: IsoDateTime.describe('a kiosk that hears of it later answers `expired` and does nothing'),
    request: RemoteCommandRequest,
  })
  .meta({ id: 'RemoteCommand', description: 'A command waiting for a kiosk, delivered with the heartbeat answer.' });
export type RemoteCommand = z.infer<typeof RemoteCommand>;

/** Why a command did not do its work, as a code (words are the console's). */
export const CommandRefusal = z.enum([
  'residentSessionActive',
  'expired',
  'notSupported',
  'deviceBusy',
  'catalogUnavailable',
  'failed',
]);
export type CommandRefusal = z.infer<typeof CommandRefusal>;

export const CommandResult = z
  .discriminatedUnion('outcome', [
    z.strictObject({
      outcome: z.literal('done'),
      finishedAt: IsoDateTime,
      selfTest: z
        .array(z.strictObject({ device: DeviceKind, test: z.enum(['pass', 'fail', 'skipped']), code: DeviceCode }))
        .max(DeviceKind.options.length)
        .optional()
        .describe('selfTest only'),
      screenshot: z
        .strictObject({
          sha256: Sha256Hex,
          contentType: z.literal('image/png'),
          width: z.number().int(),
          height: z.number().int(),
        })
        .optional()
        .describe('screenshot only: the PNG was uploaded first with putMaterial'),
      catalogVersion: z
        .string()
        .max(64)
        .regex(/^[0-9A-Za-z._+-]*$/)
        .optional()
        .describe('reloadCatalog only'),
      until: IsoDateTime.optional().describe('raiseLogLevel only: when the level goes back'),
    }),
    z.strictObject({ outcome: z.literal('refused'), finishedAt: IsoDateTime, reason: CommandRefusal }),
  ])
  .meta({ id: 'CommandResult', description: "A kiosk's answer to a remote command." });
export type CommandResult = z.infer<typeof CommandResult>;

export const CommandPathParams = z.object({ terminalId: TerminalId, commandId: CommandId });

export const CommandResultReceipt = z
  .strictObject({ commandId: CommandId, receivedAt: IsoDateTime })
  .meta({ id: 'CommandResultReceipt', description: 'The result was stored (once; a repeat changes nothing).' });

/**
 * Enrolment (docs/fleet.md): an admin creates a one-time code for a station in the console; the
 * technician types it at the new kiosk; the kiosk asks to join with it and polls; an admin
 * approves; the next poll hands the kiosk its own token, once. The token is stored in the kiosk's
 * token file and can be revoked from the console. No shared tokens in configs.
 */
export const EnrolmentCode = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/, 'XXXX-XXXX-XXXX (Crockford base32)');

export const EnrolmentRequest = z
  .strictObject({
    code: EnrolmentCode,
    terminalId: TerminalId.describe("the kiosk's configured id; it must not belong to an enrolled kiosk"),
    appVersion: ReleaseVersion,
    claimSecretSha256: Sha256Hex.describe('the kiosk keeps the secret; only its holder can collect the token'),
  })
  .meta({ id: 'EnrolmentRequest', description: 'A new kiosk asks to join the fleet with a one-time code.' });
export type EnrolmentRequest = z.infer<typeof EnrolmentRequest>;

export const EnrolmentId = z.string().regex(/^ENR-[0-9]{1,18}$/);
export const EnrolmentPathParams = z.object({ enrolmentId: EnrolmentId });

export const EnrolmentState = z
  .discriminatedUnion('state', [
    z.strictObject({ enrolmentId: EnrolmentId, state: z.literal('pending'), stationId: StationId }),
    z.strictObject({
      enrolmentId: EnrolmentId,
      state: z.literal('approved'),
      stationId: StationId,
      terminalToken: z.string().min(32).max(512).describe('sent exactly once, to the first poll after approval'),
    }),
    z.strictObject({ enrolmentId: EnrolmentId, state: z.literal('collected'), stationId: StationId }),
    z.strictObject({ enrolmentId: EnrolmentId, state: z.literal('rejected') }),
  ])
  .meta({ id: 'EnrolmentState', description: 'Where an enrolment stands; the token travels once.' });
export type EnrolmentState = z.infer<typeof EnrolmentState>;

/** Seconds between heartbeats unless the platform says otherwise in its answer. */
export const DEFAULT_HEARTBEAT_INTERVAL_SECONDS = 60;
export const HeartbeatInterval = Seconds.min(10).max(3600);

export const HeartbeatAck = z
  .object({
    receivedAt: IsoDateTime,
    catalogVersion: CatalogVersion.shape.version
      .nullable()
      .describe('the current catalog; fetch it when it differs from yours'),
    ratingOptionsVersion: CatalogVersion.shape.version.nullable(),
    servicePointsVersion: CatalogVersion.shape.version.nullable(),
    heartbeatIntervalSeconds: HeartbeatInterval.describe('send the next heartbeat after this long (± jitter)'),
    commands: z
      .array(RemoteCommand)
      .max(20)
      .describe('commands waiting for this kiosk, oldest first; each is answered with postCommandResult'),
  })
  .meta({
    id: 'HeartbeatAck',
    description: 'Heartbeat received; tells the kiosk which versions are current and what it is asked to do.',
  });
export type HeartbeatAck = z.infer<typeof HeartbeatAck>;
