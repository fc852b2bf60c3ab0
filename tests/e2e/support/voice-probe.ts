import type { Page } from '@playwright/test';

/**
 * Watches voice mode from inside the page: what the renderer asks core to say (its speech.say
 * calls on the API socket), when each Web Audio source really starts, how many play at once, and
 * when the screen was last touched. Install before the page loads.
 */
export interface VoiceState {
  /** performance.now() of every AudioBufferSourceNode.start. */
  starts: number[];
  playing: number;
  mostAtOnce: number;
  lastTouch: number;
  /** [performance.now(), text] of every speech.say call. */
  said: [number, string][];
}

export async function instrumentVoice(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state = { starts: [] as number[], playing: 0, mostAtOnce: 0, lastTouch: 0, said: [] as [number, string][] };
    Object.defineProperty(window, '__voice', { get: () => state });
    // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with call() below
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (this: WebSocket, data: Parameters<typeof send>[0]) {
      if (typeof data === 'string' && data.includes('"speech.say"')) {
        const call = JSON.parse(data) as { input?: { text?: string } };
        state.said.push([performance.now(), call.input?.text ?? '']);
      }
      return send.call(this, data);
    };
    window.addEventListener('pointerdown', () => (state.lastTouch = performance.now()), { capture: true });
    // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with apply() below
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
      state.starts.push(performance.now());
      state.playing += 1;
      state.mostAtOnce = Math.max(state.mostAtOnce, state.playing);
      this.addEventListener('ended', () => (state.playing -= 1), { once: true });
      return start.apply(this, args);
    };
  });
}

export function voiceState(page: Page): Promise<VoiceState> {
  return page.evaluate(() => (window as unknown as { __voice: VoiceState }).__voice);
}
