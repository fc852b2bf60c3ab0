import type { KeypadPress } from '../../core/api/devices';
import { newlyPressed, readBootReport } from '../common/boot-keyboard-report';
import { keyNameFromUsage } from './key-names';

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

/** The usages held down in one boot report, or null for a report to ignore (see readBootReport). */
export function usagesDown(report: Uint8Array): ReadonlySet<number> | null {
  const read = readBootReport(report);
  return read === null ? null : new Set(read.usages);
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

/** Only a newly pressed key is a press (see newlyPressed); modifier-only changes are not presses. */
export function createBootKeyboardDecoder(levels: LevelByKeyName): BootKeyboardDecoder {
  let previous: readonly number[] = [];
  return {
    decode(report) {
      const read = readBootReport(report);
      if (read === null) return [];
      const presses = newlyPressed(previous, read).map((usage): KeypadPress => {
        const key = keyboardKeyName(usage);
        return { level: levels.get(key) ?? null, key };
      });
      previous = read.usages;
      return presses;
    },
    reset() {
      previous = [];
    },
  };
}
