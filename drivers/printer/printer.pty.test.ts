import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../transport/pty-pair';
import { createSerialTransport } from '../transport/serial-transport';
import { createPrinterEmulator, type PrinterEmulator } from './emulator/emulator';
import { createMemoryPrintJobLedger } from './print-job-ledger';
import { createPrinter, type Printer } from './printer';
import type { ReceiptDocument } from './receipt-document';

/**
 * The driver and the emulator over a socat PTY pair, both ends opened with the real serialport
 * binding (docs/devices/printer.md; docs/reliability.md §5.4: unplug is a state, not an exception).
 */
const BAUD = 115200;
const dir = mkdtempSync(join(tmpdir(), 'printer-pty-'));
const ledger = createMemoryPrintJobLedger();
let pair: PtyPair;
let emulator: PrinterEmulator;
let printer: Printer;

async function plugIn(): Promise<void> {
  const opened = await openPtyPair({ dir });
  if (!opened.ok) throw new Error(`socat: ${opened.error.message}`);
  pair = opened.value;
  emulator = createPrinterEmulator({
    transport: createSerialTransport({ path: pair.devicePath, baudRate: BAUD }),
    paperWidthMm: 80,
    encoding: 'gb18030',
    baudRate: BAUD,
  });
  const started = await emulator.start();
  if (!started.ok) throw new Error(started.error.message);
}

const receipt = (id: string): ReceiptDocument => ({
  id,
  blocks: [
    { kind: 'text', text: '安丘市便民服务站', align: 'center', bold: true, size: 2 },
    { kind: 'pair', label: '办件编号', value: id },
    { kind: 'text', text: '请凭此回执到窗口领取证件。' },
    { kind: 'qr', data: `https://zwfw.example.gov.cn/p/${id}`, caption: '扫码查询进度' },
    { kind: 'barcode128', data: '2025004200' },
  ],
});

beforeAll(async () => {
  await plugIn();
  printer = createPrinter({
    transport: createSerialTransport({ path: join(dir, 'host'), baudRate: BAUD }),
    paperWidthMm: 80,
    encoding: 'gb18030',
    ledger,
    statusTimeoutMs: 500,
    jobTimeoutMs: 3000,
  });
  expect((await printer.connect()).ok).toBe(true);
});

afterAll(async () => {
  await printer.disconnect();
  await emulator.stop();
  await pair.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('printer over a socat PTY pair', () => {
  it('prints a receipt the emulator reads back', async () => {
    const cut = emulator.nextReceipt();
    expect(await printer.print(receipt('2025-0042'))).toMatchObject({ ok: true, value: { receiptId: '2025-0042' } });
    const printed = await cut;
    expect(printed.partial).toBe(false);
    expect(printed.text).toContain('安丘市便民服务站');
    expect(printed.text).toContain('请凭此回执到窗口领取证件。');
    expect(printed.text).toContain('[QR: https://zwfw.example.gov.cn/p/2025-0042]');
    expect(printed.text).toContain('[CODE128: 2025004200]');
  });

  it('refuses with paper out before the job: no bytes but the status requests, nothing emitted', async () => {
    emulator.setPaper('out');
    const bytesBefore = emulator.bytesReceived;
    const receiptsBefore = emulator.receipts.length;
    expect(await printer.print(receipt('2025-0043'))).toMatchObject({
      ok: false,
      error: { kind: 'printerUnavailable', code: 'paperOut' },
    });
    expect(emulator.bytesReceived - bytesBefore).toBe(12);
    expect(emulator.receipts.length).toBe(receiptsBefore);
    emulator.setPaper('ok');
  });

  it('paper out mid-job: uncertain, no duplicate, then a 补打 reprint after the paper is replaced', async () => {
    emulator.runOutOfPaperAfter(2);
    expect(await printer.print(receipt('2025-0044'))).toMatchObject({
      ok: false,
      error: { kind: 'uncertain', code: 'paperOut' },
    });
    expect(emulator.receipts.at(-1)?.partial).toBe(true);
    const count = emulator.receipts.length;
    expect(await printer.print(receipt('2025-0044'))).toMatchObject({ ok: false, error: { kind: 'alreadyPrinted' } });
    expect(emulator.receipts.length).toBe(count);

    emulator.setPaper('ok');
    const cut = emulator.nextReceipt();
    expect((await printer.print(receipt('2025-0044'), { reprint: true })).ok).toBe(true);
    const reprinted = await cut;
    expect(reprinted.text.split('\n')[0]?.trim()).toBe('补打 REPRINT');
    expect(reprinted.text).toContain('2025-0044');
  });

  it('reports an open cover as userError / clear', async () => {
    emulator.setCover('open');
    expect(await printer.probe()).toMatchObject({
      ok: true,
      value: { state: 'userError', code: 'coverOpen', action: 'clear' },
    });
    emulator.setCover('closed');
    expect(await printer.probe()).toMatchObject({ ok: true, value: { state: 'online' } });
  });

  it('unplug → onLost; replug → prints again', async () => {
    const lost = new Promise((resolve) => printer.onLost(resolve));
    await pair.close();
    // serialport emits nothing when a PTY (or a USB-serial adapter) vanishes while idle
    // (serialport#2043): the manager's periodic probe is what notices, its write fails and the
    // transport closes with an error.
    expect((await printer.probe()).ok).toBe(false);
    expect(await lost).toMatchObject({ state: expect.stringMatching(/noDevice|offline/) });
    await emulator.stop();

    await plugIn();
    expect((await printer.connect()).ok).toBe(true);
    const cut = emulator.nextReceipt();
    expect((await printer.print(receipt('2025-0045'))).ok).toBe(true);
    expect((await cut).text).toContain('2025-0045');
  });
});
