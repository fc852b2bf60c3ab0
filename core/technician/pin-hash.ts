import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Technician PINs are kept only as scrypt hashes: `scrypt$N$r$p$salt$hash` (base64url). N = 2^15
 * costs ~50 ms here, which makes guessing a 6-digit PIN from a stolen config file slow and a
 * single check at the kiosk unnoticeable. Lockout after five tries is the on-kiosk defence.
 */
const N = 32_768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export function hashPin(pin: string, salt: Buffer = randomBytes(16)): string {
  const key = scryptSync(pin, salt, KEY_LENGTH, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Constant-time check; a malformed hash never matches. */
export function verifyPin(pin: string, encoded: string): boolean {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (!n || !r || !p || salt.length < 8 || expected.length < 16) return false;
  if (n > 1 << 20 || r > 32 || p > 16) return false;
  const key = scryptSync(pin, salt, expected.length, { N: n, r, p, maxmem: 256 * 1024 * 1024 });
  return timingSafeEqual(key, expected);
}
