import { describe, expect, it } from 'vitest';
import { apiSubprotocols } from '../api/launch-key';
import { admitApiConnection, createLaunchKey, createRefusalLog, MAX_API_CONNECTIONS, sameLaunchKey } from './api-door';

const ORIGIN = 'http://127.0.0.1:5123';
const KEY = createLaunchKey();
const ours = (protocols: string[]) => ({ host: '127.0.0.1:5123', origin: ORIGIN, protocols: protocols.join(', ') });

describe('the API door', () => {
  it('makes 256-bit base64url keys, a new one each time', () => {
    expect(KEY).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createLaunchKey()).not.toBe(KEY);
  });

  it('compares keys exactly, whatever their lengths', () => {
    expect(sameLaunchKey(KEY, KEY)).toBe(true);
    expect(sameLaunchKey(KEY, KEY.slice(0, -1))).toBe(false);
    expect(sameLaunchKey(KEY, `${KEY}x`)).toBe(false);
    expect(sameLaunchKey(KEY, '')).toBe(false);
  });

  it('checks origin, then the key, then the count', () => {
    const expected = { origin: ORIGIN, key: KEY };
    expect(admitApiConnection(ours(apiSubprotocols(KEY)), expected, 0)).toEqual({ admit: true });
    expect(admitApiConnection({ ...ours(apiSubprotocols(KEY)), origin: 'null' }, expected, 0)).toMatchObject({
      status: 403,
      reason: 'foreignOrigin',
    });
    expect(admitApiConnection(ours(apiSubprotocols(null)), expected, 0)).toMatchObject({ reason: 'noKey' });
    expect(admitApiConnection(ours(apiSubprotocols(createLaunchKey())), expected, 0)).toMatchObject({
      reason: 'wrongKey',
    });
    // A stranger is refused for its key, not the count, so it cannot tell how busy the door is.
    expect(admitApiConnection(ours(apiSubprotocols(null)), expected, MAX_API_CONNECTIONS)).toMatchObject({
      reason: 'noKey',
    });
    expect(admitApiConnection(ours(apiSubprotocols(KEY)), expected, MAX_API_CONNECTIONS)).toEqual({
      admit: false,
      status: 503,
      reason: 'tooManyConnections',
    });
    expect(admitApiConnection(ours(apiSubprotocols(KEY)), expected, MAX_API_CONNECTIONS - 1)).toEqual({ admit: true });
  });
});

describe('the refusal log', () => {
  it('logs the first refusal of each reason, then one per interval with the count left out', () => {
    const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
    let now = 0;
    const log = createRefusalLog(
      (fields, message) => lines.push({ fields, message }),
      () => now,
      10_000,
    );
    log.refused('noKey', { host: 'h', origin: 'o' });
    log.refused('wrongKey', { host: 'h', origin: 'o' });
    for (let i = 0; i < 500; i++) log.refused('noKey', { host: 'h', origin: 'o' });
    expect(lines.map((line) => line.fields['reason'])).toEqual(['noKey', 'wrongKey']);
    now = 10_000;
    log.refused('noKey', { host: 'h', origin: 'o'.repeat(1000) });
    expect(lines).toHaveLength(3);
    expect(lines[2]?.fields).toMatchObject({ reason: 'noKey', notLogged: 500 });
    expect(String(lines[2]?.fields['origin'])).toHaveLength(200);
    expect(lines[2]?.message).toMatch(/^refused an API connection: no launch key offered/);
  });
});
