// The platform may import core/ only for the speech engine's files (tools/eslint/layer-imports.js).
import { createEspeakEngine, probeEspeakVersion } from '../../../core/speech/espeak-engine';
import type { SpeechEngine, SpeechFailure } from '../../../core/speech/types';
import type { Result } from '../../../core/pure/result';

/**
 * Spoken announcements for call displays, made on the platform with the kiosk's offline engine
 * (core/speech/espeak-engine.ts: espeak-ng with pinyin), so a TV needs nothing but a browser.
 *
 * - Cached by text: a recall of A012 at window 1 and every later display of it reuse one WAV. The
 *   cache is bounded (least recently used out first), so a station's day of calls cannot grow it.
 * - One synthesis at a time (espeak-ng takes ≈ 50 ms a sentence), and the same text asked twice
 *   while it is being made is made once.
 */
export interface AnnouncementAudio {
  wavFor(text: string): Promise<Result<Uint8Array, SpeechFailure>>;
  /** Entries held now (tests and the benchmark). */
  size(): number;
}

export interface AnnouncementAudioOptions {
  readonly engine?: SpeechEngine;
  /** Most clips kept; 64 by default (≈ 100 KB each). */
  readonly maxEntries?: number;
}

export function createAnnouncementAudio(options: AnnouncementAudioOptions = {}): AnnouncementAudio {
  const maxEntries = options.maxEntries ?? 64;
  let engine: Promise<SpeechEngine> | undefined = options.engine ? Promise.resolve(options.engine) : undefined;
  const cache = new Map<string, Uint8Array>();
  const making = new Map<string, Promise<Result<Uint8Array, SpeechFailure>>>();
  let queue: Promise<unknown> = Promise.resolve();

  const engineNow = () =>
    (engine ??= probeEspeakVersion().then((binaryVersion) => createEspeakEngine({ binaryVersion })));

  const make = async (text: string): Promise<Result<Uint8Array, SpeechFailure>> => {
    const speaker = await engineNow();
    const result = await speaker.synthesize({ text, locale: 'zh-CN', rate: 'normal' });
    if (result.ok) {
      cache.set(text, result.value);
      while (cache.size > maxEntries) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
    }
    return result;
  };

  return {
    async wavFor(text) {
      const cached = cache.get(text);
      if (cached) {
        cache.delete(text);
        cache.set(text, cached); // most recently used last
        return { ok: true, value: cached };
      }
      const pending = making.get(text);
      if (pending) return pending;
      const run = queue.then(() => make(text));
      queue = run.catch(() => undefined);
      const tracked = run.finally(() => making.delete(text));
      making.set(text, tracked);
      return tracked;
    },
    size: () => cache.size,
  };
}
