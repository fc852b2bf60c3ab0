import type { KeypadPress } from '../../core/api/devices';
import { describe, expect, it } from 'vitest';
import type { DeviceFault } from '../common/device';
import { createKeypadEmulator, DEFAULT_HID_LEVELS, DEFAULT_WEDGE_LEVELS, type KeypadEmulatorOptions } from './emulator';
import { createEvaluationKeypad, type EvaluationKeypad, type EvaluationKeypadOptions } from './keypad';

function setup(emulatorOptions: KeypadEmulatorOptions = {}, keypadOptions: Partial<EvaluationKeypadOptions> = {}) {
  const emulator = createKeypadEmulator(emulatorOptions);
  const mode = emulator.mode;
  const keypad = createEvaluationKeypad({
    link: mode,
    enumerator: emulator,
    openDevice: emulator.openDevice,
    vendorId: emulator.vendorId,
    productId: emulator.productId,
    levels: mode === 'hid' ? DEFAULT_HID_LEVELS : DEFAULT_WEDGE_LEVELS,
    permissionRetryDelaysMs: [0, 0, 0],
    ...keypadOptions,
  });
  const presses: KeypadPress[] = [];
  keypad.onPress((press) => presses.push(press));
  return { emulator, keypad, presses };
}

/** Resolves after the next `count` presses (the emulator delivers on later macrotasks). */
function nextPresses(keypad: EvaluationKeypad, count: number): Promise<KeypadPress[]> {
  return new Promise((resolve) => {
    const seen: KeypadPress[] = [];
    const stop = keypad.onPress((press) => {
      seen.push(press);
      if (seen.length === count) {
        stop();
        resolve(seen);
      }
    });
  });
}

const nextLoss = (keypad: EvaluationKeypad) =>
  new Promise<DeviceFault>((resolve) => {
    const stop = keypad.onLost((fault) => {
      stop();
      resolve(fault);
    });
  });

