import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveVideoHelpSettings } from '../video-help/config';
import { videoHelpOptionsFrom } from './video-help-options';

describe('npm run platform video help flags', () => {
  it('leaves video help off without any of its flags, and --video-help alone gives the defaults', () => {
    expect(videoHelpOptionsFrom({})).toEqual({ ok: true, value: undefined });
    const on = videoHelpOptionsFrom({ 'video-help': true });
    expect(on).toEqual({ ok: true, value: { iceServers: [] } });
    expect(on.ok && resolveVideoHelpSettings(on.value)).toMatchObject({
      ok: true,
      value: { iceServers: [], turn: null, iceTransportPolicy: 'all', recording: 'off', answerWithinMs: 120_000 },
    });
  });

  it('turns STUN, TURN with its secret file, relay, recording and the answer limit into settings start-up accepts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'video-cli-'));
    try {
      const secretFile = join(dir, 'turn-secret');
      writeFileSync(secretFile, 'a-coturn-static-auth-secret\n', { mode: 0o600 });
      const options = videoHelpOptionsFrom({
        stun: ['stun:stun.example.cn:3478'],
        turn: ['turn:turn.example.cn:3478?transport=udp', 'turns:turn.example.cn:5349'],
        'turn-secret-file': secretFile,
        'ice-transport-policy': 'relay',
        'video-recording': 'with-consent',
        'video-answer-within': '90',
      });
      expect(options.ok).toBe(true);
      const settings = options.ok ? resolveVideoHelpSettings(options.value) : undefined;
      expect(settings).toMatchObject({
        ok: true,
        value: {
          iceServers: [{ urls: ['stun:stun.example.cn:3478'] }],
          turn: { secret: 'a-coturn-static-auth-secret', ttlSeconds: 3600 },
          iceTransportPolicy: 'relay',
          recording: 'withConsent',
          answerWithinMs: 90_000,
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses flags that cannot work', () => {
    expect(videoHelpOptionsFrom({ turn: ['turn:t.example.cn'] })).toMatchObject({ ok: false });
    expect(videoHelpOptionsFrom({ 'turn-secret-file': '/x' })).toMatchObject({ ok: false });
    expect(videoHelpOptionsFrom({ stun: ['http://x'] })).toMatchObject({ ok: false });
    expect(videoHelpOptionsFrom({ 'ice-transport-policy': 'tcp' })).toMatchObject({ ok: false });
    expect(videoHelpOptionsFrom({ 'video-recording': 'always' })).toMatchObject({ ok: false });
    expect(videoHelpOptionsFrom({ 'video-answer-within': '2m' })).toMatchObject({ ok: false });
    // relay without TURN is refused by the settings themselves, so start-up stops.
    const relay = videoHelpOptionsFrom({ 'ice-transport-policy': 'relay' });
    expect(relay.ok && resolveVideoHelpSettings(relay.value)).toMatchObject({ ok: false });
  });
});
