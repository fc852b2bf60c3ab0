import { chmodSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEspeakEngine, probeEspeakVersion } from './espeak-engine';
import type { SynthesisRequest } from './types';
import { readWav } from './wav';

/** The real espeak-ng (Debian `espeak-ng`, installed here and in CI), and fake binaries that misbehave. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'espeak-engine-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeBinary(name: string, script: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return path;
}

const zh: SynthesisRequest = { text: '请把身份证放在屏幕下方的读卡区', locale: 'zh-CN', rate: 'normal' };
const en: SynthesisRequest = { text: 'Please place your ID card on the reader.', locale: 'en', rate: 'normal' };

describe('espeak-ng engine', () => {
  const engine = createEspeakEngine();

  it.each([zh, en])('makes a whole PCM WAV for $locale, slower at the slow rate', async (request) => {
    const normal = await engine.synthesize(request);
    const slow = await engine.synthesize({ ...request, rate: 'slow' });
    if (!normal.ok || !slow.ok) throw new Error('espeak-ng failed');
    const normalWav = readWav(normal.value);
    const slowWav = readWav(slow.value);
    expect(normalWav).toMatchObject({ channels: 1, bitsPerSample: 16 });
    expect(normalWav?.durationMs).toBeGreaterThan(1000);
    expect(slowWav?.durationMs).toBeGreaterThan((normalWav?.durationMs ?? 0) * 1.2);
  });

  it('knows its version', async () => {
    expect(await probeEspeakVersion()).toMatch(/^[0-9]+\.[0-9]+/);
    expect(await probeEspeakVersion(join(dir, 'absent'))).toBe('unknown');
  });

  it('gives the Mandarin voice pinyin on stdin, not characters, and the text never as an argument', async () => {
    const seen = join(dir, 'seen');
    const recorder = fakeBinary('recorder', `echo "$@" > ${seen}.args; cat > ${seen}.stdin; cat /dev/null`);
    const result = await createEspeakEngine({ path: recorder }).synthesize({ ...zh, text: '去银行' });
    expect(result.ok).toBe(false); // it wrote no WAV
    expect(readFileSync(`${seen}.stdin`, 'utf8')).toBe('qu4 yin2 hang2');
    const args = readFileSync(`${seen}.args`, 'utf8');
    expect(args).toContain('-v cmn-latn-pinyin -s 180');
    expect(args).not.toContain('yin2');
  });

  it('answers engineMissing when the binary is not there', async () => {
    const result = await createEspeakEngine({ path: join(dir, 'no-such-espeak') }).synthesize(zh);
    expect(result).toMatchObject({ ok: false, error: { kind: 'engineMissing' } });
  });

  it('answers engineFailed when the binary crashes, without repeating the text', async () => {
    const crashing = fakeBinary('crashing', 'cat > /dev/null; echo "segfault-ish" >&2; exit 3');
    const result = await createEspeakEngine({ path: crashing }).synthesize(zh);
    expect(result).toMatchObject({ ok: false, error: { kind: 'engineFailed' } });
    expect(!result.ok && result.error.message).toContain('exited with 3');
    expect(!result.ok && result.error.message).not.toContain('身份证');
  });

  it('kills a hung binary at the timeout', async () => {
    const pidFile = join(dir, 'hung.pid');
    const hung = fakeBinary('hung', `echo $$ > ${pidFile}; exec sleep 30`);
    const result = await createEspeakEngine({ path: hung, timeoutMs: 300 }).synthesize(zh);
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  it('kills the binary when the caller aborts', async () => {
    const pidFile = join(dir, 'aborted.pid');
    const hung = fakeBinary('aborted', `echo $$ > ${pidFile}.tmp; mv ${pidFile}.tmp ${pidFile}; exec sleep 30`);
    const controller = new AbortController();
    // Watch before starting, so the pid file cannot appear unseen; abort once the script runs.
    const pidWritten = fileAppears(dir, 'aborted.pid');
    const running = createEspeakEngine({ path: hung, timeoutMs: 20_000 }).synthesize(zh, controller.signal);
    await pidWritten;
    controller.abort();
    expect(await running).toMatchObject({ ok: false, error: { kind: 'aborted' } });
    expect(() => process.kill(Number(readFileSync(pidFile, 'utf8')), 0)).toThrow(/ESRCH/);
  });
});

/** Resolves when `name` is created (renamed into place) in `folder`. */
function fileAppears(folder: string, name: string): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(folder, (_event, changed) => {
      if (changed === name) {
        watcher.close();
        resolve();
      }
    });
  });
}