/** Lets every report the emulator has queued (setImmediate) be delivered. */
const drain = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe('createEvaluationKeypad over vendor HID reports', () => {
  it('connects by VID/PID, reports its identity and turns presses into levels', async () => {
    const { emulator, keypad } = setup();
    const connected = await keypad.connect();
    expect(connected).toEqual({
      ok: true,
      value: { model: 'bianmin-kiosk 好差评评价器 (emulated)', serial: 'EMU-0001', firmware: null },
    });
    const pressed = nextPresses(keypad, 3);
    expect(emulator.press(5).ok).toBe(true);
    expect(emulator.press(1).ok).toBe(true);
    expect(emulator.press({ byte: 0x07 }).ok).toBe(true);
    expect(await pressed).toEqual([
      { level: 5, key: 'report:0x01' },
      { level: 1, key: 'report:0x05' },
      { level: null, key: 'report:0x07' },
    ]);
    await keypad.disconnect();
  });

  it('reads the configured report byte', async () => {
    const levels = { '0x31': 5, '0x32': 1 };
    const { emulator, keypad } = setup({ reportByte: 2, levels }, { reportByte: 2, levels });
    await keypad.connect();
    const pressed = nextPresses(keypad, 1);
    emulator.press(1);
    expect(await pressed).toEqual([{ level: 1, key: 'report:0x32' }]);
    await keypad.disconnect();
  });

  it('answers portMissing when no device has the VID/PID', async () => {
    const { keypad } = setup({}, { productId: 0x9999 });
    const connected = await keypad.connect();
    expect(connected.ok).toBe(false);
    if (!connected.ok) {
      expect(connected.error).toMatchObject({ state: 'noDevice', code: 'portMissing' });
      expect(connected.error.detail).toContain('1209:9999');
    }
  });

  it('also matches on the serial number when one is configured', async () => {
    const { keypad } = setup({ serialNumber: 'A1' }, { serialNumber: 'B2' });
    expect((await keypad.connect()).ok).toBe(false);
    const other = setup({ serialNumber: 'A1' }, { serialNumber: 'A1' });
    expect((await other.keypad.connect()).ok).toBe(true);
    await other.keypad.disconnect();
  });

  it('retries an open refused with EACCES right after enumeration (udev race)', async () => {
    const { emulator, keypad } = setup();
    emulator.refuseOpens(2);
    expect((await keypad.connect()).ok).toBe(true);
    expect(emulator.events.filter((e) => e.startsWith('open'))).toHaveLength(3);
    await keypad.disconnect();
  });

  it('gives up on lasting EACCES with the udev rule to add', async () => {
    const { emulator, keypad } = setup();
    emulator.refuseOpens(10);
    const connected = await keypad.connect();
    expect(connected.ok).toBe(false);
    if (!connected.ok) {
      expect(connected.error).toMatchObject({ state: 'offline', code: 'permissionDenied' });
      expect(connected.error.detail).toContain('KERNEL=="hidraw*"');
      expect(connected.error.detail).toContain('ATTRS{idVendor}=="1209"');
      expect(connected.error.detail).toContain('ATTRS{idProduct}=="0005"');
    }
    expect(emulator.events.filter((e) => e.startsWith('open'))).toHaveLength(4);
  });

  it('does not retry other open failures', async () => {
    const { emulator, keypad } = setup();
    emulator.refuseOpens(1, 'busy');
    const connected = await keypad.connect();
    expect(!connected.ok && connected.error.code).toBe('portBusy');
    expect(emulator.events.filter((e) => e.startsWith('open'))).toHaveLength(1);
  });

  it('unplug → onLost → probe fails → reconnect at the new hidraw path → presses again', async () => {
    const { emulator, keypad } = setup();
    await keypad.connect();
    expect(await keypad.probe()).toMatchObject({ ok: true, value: { state: 'online' } });
    const firstPath = emulator.path;

    const lost = nextLoss(keypad);
    emulator.unplug();
    expect(await lost).toMatchObject({ state: 'noDevice', code: 'disconnected' });
    expect(await keypad.probe()).toMatchObject({ ok: false, error: { code: 'disconnected' } });
    expect(await keypad.connect()).toMatchObject({ ok: false, error: { code: 'portMissing' } });

    emulator.replug();
    expect(emulator.path).not.toBe(firstPath);
    expect((await keypad.connect()).ok).toBe(true);
    expect(await keypad.probe()).toMatchObject({ ok: true });
    const pressed = nextPresses(keypad, 1);
    emulator.press(4);
    expect(await pressed).toEqual([{ level: 4, key: 'report:0x02' }]);
    await keypad.disconnect();
  });

  it('probe notices a device that vanished from the list before any read failed', async () => {
    const emulator = createKeypadEmulator();
    let listed = true;
    const keypad = createEvaluationKeypad({
      link: 'hid',
      enumerator: { devicesAsync: () => (listed ? emulator.devicesAsync() : Promise.resolve([])) },
      openDevice: emulator.openDevice,
      vendorId: emulator.vendorId,
      productId: emulator.productId,
      levels: DEFAULT_HID_LEVELS,
    });
    expect((await keypad.connect()).ok).toBe(true);
    expect((await keypad.probe()).ok).toBe(true);
    listed = false;
    expect(await keypad.probe()).toMatchObject({ ok: false, error: { state: 'noDevice', code: 'disconnected' } });
    await keypad.disconnect();
  });

  it('stops reading before it closes, and disconnect is idempotent', async () => {
    const { emulator, keypad } = setup();
    await keypad.connect();
    await keypad.disconnect();
    await keypad.disconnect();
    const teardown = emulator.events.filter((e) => e === 'pause' || e.startsWith('close'));
    expect(teardown).toEqual(['pause', 'close']);
    expect(await keypad.probe()).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });

  it('debounces presses of the same key within the window (injected clock)', async () => {
    let now = 0;
    const { emulator, keypad, presses } = setup({}, { now: () => now });
    await keypad.connect();
    emulator.press(5);
    await drain();
    now += 40; // contact bounce: the same key again
    emulator.press(5);
    await drain();
    now += 10; // another key is not bounce
    emulator.press(3);
    await drain();
    now += 500; // a deliberate second press
    emulator.press(5);
    await drain();
    expect(presses.map((p) => p.key)).toEqual(['report:0x01', 'report:0x03', 'report:0x01']);
    await keypad.disconnect();
  });

  it('counts one press per physical press when a held button repeats its report', async () => {
    let now = 0;
    const { emulator, keypad, presses } = setup({}, { now: () => now });
    await keypad.connect();
    for (let i = 0; i < 20; i += 1) {
      emulator.sendReport(Uint8Array.of(0x02));
      await drain();
      now += 8; // USB interrupt polling interval of a full-speed device
    }
    expect(presses).toEqual([{ level: 4, key: 'report:0x02' }]);
    await keypad.disconnect();
  });
});

