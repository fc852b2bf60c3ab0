import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok, type Result } from '../pure/result';
import { silentLogger } from '../logging/logger';
import { createEspeakEngine } from './espeak-engine';
import { fixedPromptTexts } from '../../renderer/src/voice/fixed-prompt-texts';
import { splitUtterances } from '../../renderer/src/voice/split-utterances';
import { uiFixedPrompts, type FixedPrompts } from './fixed-prompts';
import { createSpeechService, type SpeechService } from './service';
import type { SpeechEngine, SpeechFailure, SynthesisRequest } from './types';
import { readWav } from './wav';

/** A PCM WAV of silence: 8 kHz mono 16-bit, `ms` long. */
function silentWav(ms: number): Uint8Array {
  const dataBytes = Math.round((8000 * ms) / 1000) * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 16000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  return bytes;
}

/** Counts syntheses; each lasts 10 ms per character, so clips of different texts differ. */
function countingEngine() {
  const calls: SynthesisRequest[] = [];
  const callWaiters: { count: number; resolve: () => void }[] = [];
  let running = 0;
  let mostAtOnce = 0;
  let gate: Promise<void> | null = null;
  let gated: (request: SynthesisRequest) => boolean = () => true;
  const engine: SpeechEngine = {
    name: 'fake',
    voiceVersion: 'fake-1',
    async synthesize(request): Promise<Result<Uint8Array, SpeechFailure>> {
      calls.push(request);
      for (const waiter of callWaiters) if (calls.length >= waiter.count) waiter.resolve();
      // Only the held kind is counted, so a say let through during a hold does not blur the figure.
      const counted = gated(request);
      if (counted) running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      if (counted) await gate;
      if (counted) running -= 1;
      return ok(silentWav(request.text.length * 10));
    },
  };
  return {
    engine,
    calls,
    mostAtOnce: () => mostAtOnce,
    /** Resolves once `count` syntheses have started. */
    started: (count: number) => new Promise<void>((resolve) => callWaiters.push({ count, resolve })),
    /** Holds every synthesis (or those `which` picks) until the returned function is called. */
    hold(which: (request: SynthesisRequest) => boolean = () => true) {
      gated = which;
      let open = () => undefined as void;
      gate = new Promise<void>((resolve) => (open = resolve));
      return () => {
        gate = null;
        open();
      };
    },
  };
}

const say = (text: string) => ({ text, locale: 'zh-CN' as const, rate: 'slow' as const });
/** Most tests here are about caching, not about which texts are fixed prompts (tested on their own below). */
const everyText: FixedPrompts = () => true;
/** Real fixed prompts of the UI, as the renderer prepares them. */
const uiPrompts = [...new Set(fixedPromptTexts('zh-CN').flatMap(splitUtterances))];
const NAME = '王秀兰';

let cacheDir: string;
let service: SpeechService;
beforeEach(() => {
  cacheDir = join(mkdtempSync(join(tmpdir(), 'speech-service-')), 'speech-cache');
});
afterEach(async () => {
  await service.stop();
  rmSync(join(cacheDir, '..'), { recursive: true, force: true });
});

const cacheFiles = () => {
  try {
    return readdirSync(cacheDir);
  } catch {
    return [];
  }
};

