import type { App, BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, fakeEvent, FakeBrowserWindow, resetFakeElectron, type FakeWebContents } from '../test/fake-electron';
import { recordingLogger, WARN } from '../test/recording-logger';
import { installWebContentsLockdown } from './lockdown';
import { KIOSK_PARTITION } from './session-lockdown';
import { createKioskWindow, WINDOW_BACKGROUND } from './window';

vi.mock('electron', () => import('../test/fake-electron'));

function createdWindow(devMode = false): { options: BrowserWindowConstructorOptions; prefs: WebPreferences } {
  const window = createKioskWindow({ devMode, preloadPath: '/opt/kiosk/out/electron/preload.cjs' });
  const fake = window as unknown as FakeBrowserWindow;
  const options = fake.options as BrowserWindowConstructorOptions;
  return { options, prefs: options.webPreferences ?? {} };
}

beforeEach(() => {
  resetFakeElectron();
});

describe('the kiosk window', () => {
  it('is a frameless fullscreen kiosk window over a solid background', () => {
    const { options } = createdWindow();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(options.kiosk).toBe(true);
    expect(options.fullscreen).toBe(true);
    expect(options.frame).toBe(false);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND);
    expect(options.backgroundColor).not.toMatch(/^#f{3}(f{3})?$/i);
  });

  it('locks the renderer down', () => {
    const { prefs } = createdWindow();
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.autoplayPolicy).toBe('no-user-gesture-required');
    expect(prefs.preload).toBe('/opt/kiosk/out/electron/preload.cjs');
  });

  it('uses an in-memory session partition', () => {
    const { prefs } = createdWindow();
    expect(prefs.partition).toBe(KIOSK_PARTITION);
    expect(prefs.partition).not.toMatch(/^persist:/);
    expect(prefs.partition).not.toBe('');
  });

  it('allows DevTools only in dev mode', () => {
    expect(createdWindow(false).prefs.devTools).toBe(false);
    expect(createdWindow(true).prefs.devTools).toBe(true);
  });
});

describe('web-contents lockdown, applied to every webContents through web-contents-created', () => {
  let contents: FakeWebContents;
  let entries: ReturnType<typeof recordingLogger>['entries'];

  function setUp(devMode: boolean) {
    const recorder = recordingLogger();
    entries = recorder.entries;
    installWebContentsLockdown(app as unknown as App, { devMode, logger: recorder.logger });
    const window = createKioskWindow({ devMode, preloadPath: '/x/preload.cjs' });
    contents = (window as unknown as FakeBrowserWindow).webContents;
  }

  function navigate(eventName: string, url: string): boolean {
    const event = fakeEvent({ url, isMainFrame: true });
    contents.emit(eventName, event, url);
    return !event.defaultPrevented;
  }

  beforeEach(() => setUp(false));

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s stays on app://kiosk', (eventName) => {
    expect(navigate(eventName, 'app://kiosk/index.html')).toBe(true);
    expect(navigate(eventName, 'app://kiosk/out-of-service.html')).toBe(true);
    for (const foreign of [
      'app://kiosk.evil/index.html',
      'app://kiosk@evil/index.html',
      'https://kiosk/index.html',
      'https://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(navigate(eventName, foreign), foreign).toBe(false);
    }
    expect(entries.some((entry) => entry.level === WARN && entry['url'] === 'file:///etc/passwd')).toBe(true);
  });

  it('applies to webContents created later too (a popup or guest that slipped through)', () => {
    const second = createKioskWindow({ devMode: false, preloadPath: '/x/preload.cjs' });
    const secondContents = (second as unknown as FakeBrowserWindow).webContents;
    const event = fakeEvent({ url: 'https://example.com/' });
    secondContents.emit('will-navigate', event, 'https://example.com/');
    expect(event.defaultPrevented).toBe(true);
    expect(secondContents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
  });

  it('denies every new window, even to our own origin', () => {
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents <webview> attachment', () => {
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://example.com/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('cancels the Web Bluetooth picker', () => {
    const event = fakeEvent();
    const chosen: string[] = [];
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'b1', deviceName: 'x' }], (id: string) =>
      chosen.push(id),
    );
    expect(event.defaultPrevented).toBe(true);
    expect(chosen).toEqual(['']);
  });

  it('drops blocked keys and lets typing through', () => {
    const keys = { control: false, meta: false, alt: false, shift: false, type: 'keyDown' };
    const reload = fakeEvent();
    contents.emit('before-input-event', reload, { ...keys, key: 'r', code: 'KeyR', control: true });
    expect(reload.defaultPrevented).toBe(true);
    const typing = fakeEvent();
    contents.emit('before-input-event', typing, { ...keys, key: 'r', code: 'KeyR' });
    expect(typing.defaultPrevented).toBe(false);
  });

  it('locks pinch zoom at 1 and again after every load', () => {
    expect(contents.visualZoomLimits).toEqual([1, 1]);
    contents.visualZoomLimits = null;
    contents.emit('did-finish-load');
    expect(contents.visualZoomLimits).toEqual([1, 1]);
  });

  it('in dev mode lets shortcuts through and F12 toggles DevTools', () => {
    resetFakeElectron();
    setUp(true);
    const f12 = fakeEvent();
    contents.emit('before-input-event', f12, {
      key: 'F12',
      code: 'F12',
      type: 'keyDown',
      control: false,
      meta: false,
      alt: false,
      shift: false,
    });
    expect(f12.defaultPrevented).toBe(false);
    expect(contents.devToolsToggles).toBe(1);
    // Navigation rules do not relax in dev mode.
    expect(navigate('will-navigate', 'https://example.com/')).toBe(false);
  });
});
