import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Console passwords: scrypt from node:crypto with a per-user random salt. The stored text carries
 * the cost parameters beside the hash (`scrypt$N$r$p$salt$hash`, base64url), so the cost can be
 * raised later: old hashes still verify with their own parameters and are re-hashed at the next
 * successful login (needsRehash).
 *
 * scrypt runs on libuv's thread pool (async), never on the event loop: one check at the default
 * cost takes from a quarter to over a second of CPU, and the kiosks' API must not stall meanwhile.
 */

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's scrypt minimum (N=2^17, r=8, p=1): about 128 MiB and some tens of ms a check. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // scrypt needs 128·N·r bytes; node's default cap (32 MiB) is below the default cost.
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

interface StoredHash {
  readonly cost: ScryptCost;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function parseStored(stored: string): StoredHash | undefined {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every((value) => Number.isInteger(value) && value > 0)) return undefined;
  return { cost, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

/** Constant-time comparison of the derived key; a malformed stored hash never verifies. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed || parsed.hash.byteLength !== KEY_BYTES) return false;
  return timingSafeEqual(await derive(password, parsed.salt, parsed.cost), parsed.hash);
}

/** True when the stored hash was made with other parameters than `cost` (raise them by re-hashing). */
export function needsRehash(stored: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): boolean {
  const parsed = parseStored(stored);
  return !parsed || parsed.cost.N !== cost.N || parsed.cost.r !== cost.r || parsed.cost.p !== cost.p;
}

/**
 * Passwords people pick first; a short list on purpose (the length rule does most of the work),
 * with the Chinese keyboard and pinyin favourites beside the international ones.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '0987654321',
  '1111111111',
  '1234512345',
  '1234567890a',
  'a123456789',
  'qwertyuiop',
  'qwertyuiop1',
  'qwerty12345',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'asdfghjkl1',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'admin12345',
  'admin123456',
  'administrator',
  'iloveyou123',
  'woaini1314',
  'woaini520520',
  '5201314520',
  'aaaaaaaaaa',
  'abc1234567',
  'abcdefghij',
  'abcd123456',
  'changeme123',
  'welcome123',
  'letmein123',
  'bianmin123',
  'bianmin1234',
  'bianmin12345',
]);

export const PASSWORD_MIN_LENGTH = 10;

/** Why a new password is refused, or null when it may be used. */
export function passwordWeakness(password: string, username: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `use at least ${PASSWORD_MIN_LENGTH} characters`;
  const folded = password.toLowerCase();
  if (folded.includes(username.toLowerCase())) return 'the password must not contain the username';
  if (COMMON_PASSWORDS.has(folded)) return 'this password is on the list of common passwords';
  if (new Set(folded).size < 4) return 'use more than three different characters';
  return null;
}