describe('speech service', () => {
  it('synthesises once, then serves the clip from memory with its duration', async () => {
    const fake = countingEngine();
    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    const first = await service.say(say('您好'));
    const second = await service.say(say('您好'));
    expect(first).toMatchObject({ ok: true, value: { cached: false, durationMs: 20, engine: 'fake' } });
    expect(second).toMatchObject({ ok: true, value: { cached: true, durationMs: 20 } });
    expect(fake.calls).toHaveLength(1);
    // Another rate or locale is another clip.
    await service.say({ ...say('您好'), rate: 'normal' });
    expect(fake.calls).toHaveLength(2);
  });

  it('never writes what it said to disk, and forgets it at session end', async () => {
    const fake = countingEngine();
    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    await service.prepare({ texts: ['请刷身份证'], locale: 'zh-CN', rate: 'slow' });
    await service.say(say(`${NAME}，您好`));
    expect(cacheFiles()).toHaveLength(1); // the prepared prompt only

    service.forgetSession();
    expect(await service.say(say(`${NAME}，您好`))).toMatchObject({ ok: true, value: { cached: false } });
    expect(await service.say(say('请刷身份证'))).toMatchObject({ ok: true, value: { cached: true } });
    expect(fake.calls.map((c) => c.text)).toEqual(['请刷身份证', `${NAME}，您好`, `${NAME}，您好`]);
  });

  it('keeps prepared prompts on disk across a restart', async () => {
    const fake = countingEngine();
    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    expect(await service.prepare({ texts: ['请刷身份证', '请取走回执'], locale: 'zh-CN', rate: 'slow' })).toEqual({
      ok: true,
      value: { prepared: 2, failed: 0 },
    });
    await service.stop();

    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    expect(await service.say(say('请取走回执'))).toMatchObject({ ok: true, value: { cached: true, durationMs: 50 } });
    expect(fake.calls).toHaveLength(2);
  });

  it('ignores a corrupt cache file and makes the prompt again', async () => {
    const fake = countingEngine();
    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    await service.prepare({ texts: ['请刷身份证'], locale: 'zh-CN', rate: 'slow' });
    const [file] = cacheFiles();
    if (!file) throw new Error('no cache file');
    const whole = readFileSync(join(cacheDir, file));
    writeFileSync(join(cacheDir, file), whole.subarray(0, 30)); // a torn write
    await service.stop();

    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    expect(await service.say(say('请刷身份证'))).toMatchObject({ ok: true, value: { cached: false, durationMs: 50 } });
    await service.prepare({ texts: ['请刷身份证'], locale: 'zh-CN', rate: 'slow' });
    expect(readWav(readFileSync(join(cacheDir, file)))?.durationMs).toBe(50);
    expect(fake.calls).toHaveLength(2);
  });

  it('synthesises two identical concurrent requests once', async () => {
    const fake = countingEngine();
    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    const release = fake.hold();
    const both = Promise.all([
      service.say(say('请稍候')),
      service.say(say('请稍候')),
      service.prepare({ texts: ['请稍候'], locale: 'zh-CN', rate: 'slow' }),
    ]);
    release();
    const [a, b, prepared] = await both;
    expect(fake.calls).toHaveLength(1);
    expect(a.ok && b.ok && a.value.wavBase64 === b.value.wavBase64).toBe(true);
    expect(prepared).toEqual({ ok: true, value: { prepared: 1, failed: 0 } });
    expect(cacheFiles()).toHaveLength(1); // prepare joined the say and still kept it
  });

  it('prepares at most two prompts at a time', async () => {
    const fake = countingEngine();
    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    const texts = Array.from({ length: 9 }, (_, i) => `提示${'一二三四五六七八九'[i] ?? ''}`);
    const release = fake.hold((request) => request.text.startsWith('提示'));
    const preparing = service.prepare({ texts, locale: 'zh-CN', rate: 'normal' });
    await fake.started(2);
    // While two are held, a say is not queued behind them.
    expect(await service.handlers['speech.say'](say('插话'), { host: 'test', requestId: 'r0' })).toMatchObject({
      ok: true,
    });
    release();
    expect(await preparing).toEqual({
      ok: true,
      value: { prepared: 9, failed: 0 },
    });
    expect(fake.mostAtOnce()).toBe(2);
  });

  it('keeps the memory cache within its byte budget, dropping the least recently used', async () => {
    const fake = countingEngine();
    // A 10-character text makes 100 ms = 1,644 bytes of WAV ≈ 2,192 base64 characters.
    service = createSpeechService({
      engine: fake.engine,
      cacheDir,
      logger: silentLogger(),
      fixedPrompts: everyText,
      memoryBudgetBytes: 5_000,
    });
    await service.say(say('一一一一一一一一一一'));
    await service.say(say('二二二二二二二二二二'));
    await service.say(say('一一一一一一一一一一')); // now the most recent
    await service.say(say('三三三三三三三三三三')); // evicts 二
    expect(await service.say(say('一一一一一一一一一一'))).toMatchObject({ ok: true, value: { cached: true } });
    expect(await service.say(say('二二二二二二二二二二'))).toMatchObject({ ok: true, value: { cached: false } });
  });

  it('does not keep a clip whose synthesis finished after the session ended', async () => {
    const fake = countingEngine();
    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    const release = fake.hold();
    const pending = service.say(say(NAME));
    service.forgetSession();
    release();
    expect(await pending).toMatchObject({ ok: true });
    expect(await service.say(say(NAME))).toMatchObject({ ok: true, value: { cached: false } });
  });

  it('answers speechUnavailable when speech is off, the engine is missing, or it has stopped', async () => {
    service = createSpeechService({ engine: null, cacheDir, logger: silentLogger() });
    expect(await service.say(say('您好'))).toMatchObject({
      ok: false,
      error: { code: 'speechUnavailable', message: expect.stringContaining('"none"') },
    });
    expect(await service.prepare({ texts: ['您好'], locale: 'zh-CN', rate: 'slow' })).toMatchObject({
      ok: false,
      error: { code: 'speechUnavailable' },
    });

    service = createSpeechService({
      engine: createEspeakEngine({ path: '/nonexistent/espeak-ng' }),
      cacheDir,
      logger: silentLogger(),
      fixedPrompts: everyText,
    });
    expect(await service.say(say('您好'))).toMatchObject({
      ok: false,
      error: { code: 'speechUnavailable', message: expect.stringContaining('engineMissing') },
    });
    expect(await service.prepare({ texts: ['您好', '再见'], locale: 'zh-CN', rate: 'slow' })).toMatchObject({
      ok: false,
      error: { code: 'speechUnavailable' },
    });

    await service.stop();
    expect(await service.say(say('您好'))).toMatchObject({ ok: false, error: { code: 'speechUnavailable' } });
  });

  it('prepares fixed prompts of the UI only: any other text is refused before synthesis', async () => {
    const fake = countingEngine();
    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger() });
    const prompt = uiPrompts[0]!;
    const result = await service.prepare({
      texts: [prompt, `${NAME}，您好`, '370784199006010024', `${prompt}${NAME}`],
      locale: 'zh-CN',
      rate: 'slow',
    });
    expect(result).toEqual({ ok: true, value: { prepared: 1, failed: 3 } });
    expect(fake.calls.map((c) => c.text)).toEqual([prompt]);
    expect(cacheFiles()).toHaveLength(1);
    // A said text is still synthesised (in memory, for this session), only never kept on disk.
    expect(await service.say(say(`${NAME}，您好`))).toMatchObject({ ok: true });
    expect(cacheFiles()).toHaveLength(1);
  });

  it('knows the fixed prompts per locale, as the renderer splits them', () => {
    const fixed = uiFixedPrompts();
    expect(uiPrompts.length).toBeGreaterThan(100);
    expect(uiPrompts.every((text) => fixed('zh-CN', text))).toBe(true);
    const english = [...new Set(fixedPromptTexts('en').flatMap(splitUtterances))];
    expect(english.every((text) => fixed('en', text))).toBe(true);
    expect(
      fixed(
        'en',
        uiPrompts.find((text) => !english.includes(text))!,
      ),
    ).toBe(false);
    expect(fixed('zh-CN', NAME)).toBe(false);
    expect(fixed('zh-CN', ` ${uiPrompts[0]!}`)).toBe(false);
  });

  it('keeps the disk cache within its byte bound, dropping the least recently used clip, files owner-only', async () => {
    const fake = countingEngine();
    // Each 10-character prompt is 100 ms of 8 kHz 16-bit WAV: 1,644 bytes; three fit in 5,000.
    service = createSpeechService({
      engine: fake.engine,
      cacheDir,
      logger: silentLogger(),
      fixedPrompts: everyText,
      diskCacheBytes: 5_000,
    });
    const prompt = (c: string) => c.repeat(10);
    // Apart in time: file times are coarser than a millisecond on some file systems.
    const prepare = async (c: string) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return service.prepare({ texts: [prompt(c)], locale: 'zh-CN', rate: 'slow' });
    };
    await prepare('一');
    await prepare('二');
    await prepare('三');
    expect(cacheFiles()).toHaveLength(3);
    await service.stop();
    // After a restart (memory empty), reading 一 from disk makes it the most recently used.
    service = createSpeechService({
      engine: fake.engine,
      cacheDir,
      logger: silentLogger(),
      fixedPrompts: everyText,
      diskCacheBytes: 5_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await service.say(say(prompt('一')))).toMatchObject({ ok: true, value: { cached: true } });
    await prepare('四'); // over the bound: 二, the least recently used, goes
    const sizes = cacheFiles().map((file) => statSync(join(cacheDir, file)).size);
    expect(sizes).toHaveLength(3);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5_000);
    await service.stop();
    service = createSpeechService({ engine: fake.engine, cacheDir, logger: silentLogger(), fixedPrompts: everyText });
    expect(await service.say(say(prompt('一')))).toMatchObject({ ok: true, value: { cached: true } });
    expect(await service.say(say(prompt('二')))).toMatchObject({ ok: true, value: { cached: false } });
    for (const file of cacheFiles()) expect(statSync(join(cacheDir, file)).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
  });

  it("with real espeak-ng: a resident's name and number never reach the cache folder", async () => {
    service = createSpeechService({ engine: createEspeakEngine(), cacheDir, logger: silentLogger() });
    const prompt = uiPrompts.find((text) => text.length >= 8)!;
    await service.prepare({ texts: [prompt, `${NAME}，您好`], locale: 'zh-CN', rate: 'normal' });
    const said = await service.handlers['speech.say'](say(`${NAME}，您的号码是 A023`), {
      host: 'test',
      requestId: 'r1',
    });
    expect(said).toMatchObject({ ok: true, value: { engine: 'espeak-ng', cached: false } });
    expect(said.ok && said.value.durationMs).toBeGreaterThan(1000);
    const files = cacheFiles();
    expect(files).toHaveLength(1);
    for (const file of files) {
      const bytes = readFileSync(join(cacheDir, file));
      expect(bytes.includes(Buffer.from(NAME))).toBe(false);
      expect(file).not.toContain(NAME);
    }
  });
});
