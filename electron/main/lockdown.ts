import type { App, WebContents } from 'electron';
import type { Logger } from '../../core/logging/logger';
import { shouldBlockInput } from './input-filter';
import { isKioskUrl } from './origin';

export interface LockdownOptions {
  readonly devMode: boolean;
  readonly logger: Logger;
}

/** Navigation is allowed only inside `app://kiosk` (checklist item 13; URL-parsed in isKioskUrl). */
export function isAllowedNavigation(url: string): boolean {
  return isKioskUrl(url);
}

/**
 * Applies the per-page rules to every webContents Electron creates, including ones we never asked
 * for, so a popup, a <webview> guest or a DevTools host cannot start life unlocked
 * (docs/reliability.md §1.4 "New windows / popups": handle `web-contents-created` globally).
 */
export function installWebContentsLockdown(app: Pick<App, 'on'>, options: LockdownOptions): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, options));
}

export function lockDownWebContents(contents: WebContents, options: LockdownOptions): void {
  const { devMode, logger } = options;

  // Link clicks, `location =`, drag-and-drop of a file or URL (electron#5919, #1965), redirects
  // and navigations inside frames: all stay on our origin or do not happen.
  const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    logger.warn({ kind, url: event.url }, 'blocked navigation away from the kiosk');
  };
  contents.on('will-navigate', guard('will-navigate'));
  contents.on('will-redirect', guard('will-redirect'));
  contents.on('will-frame-navigate', guard('will-frame-navigate'));

  // window.open, target=_blank, middle-click (checklist item 14): there is no other window.
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn({ url }, 'blocked a new window');
    return { action: 'deny' };
  });

  // webviewTag is off; this refuses a <webview> even if that preference were ever flipped
  // (checklist items 11-12).
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a <webview>');
  });

  // Web Bluetooth's picker is a webContents event, unlike HID/serial/USB (see session-lockdown).
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });

  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input, devMode)) {
      event.preventDefault();
      return;
    }
    // With the application menu removed there is no DevTools accelerator; give developers one.
    if (devMode && input.type === 'keyDown' && input.key === 'F12') contents.toggleDevTools();
  });

  // Pinch zoom is on by default and a stuck touch after a pinch freezes scrolling
  // (docs/reliability.md §1.4, gitify#40, electron#8615). Re-applied after each load.
  const lockZoom = () => {
    contents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => {
      logger.warn({ err: error }, 'could not lock the visual zoom level');
    });
  };
  lockZoom();
  contents.on('did-finish-load', lockZoom);
}
