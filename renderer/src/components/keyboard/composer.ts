import type { Candidate } from './pinyin-match';
import { SEPARATOR } from './pinyin-match';

/**
 * What the pinyin keyboard holds between key presses: the letters not yet turned into hanzi, the
 * page of candidates shown, and whether letters are typed as pinyin or as English letters. The
 * field's text itself belongs to the form (TextEntry's value); transitions return both.
 */
export interface Composition {
  readonly mode: 'pinyin' | 'english';
  readonly buffer: string;
  readonly page: number;
  readonly upperCase: boolean;
}

export interface Edit {
  readonly composition: Composition;
  readonly value: string;
}

export const EMPTY_COMPOSITION: Composition = { mode: 'pinyin', buffer: '', page: 0, upperCase: false };

/** Long enough for a four-syllable name in full pinyin; more is a stuck key. */
export const MAX_BUFFER = 32;

/** Appends as much of `text` as the field allows (maxLength counts UTF-16 units, as <input> does). */
export function appendWithin(value: string, text: string, maxLength: number | undefined): string {
  if (maxLength === undefined) return value + text;
  let next = value;
  for (const c of text) {
    if (next.length + c.length > maxLength) break;
    next += c;
  }
  return next;
}

export const isFull = (value: string, maxLength: number | undefined): boolean =>
  maxLength !== undefined && value.length >= maxLength;

export function typeLetter(edit: Edit, letter: string, maxLength: number | undefined): Edit {
  const { composition, value } = edit;
  if (composition.mode === 'english') {
    const typed = composition.upperCase ? letter.toUpperCase() : letter;
    return { composition, value: appendWithin(value, typed, maxLength) };
  }
  if (composition.buffer.length >= MAX_BUFFER || isFull(value, maxLength)) return edit;
  if (letter === SEPARATOR && (composition.buffer === '' || composition.buffer.endsWith(SEPARATOR))) return edit;
  return { composition: { ...composition, buffer: composition.buffer + letter, page: 0 }, value };
}

/** Picking a candidate adds its text and keeps the rest of the buffer for the next pick. */
export function pick(edit: Edit, candidate: Candidate, maxLength: number | undefined): Edit {
  const rest = edit.composition.buffer.slice(candidate.consumed).replace(/^'+/, '');
  return {
    composition: { ...edit.composition, buffer: rest, page: 0 },
    value: appendWithin(edit.value, candidate.text, maxLength),
  };
}

/**
 * Ends the composition before something else is typed: the first candidate, again for what is
 * left ("zhangsan" → 张 then 三), and the raw letters when nothing matches (so nothing is lost).
 */
export function settle(
  edit: Edit,
  candidatesOf: (buffer: string) => readonly Candidate[],
  maxLength: number | undefined,
): Edit {
  let current = edit;
  // Each pick shortens the buffer, so this ends; the bound keeps a bug from looping forever.
  for (let step = 0; current.composition.buffer !== '' && step < MAX_BUFFER; step += 1) {
    const first = candidatesOf(current.composition.buffer)[0];
    if (first === undefined) return commitRaw(current, maxLength);
    current = pick(current, first, maxLength);
  }
  return current;
}

/** The buffer's letters as they are (switching to English keeps what was typed). */
export function commitRaw(edit: Edit, maxLength: number | undefined): Edit {
  const letters = edit.composition.buffer.replaceAll(SEPARATOR, '');
  return {
    composition: { ...edit.composition, buffer: '', page: 0 },
    value: appendWithin(edit.value, letters, maxLength),
  };
}

/** Backspace edits the pinyin first, then the text. */
export function backspace(edit: Edit): Edit {
  const { composition, value } = edit;
  if (composition.buffer !== '') {
    return { composition: { ...composition, buffer: composition.buffer.slice(0, -1), page: 0 }, value };
  }
  return { composition, value: Array.from(value).slice(0, -1).join('') };
}

export function clearAll(edit: Edit): Edit {
  return { composition: { ...edit.composition, buffer: '', page: 0 }, value: '' };
}
