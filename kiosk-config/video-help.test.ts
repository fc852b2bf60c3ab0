import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKioskConfig } from './load';

/** 视频帮办's part of the station config: the face camera, the microphone and the videoHelp section. */

const DEFAULT = join(import.meta.dirname, 'default.json');
type Json = Record<string, Record<string, unknown>>;

function parse(change: (config: Json) => void) {
  const config = JSON.parse(readFileSync(DEFAULT, 'utf8')) as Json;
  change(config);
  return parseKioskConfig(JSON.stringify(config), '/etc/bianmin-kiosk/kiosk.json');
}
function problems(change: (config: Json) => void): string[] {
  const result = parse(change);
  if (result.ok) throw new Error('the config was accepted');
  return [...result.error.problems];
}
const devices = (config: Json) => config['devices'] as Record<string, unknown>;

describe('video help in the station config', () => {
  it('default.json (the demo config) has emulated face camera and microphone and video help on', () => {
    const result = parse(() => undefined);
    if (!result.ok) throw new Error(result.error.problems.join('\n'));
    expect(result.value.config.devices.faceCamera).toEqual({ mode: 'emulated' });
    expect(result.value.config.devices.microphone).toEqual({ mode: 'emulated' });
    expect(result.value.config.videoHelp).toEqual({ enabled: true });
  });

  it('accepts real devices picked by label, or the first one without a label', () => {
    const result = parse((config) => {
      devices(config)['faceCamera'] = { mode: 'real', deviceLabel: 'USB Camera (0c45:6366)' };
      devices(config)['microphone'] = { mode: 'real' };
    });
    if (!result.ok) throw new Error(result.error.problems.join('\n'));
    expect(result.value.config.devices.faceCamera).toEqual({ mode: 'real', deviceLabel: 'USB Camera (0c45:6366)' });
    expect(result.value.config.devices.microphone).toEqual({ mode: 'real' });
  });

  it('leaves all three out for a station without video help', () => {
    const result = parse((config) => {
      delete devices(config)['faceCamera'];
      delete devices(config)['microphone'];
      delete config['videoHelp'];
    });
    if (!result.ok) throw new Error(result.error.problems.join('\n'));
    expect(result.value.config.devices.faceCamera).toBeUndefined();
    expect(result.value.config.devices.microphone).toBeUndefined();
    expect(result.value.config.videoHelp).toBeUndefined();
  });

  it('refuses an unknown mode, naming the allowed ones', () => {
    expect(problems((config) => (devices(config)['faceCamera'] = { mode: 'webcam' }))).toEqual([
      'devices.faceCamera.mode: "webcam" is not allowed; allowed: "emulated", "real"',
    ]);
  });

  it('refuses an empty label and settings the devices do not have', () => {
    expect(problems((config) => (devices(config)['microphone'] = { mode: 'real', deviceLabel: '  ' }))).toEqual([
      'devices.microphone.deviceLabel: "  " is too small; allowed: at least 1 characters',
    ]);
    // A label means nothing for Chromium's fake devices; a serial link means nothing for either.
    expect(problems((config) => (devices(config)['faceCamera'] = { mode: 'emulated', deviceLabel: 'x' }))).toEqual([
      'devices.faceCamera.deviceLabel: is not a known setting (check the spelling); remove it or rename it',
    ]);
    expect(problems((config) => (devices(config)['microphone'] = { mode: 'emulated', link: 'pty' }))).toEqual([
      'devices.microphone.link: is not a known setting (check the spelling); remove it or rename it',
    ]);
  });

  it('refuses a videoHelp section without enabled, or with a typo', () => {
    expect(problems((config) => (config['videoHelp'] = {}))).toEqual([
      'videoHelp.enabled: is missing; expected a boolean',
    ]);
    expect(problems((config) => (config['videoHelp'] = { enabled: 'yes' }))).toEqual([
      'videoHelp.enabled: "yes" is not allowed; expected a boolean',
    ]);
    expect(problems((config) => (config['videoHelp'] = { enabled: true, enable: true }))).toEqual([
      'videoHelp.enable: is not a known setting (check the spelling); remove it or rename it',
    ]);
  });
});