describe('createEvaluationKeypad as a keyboard wedge over hidraw', () => {
  it('decodes boot reports and counts a held key once', async () => {
    const { emulator, keypad, presses } = setup({ mode: 'keyboardWedge' }, { debounceMs: 0 });
    await keypad.connect();
    emulator.press(5, { repeats: 10 });
    emulator.press({ key: 'F1' });
    emulator.press(2);
    await drain();
    await drain();
    expect(presses).toEqual([
      { level: 5, key: '5' },
      { level: null, key: 'F1' },
      { level: 2, key: '2' },
    ]);
    await keypad.disconnect();
  });

  it('uses keypad and F-key maps', async () => {
    const levels = { KP5: 5, KP1: 1, F3: 3 };
    const { emulator, keypad } = setup({ mode: 'keyboardWedge', levels }, { levels });
    await keypad.connect();
    const pressed = nextPresses(keypad, 3);
    emulator.press(5);
    emulator.press(3);
    emulator.press(1);
    expect(await pressed).toEqual([
      { level: 5, key: 'KP5' },
      { level: 3, key: 'F3' },
      { level: 1, key: 'KP1' },
    ]);
    await keypad.disconnect();
  });

  it('starts with no keys held after a reconnect', async () => {
    const { emulator, keypad } = setup({ mode: 'keyboardWedge' }, { debounceMs: 0 });
    await keypad.connect();
    emulator.sendReport(Uint8Array.of(0, 0, 0x22, 0, 0, 0, 0, 0)); // '5' down, never released
    await drain();
    const lost = nextLoss(keypad);
    emulator.unplug();
    await lost;
    emulator.replug();
    await keypad.connect();
    const pressed = nextPresses(keypad, 1);
    emulator.sendReport(Uint8Array.of(0, 0, 0x22, 0, 0, 0, 0, 0));
    expect(await pressed).toEqual([{ level: 5, key: '5' }]);
    await keypad.disconnect();
  });
});

describe('createKeypadEmulator', () => {
  it('refuses presses it cannot express and presses while unplugged', () => {
    const hid = createKeypadEmulator();
    expect(hid.press(9)).toMatchObject({ ok: false, error: { kind: 'unknownLevel' } });
    expect(hid.press({ key: 'F1' })).toMatchObject({ ok: false, error: { kind: 'unknownKey' } });
    hid.unplug();
    expect(hid.press(5)).toMatchObject({ ok: false, error: { kind: 'unplugged' } });
    expect(hid.act('explode')).toMatchObject({ ok: false, error: { kind: 'unknownAction' } });
  });

  it('offers dev-panel actions by name', async () => {
    const { emulator, keypad } = setup();
    await keypad.connect();
    const pressed = nextPresses(keypad, 2);
    expect(emulator.act('press', '3').ok).toBe(true);
    expect(emulator.act('press', 'byte:0x09').ok).toBe(true);
    expect(await pressed).toEqual([
      { level: 3, key: 'report:0x03' },
      { level: null, key: 'report:0x09' },
    ]);
    const lost = nextLoss(keypad);
    expect(emulator.act('unplug').ok).toBe(true);
    await lost;
    expect(emulator.plugged).toBe(false);
    expect(emulator.act('replug').ok).toBe(true);
    expect(emulator.plugged).toBe(true);
  });
});
