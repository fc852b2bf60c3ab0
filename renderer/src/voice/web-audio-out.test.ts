import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebAudioOut } from './web-audio-out';

/** Just enough of the Web Audio graph to see what createWebAudioOut does with it. */
class FakeSource {
  buffer: unknown = null;
  onended: (() => void) | null = null;
  connectedTo: unknown = null;
  started = 0;
  stopped = 0;
  connect(node: unknown) {
    this.connectedTo = node;
  }
  disconnect() {}
  start() {
    this.started += 1;
  }
  stop() {
    this.stopped += 1;
    this.onended?.();
  }
}

class FakeAudioContext {
  static made: FakeAudioContext[] = [];
  state: 'suspended' | 'running' = 'suspended';
  readonly destination = { kind: 'destination' };
  readonly volume = {
    gain: { value: 1 },
    connectedTo: null as unknown,
    connect: (n: unknown) => void (this.volume.connectedTo = n),
  };
  readonly sources: FakeSource[] = [];
  decoded: ArrayBuffer[] = [];
  constructor() {
    FakeAudioContext.made.push(this);
  }
  createGain() {
    return this.volume;
  }
  createBufferSource() {
    const source = new FakeSource();
    this.sources.push(source);
    return source;
  }
  decodeAudioData(bytes: ArrayBuffer) {
    this.decoded.push(bytes);
    if (new Uint8Array(bytes)[0] !== 0x52) return Promise.reject(new Error('not a RIFF file'));
    return Promise.resolve({ duration: 1 });
  }
  resume() {
    this.state = 'running';
    return Promise.resolve();
  }
}

const RIFF = btoa('RIFF....WAVE');

afterEach(() => {
  vi.unstubAllGlobals();
  FakeAudioContext.made = [];
});

describe('createWebAudioOut', () => {
  it('is silent (and says so) where there is no Web Audio', () => {
    vi.stubGlobal('AudioContext', undefined);
    expect(createWebAudioOut().available).toBe(false);
  });

  it('opens the audio device only when first used', () => {
    vi.stubGlobal('AudioContext', FakeAudioContext);
    const out = createWebAudioOut();
    out.setGain(0.6);
    expect(FakeAudioContext.made).toHaveLength(0);
    out.unlock();
    expect(FakeAudioContext.made[0]?.state).toBe('running');
    expect(FakeAudioContext.made[0]?.volume.gain.value).toBe(0.6);
  });

  it('decodes the WAV, plays it through the volume gain with start(), and reports its end', async () => {
    vi.stubGlobal('AudioContext', FakeAudioContext);
    const out = createWebAudioOut();
    const playback = out.play(RIFF);
    const context = FakeAudioContext.made[0];
    await vi.waitFor(() => expect(context?.sources[0]?.started).toBe(1));
    const source = context?.sources[0];
    expect(source?.connectedTo).toBe(context?.volume);
    expect(context?.volume.connectedTo).toBe(context?.destination);
    expect(new TextDecoder().decode(context?.decoded[0])).toBe('RIFF....WAVE');
    source?.onended?.();
    await expect(playback.ended).resolves.toBe('ended');

    out.setGain(0.4);
    expect(context?.volume.gain.value).toBe(0.4);
  });

  it('stops a playing clip, and never starts one stopped while it was being decoded', async () => {
    vi.stubGlobal('AudioContext', FakeAudioContext);
    const out = createWebAudioOut();
    const first = out.play(RIFF);
    const context = FakeAudioContext.made[0];
    await vi.waitFor(() => expect(context?.sources).toHaveLength(1));
    first.stop();
    expect(context?.sources[0]?.stopped).toBe(1);
    await expect(first.ended).resolves.toBe('stopped');

    const second = out.play(RIFF);
    second.stop();
    await expect(second.ended).resolves.toBe('stopped');
    await Promise.resolve();
    expect(context?.sources).toHaveLength(1);
  });

  it('reports a clip it cannot decode as failed', async () => {
    vi.stubGlobal('AudioContext', FakeAudioContext);
    await expect(createWebAudioOut().play(btoa('not audio')).ended).resolves.toBe('failed');
    await expect(createWebAudioOut().play('%%%').ended).resolves.toBe('failed');
  });
});
