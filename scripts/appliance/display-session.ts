import { loadKioskConfig } from '../../kiosk-config/load';
import type { KioskConfig } from '../../kiosk-config/schema';

/**
 * How the station's screen session is started: cage on the unit's virtual terminal, rotated as
 * `ui.orientation` says, running this launcher again inside it to show Chromium
 * (packaging/systemd/bianmin-kiosk-display.service).
 */
export type Orientation = KioskConfig['ui']['orientation'];

export const CAGE = '/usr/bin/cage';
/** The argument that tells the launcher it runs inside cage. */
export const IN_CAGE_ARG = '--in-cage';

/**
 * cage 0.1.4 (Debian 12) can only rotate its output at start, by 90° clockwise for each `-r`, and
 * has no per-output transform. A portrait station is a landscape panel mounted on its side: one
 * turn. `auto` and `landscape` leave the panel as it is. `-d`: no client-side window decorations.
 */
export function cageArgs(orientation: Orientation, inside: readonly string[]): string[] {
  return ['-d', ...(orientation === 'portrait' ? ['-r'] : []), '--', ...inside];
}

export interface DisplaySettings {
  readonly orientation: Orientation;
  /** How Chromium gets the document camera (scripts/start/chromium.ts documentCameraArgs). */
  readonly documentCamera: { readonly mode: 'emulated' | 'real' };
  /** Why the config could not be read, when it could not. */
  readonly problem: string | null;
}

/**
 * What the screen needs from the config. A config the kiosk cannot load does not stop the screen:
 * the service refuses it and says why; the screen starts unrotated and waits for the service.
 */
export function readDisplaySettings(configPath: string): DisplaySettings {
  const loaded = loadKioskConfig(configPath);
  if (!loaded.ok) {
    return { orientation: 'auto', documentCamera: { mode: 'real' }, problem: loaded.error.problems.join('; ') };
  }
  const { ui, devices } = loaded.value.config;
  return { orientation: ui.orientation, documentCamera: devices.documentCamera, problem: null };
}

/**
 * What `setterm --blank 0 --powerdown 0` writes (console_codes(4): ESC [ 9 ; n ] sets the blanking
 * interval, ESC [ 14 ; n ] the powerdown interval, 0 = never). Written to the virtual terminal
 * before cage takes it, so the kernel console never blanks the screen whatever consoleblank= the
 * kernel was booted with. Under cage nothing else blanks it: cage has no idle timeout or DPMS.
 */
export const CONSOLE_NEVER_BLANK = '\x1b[9;0]\x1b[14;0]';
