import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../core/api/dispatcher';
import { ok } from '../../core/pure/result';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../core/api/wire';
import { FakeWebContents, FakeWebFrame, ipcMain, resetFakeElectron } from '../test/fake-electron';
import { recordingLogger, WARN } from '../test/recording-logger';
import { forwardCoreEvents, parseInvokePayload, registerKioskIpc } from './ipc';

vi.mock('electron', () => import('../test/fake-electron'));

const dispatch = vi.fn<Dispatch>();
let ours: FakeWebContents;
let recorder: ReturnType<typeof recordingLogger>;

function invoke(event: { sender: unknown; senderFrame: unknown }, payload: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get(IPC_INVOKE_CHANNEL);
  if (!handler) throw new Error('no handler on kiosk:invoke');
  return Promise.resolve(handler(event, payload));
}

/** The event Electron passes when our own page calls. */
function fromOurPage() {
  return { sender: ours, senderFrame: ours.mainFrame };
}

beforeEach(async () => {
  resetFakeElectron();
  dispatch.mockReset();
  dispatch.mockResolvedValue(ok({ answer: 42 }));
  recorder = recordingLogger();
  ours = new FakeWebContents();
  await ours.loadURL('app://kiosk/index.html');
  registerKioskIpc({ dispatch, trustedContents: () => ours as unknown as WebContents, logger: recorder.logger });
});

