import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Personal data at rest (applications, their materials, the outbox bodies that carry them) is
 * sealed with AES-256-GCM under a key kept in the data folder, readable by the kiosk user only.
 * A copied database alone then reveals no names, numbers or scans. The same key, through HKDF,
 * keys the hash that indexes applications by ID number, so the index cannot be reversed by
 * hashing all 10^17 candidate numbers without the key file.
 */
export interface DataSealer {
  seal(plain: Uint8Array): Buffer;
  /** Throws when the bytes were not sealed with this key or were altered: a bug or tampering. */
  open(sealed: Uint8Array): Buffer;
  /** Keyed hash (hex, 64 characters) of an identity, for lookups that must not store the number. */
  indexKey(idType: string, idNumber: string): string;
}

export const DATA_KEY_FILE = 'data-key';
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
    indexKey: (idType, idNumber) => createHmac('sha256', hashKey).update(`${idType}\u0000${idNumber}`).digest('hex'),
  };
}

const sealers = new Map<string, DataSealer>();

/**
 * The sealer of a data folder, its key file created (mode 0600) on first use. Memoised per folder,
 * so the application handlers and the outbox delivery share one key without being wired together.
 */
export function dataSealerFor(dataDir: string): DataSealer {
  const path = join(dataDir, DATA_KEY_FILE);
  const known = sealers.get(path);
  if (known) return known;
  const sealer = createDataSealer(loadOrCreateKey(path));
  sealers.set(path, sealer);
  return sealer;
}

function loadOrCreateKey(path: string): Buffer {
  try {
    // 'wx': two processes starting at once cannot both create it; the loser reads the winner's.
    const fd = openSync(path, 'wx', 0o600);
    const key = randomBytes(32);
    try {
      writeSync(fd, key);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = readFileSync(path);
  if (key.length === 0) {
    // Killed between creating and writing the file: nothing can have been sealed with it yet.
    const fresh = randomBytes(32);
    writeFileSync(path, fresh, { mode: 0o600, flush: true });
    return fresh;
  }
  if (key.length !== 32) throw new Error(`${path} is not a 32-byte key; refusing to guess (sealed data needs it)`);
  return key;
}
