import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveVideoHelpSettings } from './config';
import { icePlanFor, turnPassword } from './ice-plan';

describe('video help settings', () => {
  it('is off without a section, and takes the defaults with an empty one', () => {
    expect(resolveVideoHelpSettings(undefined)).toEqual({ ok: true, value: null });
    expect(resolveVideoHelpSettings({})).toEqual({
      ok: true,
      value: {
        iceServers: [],
        turn: null,
        iceTransportPolicy: 'all',
        recording: 'off',
        answerWithinMs: 120_000,
        reconnectGraceMs: 10_000,
      },
    });
  });

  it('refuses relay without TURN, a secret given twice, a short secret file and an unknown key', () => {
    const refused = (input: unknown) => {
      const result = resolveVideoHelpSettings(input);
      return result.ok ? 'accepted' : result.error;
    };
    expect(refused({ iceTransportPolicy: 'relay' })).toMatch(/relay.*TURN/);
    expect(refused({ turn: { urls: ['turn:t:3478'], secret: 'x'.repeat(16), secretFile: '/f' } })).toMatch(
      /one of them/,
    );
    const dir = mkdtempSync(join(tmpdir(), 'turn-'));
    writeFileSync(join(dir, 'secret'), 'short\n');
    expect(refused({ turn: { urls: ['turn:t:3478'], secretFile: join(dir, 'secret') } })).toMatch(/at least 16/);
    expect(refused({ turn: { urls: ['turn:t:3478'], secretFile: join(dir, 'missing') } })).toMatch(/cannot read/);
    expect(refused({ recordings: 'on' })).toMatch(/recordings/);
  });
});

describe('the ICE plan of a call', () => {
  it("mints coturn's REST credential: expiry:callId signed with the shared secret", () => {
    const secret = 'county-turn-secret-0123456789';
    const settings = resolveVideoHelpSettings({
      iceServers: [{ urls: ['stun:stun.county.example:3478'] }],
      turn: { urls: ['turn:turn.county.example:3478?transport=udp'], secret, ttlSeconds: 600 },
      iceTransportPolicy: 'relay',
    });
    if (!settings.ok || !settings.value) throw new Error('settings refused');
    const now = new Date('2026-03-02T02:00:00Z');
    const plan = icePlanFor(settings.value, 'VC-20260302-0001', now);
    const expiry = now.getTime() / 1000 + 600;
    expect(plan.iceTransportPolicy).toBe('relay');
    expect(plan.iceServers[0]).toEqual({ urls: ['stun:stun.county.example:3478'] });
    expect(plan.iceServers[1]).toEqual({
      urls: ['turn:turn.county.example:3478?transport=udp'],
      username: `${expiry}:VC-20260302-0001`,
      credential: createHmac('sha1', secret).update(`${expiry}:VC-20260302-0001`).digest('base64'),
    });
    // A fixed vector (computed once with openssl-compatible HMAC-SHA1), so a change of hash,
    // key or encoding cannot pass unnoticed.
    expect(turnPassword('secret', '1700000000:VC-20260302-0001')).toBe('Vc4kLZMvcU36yaAd81sl1WnDuIo=');
  });
});
