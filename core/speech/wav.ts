/**
 * The little of RIFF/WAVE the speech cache needs: checking a file is whole PCM audio, its
 * duration, and fixing the sizes of a header written to a pipe (espeak-ng cannot seek stdout, so
 * it leaves placeholder sizes of 0x7fffffff there).
 */

export interface WavInfo {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly dataOffset: number;
  readonly dataBytes: number;
  readonly durationMs: number;
}

const ascii = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));

interface Chunks {
  readonly fmt: { sampleRate: number; channels: number; bitsPerSample: number; blockAlign: number } | null;
  readonly data: { headerAt: number; offset: number; declaredBytes: number } | null;
}

function readChunks(bytes: Uint8Array): Chunks | null {
  if (bytes.length < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Chunks['fmt'] = null;
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = ascii(bytes, at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ') {
      if (size < 16 || at + 24 > bytes.length) return null;
      const format = view.getUint16(at + 8, true);
      if (format !== 1) return null; // PCM only; the renderer plays it as is
      fmt = {
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        blockAlign: view.getUint16(at + 20, true),
        bitsPerSample: view.getUint16(at + 22, true),
      };
    } else if (id === 'data') {
      return { fmt, data: { headerAt: at, offset: at + 8, declaredBytes: size } };
    }
    at += 8 + size + (size % 2);
  }
  return { fmt, data: null };
}

/** A whole PCM WAV file, or null when it is cut short, corrupt or not PCM. */
export function readWav(bytes: Uint8Array): WavInfo | null {
  const chunks = readChunks(bytes);
  if (!chunks?.fmt || !chunks.data) return null;
  const { fmt, data } = chunks;
  if (fmt.sampleRate === 0 || fmt.channels === 0 || fmt.blockAlign === 0) return null;
  if (data.offset + data.declaredBytes !== bytes.length) return null;
  if (data.declaredBytes % fmt.blockAlign !== 0) return null;
  const frames = data.declaredBytes / fmt.blockAlign;
  return {
    sampleRate: fmt.sampleRate,
    channels: fmt.channels,
    bitsPerSample: fmt.bitsPerSample,
    dataOffset: data.offset,
    dataBytes: data.declaredBytes,
    durationMs: Math.round((frames / fmt.sampleRate) * 1000),
  };
}

/**
 * Rewrites the RIFF and data sizes from the bytes actually received (a streamed header carries
 * placeholders). Null when the bytes are not a WAV file with a data chunk at all.
 */
export function fixStreamedWavSizes(bytes: Uint8Array): Uint8Array | null {
  const chunks = readChunks(bytes);
  if (!chunks?.fmt || !chunks.data) return null;
  const fixed = new Uint8Array(bytes); // a copy: the caller's buffer may be shared
  const view = new DataView(fixed.buffer);
  let dataBytes = fixed.length - chunks.data.offset;
  dataBytes -= dataBytes % chunks.fmt.blockAlign; // a torn last frame is dropped, not played as noise
  view.setUint32(4, chunks.data.offset + dataBytes - 8, true);
  view.setUint32(chunks.data.headerAt + 4, dataBytes, true);
  return fixed.subarray(0, chunks.data.offset + dataBytes);
}
