import { describe, expect, it } from 'vitest';
import { trackReachability } from './reachability';

const options = (fetch: typeof globalThis.fetch) => ({ baseUrl: 'http://p', token: 't', timeoutMs: 100, fetch });

describe('trackReachability', () => {
  it('is unknown until the first request, then follows the latest outcome', async () => {
    let fail = true;
    const tracked = trackReachability(
      options(() =>
        fail ? Promise.reject(new TypeError('fetch failed')) : Promise.resolve(new Response('{}', { status: 422 })),
      ),
    );
    expect(tracked.reachability()).toBe('unknown');
    await expect(tracked.platform.fetch!('http://p/x')).rejects.toThrow('fetch failed');
    expect(tracked.reachability()).toBe('unreachable');
    fail = false;
    // A refusal is still an answer: the platform is there.
    expect((await tracked.platform.fetch!('http://p/x')).status).toBe(422);
    expect(tracked.reachability()).toBe('reachable');
  });

  it('counts an overloaded 503 as unreachable for now', async () => {
    const tracked = trackReachability(options(() => Promise.resolve(new Response('', { status: 503 }))));
    await tracked.platform.fetch!('http://p/x');
    expect(tracked.reachability()).toBe('unreachable');
  });
});
