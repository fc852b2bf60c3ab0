import { silentAudioOut, type AudioOut, type PlaybackEnd } from './audio-out';

function base64ToArrayBuffer(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/**
 * Speech through the Web Audio API: each clip is decoded (decodeAudioData reads RIFF/WAVE PCM at
 * any sample rate, 8 kHz models included) and played by an AudioBufferSourceNode into one
 * GainNode that carries the visitor's volume. The AudioContext is made on first use (a touch or a
 * clip), not at start: creating one before any gesture only makes a context the policy suspends.
 *
 * Chromium's autoplay policy keeps a new AudioContext suspended until a user gesture; the kiosk
 * browsers are started with --autoplay-policy=no-user-gesture-required, and `unlock` (called on
 * every pointerdown) resumes it where that flag is missing.
 */
export function createWebAudioOut(): AudioOut {
  const AudioContextClass = globalThis.AudioContext as typeof AudioContext | undefined;
  if (typeof AudioContextClass !== 'function') return silentAudioOut;

  let gain = 1;
  let graph: { readonly context: AudioContext; readonly volume: GainNode } | null = null;
  const open = () => {
    if (!graph) {
      const context = new AudioContextClass();
      const volume = context.createGain();
      volume.gain.value = gain;
      volume.connect(context.destination);
      graph = { context, volume };
    }
    return graph;
  };
  const resume = (context: AudioContext) => {
    // resume() rejects only when the context is closed, which we never do; nothing to handle.
    if (context.state === 'suspended') context.resume().catch(() => undefined);
  };

  return {
    available: true,
    play(wavBase64) {
      const { context, volume } = open();
      let settle: (end: PlaybackEnd) => void = () => undefined;
      const ended = new Promise<PlaybackEnd>((resolve) => {
        settle = resolve;
      });
      let stopped = false;
      let source: AudioBufferSourceNode | null = null;
      let bytes: ArrayBuffer;
      try {
        bytes = base64ToArrayBuffer(wavBase64);
      } catch {
        settle('failed');
        return { ended, stop: () => undefined };
      }
      context.decodeAudioData(bytes).then(
        (buffer) => {
          if (stopped) return;
          const node = context.createBufferSource();
          node.buffer = buffer;
          node.connect(volume);
          node.onended = () => {
            node.disconnect();
            settle(stopped ? 'stopped' : 'ended');
          };
          source = node;
          resume(context);
          node.start();
        },
        () => settle('failed'),
      );
      return {
        ended,
        stop() {
          if (stopped) return;
          stopped = true;
          // A started source can always be stopped; one not yet decoded is simply never started.
          source?.stop();
          settle('stopped');
        },
      };
    },
    setGain(next) {
      gain = next;
      if (graph) graph.volume.gain.value = next;
    },
    unlock() {
      resume(open().context);
    },
  };
}
