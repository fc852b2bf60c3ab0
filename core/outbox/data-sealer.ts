import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (applications, their materials, every outbox body) is sealed with
 * AES-256-GCM under the kiosk's data key, which lives outside the data folder
 * (core/security/data-key.ts). A copied data folder alone then reveals no names, numbers or scans.
 * The same key, through HKDF, keys the hashes that index records by ID number (and rated
 * services), so an index cannot be reversed by hashing all 10^17 candidate numbers without the key.
 */
export interface DataSealer {
  seal(plain: Uint8Array): Buffer;
  /** Throws when the bytes were not sealed with this key or were altered: a bug or tampering. */
  open(sealed: Uint8Array): Buffer;
  /**
   * Keyed hash (hex, 64 characters) for lookups that must not store the value: an identity
   * (`idType`, `idNumber`), or another value under a namespace of its own (`'ratedService'`, …).
   */
  indexKey(namespace: string, value: string): string;
}

const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createDataSealer(key: Buffer): DataSealer {
  if (key.length !== 32) throw new RangeError('an AES-256 key is 32 bytes');
  const hashKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'bianmin-kiosk applicant index', 32));
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT_V1) {
        throw new Error('not a sealed value of a known format');
      }
      const iv = bytes.subarray(1, 1 + IV_BYTES);
      const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    },
    indexKey: (namespace, value) => createHmac('sha256', hashKey).update(`${namespace}\u0000${value}`).digest('hex'),
  };
}
