import { ONLINE, type DeviceCondition } from '../common/device';
import { createListeners } from '../transport/listeners';
import type { Scan, ScanOutcome } from './scan';
import type { ScannerLogger, ScanRejected } from './scanner';

/** Refused reads in a row (no good one between) that make the scanner worth a look. */
export const REFUSALS_BEFORE_WARNING = 3;

export interface ScanEvents {
  readonly emit: (outcome: ScanOutcome) => void;
  readonly onScan: (listener: (scan: Scan) => void) => () => void;
  readonly onRejected: (listener: (rejected: ScanRejected) => void) => () => void;
  /**
   * Online, with a `garbledReplies` warning after several refused reads in a row: a scanner that
   * only sends what cannot be read is set up differently from the config (encoding, suffix,
   * prefix, baud rate), which staff cannot see by looking at it.
   */
  condition(): DeviceCondition;
  /** A new connection starts with a clean count. */
  reset(): void;
}

/**
 * The read listeners of one scanner, and the count behind its warning. The logs say how long a
 * refused read was and why, never what it said.
 */
export function createScanEvents(logger: ScannerLogger, fields: Record<string, unknown>): ScanEvents {
  const scans = createListeners<Scan>((error) =>
    logger.warn({ ...fields, error: String(error) }, 'a scan listener threw'),
  );
  const rejections = createListeners<ScanRejected>();
  let refusedInARow = 0;
  let lastReason: ScanRejected['reason'] | null = null;
  return {
    emit(outcome) {
      if (outcome.kind === 'scan') {
        refusedInARow = 0;
        logger.info(
          { ...fields, event: 'scan', characters: outcome.scan.text.length, symbology: outcome.scan.symbology },
          'read a code',
        );
        scans.emit(outcome.scan);
        return;
      }
      refusedInARow += 1;
      lastReason = outcome.reason;
      logger.warn(
        { ...fields, event: 'refused', reason: outcome.reason, bytes: outcome.byteCount },
        'bytes from the scanner were not a read',
      );
      rejections.emit({ reason: outcome.reason, byteCount: outcome.byteCount });
    },
    onScan: (listener) => scans.add(listener),
    onRejected: (listener) => rejections.add(listener),
    condition() {
      if (refusedInARow < REFUSALS_BEFORE_WARNING) return ONLINE;
      return {
        state: 'online',
        code: 'ok',
        action: 'none',
        warnings: ['garbledReplies'],
        detail:
          `${refusedInARow} reads in a row could not be read (last: ${lastReason}); ` +
          `check the scanner's encoding, suffix, prefix and baud rate against the kiosk's config`,
      };
    },
    reset() {
      refusedInARow = 0;
      lastReason = null;
    },
  };
}
