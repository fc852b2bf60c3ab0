import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskConfig } from '../../kiosk-config/schema';
import { speechEngineFromConfig } from './from-config';
import { fixStreamedWavSizes, readWav } from './wav';

const defaultJson = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../kiosk-config/default.json'), 'utf8'),
) as Record<string, unknown>;

describe('speech configuration', () => {
  it('gives a configuration written before speech existed espeak-ng', () => {
    const { speech: _speech, ...older } = defaultJson;
    expect(KioskConfig.parse(older).speech).toEqual({ engine: 'espeak-ng', prepareAtStart: true });
    expect(KioskConfig.parse(defaultJson).speech.engine).toBe('espeak-ng');
  });

  it('refuses an unknown engine and a relative program path', () => {
    expect(KioskConfig.safeParse({ ...defaultJson, speech: { engine: 'festival' } }).success).toBe(false);
    expect(
      KioskConfig.safeParse({ ...defaultJson, speech: { engine: 'espeak-ng', espeakPath: 'espeak-ng' } }).success,
    ).toBe(false);
  });

  it('builds no engine for "none" and espeak-ng otherwise', async () => {
    expect(await speechEngineFromConfig({ engine: 'none', prepareAtStart: false })).toBeNull();
    const engine = await speechEngineFromConfig({
      engine: 'espeak-ng',
      espeakPath: '/usr/bin/espeak-ng',
      prepareAtStart: false,
    });
    expect(engine?.name).toBe('espeak-ng');
    expect(engine?.voiceVersion).toMatch(/^espeak-ng [0-9]/);
  });
});

describe('WAV sizes written to a pipe', () => {
  it('are fixed from the bytes received, dropping a torn last frame', () => {
    const header = new Uint8Array(44);
    const view = new DataView(header.buffer);
    const put = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
    put(0, 'RIFF');
    view.setUint32(4, 0x7ffff024, true);
    put(8, 'WAVEfmt ');
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true);
    view.setUint16(22, 1, true);
    view.setUint32(24, 22050, true);
    view.setUint32(28, 44100, true);
    view.setUint16(32, 2, true);
    view.setUint16(34, 16, true);
    put(36, 'data');
    view.setUint32(40, 0x7ffff000, true);
    const streamed = new Uint8Array([...header, ...new Uint8Array(44100 + 1)]);
    expect(readWav(streamed)).toBeNull();
    const fixed = fixStreamedWavSizes(streamed);
    expect(fixed && readWav(fixed)).toMatchObject({ dataBytes: 44100, durationMs: 1000, sampleRate: 22050 });
    expect(fixStreamedWavSizes(new TextEncoder().encode('not a wav file at all'))).toBeNull();
  });
});
