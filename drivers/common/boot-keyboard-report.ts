/**
 * The USB HID boot keyboard input report (Device Class Definition for HID 1.11, appendix B.1):
 * byte 0 the modifier bits, byte 1 reserved, bytes 2–7 up to six Keyboard page (0x07) usages of
 * the keys held down. Read by the drivers of keyboard-like devices over hidraw: a 好差评 keypad
 * that types digits, a QR scanner in keyboard-wedge mode.
 */
export const BOOT_REPORT_LENGTH = 8;
const FIRST_USAGE_BYTE = 2;
/** Keyboard page error usages: ErrorRollOver, POSTFail, ErrorUndefined. Not keys. */
const ERROR_USAGES: ReadonlySet<number> = new Set([0x01, 0x02, 0x03]);

/** Modifier bits of byte 0: left and right Shift. */
export const MODIFIER_SHIFT = 0x02 | 0x20;

export interface BootKeyboardReport {
  readonly modifiers: number;
  /** The keys held down, in the order the report lists them. */
  readonly usages: readonly number[];
}

/**
 * One report, or null for a report to ignore: too short, or an error report (a keyboard fills
 * every slot with ErrorRollOver 0x01 when too many keys are down; it says nothing about which
 * keys were pressed, so the previous state stands).
 */
export function readBootReport(report: Uint8Array): BootKeyboardReport | null {
  // ⚠ A keyboard with numbered reports delivers 9 bytes (report ID first); strip it. Longer
  // reports are taken as padded boot reports.
  const body = report.length === BOOT_REPORT_LENGTH + 1 ? report.subarray(1) : report;
  if (body.length < BOOT_REPORT_LENGTH) return null;
  const usages: number[] = [];
  for (let i = FIRST_USAGE_BYTE; i < BOOT_REPORT_LENGTH; i += 1) {
    const usage = body[i] ?? 0;
    if (ERROR_USAGES.has(usage)) return null;
    if (usage !== 0 && !usages.includes(usage)) usages.push(usage);
  }
  return { modifiers: body[0] ?? 0, usages };
}

/**
 * Boot reports describe which keys are down, not key events: a held key keeps appearing (and some
 * devices resend the same report at their idle rate), so only a usage that was not down in the
 * previous report is a press.
 */
export function newlyPressed(previous: readonly number[], current: BootKeyboardReport): number[] {
  return current.usages.filter((usage) => !previous.includes(usage));
}
