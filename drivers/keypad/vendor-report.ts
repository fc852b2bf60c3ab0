import type { KeypadPress } from '../../core/api/devices';

/** Report byte value → 好差评 level, parsed once from the configured `{'0x01': 5, …}`. */
export type LevelByByte = ReadonlyMap<number, number>;

export interface VendorReportFormat {
  /**
   * Index of the key byte in the report as hidapi delivers it. hidapi puts the report ID first for
   * devices with numbered reports and nothing for the others, and node-hid cannot read the report
   * descriptor, so the ID (if any) is counted here: such a device needs reportByte 1.
   */
  readonly reportByte: number;
  readonly levels: LevelByByte;
}

/** Parses a validated config map; a malformed key or level is a bug (the config schema forbids it). */
export function parseLevelByByte(levels: Readonly<Record<string, number>>): LevelByByte {
  const map = new Map<number, number>();
  for (const [key, level] of Object.entries(levels)) {
    if (!/^0x[0-9a-f]{2}$/i.test(key)) throw new Error(`keypad level key ${key} is not a byte like 0x01`);
    if (!Number.isInteger(level) || level < 1 || level > 5) throw new Error(`keypad level ${level} is not 1…5`);
    map.set(Number.parseInt(key.slice(2), 16), level);
  }
  return map;
}

/** "report:0x07": what the technician's key test shows for a vendor report value. */
export function vendorKeyName(value: number): string {
  return `report:0x${value.toString(16).padStart(2, '0')}`;
}

/**
 * One vendor input report → a press, or null when the report carries no key. No public protocol
 * exists for button 评价器 (docs/devices/keypad.md §2), so this is only "read one configured
 * byte": 0x00 is taken as "no key" (the release report such boxes send), a configured value gives
 * its level, and any other value is still a press (level null) so the key test can show it.
 */
export function decodeVendorReport(report: Uint8Array, format: VendorReportFormat): KeypadPress | null {
  const value = report[format.reportByte];
  if (value === undefined || value === 0x00) return null;
  return { level: format.levels.get(value) ?? null, key: vendorKeyName(value) };
}
