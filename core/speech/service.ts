import { createHash } from 'node:crypto';
import type { KioskContract } from '../api/contract';
import type { DomainError } from '../api/errors';
import { err, ok, type Result } from '../pure/result';
import type { PrepareSpeechResult, SayInput, SpeechClip } from '../api/speech';
import type { Handlers } from '../api/types';
import type { Logger } from '../logging/logger';
import { createDiskCache } from './disk-cache';
import { uiFixedPrompts, type FixedPrompts } from './fixed-prompts';
import { createLimiter } from './limiter';
import { createMemoryCache, type ClipScope, type MemoryClip } from './memory-cache';
import type { SpeechEngine, SpeechFailure, SynthesisRequest } from './types';
import { readWav } from './wav';

export type SpeechMethods = 'speech.say' | 'speech.prepare';
type Unavailable = DomainError<'speechUnavailable'>;

export interface SpeechServiceOptions {
  /** null: speech is switched off (`speech.engine: "none"`); every call answers speechUnavailable. */
  readonly engine: SpeechEngine | null;
  /** Prepared prompts only, e.g. `<dataDir>/speech-cache`. */
  readonly cacheDir: string;
  /** Bytes the disk cache may hold; DISK_CACHE_MAX_BYTES unless a test says otherwise. */
  readonly diskCacheBytes?: number;
  /** Which texts `prepare` accepts (and so may reach the disk): the UI's fixed prompts by default. */
  readonly fixedPrompts?: FixedPrompts;
  readonly logger: Logger;
  /** In-memory clip budget; a second of espeak-ng audio is ≈ 59 kB as base64. */
  readonly memoryBudgetBytes?: number;
  /** Prepared prompts synthesised at the same time; `say` never waits behind them. */
  readonly prepareConcurrency?: number;
}

export interface SpeechService {
  readonly handlers: Pick<Handlers<KioskContract>, SpeechMethods>;
  say(input: SayInput): Promise<Result<SpeechClip, Unavailable>>;
  prepare(input: {
    texts: readonly string[];
    locale: SayInput['locale'];
    rate: SayInput['rate'];
  }): Promise<Result<PrepareSpeechResult, Unavailable>>;
  /** Session end: forgets every clip `say` made (it may have spoken a name); prepared prompts stay. */
  forgetSession(): void;
  /** Kills running syntheses; later calls answer speechUnavailable. */
  stop(): Promise<void>;
}

type Obtained = { clip: MemoryClip; source: 'memory' | 'disk' | 'engine'; wav: Uint8Array | null };

/**
 * Speech for voice mode: synthesis through one engine, a disk cache for prepared prompts, a bytes-
 * bounded memory cache for everything, and single-flight so two identical requests synthesise once.
 *
 * Privacy: `say` text may hold a resident's name or ID number. It never reaches the disk or the
 * log (only its length does), and its clips are dropped from memory at session end. `prepare`
 * takes fixed prompts only (the UI's own strings, core/speech/fixed-prompts.ts): any other text
 * is refused before it is synthesised, so nothing else can be written to the disk cache.
 */
