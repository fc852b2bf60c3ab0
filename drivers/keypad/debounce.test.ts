import { describe, expect, it } from 'vitest';
import { createDebouncer } from './debounce';

describe('createDebouncer', () => {
  it('takes presses of one key closer than the window as one press', () => {
    let now = 1_000;
    const debounce = createDebouncer(150, () => now);
    expect(debounce.accept('report:0x01')).toBe(true);
    now += 20;
    expect(debounce.accept('report:0x01')).toBe(false);
    now += 149;
    expect(debounce.accept('report:0x01')).toBe(false);
    now += 150;
    expect(debounce.accept('report:0x01')).toBe(true);
  });

  it('keeps keys apart and forgets everything on reset', () => {
    let now = 0;
    const debounce = createDebouncer(150, () => now);
    expect(debounce.accept('1')).toBe(true);
    expect(debounce.accept('2')).toBe(true);
    now += 10;
    debounce.reset();
    expect(debounce.accept('1')).toBe(true);
  });
});
