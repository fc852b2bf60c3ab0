import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, type KioskBridge } from '../../core/api/bridge';
import * as wire from '../../core/api/wire';
import { contextBridge, ipcRenderer, resetFakeElectron } from '../test/fake-electron';

vi.mock('electron', () => import('../test/fake-electron'));

let bridge: KioskBridge;

beforeAll(async () => {
  resetFakeElectron();
  // The preload's whole job happens at import time, as in the renderer process.
  await import('./index');
  bridge = contextBridge.exposed.get(BRIDGE_GLOBAL) as KioskBridge;
});

beforeEach(() => {
  ipcRenderer.reset();
});

describe('the preload', () => {
  it('exposes one global, window.kiosk, with exactly invoke and on', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['kiosk']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('never hands out ipcRenderer or anything else of Electron', () => {
    const values = Object.values(bridge as unknown as Record<string, unknown>);
    expect(values).not.toContain(ipcRenderer);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('invokes kiosk:invoke with { method, input } and returns the answer', async () => {
    ipcRenderer.answer = { ok: true, value: { station: 'x' } };
    await expect(bridge.invoke('kiosk.info', { a: 1 })).resolves.toEqual({ ok: true, value: { station: 'x' } });
    expect(ipcRenderer.invocations).toEqual([
      { channel: wire.IPC_INVOKE_CHANNEL, args: [{ method: 'kiosk.info', input: { a: 1 } }] },
    ]);
  });

  it.each([
    ['a number', 42],
    ['an object', { method: 'kiosk.info' }],
    ['an empty string', ''],
    ['a string over 100 characters', 'm'.repeat(101)],
    ['undefined', undefined],
  ])('rejects a method that is %s without sending anything', async (_name, method) => {
    await expect(bridge.invoke(method as string, {})).rejects.toThrow(TypeError);
    expect(ipcRenderer.invocations).toEqual([]);
  });

  it('accepts a method of exactly 100 characters', async () => {
    await bridge.invoke('m'.repeat(100), null);
    expect(ipcRenderer.invocations).toHaveLength(1);
  });

  it('passes events to listeners as (event, payload), without the IpcRendererEvent', () => {
    const received: unknown[][] = [];
    bridge.on((...args) => received.push(args));
    const ipcEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emit(wire.IPC_EVENT_CHANNEL, ipcEvent, { event: 'device.status', payload: { printer: 'online' } });
    expect(received).toEqual([['device.status', { printer: 'online' }]]);
  });

  it('listens on kiosk:event only and ignores malformed messages', () => {
    const received: unknown[][] = [];
    bridge.on((...args) => received.push(args));
    expect(ipcRenderer.eventNames()).toEqual([wire.IPC_EVENT_CHANNEL]);
    ipcRenderer.emit(wire.IPC_EVENT_CHANNEL, {}, null);
    ipcRenderer.emit(wire.IPC_EVENT_CHANNEL, {}, 'device.status');
    ipcRenderer.emit(wire.IPC_EVENT_CHANNEL, {}, { event: 7, payload: {} });
    expect(received).toEqual([]);
  });

  it('returns an unsubscribe function that removes exactly that listener', () => {
    const first: unknown[] = [];
    const second: unknown[] = [];
    const unsubscribeFirst = bridge.on((event) => first.push(event));
    bridge.on((event) => second.push(event));
    unsubscribeFirst();
    ipcRenderer.emit(wire.IPC_EVENT_CHANNEL, {}, { event: 'tick', payload: null });
    expect(first).toEqual([]);
    expect(second).toEqual(['tick']);
    expect(ipcRenderer.listenerCount(wire.IPC_EVENT_CHANNEL)).toBe(1);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const received: string[] = [];
    bridge.on(() => {
      throw new Error('page bug');
    });
    bridge.on((event) => received.push(event));
    ipcRenderer.emit(wire.IPC_EVENT_CHANNEL, {}, { event: 'tick', payload: null });
    expect(received).toEqual(['tick']);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'device.status'],
    ['an object', { handleEvent: () => undefined }],
  ])('refuses a listener that is %s', (_name, listener) => {
    expect(() => bridge.on(listener as unknown as () => void)).toThrow(TypeError);
    expect(ipcRenderer.listenerCount(wire.IPC_EVENT_CHANNEL)).toBe(0);
  });
});
