/**
 * A hand-written stand-in for the `electron` module, for `vi.mock('electron', …)`. The real
 * package would try to download its binary when required from plain Node (docs/dependencies.md §1.3).
 * It models only what the shell uses, records what the code under test did, and lets tests fire
 * the events Electron would fire. Every object is a singleton so the module under test and the
 * test see the same one; `resetFakeElectron()` in beforeEach clears them.
 */
import { EventEmitter } from 'node:events';

export interface FakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

export function fakeEvent<T extends object>(fields: T = {} as T): FakeEvent & T {
  let prevented = false;
  return Object.assign(
    {
      preventDefault() {
        prevented = true;
      },
      get defaultPrevented() {
        return prevented;
      },
    },
    fields,
  );
}

let nextProcessId = 100;

export class FakeWebFrame {
  url: string;
  parent: FakeWebFrame | null;
  processId: number;
  routingId: number;
  detached = false;
  destroyed = false;

  constructor(options: { url: string; parent?: FakeWebFrame | null; processId?: number; routingId?: number }) {
    this.url = options.url;
    this.parent = options.parent ?? null;
    this.processId = options.processId ?? nextProcessId++;
    this.routingId = options.routingId ?? 1;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  destroyed = false;
  crashed = false;
  mainFrame = new FakeWebFrame({ url: 'about:blank' });
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly loadedUrls: string[] = [];
  visualZoomLimits: [number, number] | null = null;
  forcedCrashes = 0;
  devToolsToggles = 0;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.mainFrame.url = url;
    return Promise.resolve();
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isCrashed(): boolean {
    return this.crashed;
  }
  forcefullyCrashRenderer(): void {
    this.forcedCrashes += 1;
  }
  setVisualZoomLevelLimits(minimum: number, maximum: number): Promise<void> {
    this.visualZoomLimits = [minimum, maximum];
    return Promise.resolve();
  }
  toggleDevTools(): void {
    this.devToolsToggles += 1;
  }
  /** What capturePage() gives: a PNG's bytes, or null for Electron's empty image. */
  capturedPng: Buffer | null = null;
  capturePage(): Promise<{ isEmpty(): boolean; toPNG(): Buffer }> {
    const png = this.capturedPng;
    return Promise.resolve({ isEmpty: () => png === null, toPNG: () => png ?? Buffer.alloc(0) });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;
  focusCount = 0;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    // Real Electron announces every new webContents on the app.
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  focus(): void {
    this.focusCount += 1;
  }
}

type ProtocolHandler = (request: Request) => Promise<Response> | Response;

export class FakeProtocol {
  readonly handlers = new Map<string, ProtocolHandler>();
  readonly privileged: unknown[] = [];
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  }
}

type PermissionRequestHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: Record<string, unknown>,
) => void;
type PermissionCheckHandler = (
  webContents: unknown,
  permission: string,
  requestingOrigin: string,
  details: Record<string, unknown>,
) => boolean;

export class FakeSession extends EventEmitter {
  readonly protocol = new FakeProtocol();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;

  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void {
    this.devicePermissionHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  singleInstanceLock = true;
  quitCalls = 0;
  exitCodes: number[] = [];
  readonly paths = new Map<string, string>();
  private markReady: () => void = () => undefined;
  private ready = this.newReadyPromise();

  private newReadyPromise(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.markReady = resolve;
    });
  }
  /** Tests decide when Electron becomes ready; most call it right away. */
  becomeReady(): void {
    this.markReady();
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  /** Like Electron: emits before-quit, and quits unless a listener prevented it. */
  quit(): void {
    this.quitCalls += 1;
    this.emit('before-quit', fakeEvent());
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  relaunchCalls = 0;
  relaunch(): void {
    this.relaunchCalls += 1;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getVersion(): string {
    return '44.11.4';
  }
  reset(): void {
    this.removeAllListeners();
    this.singleInstanceLock = true;
    this.quitCalls = 0;
    this.exitCodes = [];
    this.relaunchCalls = 0;
    this.paths.clear();
    this.ready = this.newReadyPromise();
  }
}

export type IpcInvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, IpcInvokeHandler>();
  handle(channel: string, handler: IpcInvokeHandler): void {
    // Like Electron: a second handler on one channel is an error.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  reset(): void {
    this.handlers.clear();
    this.removeAllListeners();
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  answer: unknown = { ok: true, value: null };
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.answer);
  }
  reset(): void {
    this.invocations.length = 0;
    this.answer = { ok: true, value: null };
    this.removeAllListeners();
  }
}

class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const contextBridge = new FakeContextBridge();
export const protocol = new FakeProtocol();
export const BrowserWindow = FakeBrowserWindow;

const sessions = new Map<string, FakeSession>();
export const session = {
  defaultSession: new FakeSession(''),
  fromPartition(partition: string): FakeSession {
    let found = sessions.get(partition);
    if (!found) {
      found = new FakeSession(partition);
      sessions.set(partition, found);
    }
    return found;
  },
};

export const Menu = {
  /** 'untouched' until the code under test calls setApplicationMenu. */
  applicationMenu: 'untouched' as unknown,
  setApplicationMenu(menu: unknown): void {
    this.applicationMenu = menu;
  },
};

export const powerSaveBlocker = {
  started: [] as string[],
  start(type: string): number {
    this.started.push(type);
    return this.started.length;
  },
};

export function resetFakeElectron(): void {
  app.reset();
  ipcMain.reset();
  ipcRenderer.reset();
  contextBridge.exposed.clear();
  protocol.handlers.clear();
  protocol.privileged.length = 0;
  sessions.clear();
  session.defaultSession = new FakeSession('');
  FakeBrowserWindow.instances = [];
  Menu.applicationMenu = 'untouched';
  powerSaveBlocker.started.length = 0;
}
