import { z } from 'zod';
import { InspectionConsumable, InspectionReport } from '../../platform/contract/terminals';
import { DeviceKind, DevicesSnapshot } from './devices';

/**
 * Schemas of the technician (巡检) part of the API. Every technician method takes the session
 * token that `technician.enter` returned after a correct PIN; a missing, wrong or expired token
 * answers `notAuthorised`, so a resident page that guessed the method names gets nothing.
 */

export const TechnicianToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);
export const WithToken = z.object({ token: TechnicianToken }).strict();

export const TechnicianSession = z.object({
  token: TechnicianToken,
  /** The session ends by itself after this (idle technicians leave kiosks unlocked). */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type TechnicianSession = z.infer<typeof TechnicianSession>;

export const DeviceTestName = z.enum([
  'readCard',
  'printTestPage',
  'captureFrame',
  'pressEachKey',
  'playSound',
  'scanCode',
  /** The microphone hears the technician speak (a level over the page's threshold); nothing is kept. */
  'hearSound',
]);
export type DeviceTestName = z.infer<typeof DeviceTestName>;

/**
 * Tests core runs itself; the camera frames (document camera, face camera), the key presses, the
 * sound and the microphone are run by the renderer and reported.
 */
export const CoreDeviceTest = z.enum(['readCard', 'printTestPage']);

export const DeviceTestOutcome = z.object({
  device: DeviceKind,
  test: DeviceTestName,
  passed: z.boolean(),
  /** Plain words for the technician; no personal data (a test card's name and number arrive masked). */
  detail: z.string().max(500),
  at: z.iso.datetime({ offset: true }),
});
export type DeviceTestOutcome = z.infer<typeof DeviceTestOutcome>;

export const OutboxItemSummary = z.object({
  id: z.number().int(),
  kind: z.string().max(40),
  createdAt: z.iso.datetime({ offset: true }),
  attempts: z.number().int().min(0),
  nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
  lastError: z.string().max(500).nullable(),
  state: z.enum(['pending', 'sent', 'deadLetter']),
});
export type OutboxItemSummary = z.infer<typeof OutboxItemSummary>;

export const PrinterCounters = z.object({
  /** Receipts printed since staff last recorded a new paper roll. */
  printsSincePaperReplaced: z.number().int().min(0),
  paperReplacedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type PrinterCounters = z.infer<typeof PrinterCounters>;

export const TechnicianOverview = z.object({
  devices: DevicesSnapshot,
  lastTests: z.array(DeviceTestOutcome),
  printer: PrinterCounters,
  outbox: z.object({ pending: z.number().int().min(0), deadLetters: z.number().int().min(0) }),
  /** Config a technician checks against the station sheet; no tokens or PIN hashes. */
  config: z.array(z.object({ key: z.string(), value: z.string() })),
  lastInspection: z.object({ id: z.string(), finishedAt: z.iso.datetime({ offset: true }) }).nullable(),
});
export type TechnicianOverview = z.infer<typeof TechnicianOverview>;

/** What the technician fills in; core adds app and catalog versions, device identities and statuses. */
export const InspectionDraft = z
  .object({
    inspector: InspectionReport.shape.inspector,
    startedAt: z.iso.datetime({ offset: true }),
    consumables: z.array(InspectionConsumable),
    outcome: z.enum(['normal', 'fixedOnSite', 'needsRepair']),
    notes: z.string().max(2000).optional(),
  })
  .strict();
export type InspectionDraft = z.infer<typeof InspectionDraft>;

export const InspectionRecord = z.object({
  /** Local id until the platform answers, then the platform's INSP-… id. */
  id: z.string(),
  platformId: z.string().nullable(),
  delivery: z.enum(['sent', 'queued']),
  finishedAt: z.iso.datetime({ offset: true }),
  report: InspectionReport,
});
export type InspectionRecord = z.infer<typeof InspectionRecord>;

export const LogLine = z.object({
  time: z.iso.datetime({ offset: true }),
  level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']),
  component: z.string().max(60),
  message: z.string().max(1000),
});
export type LogLine = z.infer<typeof LogLine>;