describe('the kiosk IPC channel', () => {
  it('registers exactly one handler, on kiosk:invoke, and no fire-and-forget listeners', () => {
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
    expect(ipcMain.eventNames()).toEqual([]);
  });

  it('dispatches a call from our main frame with a request id and answers the Result', async () => {
    const answer = await invoke(fromOurPage(), { method: 'kiosk.info', input: { a: 1 } });
    expect(answer).toEqual({ ok: true, value: { answer: 42 } });
    expect(dispatch).toHaveBeenCalledTimes(1);
    const [method, input, ctx] = dispatch.mock.calls[0] ?? [];
    expect(method).toBe('kiosk.info');
    expect(input).toEqual({ a: 1 });
    expect(ctx?.host).toBe('electron');
    expect(ctx?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives each call its own request id', async () => {
    await invoke(fromOurPage(), { method: 'a', input: null });
    await invoke(fromOurPage(), { method: 'b', input: null });
    const ids = dispatch.mock.calls.map((call) => call[2].requestId);
    expect(new Set(ids).size).toBe(2);
  });

  describe('refuses untrusted senders with forbidden and never dispatches', () => {
    const cases: Array<[string, () => { sender: unknown; senderFrame: unknown }]> = [
      [
        'another webContents (a foreign window)',
        () => {
          const other = new FakeWebContents();
          other.mainFrame.url = 'app://kiosk/index.html';
          return { sender: other, senderFrame: other.mainFrame };
        },
      ],
      [
        'a foreign frame claiming to be ours',
        () => ({ sender: ours, senderFrame: new FakeWebFrame({ url: 'app://kiosk/index.html' }) }),
      ],
      [
        'a subframe of our page, even on our origin',
        () => ({
          sender: ours,
          senderFrame: new FakeWebFrame({
            url: 'app://kiosk/index.html',
            parent: ours.mainFrame,
            processId: ours.mainFrame.processId,
            routingId: 7,
          }),
        }),
      ],
      ['a frame that is already gone (senderFrame null)', () => ({ sender: ours, senderFrame: null })],
      [
        'a destroyed frame',
        () => {
          ours.mainFrame.destroyed = true;
          return fromOurPage();
        },
      ],
      [
        'a frame whose properties throw (render frame disposed)',
        () => ({
          sender: ours,
          senderFrame: {
            get url(): string {
              throw new Error('Render frame was disposed before WebFrameMain could be accessed');
            },
            parent: null,
            processId: ours.mainFrame.processId,
            routingId: ours.mainFrame.routingId,
            isDestroyed: () => false,
          },
        }),
      ],
      [
        'our main frame after it navigated to another origin',
        () => {
          ours.mainFrame.url = 'https://evil.example/';
          return fromOurPage();
        },
      ],
      [
        'our main frame on a lookalike origin',
        () => {
          ours.mainFrame.url = 'app://kiosk.evil/index.html';
          return fromOurPage();
        },
      ],
      [
        'our window after it was destroyed',
        () => {
          ours.destroyed = true;
          return fromOurPage();
        },
      ],
    ];

    it.each(cases)('%s', async (_name, makeEvent) => {
      const answer = await invoke(makeEvent(), { method: 'kiosk.info', input: {} });
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(dispatch).not.toHaveBeenCalled();
      expect(recorder.entries.some((entry) => entry.level === WARN && /untrusted sender/.test(entry.msg))).toBe(true);
    });
  });

  it('refuses everyone before the window exists', async () => {
    ipcMain.reset();
    registerKioskIpc({ dispatch, trustedContents: () => null, logger: recorder.logger });
    const answer = await invoke(fromOurPage(), { method: 'kiosk.info', input: {} });
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'kiosk.info'],
    ['a number', 42],
    ['an array', ['kiosk.info', {}]],
    ['an object without method', { input: {} }],
    ['a numeric method', { method: 7, input: {} }],
    ['an object method', { method: { toString: () => 'kiosk.info' }, input: {} }],
  ])('answers invalidInput to a malformed payload (%s) without throwing or dispatching', async (_name, payload) => {
    const answer = await invoke(fromOurPage(), payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalidInput' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers internal when the dispatcher breaks its promise and throws', async () => {
    dispatch.mockRejectedValueOnce(new Error('boom'));
    const answer = await invoke(fromOurPage(), { method: 'kiosk.info', input: {} });
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
  });

  it('can be unregistered', () => {
    ipcMain.reset();
    const unregister = registerKioskIpc({ dispatch, trustedContents: () => null, logger: recorder.logger });
    expect(ipcMain.handlers.size).toBe(1);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('parseInvokePayload', () => {
  it('keeps method and input', () => {
    expect(parseInvokePayload({ method: 'x', input: [1] })).toEqual({ ok: true, method: 'x', input: [1] });
    expect(parseInvokePayload({ method: 'x' })).toEqual({ ok: true, method: 'x', input: undefined });
  });
});

describe('event forwarding', () => {
  it('sends every core event to the window as { event, payload }', () => {
    const listeners: Array<(event: string, payload: unknown) => void> = [];
    const events = {
      subscribe: (listener: (event: string, payload: unknown) => void) => (listeners.push(listener), () => undefined),
    };
    forwardCoreEvents(events, () => ours as unknown as WebContents, recorder.logger);
    expect(listeners).toHaveLength(1);
    listeners[0]?.('device.status', { printer: 'online' });
    listeners[0]?.('outbox.progress', { pending: 2 });
    expect(ours.sent).toEqual([
      { channel: IPC_EVENT_CHANNEL, args: [{ event: 'device.status', payload: { printer: 'online' } }] },
      { channel: IPC_EVENT_CHANNEL, args: [{ event: 'outbox.progress', payload: { pending: 2 } }] },
    ]);
  });

  it('skips a window that is gone, destroyed or crashed, without throwing', () => {
    let target: FakeWebContents | null = null;
    const listeners: Array<(event: string, payload: unknown) => void> = [];
    const events = {
      subscribe: (listener: (event: string, payload: unknown) => void) => (listeners.push(listener), () => undefined),
    };
    forwardCoreEvents(events, () => target as unknown as WebContents | null, recorder.logger);
    const emit = () => listeners[0]?.('device.status', {});
    expect(emit).not.toThrow();
    target = new FakeWebContents();
    target.destroyed = true;
    expect(emit).not.toThrow();
    target = new FakeWebContents();
    target.crashed = true;
    emit();
    expect(target.sent).toEqual([]);
  });

  it('returns the unsubscribe of the bus', () => {
    const unsubscribeFromBus = vi.fn();
    const events = { subscribe: () => unsubscribeFromBus };
    const unsubscribe = forwardCoreEvents(events, () => ours as unknown as WebContents, recorder.logger);
    unsubscribe();
    expect(unsubscribeFromBus).toHaveBeenCalledTimes(1);
  });
});
