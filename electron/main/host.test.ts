import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventListener } from '../../core/api/events';
import { err, ok, type Result } from '../../core/pure/result';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../core/api/wire';
import type { KioskCore, KioskCoreOptions, StartupError } from '../../core/app/types';
import {
  app,
  fakeEvent,
  FakeBrowserWindow,
  ipcMain,
  Menu,
  powerSaveBlocker,
  protocol,
  resetFakeElectron,
  session,
} from '../test/fake-electron';
import { recordingLogger } from '../test/recording-logger';
import { EXIT_CONFIG, runElectronHost, type ElectronHostDeps } from './host';
import { APP_INDEX_URL, OUT_OF_SERVICE_URL } from './origin';
import { KIOSK_PARTITION } from './session-lockdown';

vi.mock('electron', () => import('../test/fake-electron'));

const DEFAULT_CONFIG = join(import.meta.dirname, '..', '..', 'kiosk-config', 'default.json');

let sandbox: string;
let recorder: ReturnType<typeof recordingLogger>;
let earlyErrors: string[];
let coreListeners: EventListener[];
let closeCore: ReturnType<typeof vi.fn<() => Promise<void>>>;

function fakeCore(): KioskCore {
  return {
    info: {} as KioskCore['info'],
    dispatch: vi.fn(() => Promise.resolve(ok(null))),
    events: {
      emit: vi.fn(),
      subscribe: (listener: EventListener) => {
        coreListeners.push(listener);
        return () => undefined;
      },
    },
    logger: recorder.logger,
    renderer: { lastReportAt: () => null },
    close: closeCore,
  };
}

function deps(overrides: Partial<ElectronHostDeps> = {}): ElectronHostDeps {
  const configFile = join(sandbox, 'kiosk.json');
  return {
    startKioskCore: () => Promise.resolve(ok(fakeCore())),
    env: { KIOSK_CONFIG: configFile },
    paths: {
      rendererDir: join(sandbox, 'out', 'renderer'),
      preloadFile: join(sandbox, 'out', 'electron', 'preload.cjs'),
      defaultConfigFile: join(sandbox, 'missing-default.json'),
    },
    appVersion: '0.1.0-test',
    buildKind: 'development',
    createLogger: () => Promise.resolve(recorder.logger),
    reportEarlyError: (message) => earlyErrors.push(message),
    handleProcessErrors: false,
    ...overrides,
  };
}

function theWindow(): FakeBrowserWindow {
  const [window] = FakeBrowserWindow.instances;
  if (!window) throw new Error('no window was created');
  return window;
}

async function page(url: string): Promise<{ status: number; text: string }> {
  const handler = session.fromPartition(KIOSK_PARTITION).protocol.handlers.get('app');
  if (!handler) throw new Error('app:// is not handled on the kiosk session');
  const response = await handler(new Request(url));
  return { status: response.status, text: await response.text() };
}

