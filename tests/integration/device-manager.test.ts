import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DevicesSnapshot, IdCardEvent } from '../../core/api/devices';
import { buildDevices } from '../../core/devices/build-devices';
import { createDeviceManager } from '../../core/devices/manager';
import { createPrintLedgerStore } from '../../core/devices/print-ledger-store';
import type { DeviceManager } from '../../core/devices/types';
import { silentLogger } from '../../core/logging/logger';
import { KioskConfig } from '../../kiosk-config/schema';
import defaultConfig from '../../kiosk-config/default.json' with { type: 'json' };
import { memoryStore } from '../../core/testing/memory-store';

const hasSocat = ['/usr/bin/socat', '/bin/socat', '/usr/local/bin/socat'].some((p) => existsSync(p));

/**
 * The device manager built from the shipped config, exactly as `npm start` builds it: real
 * drivers over socat PTY pairs to byte-level emulators, a SQLite print ledger, supervision.
 */
describe.skipIf(!hasSocat)('device manager over emulators on PTY pairs', () => {
  let dataDir = '';
  let manager: DeviceManager | null = null;

  afterEach(async () => {
    await manager?.close();
    manager = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function start() {
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-devices-'));
    const db = memoryStore();
    const config = KioskConfig.parse(defaultConfig).devices;
    const ledger = createPrintLedgerStore(db, () => new Date());
    const bindings = await buildDevices({ config, ledger, dataDir, logger: silentLogger() });
    manager = createDeviceManager({ bindings, ledger, logger: silentLogger(), probeIntervalMs: 300 });
    const m = manager;
    // Card reader, printer, keypad and QR scanner: the document camera lives in the screen.
    await vi.waitFor(() => expect(onlineCount(m.snapshot())).toBe(4), { timeout: 5_000 });
    return m;
  }

  const onlineCount = (s: DevicesSnapshot) => s.devices.filter((d) => d.state === 'online').length;
  const printer = (s: DevicesSnapshot) => s.devices.find((d) => d.device === 'printer');

  it('reads a placed card through the real reader and reports only the masked card', async () => {
    const m = await start();
    const events: IdCardEvent[] = [];
    m.onIdCard((event) => events.push(event));
    expect(m.emulator('idCardReader', 'insertCard', 'residentElderly').ok).toBe(true);
    await vi.waitFor(() => expect(events.map((e) => e.type)).toContain('read'), { timeout: 5_000 });
    const read = events.find((e) => e.type === 'read');
    expect(read?.type === 'read' && read.card.idNumberMasked).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    m.emulator('idCardReader', 'removeCard');
    await vi.waitFor(() => expect(events.map((e) => e.type)).toContain('removed'), { timeout: 5_000 });
  });

  it('prints a Chinese receipt once, and never twice for the same id', async () => {
    const m = await start();
    const document = {
      id: 'T-A001',
      blocks: [
        { kind: 'text', text: '东埠村便民服务站', align: 'center', bold: true },
        { kind: 'text', text: 'A001', align: 'center', size: 3 },
        { kind: 'qr', data: 'https://example.gov.cn/q/A001' },
      ],
    } as const;
    expect((await m.print(document)).ok).toBe(true);
    expect(await m.print(document)).toMatchObject({ ok: false, error: { kind: 'alreadyPrinted' } });
    const out = join(dataDir, 'emulated-printer');
    await vi.waitFor(() => expect(readdirSync(out).filter((f) => f.endsWith('.txt'))).toHaveLength(1));
    const text = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.txt')) ?? ''), 'utf8');
    expect(text).toContain('东埠村便民服务站');
    expect(text).toContain('https://example.gov.cn/q/A001');
    expect(m.printerCounters().printsSincePaperReplaced).toBe(1);
  });

  it('paper out: the printer says so with the action staff can take, and tickets go to the screen', async () => {
    const m = await start();
    m.emulator('printer', 'paperOut');
    await vi.waitFor(() => expect(printer(m.snapshot())?.code).toBe('paperOut'), { timeout: 5_000 });
    expect(printer(m.snapshot())).toMatchObject({ state: 'userError', action: 'clear' });
    expect(m.snapshot().journeys.output).toBe('screen');
    expect(await m.print({ id: 'T-A002', blocks: [{ kind: 'text', text: 'A002' }] })).toMatchObject({
      ok: false,
      error: { kind: 'printerUnavailable' },
    });
    m.emulator('printer', 'paperOk');
    await vi.waitFor(() => expect(printer(m.snapshot())?.state).toBe('online'), { timeout: 5_000 });
    expect(m.snapshot().journeys.output).toBe('paper');
  });

  it('a silent reader goes offline and comes back by itself', async () => {
    const m = await start();
    const reader = () => m.snapshot().devices.find((d) => d.device === 'idCardReader');
    m.emulator('idCardReader', 'silentOn');
    await vi.waitFor(() => expect(reader()?.state).toBe('offline'), { timeout: 8_000 });
    expect(m.snapshot().journeys.idCardSignIn).toBe(false);
    m.emulator('idCardReader', 'silentOff');
    await vi.waitFor(() => expect(reader()?.state).toBe('online'), { timeout: 15_000 });
    expect(reader()?.lastError).not.toBeNull();
  }, 30_000);

  it('an unplugged keypad reconnects after it is plugged back in', async () => {
    const m = await start();
    const keypad = () => m.snapshot().devices.find((d) => d.device === 'evaluationKeypad');
    m.emulator('evaluationKeypad', 'unplug');
    await vi.waitFor(() => expect(keypad()?.state).toBe('noDevice'), { timeout: 5_000 });
    m.emulator('evaluationKeypad', 'replug');
    await vi.waitFor(() => expect(keypad()?.state).toBe('online'), { timeout: 15_000 });
    const presses: Array<number | null> = [];
    m.onKeypad((press) => presses.push(press.level));
    m.emulator('evaluationKeypad', 'press', '4');
    await vi.waitFor(() => expect(presses).toEqual([4]));
  }, 30_000);
});
