import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { KIOSK_PARTITION } from './session-lockdown';

/** Painted before the first frame so a (re)load never flashes white; matches the out-of-service page. */
export const WINDOW_BACKGROUND = '#10325f';

export interface KioskWindowOptions {
  readonly devMode: boolean;
  /** The built, bundled preload (out/electron/preload.cjs). */
  readonly preloadPath: string;
}

/** Each flag cites the docs/reliability.md §1.1 checklist item it keeps. */
export function kioskWebPreferences(options: KioskWindowOptions): WebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true, // item 3
    sandbox: true, // item 4: the preload uses only contextBridge and ipcRenderer
    nodeIntegration: false, // item 2
    nodeIntegrationInWorker: false, // item 2, workers too
    nodeIntegrationInSubFrames: false,
    webviewTag: false, // items 11-12
    webSecurity: true, // item 6
    allowRunningInsecureContent: false, // item 8
    experimentalFeatures: false, // item 9
    navigateOnDragDrop: false, // §1.4 drag-and-drop navigation
    spellcheck: false, // §1.4 context menu / spell-check
    devTools: options.devMode, // §1.4 DevTools shortcuts
    // alert/confirm/prompt would block the touch UI behind a native dialog nobody can dismiss.
    disableDialogs: true,
    // The window is always in front; idle timers and read-aloud must not be throttled.
    backgroundThrottling: false,
    // Voice mode speaks each screen as it appears, which is not always right after a touch
    // (the idle question, a card read); the kiosk's own audio must not wait for a gesture.
    autoplayPolicy: 'no-user-gesture-required',
    partition: KIOSK_PARTITION, // in memory only: nothing of a resident reaches disk
  };
}

export function kioskWindowOptions(options: KioskWindowOptions): BrowserWindowConstructorOptions {
  return {
    title: 'bianmin-kiosk',
    // Linux kiosk mode is only fullscreen (electron#3646); the OS session does the real lockdown.
    kiosk: true,
    fullscreen: true,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    // Shown at once over a solid background rather than on `ready-to-show`: if the first load
    // never renders (a crashed renderer), a kiosk must not sit there with no window at all.
    show: true,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: kioskWebPreferences(options),
  };
}

export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  return new BrowserWindow(kioskWindowOptions(options));
}
