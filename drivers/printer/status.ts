import type { DeviceCode } from '../../core/api/devices';
import type { DeviceCondition } from '../common/device';
import type { StatusRequest } from './commands';

/**
 * DLE EOT status replies (docs/devices/printer.md §6) and what they mean for the kiosk.
 */

/** What the four DLE EOT replies say about the printer. */
export interface PrinterCondition {
  readonly online: boolean;
  readonly coverOpen: boolean;
  readonly paperNearEnd: boolean;
  readonly paperOut: boolean;
  readonly cutterError: boolean;
  readonly unrecoverableError: boolean;
  readonly recoverableError: boolean;
}

export const XON = 0x11;
export const XOFF = 0x13;

/**
 * A DLE EOT reply has the fixed pattern `0xx1xx10`: bit 1 and bit 4 set, bits 0 and 7 clear
 * (§6). This also tells it apart from XON/XOFF (`0x11`/`0x13`, bit 0 set), ASB first bytes
 * (`0xx1xx00`) and GS I / GS r replies (`0xx0xxxx`) that share the return channel (§7).
 */
export function isStatusReply(byte: number): boolean {
  return (byte & 0b1001_0011) === 0b0001_0010;
}

/** GS I and GS r replies: `0xx0xxxx` (§7 Citizen table), and not XON/XOFF. */
export function isIdentityReply(byte: number): boolean {
  return (byte & 0b1001_0000) === 0 && byte !== XON && byte !== XOFF;
}

/** The four reply bytes, DLE EOT 1..4 in order. */
export type StatusReplies = Readonly<Record<StatusRequest, number>>;

/** Decodes the replies per the §6 bit table; callers have checked each with `isStatusReply`. */
export function decodeStatus(replies: StatusReplies): PrinterCondition {
  const [printer, offlineCause, errorCause, roll] = [replies[1], replies[2], replies[3], replies[4]];
  return {
    online: (printer & 0x08) === 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    // n=4 bits 5+6 paper end; n=2 bit 5 "printing stopped by paper end" says the same.
    paperOut: (roll & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
    // n=4 bits 2+3; either bit counts (0x1E sets both).
    paperNearEnd: (roll & 0x0c) !== 0,
    cutterError: (errorCause & 0x08) !== 0,
    unrecoverableError: (errorCause & 0x20) !== 0,
    // bit 2 mechanical (SNBC kiosk: paper jam), bit 6 auto-recoverable (head temperature,
    // voltage; SNBC: head lifted) — §6/§8.
    recoverableError: (errorCause & 0x44) !== 0,
  };
}

/** Nothing stands in the way of printing (paper near end is only a warning). */
export function canPrint(condition: PrinterCondition): boolean {
  return (
    condition.online &&
    !condition.coverOpen &&
    !condition.paperOut &&
    !condition.cutterError &&
    !condition.unrecoverableError &&
    !condition.recoverableError
  );
}

/**
 * The kiosk's view (XFS-style state + action). Engineer-only faults come first, then what station
 * staff can fix; near end is a warning on an otherwise online printer.
 */
export function toDeviceCondition(condition: PrinterCondition): DeviceCondition {
  const warnings: DeviceCode[] = condition.paperNearEnd ? ['paperNearEnd'] : [];
  const detail = describe(condition);
  if (condition.unrecoverableError)
    return { state: 'hardwareError', code: 'unrecoverableError', action: 'maintenance', warnings, detail };
  if (condition.cutterError)
    return { state: 'hardwareError', code: 'cutterError', action: 'maintenance', warnings, detail };
  if (condition.paperOut) return { state: 'userError', code: 'paperOut', action: 'clear', warnings, detail };
  if (condition.coverOpen) return { state: 'userError', code: 'coverOpen', action: 'clear', warnings, detail };
  // A jam or a lifted head is something staff clear by opening the printer.
  if (condition.recoverableError)
    return { state: 'userError', code: 'recoverableError', action: 'clear', warnings, detail };
  if (!condition.online) {
    // Offline with no cause reported: waiting for online recovery (n=1 bit 5) — usually clears
    // itself; staff can power-cycle it.
    return { state: 'userError', code: 'recoverableError', action: 'clear', warnings, detail };
  }
  return { state: 'online', code: 'ok', action: 'none', warnings, detail };
}

/** The code to give a caller when the printer cannot print (the condition's main code). */
export function blockingCode(condition: PrinterCondition): DeviceCode {
  return toDeviceCondition(condition).code;
}

function describe(condition: PrinterCondition): string {
  const flags = (Object.keys(condition) as (keyof PrinterCondition)[]).filter((key) =>
    key === 'online' ? !condition.online : condition[key],
  );
  if (flags.length === 0) return 'ready';
  return flags.map((key) => (key === 'online' ? 'offline' : key)).join(', ');
}
