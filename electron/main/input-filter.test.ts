import { describe, expect, it } from 'vitest';
import { shouldBlockInput, type KeyInput } from './input-filter';

type Mods = Partial<Pick<KeyInput, 'control' | 'meta' | 'alt' | 'shift'>>;

function press(key: string, code: string, mods: Mods = {}): KeyInput {
  return { key, code, control: false, meta: false, alt: false, shift: false, ...mods };
}

const ctrl = { control: true };
const cmd = { meta: true };
const ctrlShift = { control: true, shift: true };
const alt = { alt: true };

const blocked: Array<[string, KeyInput]> = [
  ['F5', press('F5', 'F5')],
  ['Ctrl+F5', press('F5', 'F5', ctrl)],
  ['F11', press('F11', 'F11')],
  ['F12', press('F12', 'F12')],
  ['Ctrl+R', press('r', 'KeyR', ctrl)],
  ['Cmd+R', press('r', 'KeyR', cmd)],
  ['Ctrl+Shift+R', press('R', 'KeyR', ctrlShift)],
  ['Ctrl+Shift+I', press('I', 'KeyI', ctrlShift)],
  ['Ctrl+Shift+J', press('J', 'KeyJ', ctrlShift)],
  ['Ctrl+Shift+C', press('C', 'KeyC', ctrlShift)],
  ['Cmd+Shift+I', press('I', 'KeyI', { meta: true, shift: true })],
  ['Ctrl+P', press('p', 'KeyP', ctrl)],
  ['Ctrl+S', press('s', 'KeyS', ctrl)],
  ['Ctrl+O', press('o', 'KeyO', ctrl)],
  ['Ctrl+U', press('u', 'KeyU', ctrl)],
  ['Ctrl+N', press('n', 'KeyN', ctrl)],
  ['Ctrl+W', press('w', 'KeyW', ctrl)],
  ['Ctrl+Shift+N', press('N', 'KeyN', ctrlShift)],
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
  ['BrowserBack key', press('BrowserBack', 'BrowserBack')],
  ['BrowserRefresh key', press('BrowserRefresh', 'BrowserRefresh')],
  // Any function key: F1 is help and F3 find in Chromium, and a wedge keypad may send them.
  ['F1', press('F1', 'F1')],
  ['F4 without Alt', press('F4', 'F4')],
  // A Chinese IME reports key "Process"; the physical code still gives the shortcut away.
  ['Ctrl+R under an IME', press('Process', 'KeyR', ctrl)],
];

const allowed: Array<[string, KeyInput]> = [
  ['a letter', press('r', 'KeyR')],
  ['Shift+R (a capital R)', press('R', 'KeyR', { shift: true })],
  ['a digit', press('0', 'Digit0')],
  ['minus', press('-', 'Minus')],
  ['Enter', press('Enter', 'Enter')],
  ['Backspace', press('Backspace', 'Backspace')],
  ['Tab', press('Tab', 'Tab')],
  ['an arrow', press('ArrowLeft', 'ArrowLeft')],
  ['Ctrl+C (copy)', press('c', 'KeyC', ctrl)],
  ['Ctrl+V (paste)', press('v', 'KeyV', ctrl)],
  ['Ctrl+A (select all)', press('a', 'KeyA', ctrl)],
  ['Ctrl+Z (undo)', press('z', 'KeyZ', ctrl)],
  ['Ctrl+Shift+V', press('V', 'KeyV', ctrlShift)],
  ['Alt alone', press('Alt', 'AltLeft', alt)],
  ['a Chinese character from the IME', press('中', '')],
];

describe('shouldBlockInput', () => {
  it.each(blocked)('blocks %s outside dev mode', (_name, input) => {
    expect(shouldBlockInput(input, false)).toBe(true);
  });

  it.each(allowed)('lets %s through', (_name, input) => {
    expect(shouldBlockInput(input, false)).toBe(false);
  });

  it.each(blocked)('lets %s through in dev mode', (_name, input) => {
    expect(shouldBlockInput(input, true)).toBe(false);
  });
});
