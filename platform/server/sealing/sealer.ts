import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The platform's own sealing of residents' data at rest. One 32-byte data key (from a key file
 * the platform config names, never the kiosk's) yields, through HKDF (RFC 5869), separate keys
 * for each job, so no key is ever used for two purposes:
 *
 * - sealing: AES-256-GCM with a random 96-bit IV per value (NIST SP 800-38D). The associated
 *   data names the column and the record, so a sealed value moved to another row or column
 *   fails to open instead of being read as someone else's;
 * - the identity index: HMAC-SHA256 of (id type, id number). Lookups by ID number compare these,
 *   so the database holds no ID number, and the index cannot be reversed by hashing every
 *   possible number without the key;
 * - the idempotency fingerprint: HMAC-SHA256 over the sha256 of method, path and body, because
 *   a plain hash of a case-search body is a hash of an ID number and could be brute-forced;
 * - the key check: a value stored in the database at first use, so a platform started with the
 *   wrong key file refuses to start instead of failing on every read.
 */

/** Where a sealed value lives; part of the associated data. */
export type SealPurpose =
  | 'applications.sealed_submission'
  | 'appointments.sealed_booking'
  | 'assistance_requests.sealed_request'
  | 'assistance_requests.sealed_completion'
  | 'assistance_contacts.sealed_note'
  | 'ratings.sealed_rating'
  | 'inspections.sealed_report'
  | 'materials.sealed_bytes'
  | 'idempotency_records.sealed_body'
  | 'work_orders.sealed_callback_note'
  | 'work_orders.sealed_rectification'
  | 'video_call_recordings.sealed_data';

export interface PlatformSealer {
  seal(purpose: SealPurpose, recordId: string, plain: Uint8Array): Buffer;
  /** Throws when the value was sealed under another key, for another record, or altered. */
  open(purpose: SealPurpose, recordId: string, sealed: Uint8Array): Buffer;
  sealJson(purpose: SealPurpose, recordId: string, value: unknown): Buffer;
  /** The caller names the type: what was sealed is what this platform wrote, already validated. */
  openJson<T>(purpose: SealPurpose, recordId: string, sealed: Uint8Array): T;
  /** 64 hex characters: the lookup key of a person, the same for the same (type, number). */
  identityIndex(idType: string, idNumber: string): string;
  /** 64 hex characters: the keyed form of a request digest, for idempotency records. */
  requestFingerprint(digest: Uint8Array): string;
  /** 64 hex characters identifying the key (not revealing it), stored in the database. */
  readonly keyCheck: string;
}

export const DATA_KEY_BYTES = 32;
const FORMAT_V1 = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

function derive(dataKey: Buffer, job: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `bianmin-platform v1 ${job}`, 32));
}

function associatedData(purpose: SealPurpose, recordId: string): Buffer {
  return Buffer.from(`${purpose}\u0000${recordId}`, 'utf8');
}

export function createPlatformSealer(dataKey: Uint8Array): PlatformSealer {
  if (dataKey.byteLength !== DATA_KEY_BYTES) throw new RangeError(`a data key is ${DATA_KEY_BYTES} bytes`);
  const key = Buffer.from(dataKey);
  const sealKey = derive(key, 'seal');
  const indexKey = derive(key, 'identity index');
  const fingerprintKey = derive(key, 'idempotency fingerprint');
  const keyCheck = createHmac('sha256', derive(key, 'key check')).update('bianmin-platform data key').digest('hex');

  const seal = (purpose: SealPurpose, recordId: string, plain: Uint8Array): Buffer => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', sealKey, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(purpose, recordId));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_V1]), iv, cipher.getAuthTag(), body]);
  };

  const open = (purpose: SealPurpose, recordId: string, sealed: Uint8Array): Buffer => {
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (bytes.length < HEADER_BYTES || bytes[0] !== FORMAT_V1) {
      throw new Error(`${purpose} of ${recordId} is not a sealed value of a known format`);
    }
    const decipher = createDecipheriv('aes-256-gcm', sealKey, bytes.subarray(1, 1 + IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(associatedData(purpose, recordId));
    decipher.setAuthTag(bytes.subarray(1 + IV_BYTES, HEADER_BYTES));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new Error(`${purpose} of ${recordId} does not open with this data key (another key, or altered)`);
    }
  };

  return {
    seal,
    open,
    sealJson: (purpose, recordId, value) => seal(purpose, recordId, Buffer.from(JSON.stringify(value), 'utf8')),
    openJson: <T>(purpose: SealPurpose, recordId: string, sealed: Uint8Array) =>
      JSON.parse(open(purpose, recordId, sealed).toString('utf8')) as T,
    // NUL cannot occur in either part, so ('a', 'bc') and ('ab', 'c') never collide.
    identityIndex: (idType, idNumber) =>
      createHmac('sha256', indexKey).update(`${idType}\u0000${idNumber.toUpperCase()}`, 'utf8').digest('hex'),
    requestFingerprint: (digest) => createHmac('sha256', fingerprintKey).update(digest).digest('hex'),
    keyCheck,
  };
}

/** A sealer under a fresh random key: for in-memory databases that die with the process. */
export function ephemeralSealer(): PlatformSealer {
  return createPlatformSealer(randomBytes(DATA_KEY_BYTES));
}
