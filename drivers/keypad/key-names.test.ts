import { describe, expect, it } from 'vitest';
import { keyNameFromKeyboardEventCode, keyNameFromUsage, usageFromKeyName } from './key-names';

describe('keyNameFromUsage (docs/devices/keypad.md §3)', () => {
  it.each([
    [0x04, 'A'],
    [0x1d, 'Z'],
    [0x1e, '1'],
    [0x26, '9'],
    [0x27, '0'],
    [0x28, 'Enter'],
    [0x3a, 'F1'],
    [0x45, 'F12'],
    [0x59, 'KP1'],
    [0x61, 'KP9'],
    [0x62, 'KP0'],
  ])('usage 0x%s is %s', (usage, name) => {
    expect(keyNameFromUsage(usage)).toBe(name);
    expect(usageFromKeyName(name)).toBe(usage);
  });

  it('has no name for Esc, modifiers or error usages', () => {
    expect(keyNameFromUsage(0x29)).toBeNull();
    expect(keyNameFromUsage(0xe0)).toBeNull();
    expect(keyNameFromUsage(0x01)).toBeNull();
  });

  it('round-trips every usage it names', () => {
    for (let usage = 0; usage < 256; usage += 1) {
      const name = keyNameFromUsage(usage);
      if (name === null || usage === 0x58) continue; // keypad Enter shares the name Enter
      expect(usageFromKeyName(name)).toBe(usage);
    }
  });
});

describe('keyNameFromKeyboardEventCode', () => {
  it.each([
    ['Digit1', '1'],
    ['Digit0', '0'],
    ['Numpad1', 'KP1'],
    ['Numpad0', 'KP0'],
    ['F1', 'F1'],
    ['F12', 'F12'],
    ['KeyA', 'A'],
    ['KeyZ', 'Z'],
    ['Enter', 'Enter'],
    ['NumpadEnter', 'Enter'],
  ])('%s is %s', (code, name) => {
    expect(keyNameFromKeyboardEventCode(code)).toBe(name);
  });

  it.each(['Escape', 'F13', 'ShiftLeft', 'NumpadAdd', 'Key1', ''])('%s has no key name', (code) => {
    expect(keyNameFromKeyboardEventCode(code)).toBeNull();
  });

  it('gives the same name as the boot report usage of the same key', () => {
    const pairs: Array<[string, number]> = [
      ['Digit5', 0x22],
      ['Numpad5', 0x5d],
      ['F3', 0x3c],
      ['KeyQ', 0x14],
    ];
    for (const [code, usage] of pairs) expect(keyNameFromKeyboardEventCode(code)).toBe(keyNameFromUsage(usage));
  });
});
