import type { ScannedCode, ScanTestResult } from '../api/scanner';
import { parsePrintedCode } from '../api/printed-codes';
import type { ServiceDeps } from '../app/service-deps';
import type { Scan } from '../../drivers/scanner/scan';
import { createLicenceScans, type LicenceScans } from './licence-scans';
import { ticketScan } from './ticket-scan';

export interface ScanRouterDeps extends Pick<
  ServiceDeps,
  'db' | 'sealer' | 'session' | 'devices' | 'info' | 'now' | 'logger'
> {
  /** Pushes the classified read to the screen (`scanner.scanned`). */
  readonly emit: (code: ScannedCode) => void;
  /** True while a technician has the kiosk: reads are then no resident's. */
  readonly technicianActive: () => boolean;
}

export interface ScanRouter {
  /** The next read goes to the technician's scan test only; null when none came in time. */
  nextScanForTest(timeoutMs: number): Promise<ScanTestResult | null>;
  /** Reads that may be a 亮证码, for application.submit. */
  readonly licences: LicenceScans;
  stop(): void;
}

/**
 * What a scan does (core decides, the screen reacts): every read of the QR scanner is classified
 * against our printed-code scheme (core/api/printed-codes.ts) and pushed as `scanner.scanned`.
 * A receipt's code opens its progress, an appointment slip's selects the appointment (the check-in
 * itself needs the card: `appointment.checkIn` reads and changes what is stored about a person),
 * a ticket's opens its rating (ticket-scan.ts), anything else is held for the visit in case it is
 * a 亮证码. The raw text is never logged, never sent to the screen, and not kept past the visit.
 */
export function createScanRouter(deps: ScanRouterDeps): ScanRouter {
  const log = deps.logger.child({ component: 'scan' });
  const pageUrl = deps.info.station.progressPageUrl ?? null;
  const licences = createLicenceScans();
  let waitingTest: ((result: ScanTestResult) => void) | null = null;

  const recognise = (text: string) => parsePrintedCode(text, pageUrl);

  const classify = (scan: Scan): ScannedCode => {
    const code = recognise(scan.text);
    switch (code?.kind) {
      case 'case':
        return { kind: 'receipt', reference: code.caseNo };
      case 'localRef':
        return { kind: 'receipt', reference: code.localRef };
      case 'appointment':
        return { kind: 'appointment', appointmentId: code.appointmentId };
      case 'ticket':
        return ticketScan(deps, code.ticketId);
      case undefined:
        return { kind: 'other', scanId: licences.stage(scan.text, deps.now()) };
    }
  };

  const stopListening = deps.devices.onScan((scan) => {
    if (waitingTest) {
      const deliver = waitingTest;
      waitingTest = null;
      const code = recognise(scan.text);
      deliver({
        text: scan.text,
        symbology: scan.symbology,
        recognisedAs:
          code === null ? 'other' : code.kind === 'case' || code.kind === 'localRef' ? 'receipt' : code.kind,
      });
      return;
    }
    if (deps.technicianActive()) {
      log.info({ event: 'ignored' }, 'a read while a technician has the kiosk; ignored');
      return;
    }
    const classified = classify(scan);
    log.info(
      {
        event: 'scanned',
        kind: classified.kind,
        ...(classified.kind === 'ticket' ? { status: classified.status } : {}),
      },
      'scanner read classified',
    );
    deps.emit(classified);
  });
  const stopSession = deps.session.onEnd(() => licences.clear());

  return {
    nextScanForTest(timeoutMs) {
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          if (waitingTest === deliver) waitingTest = null;
          resolve(null);
        }, timeoutMs);
        timer.unref?.();
        const deliver = (result: ScanTestResult) => {
          clearTimeout(timer);
          resolve(result);
        };
        waitingTest = deliver;
      });
    },
    licences,
    stop() {
      stopListening();
      stopSession();
      licences.clear();
    },
  };
}
