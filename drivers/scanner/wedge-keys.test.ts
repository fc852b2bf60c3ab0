import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScanOutcome } from './scan';
import { wedgeText } from './testing/arbitraries';
import { characterOfKey, createWedgeAssembler, keyOfCharacter, wedgeReportsOf, type WedgeFraming } from './wedge-keys';

const FRAMING: WedgeFraming = { terminator: 'Enter', maxCharacters: 2048, interCharacterTimeoutMs: 100 };
const press = (usage: number, modifiers = 0) => Uint8Array.of(modifiers, 0, usage, 0, 0, 0, 0, 0);
const RELEASE = new Uint8Array(8);
const texts = (outcomes: readonly ScanOutcome[]) =>
  outcomes.map((o) => (o.kind === 'scan' ? o.scan.text : `rejected:${o.reason}`));

describe('keyboard-wedge scanner keys (US layout)', () => {
  it('types letters, digits and symbols with and without Shift', () => {
    expect(characterOfKey(0x04, false)).toBe('a');
    expect(characterOfKey(0x04, true)).toBe('A');
    expect(characterOfKey(0x27, false)).toBe('0');
    expect(characterOfKey(0x33, true)).toBe(':');
    expect(characterOfKey(0x38, false)).toBe('/');
    expect(characterOfKey(0x38, true)).toBe('?');
    expect(characterOfKey(0x62, true)).toBe('0');
    expect(characterOfKey(0x3a, false)).toBeNull(); // F1
    expect(keyOfCharacter(':')).toEqual({ usage: 0x33, shift: true });
    expect(keyOfCharacter('中')).toBeNull();
  });

  it('assembles a read from presses and releases, ended by Enter; Right Shift counts too', () => {
    const assembler = createWedgeAssembler(FRAMING);
    const reports = [press(0x04, 0x20), RELEASE, press(0x2d), RELEASE, press(0x1e), RELEASE, press(0x1e), RELEASE];
    expect(reports.flatMap((r, i) => assembler.push(r, i))).toEqual([]);
    expect(texts(assembler.push(press(0x28), 10))).toEqual(['A-11']);
  });

  it('counts a key held over several reports once, and a second key pressed while one is held', () => {
    const assembler = createWedgeAssembler(FRAMING);
    assembler.push(press(0x05), 0);
    assembler.push(press(0x05), 1);
    assembler.push(Uint8Array.of(0, 0, 0x05, 0x06, 0, 0, 0, 0), 2);
    expect(texts(assembler.push(press(0x58), 3))).toEqual(['bc']);
  });

  it('refuses a read with a key that types nothing, ends a read on a gap, refuses one too long', () => {
    const assembler = createWedgeAssembler({ ...FRAMING, maxCharacters: 4 });
    assembler.push(press(0x04), 0);
    assembler.push(press(0x3a), 1);
    expect(texts(assembler.push(press(0x28), 2))).toEqual(['rejected:unknownKey']);
    assembler.push(press(0x05), 10);
    expect(texts(assembler.flush(110))).toEqual(['b']);
    const long = wedgeReportsOf('abcdefgh') ?? [];
    expect(texts(long.flatMap((r, i) => assembler.push(r, 200 + i)))).toEqual(['rejected:tooLong']);
    expect(texts((wedgeReportsOf('ok') ?? []).flatMap((r, i) => assembler.push(r, 300 + i)))).toEqual(['ok']);
  });

  it('ends a read at Tab when set to, and keeps Tab inside a read otherwise', () => {
    const tab = createWedgeAssembler({ ...FRAMING, terminator: 'Tab' });
    expect(texts((wedgeReportsOf('AQ-1', 'Tab') ?? []).flatMap((r, i) => tab.push(r, i)))).toEqual(['AQ-1']);
    const enter = createWedgeAssembler(FRAMING);
    expect(texts((wedgeReportsOf('a\tb') ?? []).flatMap((r, i) => enter.push(r, i)))).toEqual(['a\tb']);
  });

  it('types any ASCII read back as the same read (property)', () => {
    fc.assert(
      fc.property(fc.array(wedgeText(), { minLength: 1, maxLength: 5 }), (reads) => {
        const assembler = createWedgeAssembler(FRAMING);
        const reports = reads.flatMap((text) => wedgeReportsOf(text) ?? []);
        expect(texts(reports.flatMap((r, i) => assembler.push(r, i)))).toEqual(reads);
      }),
    );
  });

  it('never throws on random reports and reads the next whole read after Enter (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 10 }), { maxLength: 30 }), wedgeText(30), (noise, good) => {
        const assembler = createWedgeAssembler(FRAMING);
        noise.forEach((r, i) => assembler.push(r, i));
        const at = noise.length;
        assembler.push(RELEASE, at);
        assembler.push(press(0x28), at);
        assembler.push(RELEASE, at);
        const reports = wedgeReportsOf(good) ?? [];
        expect(texts(reports.flatMap((r) => assembler.push(r, at + 1)))).toEqual([good]);
      }),
    );
  });
});