beforeEach(() => {
  resetFakeElectron();
  app.becomeReady();
  recorder = recordingLogger();
  earlyErrors = [];
  coreListeners = [];
  closeCore = vi.fn<() => Promise<void>>(() => Promise.resolve());
  sandbox = mkdtempSync(join(tmpdir(), 'kiosk-host-'));
  const config = JSON.parse(readFileSync(DEFAULT_CONFIG, 'utf8')) as { data: { dir: string } };
  config.data.dir = './data';
  writeFileSync(join(sandbox, 'kiosk.json'), JSON.stringify(config));
  mkdirSync(join(sandbox, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(sandbox, 'out', 'renderer', 'index.html'), '<!doctype html><title>kiosk</title>');
});

afterEach(() => {
  rmSync(sandbox, { recursive: true, force: true });
});

describe('runElectronHost, happy path', () => {
  it('starts the core, locks down, registers IPC and loads the app from app://kiosk', async () => {
    let coreOptions: KioskCoreOptions | undefined;
    const outcome = await runElectronHost(
      deps({
        startKioskCore: (options) => {
          coreOptions = options;
          return Promise.resolve(ok(fakeCore()));
        },
      }),
    );
    expect(outcome.kind).toBe('running');
    expect(outcome.kind === 'running' && outcome.mode).toBe('app');
    expect(coreOptions).toMatchObject({ host: 'electron', devMode: false, appVersion: '0.1.0-test' });
    expect(coreOptions?.loaded.dataDir).toBe(join(sandbox, 'data'));

    expect(protocol.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(Menu.applicationMenu).toBeNull();
    expect(powerSaveBlocker.started).toEqual(['prevent-display-sleep']);
    expect(app.paths.get('userData')).toBe(join(sandbox, 'data', 'electron-profile'));
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);

    const window = theWindow();
    expect(window.webContents.loadedUrls).toEqual([APP_INDEX_URL]);
    expect((window.options as BrowserWindowConstructorOptions).webPreferences?.devTools).toBe(false);
    expect(window.webContents.windowOpenHandler).not.toBeNull();

    const kioskSession = session.fromPartition(KIOSK_PARTITION);
    expect(kioskSession.permissionRequestHandler).not.toBeNull();
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect((await page(APP_INDEX_URL)).status).toBe(200);
    // Not out of service: the page does not exist.
    expect((await page(OUT_OF_SERVICE_URL)).status).toBe(404);
  });

  it('logs one line saying the Electron host started, with the config and the data dir', async () => {
    await runElectronHost(deps());
    const started = recorder.entries.filter((entry) => entry.msg.startsWith('Electron host started'));
    expect(started).toHaveLength(1);
    expect(started[0]?.msg).toContain(join(sandbox, 'kiosk.json'));
    expect(started[0]?.msg).toContain(join(sandbox, 'data'));
  });

  it('forwards core events to the window', async () => {
    await runElectronHost(deps());
    expect(coreListeners).toHaveLength(1);
    coreListeners[0]?.('device.status', { printer: 'online' });
    expect(theWindow().webContents.sent).toEqual([
      { channel: IPC_EVENT_CHANNEL, args: [{ event: 'device.status', payload: { printer: 'online' } }] },
    ]);
  });

  it('answers IPC from the window it created and refuses others', async () => {
    await runElectronHost(deps());
    const handler = ipcMain.handlers.get(IPC_INVOKE_CHANNEL);
    const contents = theWindow().webContents;
    await expect(
      Promise.resolve(handler?.({ sender: contents, senderFrame: contents.mainFrame }, { method: 'x', input: {} })),
    ).resolves.toEqual({ ok: true, value: null });
    const stranger = new FakeBrowserWindow({}).webContents;
    await stranger.loadURL(APP_INDEX_URL);
    await expect(
      Promise.resolve(handler?.({ sender: stranger, senderFrame: stranger.mainFrame }, { method: 'x', input: {} })),
    ).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('turns on dev mode with KIOSK_DEV=1 only', async () => {
    await runElectronHost(deps({ env: { KIOSK_CONFIG: join(sandbox, 'kiosk.json'), KIOSK_DEV: '1' } }));
    expect((theWindow().options as BrowserWindowConstructorOptions).webPreferences?.devTools).toBe(true);
    resetFakeElectron();
    app.becomeReady();
    await runElectronHost(deps({ env: { KIOSK_CONFIG: join(sandbox, 'kiosk.json'), KIOSK_DEV: 'true' } }));
    expect((theWindow().options as BrowserWindowConstructorOptions).webPreferences?.devTools).toBe(false);
  });

  it('ignores KIOSK_DEV=1 in a production build', async () => {
    let coreOptions: KioskCoreOptions | undefined;
    await runElectronHost(
      deps({
        buildKind: 'production',
        env: { KIOSK_CONFIG: join(sandbox, 'kiosk.json'), KIOSK_DEV: '1' },
        startKioskCore: (options) => {
          coreOptions = options;
          return Promise.resolve(err({ kind: 'platformToken', message: 'not needed for this test' }));
        },
      }),
    );
    expect((theWindow().options as BrowserWindowConstructorOptions).webPreferences?.devTools).toBe(false);
    expect(coreOptions).toMatchObject({ buildKind: 'production', devMode: false });
  });
});

describe('runElectronHost, failures', () => {
  it('exits with 78 on a broken config, printing why, and shows nothing', async () => {
    writeFileSync(join(sandbox, 'kiosk.json'), JSON.stringify({ station: {} }));
    const outcome = await runElectronHost(deps());
    expect(outcome).toEqual({ kind: 'configError' });
    expect(app.exitCodes).toEqual([EXIT_CONFIG]);
    expect(EXIT_CONFIG).toBe(78);
    expect(earlyErrors.join('\n')).toContain('is not a valid kiosk configuration');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('quits a second instance before doing anything', async () => {
    app.singleInstanceLock = false;
    const startKioskCore = vi.fn<ElectronHostDeps['startKioskCore']>();
    const outcome = await runElectronHost(deps({ startKioskCore }));
    expect(outcome).toEqual({ kind: 'secondInstance' });
    expect(app.quitCalls).toBe(1);
    expect(startKioskCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('shows the out-of-service page with the reason when the core does not start', async () => {
    const failure: Result<KioskCore, StartupError> = err({
      kind: 'storeLocked',
      message: 'the store is locked by another process (pid 4242)',
    });
    const outcome = await runElectronHost(deps({ startKioskCore: () => Promise.resolve(failure) }));
    expect(outcome.kind === 'running' && outcome.mode).toBe('outOfService');
    expect(theWindow().webContents.loadedUrls).toEqual([OUT_OF_SERVICE_URL]);
    expect(ipcMain.handlers.size).toBe(0);
    const shown = await page(OUT_OF_SERVICE_URL);
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('东埠村便民服务站');
    expect(shown.text).toContain('0536-4000123');
    expect(shown.text).toContain('the store is locked by another process (pid 4242)');
    expect(recorder.entries.some((entry) => JSON.stringify(entry).includes('pid 4242'))).toBe(true);
  });

  it('treats a core that throws like one that failed to start', async () => {
    await runElectronHost(deps({ startKioskCore: () => Promise.reject(new Error('bug in core')) }));
    expect(theWindow().webContents.loadedUrls).toEqual([OUT_OF_SERVICE_URL]);
    expect((await page(OUT_OF_SERVICE_URL)).text).toContain('bug in core');
  });

  it('goes out of service when the renderer was never built', async () => {
    rmSync(join(sandbox, 'out', 'renderer', 'index.html'));
    await runElectronHost(deps());
    expect(theWindow().webContents.loadedUrls).toEqual([OUT_OF_SERVICE_URL]);
    expect((await page(OUT_OF_SERVICE_URL)).text).toContain('界面文件缺失');
  });
});

describe('runElectronHost, recovery and quitting', () => {
  it('reloads the app after a crash and goes out of service on the 4th', async () => {
    await runElectronHost(deps());
    const contents = theWindow().webContents;
    for (let crash = 1; crash <= 3; crash += 1) {
      contents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 });
    }
    expect(contents.loadedUrls).toEqual([APP_INDEX_URL, APP_INDEX_URL, APP_INDEX_URL, APP_INDEX_URL]);
    contents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 139 });
    expect(contents.loadedUrls.at(-1)).toBe(OUT_OF_SERVICE_URL);
    expect((await page(OUT_OF_SERVICE_URL)).text).toContain('屏幕程序多次意外退出');
  });

  it('closes the core before quitting, once', async () => {
    let finishClosing: () => void = () => undefined;
    closeCore.mockImplementation(
      () =>
        new Promise<void>((resolve) => {
          finishClosing = resolve;
        }),
    );
    await runElectronHost(deps());

    const firstQuit = fakeEvent();
    app.emit('before-quit', firstQuit);
    expect(firstQuit.defaultPrevented).toBe(true);
    const secondQuit = fakeEvent();
    app.emit('before-quit', secondQuit);
    expect(secondQuit.defaultPrevented).toBe(true);
    expect(closeCore).toHaveBeenCalledTimes(1);
    expect(app.quitCalls).toBe(0);

    finishClosing();
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    // The quit the host issued itself went through.
    const afterClose = fakeEvent();
    app.emit('before-quit', afterClose);
    expect(afterClose.defaultPrevented).toBe(false);
    expect(closeCore).toHaveBeenCalledTimes(1);
  });

  it('ignores renderers exiting while quitting', async () => {
    await runElectronHost(deps());
    app.emit('before-quit', fakeEvent());
    const contents = theWindow().webContents;
    contents.emit('render-process-gone', fakeEvent(), { reason: 'clean-exit', exitCode: 0 });
    expect(contents.loadedUrls).toEqual([APP_INDEX_URL]);
  });
});

describe('runElectronHost, remote commands', () => {
  /** The PNG signature and an IHDR: what core's size check reads (core/fleet/commands/png.ts). */
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000007800000043808020000000000000000', 'hex');

  async function started(): Promise<KioskCoreOptions> {
    let coreOptions: KioskCoreOptions | undefined;
    await runElectronHost(
      deps({
        startKioskCore: (options) => {
          coreOptions = options;
          return Promise.resolve(ok(fakeCore()));
        },
      }),
    );
    if (!coreOptions?.fleet) throw new Error('the core was started without the fleet host parts');
    return coreOptions;
  }

  it('captures the kiosk window’s page with capturePage(), and fails on an empty image', async () => {
    const { fleet } = await started();
    const capture = fleet?.screenCapture;
    if (!capture) throw new Error('no screen capture given to the core');
    theWindow().webContents.capturedPng = PNG;
    expect(await capture.capture()).toEqual(ok(new Uint8Array(PNG)));
    theWindow().webContents.capturedPng = null;
    expect(await capture.capture()).toEqual(err('captureFailed'));
    theWindow().webContents.destroyed = true;
    expect(await capture.capture()).toEqual(err('noAnswer'));
  });

  it('restarts by closing the core first, then app.relaunch() and exit 0, once', async () => {
    const { fleet } = await started();
    const restart = fleet?.restart;
    if (!restart) throw new Error('no restart given to the core');
    let relaunchedBeforeClose = false;
    closeCore.mockImplementation(() => {
      relaunchedBeforeClose = app.relaunchCalls > 0;
      return Promise.resolve();
    });
    restart();
    restart();
    await vi.waitFor(() => expect(app.exitCodes).toEqual([0]));
    expect(closeCore).toHaveBeenCalledTimes(1);
    expect(relaunchedBeforeClose).toBe(false);
    expect(app.relaunchCalls).toBe(1);
    // The store is already closed: a quit that follows does not close it again.
    app.quit();
    expect(closeCore).toHaveBeenCalledTimes(1);
  });
});
