import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, type KeyPress } from './kiosk-shortcuts';

type Mods = Partial<Pick<KeyPress, 'control' | 'meta' | 'alt' | 'shift'>>;

function press(key: string, code: string, mods: Mods = {}): KeyPress {
  return { key, code, control: false, meta: false, alt: false, shift: false, ...mods };
}

const ctrl = { control: true };
const cmd = { meta: true };
const ctrlShift = { control: true, shift: true };
const alt = { alt: true };

const blocked: Array<[string, KeyPress]> = [
  ['F5', press('F5', 'F5')],
  ['Ctrl+F5', press('F5', 'F5', ctrl)],
  ['F11', press('F11', 'F11')],
  ['F12', press('F12', 'F12')],
  ['F1 (help)', press('F1', 'F1')],
  ['F3 (find next)', press('F3', 'F3')],
  ['F4', press('F4', 'F4')],
  ['F6 (address bar)', press('F6', 'F6')],
  ['F7 (caret browsing)', press('F7', 'F7')],
  ['F10 (menu)', press('F10', 'F10')],
  ['F24', press('F24', 'F24')],
  ['Ctrl+R', press('r', 'KeyR', ctrl)],
  ['Cmd+R', press('r', 'KeyR', cmd)],
  ['Ctrl+Shift+R', press('R', 'KeyR', ctrlShift)],
  ['Ctrl+Shift+I', press('I', 'KeyI', ctrlShift)],
  ['Ctrl+Shift+J', press('J', 'KeyJ', ctrlShift)],
  ['Ctrl+Shift+C (element picker)', press('C', 'KeyC', ctrlShift)],
  ['Cmd+Shift+I', press('I', 'KeyI', { meta: true, shift: true })],
  ['Ctrl+P', press('p', 'KeyP', ctrl)],
  ['Ctrl+S', press('s', 'KeyS', ctrl)],
  ['Ctrl+O', press('o', 'KeyO', ctrl)],
  ['Ctrl+U', press('u', 'KeyU', ctrl)],
  ['Ctrl+N', press('n', 'KeyN', ctrl)],
  ['Ctrl+W', press('w', 'KeyW', ctrl)],
  ['Ctrl+T', press('t', 'KeyT', ctrl)],
  ['Ctrl+L', press('l', 'KeyL', ctrl)],
  ['Ctrl+H (history)', press('h', 'KeyH', ctrl)],
  ['Ctrl+J (downloads)', press('j', 'KeyJ', ctrl)],
  ['Ctrl+D (bookmark)', press('d', 'KeyD', ctrl)],
  ['Ctrl+F (find)', press('f', 'KeyF', ctrl)],
  ['Ctrl+Q', press('q', 'KeyQ', ctrl)],
  ['Ctrl+Shift+Q (quit)', press('Q', 'KeyQ', ctrlShift)],
  ['Ctrl+Shift+W (close window)', press('W', 'KeyW', ctrlShift)],
  ['Ctrl+Shift+T (reopen tab)', press('T', 'KeyT', ctrlShift)],
  ['Ctrl+Shift+N', press('N', 'KeyN', ctrlShift)],
  ['Ctrl+Shift+Y', press('Y', 'KeyY', ctrlShift)],
  ['Ctrl+Shift+Delete (clear data)', press('Delete', 'Delete', ctrlShift)],
  ['Ctrl+Tab', press('Tab', 'Tab', ctrl)],
  ['Ctrl+1 (tab switch)', press('1', 'Digit1', ctrl)],
  ['Ctrl+PageDown', press('PageDown', 'PageDown', ctrl)],
  ['Ctrl+Enter', press('Enter', 'Enter', ctrl)],
  ['Ctrl+plus (Shift+=)', press('+', 'Equal', ctrlShift)],
  ['Ctrl+=', press('=', 'Equal', ctrl)],
  ['Ctrl+minus', press('-', 'Minus', ctrl)],
  ['Ctrl+0', press('0', 'Digit0', ctrl)],
  ['Ctrl+numpad plus', press('+', 'NumpadAdd', ctrl)],
  ['Ctrl+numpad minus', press('-', 'NumpadSubtract', ctrl)],
  ['Ctrl+numpad 0', press('0', 'Numpad0', ctrl)],
  ['Alt+F4', press('F4', 'F4', alt)],
  ['Alt+Left', press('ArrowLeft', 'ArrowLeft', alt)],
  ['Alt+Right', press('ArrowRight', 'ArrowRight', alt)],
  ['Alt+Home', press('Home', 'Home', alt)],
  ['Alt+D (address bar)', press('d', 'KeyD', alt)],
  ['Alt+F (menu)', press('f', 'KeyF', alt)],
  ['Shift+Esc (task manager)', press('Escape', 'Escape', { shift: true })],
  ['BrowserBack key', press('BrowserBack', 'BrowserBack')],
  ['BrowserRefresh key', press('BrowserRefresh', 'BrowserRefresh')],
  ['BrowserHome key', press('BrowserHome', 'BrowserHome')],
  ['LaunchApp2 key', press('LaunchApp2', 'LaunchApp2')],
  ['context-menu key', press('ContextMenu', 'ContextMenu')],
  // A Chinese IME reports key "Process"; the physical code still gives the shortcut away.
  ['Ctrl+R under an IME', press('Process', 'KeyR', ctrl)],
  // Another layout: the physical C key typing "j" is Ctrl+J to Chromium, whatever the code says.
  ['Ctrl+J typed on the physical C key', press('j', 'KeyC', ctrl)],
];

