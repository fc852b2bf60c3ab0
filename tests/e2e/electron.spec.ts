import { _electron as electron, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { findElectronBinary, isExecutable } from '../../scripts/start/hosts';
import { ROOT, writeTestConfig } from './support/kiosk-process';

/**
 * The Electron host, driven through Playwright's `_electron`. It runs wherever an Electron
 * binary exists (node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH) and a display is
 * available; elsewhere it is reported as skipped with the reason.
 */
const binary = findElectronBinary({ env: process.env, root: ROOT, isExecutable });
const display = process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY'];

test.skip(
  !binary,
  'no Electron binary on this machine (it cannot be downloaded here; set ELECTRON_OVERRIDE_DIST_PATH)',
);
test.skip(!display, 'no display for the Electron window (DISPLAY / WAYLAND_DISPLAY unset)');

test('the Electron host shows the home screen through IPC, locked down', async () => {
  const config = writeTestConfig();
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(ROOT, 'out/electron/main.cjs')],
    env: { ...process.env, KIOSK_CONFIG: config.path },
  });
  const window = await app.firstWindow();
  expect(new URL(window.url()).origin).toBe('app://kiosk');
  expect(await window.evaluate(() => Object.keys((window as unknown as { kiosk: object }).kiosk).sort())).toEqual([
    'invoke',
    'on',
  ]);
  expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  await window.getByTestId('attract-screen').click();
  await expect(window.getByTestId('home-screen')).toContainText('62');
  await app.close();
  config.cleanup();
});
