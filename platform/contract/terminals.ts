import { z } from 'zod';
import { CatalogVersion } from './catalog';
import { DeviceKind, DeviceStatus, IsoDateTime } from './common';

/**
 * What a terminal reports about itself: a periodic heartbeat (remote status for operators,
 * docs/design-anchors.md §4) and the technician's inspection report (巡检单).
 */

const Version = CatalogVersion.shape.version;
const AppVersion = z.string().regex(/^[0-9A-Za-z.+-]{1,40}$/);

/** CUSS-style application state with the reason the kiosk is not available. */
export const TerminalState = z
  .object({
    mode: z
      .enum(['available', 'active', 'unavailable', 'maintenance'])
      .describe('active = a resident session is running'),
    reason: z
      .enum(['none', 'outOfServiceHours', 'hardware', 'consumables', 'internal', 'backend'])
      .describe('why the kiosk is unavailable; none otherwise'),
  })
  .meta({ id: 'TerminalState', description: 'The kiosk application state (CUSS AVAILABLE / ACTIVE / UNAVAILABLE).' });
export type TerminalState = z.infer<typeof TerminalState>;

export const SupplyLevel = z
  .enum(['full', 'low', 'out', 'unknown'])
  .meta({ id: 'SupplyLevel', description: 'Level of a consumable such as receipt paper.' });
export type SupplyLevel = z.infer<typeof SupplyLevel>;

/**
 * The heartbeat carries no personal data, ever: it goes every minute to a console many people
 * read. So every object is strict (an unknown key is refused, nothing rides along) and every
 * string is an enumerated value, a timestamp or a bounded identifier with no spaces and no CJK
 * (a name or a sentence cannot fit). Device details are codes, never the driver's message, which
 * may quote what a device read. platform/contract/heartbeat-privacy.test.ts walks the schema and
 * fails on any other string.
 */

/** `1.2.3`, optionally `-pre.1`/`+build`: set by the release, never by a person. */
export const ReleaseVersion = z.string().regex(/^[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,4}([-+][0-9A-Za-z.+-]{1,30})?$/);

/** The device manager's machine-readable detail behind a state (core/api/devices.ts uses this list). */
export const DeviceCode = z
  .enum([
    // every device
    'ok',
    'starting',
    'portMissing',
    'permissionDenied',
    'portBusy',
    'noResponse',
    'disconnected',
    'garbledReplies',
    'notConfigured',
    // ID card reader (SW3 codes, docs/devices/id-card.md §6)
    'samSelfTestFailed',
    'samUnauthorised',
    'readerError',
    // printer (DLE EOT, docs/devices/printer.md §6)
    'paperOut',
    'paperNearEnd',
    'coverOpen',
    'cutterError',
    'unrecoverableError',
    'recoverableError',
    'printing',
    // document camera
    'cameraPermissionDenied',
    'cameraInUse',
  ])
  .meta({
    id: 'DeviceCode',
    description: "Why a device is in its state, as a code; words are the reader's to choose.",
  });
export type DeviceCode = z.infer<typeof DeviceCode>;

export const DeviceReport = z
  .strictObject({
    device: DeviceKind,
    mode: z.enum(['real', 'emulated']),
    status: DeviceStatus,
    action: z
      .enum(['none', 'clear', 'maintenance', 'configuration', 'suspend'])
      .describe(
        'recommended action: clear = station staff can fix it (paper out), maintenance = needs an engineer, ' +
          'configuration = the config names a wrong port or model, suspend = recovering by itself',
      ),
    code: DeviceCode,
    warnings: z.array(DeviceCode).max(DeviceCode.options.length).describe('conditions while it still works'),
    since: IsoDateTime.describe('when the state last changed'),
    paper: SupplyLevel.optional().describe('printers only'),
  })
  .meta({ id: 'DeviceReport', description: 'One device in a heartbeat: codes only, no message text.' });
export type DeviceReport = z.infer<typeof DeviceReport>;

const Count = z.number().int().min(0).max(10_000_000);
const Seconds = z
  .number()
  .int()
  .min(0)
  .max(20 * 366 * 86_400);

export const PaperForecastReport = z
  .strictObject({
    rollChangedAt: IsoDateTime.nullable().describe('when a technician last recorded a new roll; null: never'),
    receiptsSinceRollChange: Count,
    rollCapacity: z.number().int().min(1).max(100_000).describe('receipts a roll holds (config receiptsPerPaperRoll)'),
    receiptsLeft: Count,
    receiptsPerDay: z.number().min(0).max(100_000).describe('over rateWindowDays'),
    rateWindowDays: z.number().min(0).max(7).describe('the last 7 days, or since the roll change if shorter'),
    daysLeft: z.number().min(0).max(100_000).nullable().describe('null: nothing printed lately, unknown'),
  })
  .meta({ id: 'PaperForecastReport', description: 'Receipt paper left on the roll and for how long.' });
