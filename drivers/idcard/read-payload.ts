import { err, ok, type Result } from '../../core/pure/result';
import type { IdCard } from './card';
import { decodeCardText, encodeCardText, TEXT_BLOCK_BYTES, type CardDataError } from './card-text';

/**
 * The data of a successful read (docs/devices/id-card.md §7.1): big-endian lengths, then the text
 * block, the WLT photo and (30 10 only) the fingerprint. 30 01: text len, photo len; 30 10: text
 * len, photo len, fingerprint len (0 or 1024).
 */
export const PHOTO_BYTES = 1024;
export const FINGERPRINT_BYTES = 1024;

export interface ReadPayload {
  readonly text: Uint8Array;
  readonly photo: Uint8Array;
  readonly fingerprint: Uint8Array | null;
}

export type ReadVariant = 'text+photo' | 'text+photo+fingerprint';

export function decodeReadPayload(data: Uint8Array, variant: ReadVariant): Result<ReadPayload, CardDataError> {
  const headerBytes = variant === 'text+photo' ? 4 : 6;
  if (data.length < headerBytes) return invalid('read payload is shorter than its length header');
  const be16 = (at: number) => ((data[at] ?? 0) << 8) | (data[at + 1] ?? 0);
  const textLength = be16(0);
  const photoLength = be16(2);
  const fingerprintLength = variant === 'text+photo' ? 0 : be16(4);
  if (textLength !== TEXT_BLOCK_BYTES) return invalid(`text length ${textLength}, expected 256`);
  if (photoLength !== PHOTO_BYTES) return invalid(`photo length ${photoLength}, expected 1024`);
  if (fingerprintLength !== 0 && fingerprintLength !== FINGERPRINT_BYTES) {
    return invalid(`fingerprint length ${fingerprintLength}, expected 0 or 1024`);
  }
  const expected = headerBytes + textLength + photoLength + fingerprintLength;
  if (data.length !== expected) return invalid(`read payload is ${data.length} bytes, its header says ${expected}`);
  const textStart = headerBytes;
  const photoStart = textStart + textLength;
  const fingerprintStart = photoStart + photoLength;
  return ok({
    text: data.slice(textStart, photoStart),
    photo: data.slice(photoStart, fingerprintStart),
    fingerprint: fingerprintLength > 0 ? data.slice(fingerprintStart, expected) : null,
  });
}

export function encodeReadPayload(payload: ReadPayload, variant: ReadVariant): Uint8Array {
  if (payload.text.length !== TEXT_BLOCK_BYTES || payload.photo.length !== PHOTO_BYTES) {
    throw new RangeError('a read payload holds 256 text bytes and 1024 photo bytes');
  }
  const fingerprint = variant === 'text+photo' ? new Uint8Array(0) : (payload.fingerprint ?? new Uint8Array(0));
  const header =
    variant === 'text+photo'
      ? Uint8Array.of(0x01, 0x00, 0x04, 0x00)
      : Uint8Array.of(0x01, 0x00, 0x04, 0x00, fingerprint.length >> 8, fingerprint.length & 0xff);
  const out = new Uint8Array(header.length + TEXT_BLOCK_BYTES + PHOTO_BYTES + fingerprint.length);
  out.set(header, 0);
  out.set(payload.text, header.length);
  out.set(payload.photo, header.length + TEXT_BLOCK_BYTES);
  out.set(fingerprint, header.length + TEXT_BLOCK_BYTES + PHOTO_BYTES);
  return out;
}

/** Text block + photo (+ fingerprint) → IdCard; the binary parts are copied, never interpreted. */
export function decodeIdCard(payload: ReadPayload): Result<IdCard, CardDataError> {
  if (payload.photo.length !== PHOTO_BYTES) return invalid(`photo is ${payload.photo.length} bytes, expected 1024`);
  const text = decodeCardText(payload.text);
  if (!text.ok) return text;
  return ok({
    ...text.value,
    photoWlt: new Uint8Array(payload.photo),
    fingerprint: payload.fingerprint ? new Uint8Array(payload.fingerprint) : null,
  });
}

/** IdCard → payload parts (emulator). */
export function encodeIdCard(card: IdCard): ReadPayload {
  return { text: encodeCardText(card), photo: card.photoWlt, fingerprint: card.fingerprint };
}

function invalid(detail: string): Result<never, CardDataError> {
  return err({ kind: 'invalidCardData', detail });
}