export function createSpeechService(options: SpeechServiceOptions): SpeechService {
  const log = options.logger.child({ component: 'speech' });
  const engine = options.engine;
  const memory = createMemoryCache(options.memoryBudgetBytes ?? 32 * 1024 * 1024);
  const disk = createDiskCache(options.cacheDir, options.diskCacheBytes);
  const isFixedPrompt = options.fixedPrompts ?? uiFixedPrompts();
  const limitPrepare = createLimiter(options.prepareConcurrency ?? 2);
  const inFlight = new Map<string, Promise<Result<Obtained, SpeechFailure>>>();
  const stopping = new AbortController();
  // Bumped at each session end: a `say` that finishes after the session ended is not kept.
  let sessionGeneration = 0;

  const unavailable = (message: string): Unavailable => ({ code: 'speechUnavailable', message });

  const keyOf = (e: SpeechEngine, request: SynthesisRequest) =>
    createHash('sha256')
      .update(JSON.stringify([e.name, e.voiceVersion, request.locale, request.rate, request.text]))
      .digest('hex');

  /** Memory, then disk, then the engine; concurrent callers of one key share the one attempt. */
  function obtain(e: SpeechEngine, key: string, request: SynthesisRequest): Promise<Result<Obtained, SpeechFailure>> {
    const clip = memory.get(key);
    if (clip) return Promise.resolve(ok({ clip, source: 'memory', wav: null }));
    const running = inFlight.get(key);
    if (running) return running;
    const generation = sessionGeneration;
    const attempt = (async (): Promise<Result<Obtained, SpeechFailure>> => {
      const stored = await disk.read(key);
      if (stored) {
        const fromDisk: MemoryClip = {
          wavBase64: Buffer.from(stored.wav).toString('base64'),
          durationMs: stored.durationMs,
          scope: 'prepared',
        };
        memory.set(key, fromDisk);
        return ok({ clip: fromDisk, source: 'disk', wav: null });
      }
      const made = await e.synthesize(request, stopping.signal);
      if (!made.ok) return made;
      const info = readWav(made.value);
      if (!info) return err({ kind: 'engineFailed', message: `${e.name} returned something that is not a WAV file` });
      const fresh: MemoryClip = {
        wavBase64: Buffer.from(made.value).toString('base64'),
        durationMs: info.durationMs,
        scope: 'session',
      };
      if (generation === sessionGeneration) memory.set(key, fresh);
      return ok({ clip: fresh, source: 'engine', wav: made.value });
    })().finally(() => inFlight.delete(key));
    inFlight.set(key, attempt);
    return attempt;
  }

  async function keepOnDisk(key: string, obtained: Obtained): Promise<void> {
    obtained.clip.scope = 'prepared' satisfies ClipScope;
    memory.set(key, obtained.clip); // back in memory even if the session ended meanwhile
    if (obtained.source === 'disk') return;
    const wav = obtained.wav ?? Buffer.from(obtained.clip.wavBase64, 'base64');
    try {
      await disk.write(key, wav);
    } catch (error) {
      // The prompt still plays from memory; only the restart head-start is lost.
      log.warn({ err: (error as Error).message }, 'a prepared speech prompt could not be written to the disk cache');
    }
  }

  const describe = (failure: SpeechFailure) => `speech failed (${failure.kind}): ${failure.message}`;

  const service: SpeechService = {
    async say(input) {
      if (!engine) return err(unavailable('speech is switched off on this kiosk (speech.engine is "none")'));
      if (stopping.signal.aborted) return err(unavailable('speech is stopping'));
      const started = performance.now();
      const key = keyOf(engine, input);
      const obtained = await obtain(engine, key, input);
      if (!obtained.ok) {
        log.warn(
          { kind: obtained.error.kind, chars: input.text.length, locale: input.locale },
          describe(obtained.error),
        );
        return err(unavailable(describe(obtained.error)));
      }
      const { clip, source } = obtained.value;
      log.debug(
        {
          chars: input.text.length,
          locale: input.locale,
          rate: input.rate,
          source,
          ms: Math.round(performance.now() - started),
        },
        'speech clip ready',
      );
      return ok({
        wavBase64: clip.wavBase64,
        durationMs: clip.durationMs,
        cached: source !== 'engine',
        engine: engine.name,
      });
    },

    async prepare(input) {
      if (!engine) return err(unavailable('speech is switched off on this kiosk (speech.engine is "none")'));
      let prepared = 0;
      let missing: SpeechFailure | null = null;
      const fixed = input.texts.filter((text) => isFixedPrompt(input.locale, text));
      let failed = input.texts.length - fixed.length;
      if (failed > 0) {
        // Only the count: a text that is not a fixed prompt may be anything a page sent.
        log.warn({ refused: failed, locale: input.locale }, 'speech.prepare refused texts that are not fixed prompts');
      }
      await Promise.all(
        fixed.map((text) =>
          limitPrepare(async () => {
            if (stopping.signal.aborted || missing) {
              failed += 1;
              return;
            }
            const request = { text, locale: input.locale, rate: input.rate };
            const key = keyOf(engine, request);
            const obtained = await obtain(engine, key, request);
            if (!obtained.ok) {
              failed += 1;
              if (obtained.error.kind === 'engineMissing') missing = obtained.error;
              // Prepared prompts are fixed UI text, so their key (a hash) may be logged; the text is not.
              log.warn({ kind: obtained.error.kind, key: key.slice(0, 12) }, describe(obtained.error));
              return;
            }
            await keepOnDisk(key, obtained.value);
            prepared += 1;
          }),
        ),
      );
      if (missing) return err(unavailable(describe(missing)));
      log.info({ prepared, failed, locale: input.locale, rate: input.rate }, 'speech prompts prepared');
      return ok({ prepared, failed });
    },

    forgetSession() {
      sessionGeneration += 1;
      memory.forgetSession();
    },

    async stop() {
      stopping.abort();
      await Promise.allSettled([...inFlight.values()]);
    },

    handlers: {
      'speech.say': (input) => service.say(input),
      'speech.prepare': (input) => service.prepare(input),
    },
  };
  return service;
}
