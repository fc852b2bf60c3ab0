import type { CallMedia } from './call-media';

/**
 * Development devices for 视频帮办 (availability.emulated): a test face drawn on a canvas and
 * captured as a video track (HTMLCanvasElement.captureStream), and a quiet 440 Hz tone from
 * WebAudio as the microphone. The face moves (its eyes blink, a frame counter runs), so the far
 * side can see frames arriving. Null where the browser has no canvas capture or WebAudio.
 */

const WIDTH = 320;
const HEIGHT = 240;
const FPS = 15;

export function createEmulatedMedia(doc: Document = document): CallMedia | null {
  const canvas = doc.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext('2d');
  const AudioContextClass = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (!context || typeof canvas.captureStream !== 'function' || !AudioContextClass) return null;

  let frame = 0;
  const draw = () => {
    frame += 1;
    context.fillStyle = '#cfe3f2';
    context.fillRect(0, 0, WIDTH, HEIGHT);
    context.fillStyle = '#f2c9a0';
    context.beginPath();
    context.ellipse(WIDTH / 2, HEIGHT / 2, 70, 90, 0, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = '#333333';
    const eyeHeight = frame % 45 < 3 ? 1 : 8;
    context.fillRect(WIDTH / 2 - 35, HEIGHT / 2 - 25, 16, eyeHeight);
    context.fillRect(WIDTH / 2 + 19, HEIGHT / 2 - 25, 16, eyeHeight);
    context.fillRect(WIDTH / 2 - 25, HEIGHT / 2 + 40, 50, 6);
    context.font = '14px monospace';
    context.fillText(String(frame), 8, HEIGHT - 10);
  };
  draw();
  const timer = setInterval(draw, 1000 / FPS);
  const video = canvas.captureStream(FPS);

  const audioContext = new AudioContextClass();
  const oscillator = audioContext.createOscillator();
  const gain = audioContext.createGain();
  const destination = audioContext.createMediaStreamDestination();
  oscillator.frequency.value = 440;
  gain.gain.value = 0.05;
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  void audioContext.resume().catch(() => undefined);

  const videoTrack = video.getVideoTracks()[0];
  const audioTrack = destination.stream.getAudioTracks()[0];
  const stop = () => {
    clearInterval(timer);
    for (const track of [...video.getTracks(), ...destination.stream.getTracks()]) track.stop();
    try {
      oscillator.stop();
    } catch {
      // Already stopped.
    }
    void audioContext.close().catch(() => undefined);
  };
  if (!videoTrack || !audioTrack) {
    stop();
    return null;
  }
  return { audio: audioTrack, video: videoTrack, preview: video, stop };
}
