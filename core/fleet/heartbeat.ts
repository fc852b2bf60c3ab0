import { statfsSync } from 'node:fs';
import type { z } from 'zod';
import {
  Heartbeat,
  type DeviceCode as HeartbeatDeviceCode,
  type DeviceReport,
} from '../../platform/contract/terminals';
import type { CatalogStatus, KioskInfo } from '../api/contract';
import type { ServiceDeps } from '../app/service-deps';
import type { DeviceCode, DevicesSnapshot, DeviceStatus } from '../api/devices';
import { forecastPaper, type PaperUse } from '../devices/paper-forecast';
import { readPaperUse } from '../devices/print-ledger-store';
import type { OutboxSummary } from '../outbox';
import { readCurrentDocument } from '../platform-documents/store';
import { err, ok, type Result } from '../pure/result';
import { lastInspection } from '../technician/inspection-store';
import { isAutomaticInspection } from './self-inspection';

/**
 * The kiosk's heartbeat (platform/contract/terminals.ts): what the county console needs to see
 * of one kiosk, gathered from the services that own each fact. Facts come in through `HeartbeatDeps`
 * so the builder is tested with fakes and the loop that sends it (not here) only calls `build()`.
 * Nothing of a resident is read: the session is asked only whether one is active.
 */

export interface DiskSpace {
  readonly freeBytes: number;
  readonly totalBytes: number;
}

export interface LastInspection {
  readonly finishedAt: string;
  readonly automatic: boolean;
}

export interface HeartbeatDeps {
  readonly info: Pick<KioskInfo, 'appVersion' | 'host'>;
  readonly now: () => Date;
  /** Seconds since this process started. */
  readonly uptimeSeconds: () => number;
  readonly catalogStatus: () => CatalogStatus;
  readonly ratingOptionsVersion: () => string | null;
  readonly devices: () => DevicesSnapshot;
  /** The ledger's paper use; null where no printer is configured. */
  readonly paperUse: () => PaperUse | null;
  /** `receiptsPerPaperRoll` from the station's printer config. */
  readonly rollCapacity: number;
  readonly outbox: () => OutboxSummary;
  /** null when the file system could not be asked. */
  readonly disk: () => DiskSpace | null;
  readonly lastInspection: () => LastInspection | null;
  readonly residentSessionActive: () => boolean;
}

export type HeartbeatBuildError = { kind: 'invalid'; issues: string[] };

/** Same names on both sides; the compiler fails here if core gains a code the contract lacks. */
const contractCode = (code: DeviceCode): HeartbeatDeviceCode => code;

const PAPER_BY_CODE: Partial<Record<DeviceCode, 'out' | 'low'>> = { paperOut: 'out', paperNearEnd: 'low' };

function paperLevel(status: DeviceStatus): DeviceReport['paper'] {
  if (status.state === 'noDevice' || status.state === 'offline') return 'unknown';
  const level = PAPER_BY_CODE[status.code] ?? status.warnings.map((code) => PAPER_BY_CODE[code]).find(Boolean);
  return level ?? 'full';
}

function deviceReport(status: DeviceStatus): DeviceReport {
  return {
    device: status.device,
    mode: status.mode,
    status: status.state,
    action: status.action,
    code: contractCode(status.code),
    // Unique: the contract bounds the list by the number of codes.
    warnings: [...new Set(status.warnings)].map(contractCode),
    since: status.since,
    ...(status.device === 'printer' ? { paper: paperLevel(status) } : {}),
  };
}

const secondsBetween = (from: string | null, to: Date): number | null =>
  from === null ? null : Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 1000));

/** Gathers the facts once and validates them against the contract; an invalid heartbeat is a bug worth reporting, not sending. */
export function buildHeartbeat(deps: HeartbeatDeps): Result<Heartbeat, HeartbeatBuildError> {
  const now = deps.now();
  const catalog = deps.catalogStatus();
  const outbox = deps.outbox();
  const paperUse = deps.paperUse();
  const candidate: z.input<typeof Heartbeat> = {
    sentAt: now.toISOString(),
    appVersion: deps.info.appVersion,
    host: deps.info.host,
    uptimeSeconds: Math.max(0, Math.floor(deps.uptimeSeconds())),
    catalogVersion: catalog.version,
    catalogConfirmedAt: catalog.confirmedAt,
    catalogAgeSeconds: secondsBetween(catalog.confirmedAt, now),
    catalogStale: catalog.stale,
    ratingOptionsVersion: deps.ratingOptionsVersion(),
    devices: deps.devices().devices.map(deviceReport),
    paper: paperUse === null ? null : forecastPaper(paperUse, deps.rollCapacity, now),
    outbox: {
      pending: outbox.pending,
      oldestPendingAt: outbox.oldestPendingAt,
      oldestPendingAgeSeconds: secondsBetween(outbox.oldestPendingAt, now),
      deadLetters: outbox.deadLetters,
    },
    disk: deps.disk(),
    lastInspection: deps.lastInspection(),
    residentSessionActive: deps.residentSessionActive(),
  };
  const parsed = Heartbeat.safeParse(candidate);
  if (!parsed.success) {
    return err({ kind: 'invalid', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  }
  return ok(parsed.data);
}

/** Free and total bytes of the file system holding `folder` (the data folder). */
export function diskSpace(folder: string): DiskSpace | null {
  try {
    const stats = statfsSync(folder);
    return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
  } catch {
    return null;
  }
}

/**
 * The facts from the kiosk's running services. An inspection is automatic when the daily
 * self-inspection stored it (core/fleet/self-inspection.ts names it in fleet_self_inspection);
 * every other one is a technician's 巡检单. The session is asked only whether someone is signed in.
 */
export function heartbeatDepsFrom(
  services: Pick<ServiceDeps, 'db' | 'info' | 'now' | 'catalogSync' | 'devices' | 'outbox' | 'session' | 'dataDir'>,
  options: { uptimeSeconds: () => number; rollCapacity: number | null },
): HeartbeatDeps {
  const { db, now } = services;
  return {
    info: services.info,
    now,
    uptimeSeconds: options.uptimeSeconds,
    catalogStatus: () => services.catalogSync.status(),
    ratingOptionsVersion: () => readCurrentDocument(db, 'ratingOptions')?.version ?? null,
    devices: () => services.devices.snapshot(),
    paperUse: () => (options.rollCapacity === null ? null : readPaperUse(db, now())),
    rollCapacity: options.rollCapacity ?? 1,
    outbox: () => services.outbox.summary(),
    disk: () => diskSpace(services.dataDir),
    lastInspection: () => {
      const last = lastInspection(db);
      return last === null
        ? null
        : { finishedAt: last.report.finishedAt, automatic: isAutomaticInspection(db, last.id) };
    },
    residentSessionActive: () => services.session.applicant() !== null,
  };
}
