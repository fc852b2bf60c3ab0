import { describe, expect, it } from 'vitest';
import { shouldBlockInput, type KeyInput } from './input-filter';

/**
 * The rules themselves (every shortcut, IMEs, dev mode) are tested once, where they live:
 * core/api/kiosk-shortcuts.test.ts. Here: that Electron's `before-input-event` fields reach them
 * as they are, so the Electron host blocks exactly what the browser host's page blocks.
 */
const input = (key: string, code: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('shouldBlockInput', () => {
  it('blocks a reload, DevTools and a new window outside dev mode, by the physical key under an IME too', () => {
    expect(shouldBlockInput(input('F5', 'F5'), false)).toBe(true);
    expect(shouldBlockInput(input('I', 'KeyI', { control: true, shift: true }), false)).toBe(true);
    expect(shouldBlockInput(input('n', 'KeyN', { control: true }), false)).toBe(true);
    expect(shouldBlockInput(input('Process', 'KeyR', { control: true }), false)).toBe(true);
  });

  it('lets typing and editing through', () => {
    expect(shouldBlockInput(input('r', 'KeyR'), false)).toBe(false);
    expect(shouldBlockInput(input('v', 'KeyV', { control: true }), false)).toBe(false);
    expect(shouldBlockInput(input('中', ''), false)).toBe(false);
  });

  it('blocks nothing in dev mode', () => {
    expect(shouldBlockInput(input('F5', 'F5'), true)).toBe(false);
    expect(shouldBlockInput(input('I', 'KeyI', { control: true, shift: true }), true)).toBe(false);
  });
});
