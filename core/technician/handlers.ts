import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { KioskContract, KioskInfo } from '../api/contract';
import type { DeviceKind } from '../api/devices';
import type { DomainError } from '../api/errors';
import { err, ok, type Result } from '../pure/result';
import type { DeviceTestName, DeviceTestOutcome, OutboxItemSummary } from '../api/technician';
import type { Handlers, MethodName } from '../api/types';
import type { DeviceManager } from '../devices/types';
import type { Logger } from '../logging/logger';
import type { DataSealer, OutboxDelivery, OutboxItem } from '../outbox';
import type { TechnicianConfig } from '../../kiosk-config/schema';
import { maskCard } from '../../drivers/idcard/mask';
import { buildInspectionReport } from './inspection-report';
import { findInspection, lastInspection, saveInspection } from './inspection-store';
import { activeLockout, readLockout, recordRightPin, recordWrongPin } from './lockout-store';
import { readRecentLogLines } from './log-reader';
import { verifyPin } from './pin-hash';
import { inspectionReceipt, testPageReceipt } from './receipts';
import { lastTestOutcomes, recordTestOutcome } from './test-store';
import { createVendorMode, type VendorMode } from './vendor-mode';
import type { ScanRouter } from '../scan/scan-router';
import { atMost } from '../pure/at-most';

export type TechnicianMethod = Extract<MethodName<KioskContract>, `technician.${string}`>;
export type TechnicianHandlers = Pick<Handlers<KioskContract>, TechnicianMethod>;

export interface TechnicianDeps {
  readonly db: Database.Database;
  /** Without it technician mode cannot be entered (`notConfigured`). */
  readonly config: TechnicianConfig | undefined;
  readonly devices: DeviceManager;
  readonly outbox: Pick<OutboxDelivery, 'kick' | 'retryAll' | 'list' | 'summary'>;
  /** Seals the inspection report in its outbox row. */
  readonly sealer: DataSealer;
  readonly info: KioskInfo;
  readonly catalogVersion: () => string | null;
  /** The folder of the kiosk's JSON log files; null when logging to files is off. */
  readonly logDir: string | null;
  /** Config a technician checks against the station sheet; the caller leaves out tokens and hashes. */
  readonly configSummary: ReadonlyArray<{ key: string; value: string }>;
  readonly now: () => Date;
  /** Ends the resident session (card data, staged captures) before the technician takes over. */
  readonly endResidentSession: () => void;
  readonly logger: Logger;
  /** How long submitInspection waits for the platform before answering 'queued'; 3 s unless a test says otherwise. */
  readonly submitWaitMs?: number;
  /** How long the card test waits for a card; 20 s unless a test says otherwise. */
  readonly readCardTimeoutMs?: number;
  /** The scanner's reads; the scan test takes the next one for itself. */
  readonly scans: Pick<ScanRouter, 'nextScanForTest'>;
}

export interface TechnicianService {
  readonly handlers: TechnicianHandlers;
  /** For the shell: is a technician at the kiosk? */
  readonly mode: VendorMode;
}

/**
 * The service behind the `technician.*` methods (巡检, docs/design-anchors.md §4): PIN entry with an
 * escalating lockout that survives restarts, one session limited by idle time and in total,
 * device tests, counters, logs, the outbox and the inspection report. Every entry attempt is
 * logged, never the PIN.
 *
 * Every method but `enter` is declared `access: 'technician'` in the contract, and the kiosk's
 * access guard (core/app/access-guard.ts) checks its token against `mode` before the handler runs,
 * counting the call as activity; so the handlers here do not check it again. The dispatcher runs
 * no non-public method without a guard (core/api/dispatcher.ts), and
 * core/app/technician-access.test.ts proves each of them refuses a missing or expired token.
 */
export function buildTechnicianHandlers(deps: TechnicianDeps): TechnicianHandlers {
  return createTechnicianService(deps).handlers;
}

