import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, passwordWeakness, verifyPassword } from './passwords';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('console passwords', () => {
  it('verifies the right password only, with a fresh salt each time and the cost stored beside the hash', async () => {
    const first = await hashPassword('correct horse battery', CHEAP);
    const second = await hashPassword('correct horse battery', CHEAP);
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(second).not.toBe(first);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'scrypt$1024$8$1$AAAA$short')).toBe(false);
    expect(await verifyPassword('correct horse battery', 'plain text')).toBe(false);
  });

  it('says when a hash was made at another cost, so the next login can raise it', async () => {
    const old = await hashPassword('correct horse battery', CHEAP);
    expect(needsRehash(old, CHEAP)).toBe(false);
    expect(needsRehash(old, { ...CHEAP, N: 2 ** 11 })).toBe(true);
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
  });

  it('refuses short, username-bearing, common and monotonous passwords', () => {
    expect(passwordWeakness('short1234', 'wang.li')).toMatch(/at least 10/);
    expect(passwordWeakness('my-wang.li-pass', 'wang.li')).toMatch(/username/);
    expect(passwordWeakness('Password123', 'wang.li')).toMatch(/common/);
    expect(passwordWeakness('abababababab', 'wang.li')).toMatch(/different characters/);
    expect(passwordWeakness('县里的打印机没纸了-2026', 'wang.li')).toBeNull();
  });
});
