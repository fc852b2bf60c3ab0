import type { DeviceCode } from '../../core/api/devices';

/**
 * What `print` answers. Same shapes as core/devices/types.ts (drivers may not import core), so
 * core can reuse these.
 */
export interface PrintOutcome {
  readonly receiptId: string;
  /** ISO 8601 with offset. */
  readonly printedAt: string;
}

/**
 * `uncertain`: bytes went out and then the printer failed (paper out mid-job, unplugged): part of
 * the receipt may be on paper, so it is never retried automatically (docs/design-anchors.md §5).
 */
export type PrintFailure =
  | { readonly kind: 'alreadyPrinted'; readonly message: string }
  | { readonly kind: 'printerUnavailable'; readonly code: DeviceCode; readonly message: string }
  | { readonly kind: 'uncertain'; readonly code: DeviceCode; readonly message: string };
