/**
 * Key names as the wedge configuration spells them (kiosk-config/schema.ts WedgeKeypad):
 * "0"…"9", "KP0"…"KP9", "F1"…"F12", "A"…"Z", "Enter". One vocabulary for both routes a wedge's
 * keystrokes can take: raw boot reports over hidraw (Linux) and ordinary key events in the
 * renderer (Windows/macOS own keyboards and node-hid cannot open them, docs/devices/keypad.md §3).
 */
export type KeyName = string;

// Keyboard page (0x07) usages, docs/devices/keypad.md §3.
const USAGE_A = 0x04;
const USAGE_Z = 0x1d;
const USAGE_1 = 0x1e;
const USAGE_9 = 0x26;
const USAGE_0 = 0x27;
const USAGE_ENTER = 0x28;
const USAGE_F1 = 0x3a;
const USAGE_F12 = 0x45;
/** Keypad ENTER (USB HID Usage Tables, keyboard page): a keypad's confirm key, named like Enter. */
const USAGE_KP_ENTER = 0x58;
const USAGE_KP1 = 0x59;
const USAGE_KP9 = 0x61;
const USAGE_KP0 = 0x62;

/** The key name of a keyboard-page usage, or null for a usage outside our vocabulary (Esc, Shift …). */
export function keyNameFromUsage(usage: number): KeyName | null {
  if (usage >= USAGE_A && usage <= USAGE_Z) return String.fromCharCode(0x41 + usage - USAGE_A);
  if (usage >= USAGE_1 && usage <= USAGE_9) return String(usage - USAGE_1 + 1);
  if (usage === USAGE_0) return '0';
  if (usage === USAGE_ENTER || usage === USAGE_KP_ENTER) return 'Enter';
  if (usage >= USAGE_F1 && usage <= USAGE_F12) return `F${usage - USAGE_F1 + 1}`;
  if (usage >= USAGE_KP1 && usage <= USAGE_KP9) return `KP${usage - USAGE_KP1 + 1}`;
  if (usage === USAGE_KP0) return 'KP0';
  return null;
}

/** The inverse of `keyNameFromUsage` (Enter → the main Enter usage); for the emulator. */
export function usageFromKeyName(name: KeyName): number | null {
  if (/^[A-Z]$/.test(name)) return USAGE_A + name.charCodeAt(0) - 0x41;
  if (/^[1-9]$/.test(name)) return USAGE_1 + Number(name) - 1;
  if (name === '0') return USAGE_0;
  if (name === 'Enter') return USAGE_ENTER;
  const f = /^F([1-9]|1[0-2])$/.exec(name);
  if (f) return USAGE_F1 + Number(f[1]) - 1;
  if (/^KP[1-9]$/.test(name)) return USAGE_KP1 + Number(name.slice(2)) - 1;
  if (name === 'KP0') return USAGE_KP0;
  return null;
}

/**
 * `KeyboardEvent.code` (layout-independent, W3C UI Events code values) → key name, so the
 * renderer maps a wedge's key events with the same configuration: 'Digit1' → '1',
 * 'Numpad1' → 'KP1', 'F1' → 'F1', 'KeyA' → 'A', 'Enter'/'NumpadEnter' → 'Enter'.
 */
export function keyNameFromKeyboardEventCode(code: string): KeyName | null {
  const digit = /^Digit([0-9])$/.exec(code);
  if (digit) return digit[1] ?? null;
  const numpad = /^Numpad([0-9])$/.exec(code);
  if (numpad) return `KP${numpad[1]}`;
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1] ?? null;
  if (/^F([1-9]|1[0-2])$/.test(code)) return code;
  if (code === 'Enter' || code === 'NumpadEnter') return 'Enter';
  return null;
}
