import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../core/logging/logger';
import { createEspeakEngine, createSpeechService, probeEspeakVersion } from '../../core/speech';
import { sample, summarise, times, type Summary } from './measure';

const SENTENCE = '请把身份证放在屏幕下方的读卡区，您的号码是 A023，前面还有 3 人。';

/**
 * Voice mode with espeak-ng: (a) one typical screen sentence synthesised now (each sample a new
 * text, so nothing is cached); (b) the same sentence served from the memory cache; (c) a prepared
 * prompt read from the disk cache by a freshly started service (the first word after a restart).
 */
export async function speechBenchmarks(): Promise<Summary[]> {
  const dir = mkdtempSync(join(tmpdir(), 'speech-bench-'));
  const engine = createEspeakEngine({ binaryVersion: await probeEspeakVersion() });
  const fresh = () => createSpeechService({ engine, cacheDir: join(dir, 'speech-cache'), logger: silentLogger() });
  const results: Summary[] = [];
  try {
    const service = fresh();
    let n = 0;
    const expectOk = (said: { ok: boolean }) => {
      if (!said.ok) throw new Error('speech bench: espeak-ng failed');
    };
    for (const rate of ['normal', 'slow'] as const) {
      const uncached = await sample(times(30), async () => {
        n += 1;
        expectOk(await service.say({ text: `${SENTENCE}第${n}次`, locale: 'zh-CN', rate }));
      });
      results.push(summarise(`speech: synthesise a screen sentence, uncached (espeak-ng, ${rate})`, uncached));
    }
    expectOk(await service.say({ text: SENTENCE, locale: 'zh-CN', rate: 'slow' }));
    results.push(
      summarise(
        'speech: the same sentence from the memory cache',
        await sample(times(200), async () =>
          expectOk(await service.say({ text: SENTENCE, locale: 'zh-CN', rate: 'slow' })),
        ),
      ),
    );
    await service.prepare({ texts: [SENTENCE], locale: 'zh-CN', rate: 'slow' });
    await service.stop();
    const fromDisk: number[] = [];
    for (let i = 0; i < times(30); i++) {
      const restarted = fresh();
      fromDisk.push(
        ...(await sample(1, async () =>
          expectOk(await restarted.say({ text: SENTENCE, locale: 'zh-CN', rate: 'slow' })),
        )),
      );
      await restarted.stop();
    }
    results.push(summarise('speech: a prepared prompt from the disk cache after a restart', fromDisk));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
