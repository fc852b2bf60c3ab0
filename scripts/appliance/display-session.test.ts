import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kioskConfigIn } from '../../tests/helpers/kiosk-config-on-disk';
import { CAGE, cageArgs, CONSOLE_NEVER_BLANK, readDisplaySettings } from './display-session';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'display-session-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const inside = ['/opt/node', '/opt/app/display.mjs', '--in-cage'];

describe('the display session', () => {
  it('turns the output once for a portrait station and not at all otherwise', () => {
    expect(cageArgs('portrait', inside)).toEqual(['-d', '-r', '--', ...inside]);
    expect(cageArgs('landscape', inside)).toEqual(['-d', '--', ...inside]);
    expect(cageArgs('auto', inside)).toEqual(['-d', '--', ...inside]);
  });

  it('uses only flags the installed cage has', () => {
    const help = spawnSync(CAGE, ['-h'], { encoding: 'utf8' });
    const text = `${help.stdout}${help.stderr}`;

    expect(text).toMatch(/^\s*-d\s+Don't draw client side decorations/m);
    expect(text).toMatch(/^\s*-r\s+Rotate the output 90 degrees clockwise/m);
  });

  it('follows ui.orientation and the document camera from the config', () => {
    kioskConfigIn(dir, (config) => {
      config['ui'] = { ...(config['ui'] as object), orientation: 'portrait' };
    });

    expect(readDisplaySettings(join(dir, 'kiosk.json'))).toEqual({
      orientation: 'portrait',
      documentCamera: expect.objectContaining({ mode: 'emulated' }),
      problem: null,
    });
  });

  it('starts unrotated when the config cannot be read, and says why', () => {
    writeFileSync(join(dir, 'kiosk.json'), '{"ui": ');

    const settings = readDisplaySettings(join(dir, 'kiosk.json'));

    expect(settings.orientation).toBe('auto');
    expect(settings.problem).toContain('not valid JSON');
    expect(readDisplaySettings(join(dir, 'missing.json')).problem).toContain('does not exist');
  });

  it('turns console blanking off with the bytes setterm writes for it', () => {
    const setterm = spawnSync('setterm', ['--blank', '0', '--powerdown', '0'], {
      encoding: 'utf8',
      env: { ...process.env, TERM: 'linux' },
    });

    expect(setterm.status).toBe(0);
    expect(CONSOLE_NEVER_BLANK).toBe(setterm.stdout);
  });
});
