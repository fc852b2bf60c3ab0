/**
 * The chime before each announcement: a two-note "ding-dong" (E5 then C5, a falling major third,
 * the interval of a doorbell), synthesised here as 16-bit mono PCM so the platform ships no audio
 * file. Each note is a sine with a soft attack and an exponential decay, plus a quiet octave
 * partial so it carries over room noise on a TV speaker.
 */

const SAMPLE_RATE = 22_050;

interface Note {
  readonly hz: number;
  readonly startS: number;
  readonly lengthS: number;
}

const NOTES: readonly Note[] = [
  { hz: 659.25, startS: 0, lengthS: 0.55 },
  { hz: 523.25, startS: 0.42, lengthS: 0.9 },
];

function pcmSamples(): Int16Array {
  const totalS = Math.max(...NOTES.map((note) => note.startS + note.lengthS));
  const samples = new Float64Array(Math.ceil(totalS * SAMPLE_RATE));
  for (const note of NOTES) {
    const first = Math.round(note.startS * SAMPLE_RATE);
    const count = Math.round(note.lengthS * SAMPLE_RATE);
    for (let i = 0; i < count && first + i < samples.length; i += 1) {
      const t = i / SAMPLE_RATE;
      const attack = Math.min(1, t / 0.008); // 8 ms: no click at the onset
      const decay = Math.exp(-t * 4.5);
      const tone = Math.sin(2 * Math.PI * note.hz * t) + 0.25 * Math.sin(2 * Math.PI * 2 * note.hz * t);
      samples[first + i] = (samples[first + i] ?? 0) + 0.45 * attack * decay * tone;
    }
  }
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i += 1) {
    out[i] = Math.round(Math.max(-1, Math.min(1, samples[i] ?? 0)) * 32_767);
  }
  return out;
}

/** A RIFF/WAVE file of the samples (PCM, little-endian). */
export function pcmWav(samples: Int16Array, sampleRate: number): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
  return bytes;
}

let chime: Uint8Array | undefined;

/** The chime as a WAV file, made once per process. */
export function chimeWav(): Uint8Array {
  return (chime ??= pcmWav(pcmSamples(), SAMPLE_RATE));
}
