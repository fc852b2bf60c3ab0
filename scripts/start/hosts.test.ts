import { describe, expect, it } from 'vitest';
import { chromiumKioskArgs } from './chromium';
import { parseXdpyinfoDimensions } from './screen-size';
import { chooseHost, type HostEnvironment } from './hosts';

function environment(env: NodeJS.ProcessEnv, executables: string[]): HostEnvironment {
  return { env, root: '/repo', isExecutable: (path) => executables.includes(path) };
}
const ELECTRON = '/repo/node_modules/electron/dist/electron';

describe('chooseHost', () => {
  it('starts Electron when its binary and a display exist', () => {
    expect(chooseHost(environment({ DISPLAY: ':0' }, [ELECTRON, '/usr/bin/chromium']))).toEqual({
      kind: 'electron',
      binary: ELECTRON,
    });
  });

  it('finds Electron through ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(
      chooseHost(environment({ DISPLAY: ':0', ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' }, ['/opt/e/electron'])),
    ).toEqual({
      kind: 'electron',
      binary: '/opt/e/electron',
    });
  });

  it('falls back to Chromium kiosk mode without an Electron binary', () => {
    expect(chooseHost(environment({ WAYLAND_DISPLAY: 'wayland-0' }, ['/usr/bin/chromium']))).toEqual({
      kind: 'chromium',
      binary: '/usr/bin/chromium',
    });
  });

  it('runs headless, saying why, without a display or without a browser', () => {
    expect(chooseHost(environment({}, [ELECTRON, '/usr/bin/chromium']))).toMatchObject({
      kind: 'headless',
      reason: expect.stringMatching(/no display/),
    });
    expect(chooseHost(environment({ DISPLAY: ':0' }, []))).toMatchObject({
      kind: 'headless',
      reason: expect.stringMatching(/no Chromium/),
    });
  });

  it('obeys KIOSK_HOST and reports an impossible choice instead of replacing it', () => {
    expect(
      chooseHost(environment({ DISPLAY: ':0', KIOSK_HOST: 'browser' }, [ELECTRON, '/usr/bin/chromium'])),
    ).toMatchObject({ kind: 'chromium' });
    expect(chooseHost(environment({ DISPLAY: ':0', KIOSK_HOST: 'headless' }, [ELECTRON]))).toMatchObject({
      kind: 'headless',
    });
    expect(chooseHost(environment({ DISPLAY: ':0', KIOSK_HOST: 'electron' }, []))).toMatchObject({
      kind: 'unavailable',
      reason: expect.stringMatching(/no Electron binary/),
    });
    expect(chooseHost(environment({ KIOSK_HOST: 'firefox' }, []))).toMatchObject({ kind: 'unavailable' });
  });

  it('uses KIOSK_CHROMIUM when given, and only if it exists', () => {
    expect(
      chooseHost(environment({ DISPLAY: ':0', KIOSK_CHROMIUM: '/opt/c' }, ['/opt/c', '/usr/bin/chromium'])),
    ).toEqual({ kind: 'chromium', binary: '/opt/c' });
    expect(chooseHost(environment({ DISPLAY: ':0', KIOSK_CHROMIUM: '/opt/c' }, ['/usr/bin/chromium']))).toMatchObject({
      kind: 'headless',
    });
  });
});

describe('chromiumKioskArgs', () => {
  it('opens the kiosk URL fullscreen with a fresh profile, no background networking and no devtools', () => {
    const args = chromiumKioskArgs('http://127.0.0.1:5000/', '/tmp/p', {
      devMode: false,
      asRoot: false,
      screen: { width: 1080, height: 1920 },
    });
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        '--app=http://127.0.0.1:5000/',
        '--user-data-dir=/tmp/p',
        '--disable-background-networking',
        '--disable-dev-tools',
        '--window-size=1080,1920',
      ]),
    );
    expect(args).not.toContain('--no-sandbox');
    expect(chromiumKioskArgs('http://x/', '/tmp/p', { devMode: true, asRoot: false, screen: null })).not.toContain(
      '--disable-dev-tools',
    );
    expect(chromiumKioskArgs('http://x/', '/tmp/p', { devMode: false, asRoot: true, screen: null })).toContain(
      '--no-sandbox',
    );
  });
});

describe('parseXdpyinfoDimensions', () => {
  it('reads the screen size xdpyinfo prints', () => {
    expect(parseXdpyinfoDimensions('screen #0:\n  dimensions:    1080x1920 pixels (274x488 millimeters)\n')).toEqual({
      width: 1080,
      height: 1920,
    });
    expect(parseXdpyinfoDimensions('no screen here')).toBeNull();
  });
});