const allowed: Array<[string, KeyPress]> = [
  ['a letter', press('r', 'KeyR')],
  ['Shift+R (a capital R)', press('R', 'KeyR', { shift: true })],
  ['a digit', press('0', 'Digit0')],
  ['minus', press('-', 'Minus')],
  ['Enter', press('Enter', 'Enter')],
  ['Escape', press('Escape', 'Escape')],
  ['Backspace', press('Backspace', 'Backspace')],
  ['Tab', press('Tab', 'Tab')],
  ['Shift+Tab', press('Tab', 'Tab', { shift: true })],
  ['an arrow', press('ArrowLeft', 'ArrowLeft')],
  ['Ctrl+C (copy)', press('c', 'KeyC', ctrl)],
  ['Ctrl+V (paste)', press('v', 'KeyV', ctrl)],
  ['Ctrl+X (cut)', press('x', 'KeyX', ctrl)],
  ['Ctrl+A (select all)', press('a', 'KeyA', ctrl)],
  ['Ctrl+Z (undo)', press('z', 'KeyZ', ctrl)],
  ['Ctrl+Y (redo)', press('y', 'KeyY', ctrl)],
  ['Ctrl+Shift+Z (redo)', press('Z', 'KeyZ', ctrlShift)],
  ['Ctrl+Shift+V (paste as text)', press('V', 'KeyV', ctrlShift)],
  ['Cmd+C', press('c', 'KeyC', cmd)],
  ['Ctrl+Left (word left)', press('ArrowLeft', 'ArrowLeft', ctrl)],
  ['Ctrl+Backspace (delete word)', press('Backspace', 'Backspace', ctrl)],
  ['Ctrl+Shift+End (select to end)', press('End', 'End', ctrlShift)],
  ['Control alone', press('Control', 'ControlLeft', ctrl)],
  ['Alt alone', press('Alt', 'AltLeft', alt)],
  ['Shift alone', press('Shift', 'ShiftRight', { shift: true })],
  ['a Chinese character from the IME', press('中', '')],
];

describe('isBlockedShortcut', () => {
  it.each(blocked)('blocks %s outside dev mode', (_name, input) => {
    expect(isBlockedShortcut(input, false)).toBe(true);
  });

  it.each(allowed)('lets %s through', (_name, input) => {
    expect(isBlockedShortcut(input, false)).toBe(false);
  });

  it.each(blocked)('lets %s through in dev mode', (_name, input) => {
    expect(isBlockedShortcut(input, true)).toBe(false);
  });
});
