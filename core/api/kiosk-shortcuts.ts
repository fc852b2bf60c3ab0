/**
 * The keys a resident's keyboard must never use to reach the browser: the one list both hosts
 * apply, the Electron shell in `before-input-event` (electron/main/input-filter.ts) and the page
 * itself under the browser host (renderer/src/host/page-guard.ts), where Debian Chromium's own
 * accelerators are live. Environment-free, so both may import it.
 *
 * Chromium has far more accelerators than the Electron shell (history, downloads, bookmarks, find,
 * tab switching, the task manager, caret browsing, the app menu...) and a new release can add
 * more, so the rules are written as what may pass rather than as a list of what to stop:
 * - Ctrl/Cmd only with the text-editing keys (copy, cut, paste, select all, undo, redo, and word
 *   movement); every other Ctrl/Cmd combination is a browser command (reload, print, save, open,
 *   view source, new window or tab, close, address bar, zoom, DevTools...).
 * - Alt with nothing: Alt+Left/Right are history, Alt+F4 closes, Alt+Home goes home, Alt+D / Alt+E
 *   / Alt+F reach the address bar and the menu.
 * - No function key at all: F5 reload, F11 fullscreen, F12 DevTools, F1 help, F3 find, F6 address
 *   bar, F7 caret browsing, F10 menu. A keyboard-wedge evaluation keypad may send them too.
 * - No browser or launch keys (some keyboards and touch-screen bezels have them), no context-menu
 *   key, and no Shift+Esc (Chromium's task manager).
 * A hidden or null menu is not enough on its own (electron#3201, #15373), and a reload wipes the
 * resident's session, hence a filter in front of the browser.
 */

/** The fields of a key press we decide on (Electron's `Input`, or a DOM KeyboardEvent mapped). */
export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
}

/** Ctrl/Cmd + letter that edits text: select all, copy, paste, cut, undo, redo. */
const EDITING_LETTERS = new Set(['a', 'c', 'v', 'x', 'z', 'y']);
/** With Shift as well only redo (Ctrl+Shift+Z) and paste as plain text (Ctrl+Shift+V): Ctrl+Shift+C is the element picker. */
const EDITING_LETTERS_WITH_SHIFT = new Set(['z', 'v']);
/** Ctrl/Cmd + these move or delete by word, or to the start or end, inside a text field. */
const EDITING_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Backspace', 'Delete', 'Home', 'End']);
/** A modifier pressed on its own is the start of a combination, not a command. */
const MODIFIER_KEYS = new Set(['Control', 'Meta', 'Alt', 'Shift', 'AltGraph', 'CapsLock', 'OS']);
const MODIFIER_CODES = /^(Control|Meta|Alt|Shift|OS)(Left|Right)$/;
/** Dedicated browser and launcher keys, and the context-menu key. */
const BROWSER_KEYS = new Set([
  'BrowserBack',
  'BrowserForward',
  'BrowserRefresh',
  'BrowserHome',
  'BrowserSearch',
  'BrowserFavorites',
  'BrowserStop',
  'LaunchMail',
  'LaunchApp1',
  'LaunchApp2',
  'LaunchWebBrowser',
  'ContextMenu',
]);
const FUNCTION_KEY = /^F([1-9]|1[0-9]|2[0-4])$/;

/**
 * Whether a key press must never reach the page's browser. Letters are matched by physical `code`
 * and by `key`, and a combination passes only when every reading of it is an editing key, so a
 * Chinese IME (key "Process") or another keyboard layout cannot slip a command through. In a
 * development build nothing is blocked (DevTools, reload).
 */
export function isBlockedShortcut(press: KeyPress, devMode: boolean): boolean {
  if (devMode) return false;
  if (isModifierOnly(press)) return false;
  if (FUNCTION_KEY.test(press.key) || FUNCTION_KEY.test(press.code)) return true;
  if (BROWSER_KEYS.has(press.key) || BROWSER_KEYS.has(press.code)) return true;
  if (press.alt) return true;
  if (press.shift && (press.key === 'Escape' || press.code === 'Escape')) return true;
  if (press.control || press.meta) return !isTextEditing(press);
  return false;
}

function isModifierOnly(press: KeyPress): boolean {
  return (
    MODIFIER_KEYS.has(press.key) && (press.code === '' || MODIFIER_CODES.test(press.code) || press.code === 'CapsLock')
  );
}

function isTextEditing(press: KeyPress): boolean {
  // Ctrl+Shift+Delete is not "delete the word and select": it opens Chromium's Clear browsing data.
  const isClearData = press.shift && (press.key === 'Delete' || press.code === 'Delete');
  if (!isClearData && EDITING_KEYS.has(press.key) && (press.code === '' || EDITING_KEYS.has(press.code))) return true;
  const letters = lettersOf(press);
  if (letters.length === 0) return false;
  const allowed = press.shift ? EDITING_LETTERS_WITH_SHIFT : EDITING_LETTERS;
  return letters.every((letter) => allowed.has(letter));
}

/** The letter the physical key stands for (`KeyR` → r) and the letter it typed, when either is one. */
function lettersOf(press: KeyPress): string[] {
  const letters: string[] = [];
  const fromCode = /^Key([A-Z])$/.exec(press.code)?.[1];
  if (fromCode) letters.push(fromCode.toLowerCase());
  if (press.key.length === 1) letters.push(press.key.toLowerCase());
  return letters;
}
