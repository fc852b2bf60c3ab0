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

export const DeviceReport = z
  .object({
    device: DeviceKind,
    status: DeviceStatus,
    action: z
      .enum(['none', 'clear', 'maintenance'])
      .describe('recommended action: clear = station staff can fix it (paper out), maintenance = needs an engineer'),
    detail: z.string().max(200).optional().describe('short technical detail, no personal data'),
    paper: SupplyLevel.optional().describe('printers only'),
  })
  .meta({ id: 'DeviceReport', description: 'One device in a heartbeat.' });
export type DeviceReport = z.infer<typeof DeviceReport>;

export const OutboxReport = z
  .object({
    pending: z.number().int().min(0).describe('items saved on the kiosk and not yet accepted by the platform'),
    oldestPendingAt: IsoDateTime.nullable(),
    deadLetters: z.number().int().min(0).describe('items that failed permanently and wait for staff'),
  })
  .meta({ id: 'OutboxReport', description: 'The depth of the kiosk outbox.' });
export type OutboxReport = z.infer<typeof OutboxReport>;

export const Heartbeat = z
  .object({
    sentAt: IsoDateTime,
    appVersion: AppVersion,
    catalogVersion: Version.nullable().describe('the catalog the kiosk serves; null before the first sync'),
    ratingOptionsVersion: Version.nullable(),
    uptimeSeconds: z.number().int().min(0),
    state: TerminalState,
    devices: z.array(DeviceReport),
    outbox: OutboxReport,
  })
  .meta({ id: 'Heartbeat', description: 'Periodic terminal status: devices, outbox depth and versions.' });
export type Heartbeat = z.infer<typeof Heartbeat>;

export const HeartbeatAck = z
  .object({
    receivedAt: IsoDateTime,
    catalogVersion: Version.nullable().describe('the current catalog; fetch it when it differs from yours'),
    ratingOptionsVersion: Version.nullable(),
    servicePointsVersion: Version.nullable(),
  })
  .meta({ id: 'HeartbeatAck', description: 'Heartbeat received; tells the kiosk which versions are current.' });
export type HeartbeatAck = z.infer<typeof HeartbeatAck>;

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