export type PaperForecastReport = z.infer<typeof PaperForecastReport>;

export const OutboxReport = z
  .strictObject({
    pending: Count.describe('items saved on the kiosk and not yet accepted by the platform'),
    oldestPendingAt: IsoDateTime.nullable(),
    oldestPendingAgeSeconds: Seconds.nullable(),
    deadLetters: Count.describe('items that failed permanently and wait for staff'),
  })
  .meta({ id: 'OutboxReport', description: 'The depth of the kiosk outbox.' });
export type OutboxReport = z.infer<typeof OutboxReport>;

export const Heartbeat = z
  .strictObject({
    sentAt: IsoDateTime.describe("the kiosk's clock; the platform compares it with its own to see drift"),
    appVersion: ReleaseVersion,
    host: z.enum(['electron', 'browser']),
    uptimeSeconds: Seconds,
    catalogVersion: Version.nullable().describe('the catalog the kiosk serves; null before the first sync'),
    catalogConfirmedAt: IsoDateTime.nullable().describe('last time the platform confirmed it current'),
    catalogAgeSeconds: Seconds.nullable().describe('since catalogConfirmedAt; null before the first sync'),
    catalogStale: z.boolean().describe('older than the configured limit'),
    ratingOptionsVersion: Version.nullable(),
    devices: z.array(DeviceReport).max(DeviceKind.options.length),
    paper: PaperForecastReport.nullable().describe('null where no printer is configured'),
    outbox: OutboxReport,
    disk: z
      .strictObject({ freeBytes: z.number().int().min(0), totalBytes: z.number().int().min(0) })
      .nullable()
      .describe("the data folder's file system; null when it could not be read"),
    lastInspection: z
      .strictObject({ finishedAt: IsoDateTime, automatic: z.boolean() })
      .nullable()
      .describe('the last 巡检单, by a technician or the daily self-inspection; null: never'),
    residentSessionActive: z.boolean().describe('a resident is being served; never who'),
  })
  .meta({
    id: 'Heartbeat',
    description: 'Periodic terminal status: versions, devices, paper, outbox, disk, inspection.',
  });
export type Heartbeat = z.infer<typeof Heartbeat>;

export const InspectionDeviceResult = z
  .object({
    device: DeviceKind,
    model: z.string().max(64).optional(),
    serialNumber: z.string().max(64).optional(),
    firmware: z.string().max(64).optional(),
    status: DeviceStatus,
    test: z.enum(['pass', 'fail', 'skipped']).describe('result of the device test routine'),
    detail: z.string().max(500).optional(),
  })
  .meta({ id: 'InspectionDeviceResult', description: 'One device checked during an inspection.' });
export type InspectionDeviceResult = z.infer<typeof InspectionDeviceResult>;

export const InspectionConsumable = z
  .object({
    kind: z.enum(['receiptPaper', 'printHead', 'cleaningKit', 'other']),
    level: SupplyLevel,
    replaced: z.boolean(),
    estimatedRemaining: z.number().int().min(0).nullable().describe('e.g. receipts left on the roll; null if unknown'),
    note: z.string().max(200).optional(),
  })
  .meta({ id: 'InspectionConsumable', description: 'A consumable checked or replaced during an inspection.' });
export type InspectionConsumable = z.infer<typeof InspectionConsumable>;

export const InspectionReport = z
  .object({
    inspector: z.object({
      name: z.string().trim().min(1).max(64),
      staffId: z.string().trim().min(1).max(64),
      organisation: z.string().trim().min(1).max(128).optional(),
    }),
    startedAt: IsoDateTime,
    finishedAt: IsoDateTime,
    appVersion: AppVersion,
    catalogVersion: Version.nullable(),
    devices: z.array(InspectionDeviceResult).min(1),
    consumables: z.array(InspectionConsumable),
    outcome: z.enum(['normal', 'fixedOnSite', 'needsRepair']),
    notes: z.string().max(2000).optional(),
  })
  .refine((report) => Date.parse(report.finishedAt) >= Date.parse(report.startedAt), {
    path: ['finishedAt'],
    message: 'an inspection cannot finish before it starts',
  })
  .meta({ id: 'InspectionReport', description: '巡检单: per-device results, consumables, who inspected and when.' });
export type InspectionReport = z.infer<typeof InspectionReport>;

export const InspectionReceipt = z
  .object({
    inspectionId: z.string().regex(/^INSP-[0-9]{8}-[0-9]{4,}$/),
    receivedAt: IsoDateTime,
  })
  .meta({ id: 'InspectionReceipt', description: 'The inspection report was stored.' });
export type InspectionReceipt = z.infer<typeof InspectionReceipt>;
