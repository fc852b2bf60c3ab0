import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which host `npm start` can run here. Electron when its binary is present (it cannot be
 * downloaded on our build machines, docs/dependencies.md §1.3), otherwise the browser host shown in
 * Debian Chromium's kiosk mode, otherwise — no display — the browser host alone, headless.
 */
export type HostChoice =
  { kind: 'electron'; binary: string } | { kind: 'chromium'; binary: string } | { kind: 'headless'; reason: string };

export interface HostEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly root: string;
  readonly isExecutable: (path: string) => boolean;
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Electron binary the `electron` package would use, found without requiring the package (which would try to download it). */
export function findElectronBinary(environment: HostEnvironment): string | null {
  const packageDir = join(environment.root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const override = environment.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return environment.isExecutable(candidate) ? candidate : null;
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(environment: HostEnvironment): string | null {
  const chosen = environment.env['KIOSK_CHROMIUM'];
  if (chosen) return environment.isExecutable(chosen) ? chosen : null;
  return CHROMIUM_CANDIDATES.find((path) => environment.isExecutable(path)) ?? null;
}

/**
 * `KIOSK_HOST=electron|browser|headless` forces a choice (an impossible one is reported, not
 * silently replaced); otherwise the best available host wins.
 */
export function chooseHost(environment: HostEnvironment): HostChoice | { kind: 'unavailable'; reason: string } {
  const forced = environment.env['KIOSK_HOST'];
  const hasDisplay = Boolean(environment.env['DISPLAY'] || environment.env['WAYLAND_DISPLAY']);

  if (forced === 'headless') return { kind: 'headless', reason: 'KIOSK_HOST=headless' };
  if (forced && !['electron', 'browser'].includes(forced)) {
    return { kind: 'unavailable', reason: `KIOSK_HOST=${forced} is not a host; use electron, browser or headless` };
  }

  if (forced !== 'browser') {
    const electron = findElectronBinary(environment);
    if (electron && hasDisplay) return { kind: 'electron', binary: electron };
    if (forced === 'electron') {
      return {
        kind: 'unavailable',
        reason: electron
          ? 'KIOSK_HOST=electron but there is no display (DISPLAY / WAYLAND_DISPLAY unset)'
          : 'KIOSK_HOST=electron but no Electron binary was found (node_modules/electron/dist or ELECTRON_OVERRIDE_DIST_PATH)',
      };
    }
  }

  if (!hasDisplay) return { kind: 'headless', reason: 'no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  const chromium = findChromium(environment);
  if (chromium) return { kind: 'chromium', binary: chromium };
  return { kind: 'headless', reason: 'no Chromium found (install the Debian package chromium, or set KIOSK_CHROMIUM)' };
}
