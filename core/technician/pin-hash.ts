import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Technician PINs are kept only as scrypt hashes. N = 2^15 costs ~50 ms here, which makes guessing
 * a 6-digit PIN from a stolen config file slow and a single check at the kiosk unnoticeable. The
 * escalating lockout (lockout-store.ts) is the on-kiosk defence.
 *
 * Two formats (base64url salt and hash):
 * - `pin$<digits>$scrypt$N$r$p$salt$hash`, what `npm run hash-pin` writes: the PIN's length is
 *   recorded, because a hash cannot tell it and start-up must refuse short PINs on a station
 *   (core/app/deployment-rules.ts). The recorded length is also enforced at every check, so a
 *   length edited by hand makes the hash match nothing rather than pass a short PIN off as long.
 * - `scrypt$N$r$p$salt$hash`, the format before lengths were recorded: still verified, but its
 *   length is unknown, so a production build refuses to start with it (make a new one).
 */
const N = 32_768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/** The shortest PIN a production build accepts. */
export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;

/**
 * The PIN of the sample configuration (kiosk-config/default.json), published in the README. A
 * production build refuses any hash of it, not only the sample's own.
 */
export const SAMPLE_TECHNICIAN_PIN = '246810';

export interface ParsedPinHash {
  /** The PIN's length, or null for a hash in the old format that did not record it. */
  readonly digits: number | null;
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly key: Buffer;
}

/**
 * `n` is scrypt's cost; the hash records it, so verifying follows whatever cost a hash was made
 * with. Only tests of the lockout rules, which check dozens of PINs, pass a lower one.
 */
export function hashPin(pin: string, salt: Buffer = randomBytes(16), n: number = N): string {
  if (!/^[0-9]+$/.test(pin)) throw new Error('a technician PIN is digits only');
  const key = scryptSync(pin, salt, KEY_LENGTH, { N: n, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['pin', pin.length, 'scrypt', n, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The parts of a hash in either format, or null when it is malformed or absurdly expensive. */
export function parsePinHash(encoded: string): ParsedPinHash | null {
  let parts = encoded.split('$');
  let digits: number | null = null;
  if (parts[0] === 'pin') {
    if (!/^[0-9]{1,2}$/.test(parts[1] ?? '')) return null;
    digits = Number(parts[1]);
    if (digits < 1 || digits > MAX_PIN_DIGITS) return null;
    parts = parts.slice(2);
  }
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (!n || !r || !p || salt.length < 8 || key.length < 16) return null;
  if (n > 1 << 20 || r > 32 || p > 16) return null;
  return { digits, n, r, p, salt, key };
}

/** Constant-time check; a malformed hash, or a PIN of another length than recorded, never matches. */
export function verifyPin(pin: string, encoded: string): boolean {
  const parsed = parsePinHash(encoded);
  if (!parsed) return false;
  if (parsed.digits !== null && pin.length !== parsed.digits) return false;
  const { n, r, p, salt, key: expected } = parsed;
  const key = scryptSync(pin, salt, expected.length, { N: n, r, p, maxmem: 256 * 1024 * 1024 });
  return timingSafeEqual(key, expected);
}
