import type { KeypadPress } from '../../core/api/devices';
import { keyNameFromUsage } from './key-names';

/** Boot keyboard input report: modifiers, reserved, six key usages (docs/devices/keypad.md §3). */
const BOOT_REPORT_LENGTH = 8;
const FIRST_USAGE_BYTE = 2;
/** Keyboard page error usages: ErrorRollOver, POSTFail, ErrorUndefined. Not keys. */
const ERROR_USAGES: ReadonlySet<number> = new Set([0x01, 0x02, 0x03]);

/** Key name → level, from the wedge config (`{'5': 5, 'KP1': 1, 'F3': 3, …}`). */
export type LevelByKeyName = ReadonlyMap<string, number>;

export function parseLevelByKeyName(levels: Readonly<Record<string, number>>): LevelByKeyName {
  const map = new Map<string, number>();
  for (const [name, level] of Object.entries(levels)) {
    if (!Number.isInteger(level) || level < 1 || level > 5) throw new Error(`keypad level ${level} is not 1…5`);
    map.set(name, level);
  }
  return map;
}

/**
 * The usages held down in one report, or null for a report to ignore: too short, or an error
 * report (a keyboard fills every slot with ErrorRollOver 0x01 when too many keys are down; it says
 * nothing about which keys were pressed, so the previous state stands).
 */
export function usagesDown(report: Uint8Array): ReadonlySet<number> | null {
  // ⚠ A keyboard with numbered reports delivers 9 bytes (report ID first); strip it. Longer
  // reports are taken as padded boot reports.
  const body = report.length === BOOT_REPORT_LENGTH + 1 ? report.subarray(1) : report;
  if (body.length < BOOT_REPORT_LENGTH) return null;
  const down = new Set<number>();
  for (let i = FIRST_USAGE_BYTE; i < BOOT_REPORT_LENGTH; i += 1) {
    const usage = body[i] ?? 0;
    if (ERROR_USAGES.has(usage)) return null;
    if (usage !== 0) down.add(usage);
  }
  return down;
}

export function keyboardKeyName(usage: number): string {
  return keyNameFromUsage(usage) ?? `usage:0x${usage.toString(16).padStart(2, '0')}`;
}

export interface BootKeyboardDecoder {
  /** The keys newly pressed by this report (usually zero or one). */
  decode(report: Uint8Array): KeypadPress[];
  /** Forgets which keys are down (after a reconnect). */
  reset(): void;
}

/**
 * Boot reports describe which keys are down, not key events: a held key keeps appearing (and some
 * devices resend the same report at their idle rate), so only a usage that was not down in the
 * previous report is a press. Modifier-only changes are not presses.
 */
export function createBootKeyboardDecoder(levels: LevelByKeyName): BootKeyboardDecoder {
  let previous: ReadonlySet<number> = new Set();
  return {
    decode(report) {
      const down = usagesDown(report);
      if (down === null) return [];
      const presses: KeypadPress[] = [];
      for (const usage of down) {
        if (previous.has(usage)) continue;
        const key = keyboardKeyName(usage);
        presses.push({ level: levels.get(key) ?? null, key });
      }
      previous = down;
      return presses;
    },
    reset() {
      previous = new Set();
    },
  };
}
