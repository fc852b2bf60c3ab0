/**
 * How long one utterance may be: core's `SpeechText` accepts up to 400 characters. Sentences are
 * far shorter; this only catches a run-on paragraph with no sentence end in it.
 */
export const MAX_UTTERANCE_LENGTH = 400;

/**
 * Sentence ends: 。！？；… (full-width, written as escapes because source code holds no UI text)
 * and . ! ? ; when followed by a space or the end. A full stop inside "3.5" or "www.x" is no end.
 */
const SENTENCE_END = /(?<=[\u3002\uff01\uff1f\uff1b\u2026])|(?<=[.!?;])(?=\s|$)|\n+/u;
/** Where an over-long sentence may be cut instead: commas and enumeration marks (，、,). */
const CLAUSE_END = /(?<=[\uff0c\u3001,])/u;
const SAYABLE = /[\p{L}\p{N}]/u;

/**
 * Splits an announcement into the utterances asked of core one by one: each sentence on its own,
 * so the first one plays while the next is synthesised. Core's `speech.prepare` is fed the same
 * pieces (prepareFixedPrompts), so a prepared prompt is found in the cache word for word.
 */
export function splitUtterances(text: string): string[] {
  return (
    text
      .split(SENTENCE_END)
      .map((piece) => piece.replace(/\s+/g, ' ').trim())
      // A piece of punctuation only ("……" split in two) has nothing to say.
      .filter((piece) => SAYABLE.test(piece))
      .flatMap(limitLength)
  );
}

function limitLength(sentence: string): string[] {
  if (sentence.length <= MAX_UTTERANCE_LENGTH) return [sentence];
  const pieces: string[] = [];
  let current = '';
  for (const clause of sentence.split(CLAUSE_END)) {
    if (current !== '' && current.length + clause.length > MAX_UTTERANCE_LENGTH) {
      pieces.push(current.trim());
      current = '';
    }
    current += clause;
    // A clause longer than the limit by itself (no punctuation at all): cut it where it must be.
    while (current.length > MAX_UTTERANCE_LENGTH) {
      pieces.push(current.slice(0, MAX_UTTERANCE_LENGTH).trim());
      current = current.slice(MAX_UTTERANCE_LENGTH);
    }
  }
  if (current.trim() !== '') pieces.push(current.trim());
  return pieces.filter((piece) => piece !== '');
}
