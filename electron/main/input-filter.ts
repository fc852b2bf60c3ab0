import type { Input } from 'electron';

/** The fields of a `before-input-event` we decide on. */
export type KeyInput = Pick<Input, 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

/** Reload, fullscreen toggle, DevTools: blocked with any modifier. */
const FUNCTION_KEYS = new Set(['F5', 'F11', 'F12']);
/** Dedicated navigation keys on some keyboards and touch-screen bezels. */
const BROWSER_KEYS = new Set(['BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome']);
/** Ctrl/Cmd + letter: reload, print, save, open, view source, new window, close. */
const CTRL_LETTERS = new Set(['r', 'p', 's', 'o', 'u', 'n', 'w']);
/** Ctrl/Cmd + Shift + letter: DevTools, console, element picker. */
const CTRL_SHIFT_LETTERS = new Set(['i', 'j', 'c']);
/** Ctrl/Cmd + plus / minus / 0: page zoom. */
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);

/**
 * Whether a key press must never reach the page or Chromium's own accelerators
 * (reliability.md §1.4 "DevTools shortcuts" and "Reload / zoom / pinch"): a hidden or null menu is
 * not enough on its own (electron#3201, #15373), and a reload wipes the resident's session.
 *
 * Letters are matched by physical `code` and by `key`, so a Chinese IME (key "Process") or another
 * layout cannot slip a shortcut through. In devMode nothing is blocked.
 */
export function shouldBlockInput(input: KeyInput, devMode: boolean): boolean {
  if (devMode) return false;
  if (FUNCTION_KEYS.has(input.key) || FUNCTION_KEYS.has(input.code)) return true;
  if (BROWSER_KEYS.has(input.key) || BROWSER_KEYS.has(input.code)) return true;

  // Alt+F4 closes the window; Alt+Left/Right are history back/forward.
  if (input.alt && (input.key === 'F4' || input.code === 'F4')) return true;
  if (input.alt && ['ArrowLeft', 'ArrowRight'].some((arrow) => input.key === arrow || input.code === arrow)) {
    return true;
  }

  if (!(input.control || input.meta)) return false;
  const letters = lettersOf(input);
  if (letters.some((letter) => CTRL_LETTERS.has(letter))) return true;
  if (input.shift && letters.some((letter) => CTRL_SHIFT_LETTERS.has(letter))) return true;
  return ZOOM_CODES.has(input.code) || ZOOM_KEYS.has(input.key);
}

function lettersOf(input: KeyInput): string[] {
  const letters: string[] = [];
  const fromCode = /^Key([A-Z])$/.exec(input.code)?.[1];
  if (fromCode) letters.push(fromCode.toLowerCase());
  if (input.key.length === 1) letters.push(input.key.toLowerCase());
  return letters;
}