export function createTechnicianService(deps: TechnicianDeps): TechnicianService {
  const log = deps.logger.child({ component: 'technician' });
  const mode = createVendorMode({
    idleMs: (deps.config?.sessionIdleMinutes ?? 15) * 60_000,
    maxMs: (deps.config?.sessionMaxMinutes ?? 240) * 60_000,
  });
  const submitWaitMs = deps.submitWaitMs ?? 3_000;
  const readCardTimeoutMs = deps.readCardTimeoutMs ?? 20_000;

  const record = (device: DeviceKind, test: DeviceTestName, passed: boolean, detail: string): DeviceTestOutcome => {
    const outcome = { device, test, passed, detail: detail.slice(0, 500), at: deps.now().toISOString() };
    recordTestOutcome(deps.db, outcome);
    log.info({ device, test, passed }, 'device test recorded');
    return outcome;
  };

  const unsentOutbox = (): OutboxItemSummary[] =>
    deps.outbox
      .list(200)
      .filter((item) => item.state !== 'sent')
      .map(toOutboxSummary);

  const handlers: TechnicianHandlers = {
    'technician.enter': ({ pin }) => {
      const config = deps.config;
      if (!config) return err({ code: 'notConfigured', message: 'this kiosk has no technician section in its config' });
      const now = deps.now();
      const lockedUntil = activeLockout(readLockout(deps.db), now);
      if (lockedUntil) {
        log.warn({ outcome: 'lockedOut', lockedUntil }, 'technician entry refused: locked out');
        return err({ code: 'lockedOut', message: `entry locked until ${lockedUntil}` });
      }
      if (!verifyPin(pin, config.pinHash)) {
        const after = recordWrongPin(deps.db, now, {
          firstMinutes: config.lockoutMinutes,
          maxMinutes: config.lockoutMaxMinutes,
        });
        if (after.lockedUntil) {
          log.warn(
            { outcome: 'lockedOut', lockedUntil: after.lockedUntil, lockout: after.lockout },
            'wrong technician PIN; entry locked',
          );
          return err({ code: 'lockedOut', message: `entry locked until ${after.lockedUntil}` });
        }
        log.warn({ outcome: 'wrongPin', attemptsLeft: after.attemptsLeft }, 'wrong technician PIN');
        return err({ code: 'wrongPin', message: `wrong PIN: ${after.attemptsLeft} attempts left` });
      }
      recordRightPin(deps.db, now);
      const session = mode.enter(now, deps.endResidentSession);
      log.info({ outcome: 'entered', expiresAt: session.expiresAt }, 'technician mode entered');
      return ok(session);
    },

    'technician.exit': ({ token }) => {
      if (mode.exit(token)) log.info({}, 'technician mode left');
      return ok({});
    },

    'technician.overview': () => {
      const summary = deps.outbox.summary();
      const last = lastInspection(deps.db);
      return ok({
        devices: deps.devices.snapshot(),
        lastTests: lastTestOutcomes(deps.db),
        printer: deps.devices.printerCounters(),
        outbox: { pending: summary.pending, deadLetters: summary.deadLetters },
        config: [...deps.configSummary],
        lastInspection: last ? { id: last.platformId ?? last.id, finishedAt: last.finishedAt } : null,
      });
    },

    'technician.testDevice': async ({ test }): Promise<Result<DeviceTestOutcome, DomainError<'deviceUnavailable'>>> => {
      if (test === 'readCard') {
        const read = await deps.devices.readCard(readCardTimeoutMs);
        if (read.ok) {
          const card = maskCard(read.value);
          return ok(record('idCardReader', 'readCard', true, `${card.nameMasked} ${card.idNumberMasked}`));
        }
        const failed = record('idCardReader', 'readCard', false, read.error.message);
        if (read.error.kind === 'deviceUnavailable')
          return err({ code: 'deviceUnavailable', message: read.error.message });
        return ok(failed);
      }
      const now = deps.now();
      const id = `test-page-${now.getTime()}-${randomBytes(4).toString('hex')}`;
      const printed = await deps.devices.print(testPageReceipt(deps.info, id, now));
      if (printed.ok) return ok(record('printer', 'printTestPage', true, `printed ${printed.value.receiptId}`));
      const failed = record('printer', 'printTestPage', false, printed.error.message);
      if (printed.error.kind === 'printerUnavailable') {
        return err({ code: 'deviceUnavailable', message: printed.error.message });
      }
      return ok(failed);
    },

    'technician.recordTest': ({ device, test, passed, detail }) => ok(record(device, test, passed, detail)),

    'technician.testScanner': async ({ timeoutSeconds }) => {
      const scanner = deps.devices.snapshot().devices.find((d) => d.device === 'qrScanner');
      if (!scanner) return err({ code: 'deviceUnavailable' as const, message: 'no QR scanner is configured' });
      if (scanner.state !== 'online' && scanner.state !== 'busy') {
        const message = `the QR scanner is ${scanner.state} (${scanner.code})`;
        record('qrScanner', 'scanCode', false, message);
        return err({ code: 'deviceUnavailable' as const, message });
      }
      const read = await deps.scans.nextScanForTest(timeoutSeconds * 1000);
      if (!read) {
        return ok({
          outcome: record('qrScanner', 'scanCode', false, `no read within ${timeoutSeconds} s`),
          read: null,
        });
      }
      // What the code said is shown to the technician only; the record keeps its length and kind.
      const detail = `read ${read.text.length} characters (${read.symbology}), recognised as ${read.recognisedAs}`;
      return ok({ outcome: record('qrScanner', 'scanCode', true, detail), read });
    },

    'technician.restartDevice': async ({ device }) => {
      log.info({ device }, 'technician restarts a device');
      await deps.devices.restart(device);
      return ok(deps.devices.snapshot());
    },

    'technician.recordPaperReplaced': () => {
      deps.devices.recordPaperReplaced();
      log.info({}, 'paper roll replaced');
      return ok(deps.devices.printerCounters());
    },

    'technician.logs': async ({ limit }) => ok(await readRecentLogLines(deps.logDir, limit)),

    'technician.outbox': () => ok(unsentOutbox()),

    'technician.retryOutbox': async () => {
      await atMost(deps.outbox.retryAll(), submitWaitMs);
      return ok(unsentOutbox());
    },

    'technician.submitInspection': async ({ draft }) => {
      const now = deps.now();
      const report = buildInspectionReport({
        draft,
        snapshot: deps.devices.snapshot(),
        tests: lastTestOutcomes(deps.db),
        appVersion: deps.info.appVersion,
        catalogVersion: deps.catalogVersion(),
        finishedAt: now,
      });
      const saved = saveInspection(deps.db, deps.sealer, report, deps.info.terminal.id, now);
      log.info({ inspection: saved.id, outcome: report.outcome }, 'inspection stored and queued');
      await atMost(deps.outbox.kick(), submitWaitMs);
      const stored = findInspection(deps.db, saved.id);
      const platformId = stored?.platformId ?? null;
      return ok({
        id: platformId ?? saved.id,
        platformId,
        delivery: stored?.state === 'sent' ? ('sent' as const) : ('queued' as const),
        finishedAt: report.finishedAt,
        report,
      });
    },

    'technician.printInspection': async ({ id }) => {
      const stored = findInspection(deps.db, id);
      if (!stored) return err({ code: 'notFound' as const, message: `no inspection ${id} on this kiosk` });
      const document = inspectionReceipt(deps.info, stored);
      let printed = await deps.devices.print(document);
      // Pressing print again is the technician's explicit decision: the copy is marked 补打.
      if (!printed.ok && printed.error.kind === 'alreadyPrinted') {
        printed = await deps.devices.print(document, { reprint: true });
      }
      if (!printed.ok) return err({ code: 'printFailed' as const, message: printed.error.message });
      return ok({});
    },
  };

  return { handlers, mode };
}

function toOutboxSummary(item: OutboxItem): OutboxItemSummary {
  return {
    id: item.id,
    kind: item.kind,
    createdAt: item.createdAt,
    attempts: item.attempts,
    nextAttemptAt: item.nextAttemptAt,
    lastError: item.lastError,
    state: item.state,
  };
}
