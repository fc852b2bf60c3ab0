import { MODIFIER_SHIFT, newlyPressed, readBootReport } from '../common/boot-keyboard-report';
import type { ScanOutcome } from './scan';

/**
 * A scanner in keyboard-wedge mode types each read as key presses (boot keyboard reports, read
 * here over hidraw by VID/PID) and ends it with Enter (or Tab). Keys are Keyboard page (0x07)
 * usages of the HID Usage Tables, mapped as a US layout, which is what scanners assume unless set
 * to another country's: the characters of our own codes (https addresses, case numbers) are all
 * there. A wedge cannot type Chinese characters; codes with them need a serial or HID POS scanner.
 */

const LETTER_A = 0x04;
const LETTER_Z = 0x1d;
const DIGIT_0 = 0x27;
export const USAGE_ENTER = 0x28;
export const USAGE_TAB = 0x2b;
const USAGE_KEYPAD_ENTER = 0x58;
const KEYPAD_FIRST = 0x54;

/** Unshifted and shifted character of each printable key (US layout). */
const KEYS: ReadonlyMap<number, readonly [string, string]> = new Map([
  [0x1e, ['1', '!']],
  [0x1f, ['2', '@']],
  [0x20, ['3', '#']],
  [0x21, ['4', '$']],
  [0x22, ['5', '%']],
  [0x23, ['6', '^']],
  [0x24, ['7', '&']],
  [0x25, ['8', '*']],
  [0x26, ['9', '(']],
  [DIGIT_0, ['0', ')']],
  [0x2c, [' ', ' ']],
  [0x2d, ['-', '_']],
  [0x2e, ['=', '+']],
  [0x2f, ['[', '{']],
  [0x30, [']', '}']],
  [0x31, ['\\', '|']],
  [0x33, [';', ':']],
  [0x34, ["'", '"']],
  [0x35, ['`', '~']],
  [0x36, [',', '<']],
  [0x37, ['.', '>']],
  [0x38, ['/', '?']],
  // Keypad keys (with Num Lock on, as scanners that use them assume); Shift does not change them.
  [0x54, ['/', '/']],
  [0x55, ['*', '*']],
  [0x56, ['-', '-']],
  [0x57, ['+', '+']],
  [0x59, ['1', '1']],
  [0x5a, ['2', '2']],
  [0x5b, ['3', '3']],
  [0x5c, ['4', '4']],
  [0x5d, ['5', '5']],
  [0x5e, ['6', '6']],
  [0x5f, ['7', '7']],
  [0x60, ['8', '8']],
  [0x61, ['9', '9']],
  [0x62, ['0', '0']],
  [0x63, ['.', '.']],
]);

/** The character a key types, or null for a key that types none (Esc, F-keys, arrows …). */
export function characterOfKey(usage: number, shift: boolean): string | null {
  if (usage >= LETTER_A && usage <= LETTER_Z) {
    const letter = String.fromCharCode(0x61 + usage - LETTER_A);
    return shift ? letter.toUpperCase() : letter;
  }
  const pair = KEYS.get(usage);
  return pair ? pair[shift ? 1 : 0] : null;
}

/** The key (and Shift) that types a character on a US layout, for the emulator; null if none does. */
export function keyOfCharacter(character: string): { usage: number; shift: boolean } | null {
  if (/^[a-z]$/.test(character)) return { usage: LETTER_A + character.charCodeAt(0) - 0x61, shift: false };
  if (/^[A-Z]$/.test(character)) return { usage: LETTER_A + character.charCodeAt(0) - 0x41, shift: true };
  for (const [usage, [plain, shifted]] of KEYS) {
    // The main block only: the same characters on the keypad are not what a scanner types.
    if (usage >= KEYPAD_FIRST) break;
    if (plain === character) return { usage, shift: false };
    if (shifted === character) return { usage, shift: true };
  }
  return null;
}

export interface WedgeFraming {
  /** What ends a read besides a gap: Enter (the usual), Tab, or nothing. Enter always ends one. */
  readonly terminator: 'Enter' | 'Tab' | 'none';
  readonly maxCharacters: number;
  readonly interCharacterTimeoutMs: number;
}

export interface WedgeAssembler {
  push(report: Uint8Array, atMs: number): ScanOutcome[];
  flush(atMs: number): ScanOutcome[];
  nextDeadline(): number | null;
  reset(): void;
}

/**
 * Boot reports → reads. Only a newly pressed key types (drivers/common/boot-keyboard-report.ts);
 * a key that types nothing spoils the read it is in (refused as unknownKey); a read past the
 * maximum is refused and the rest of it dropped up to its end.
 */
export function createWedgeAssembler(framing: WedgeFraming): WedgeAssembler {
  let held: readonly number[] = [];
  let text = '';
  let spoiled = false;
  let discarding = false;
  let pending = false;
  let lastAt = 0;

  const end = (): ScanOutcome[] => {
    const outcome: ScanOutcome | null = discarding
      ? null
      : spoiled
        ? { kind: 'rejected', reason: 'unknownKey', byteCount: text.length }
        : text.length > 0
          ? { kind: 'scan', scan: { text, symbology: 'unknown' } }
          : null;
    text = '';
    spoiled = false;
    discarding = false;
    pending = false;
    return outcome ? [outcome] : [];
  };

  const flush = (atMs: number) => (pending && atMs - lastAt >= framing.interCharacterTimeoutMs ? end() : []);

  return {
    push(report, atMs) {
      const out = flush(atMs);
      const read = readBootReport(report);
      if (read === null) return out;
      const pressed = newlyPressed(held, read);
      held = read.usages;
      const shift = (read.modifiers & MODIFIER_SHIFT) !== 0;
      for (const usage of pressed) {
        lastAt = atMs;
        if (
          usage === USAGE_ENTER ||
          usage === USAGE_KEYPAD_ENTER ||
          (usage === USAGE_TAB && framing.terminator === 'Tab')
        ) {
          out.push(...end());
          continue;
        }
        pending = true;
        if (discarding) continue;
        const character = usage === USAGE_TAB ? '\t' : characterOfKey(usage, shift);
        if (character === null) {
          spoiled = true;
          continue;
        }
        text += character;
        if (text.length > framing.maxCharacters) {
          out.push({ kind: 'rejected', reason: 'tooLong', byteCount: text.length });
          text = '';
          spoiled = false;
          discarding = true;
        }
      }
      return out;
    },
    flush,
    nextDeadline: () => (pending ? lastAt + framing.interCharacterTimeoutMs : null),
    reset() {
      held = [];
      text = '';
      spoiled = false;
      discarding = false;
      pending = false;
    },
  };
}

/** The boot reports a wedge scanner sends to type `text` and end it (the emulator's side). */
export function wedgeReportsOf(text: string, terminator: 'Enter' | 'Tab' | 'none' = 'Enter'): Uint8Array[] | null {
  const release = new Uint8Array(8);
  const reports: Uint8Array[] = [];
  for (const character of text) {
    const key = character === '\t' ? { usage: USAGE_TAB, shift: false } : keyOfCharacter(character);
    if (!key) return null;
    reports.push(Uint8Array.of(key.shift ? 0x02 : 0, 0, key.usage, 0, 0, 0, 0, 0), release);
  }
  if (terminator !== 'none') {
    const usage = terminator === 'Enter' ? USAGE_ENTER : USAGE_TAB;
    reports.push(Uint8Array.of(0, 0, usage, 0, 0, 0, 0, 0), release);
  }
  return reports;
}
