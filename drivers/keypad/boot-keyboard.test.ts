import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBootKeyboardDecoder, keyboardKeyName, parseLevelByKeyName, usagesDown } from './boot-keyboard';
import { usageFromKeyName } from './key-names';

const report = (...usages: number[]) => Uint8Array.of(0, 0, ...usages, ...new Array<number>(6 - usages.length).fill(0));
const LEVELS = parseLevelByKeyName({ '5': 5, '4': 4, '3': 3, '2': 2, '1': 1, KP1: 1, F3: 3, A: 2, Enter: 5 });

describe('boot keyboard decoding (docs/devices/keypad.md §3)', () => {
  it('turns a newly pressed key into a press with its level', () => {
    const decoder = createBootKeyboardDecoder(LEVELS);
    expect(decoder.decode(report(0x22))).toEqual([{ level: 5, key: '5' }]);
    expect(decoder.decode(report())).toEqual([]);
    expect(decoder.decode(report(0x59))).toEqual([{ level: 1, key: 'KP1' }]);
    expect(decoder.decode(report())).toEqual([]);
    expect(decoder.decode(report(0x3c))).toEqual([{ level: 3, key: 'F3' }]);
  });

  it('counts a held key once however often its report repeats', () => {
    const decoder = createBootKeyboardDecoder(LEVELS);
    const presses = [report(0x21), report(0x21), report(0x21), report(0x21), report()].flatMap((r) =>
      decoder.decode(r),
    );
    expect(presses).toEqual([{ level: 4, key: '4' }]);
  });

  it('counts only the new key when a second key goes down while one is held', () => {
    const decoder = createBootKeyboardDecoder(LEVELS);
    expect(decoder.decode(report(0x22))).toHaveLength(1);
    expect(decoder.decode(report(0x22, 0x1e))).toEqual([{ level: 1, key: '1' }]);
    expect(decoder.decode(report(0x1e))).toEqual([]);
  });

  it('ignores a rollover error report and keeps the keys that were down', () => {
    const decoder = createBootKeyboardDecoder(LEVELS);
    expect(decoder.decode(report(0x22))).toHaveLength(1);
    expect(decoder.decode(report(1, 1, 1, 1, 1, 1))).toEqual([]);
    expect(decoder.decode(report(0x22))).toEqual([]);
  });

  it('ignores modifier-only changes and names keys outside the map', () => {
    const decoder = createBootKeyboardDecoder(LEVELS);
    expect(decoder.decode(Uint8Array.of(0x02, 0, 0, 0, 0, 0, 0, 0))).toEqual([]);
    expect(decoder.decode(report(0x29))).toEqual([{ level: null, key: 'usage:0x29' }]);
    expect(decoder.decode(report(0x05))).toEqual([{ level: null, key: 'B' }]);
  });

  it('strips a leading report ID from a 9-byte report and ignores short reports', () => {
    const decoder = createBootKeyboardDecoder(LEVELS);
    expect(decoder.decode(Uint8Array.of(0x01, 0, 0, 0x28, 0, 0, 0, 0, 0))).toEqual([{ level: 5, key: 'Enter' }]);
    expect(usagesDown(Uint8Array.of(0, 0, 0x22))).toBeNull();
  });

  it('forgets held keys on reset', () => {
    const decoder = createBootKeyboardDecoder(LEVELS);
    decoder.decode(report(0x22));
    decoder.reset();
    expect(decoder.decode(report(0x22))).toHaveLength(1);
  });

  it('never throws on random reports and never reports a key twice without release (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 30 }), (reports) => {
        const decoder = createBootKeyboardDecoder(LEVELS);
        // Tracked per physical key (usage): Enter and keypad Enter share the name 'Enter', and going
        // from one to the other is a release and a new press, not a repeat.
        let down: ReadonlySet<number> = new Set<number>();
        for (const r of reports) {
          const presses = decoder.decode(r);
          const usages = usagesDown(r);
          for (const press of presses) {
            const newlyDown = [...(usages ?? [])].filter((u) => keyboardKeyName(u) === press.key && !down.has(u));
            expect(newlyDown.length, press.key).toBeGreaterThan(0);
          }
          if (usages) down = usages;
        }
      }),
      // Found by CI: Enter held, then keypad Enter instead (the same key name, another key).
      { examples: [[[Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 40]), Uint8Array.from([0, 0, 0, 0, 0, 88, 0, 0])]]] },
    );
  });

  it('maps every configured key name to its level (property)', () => {
    const names = ['0', '1', '9', 'KP0', 'KP5', 'F1', 'F12', 'A', 'Z', 'Enter'];
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...names), fc.integer({ min: 1, max: 5 }), { minKeys: 1 }),
        (config) => {
          const decoder = createBootKeyboardDecoder(parseLevelByKeyName(config));
          for (const [name, level] of Object.entries(config)) {
            const usage = usageFromKeyName(name);
            expect(usage).not.toBeNull();
            expect(decoder.decode(report(usage ?? 0))).toEqual([{ level, key: name }]);
            expect(decoder.decode(report())).toEqual([]);
          }
        },
      ),
    );
  });
});
