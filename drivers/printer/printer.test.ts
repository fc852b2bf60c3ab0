import { describe, expect, it } from 'vitest';
import { createMemoryTransportPair } from '../transport/memory-transport';
import { createPrinterEmulator, type PrinterEmulatorOptions } from './emulator/emulator';
import { createMemoryPrintJobLedger } from './print-job-ledger';
import { createPrinter } from './printer';
import type { ReceiptDocument } from './receipt-document';

const receipt = (id: string, text = '受理回执 编号 2025-0042'): ReceiptDocument => ({
  id,
  blocks: [
    { kind: 'text', text, align: 'center' },
    { kind: 'qr', data: `https://zwfw.example.gov.cn/p/${id}` },
  ],
});

async function setUp(emulatorOptions: Partial<PrinterEmulatorOptions> = {}) {
  const pair = createMemoryTransportPair();
  const emulator = createPrinterEmulator({
    transport: pair.device,
    paperWidthMm: 80,
    encoding: 'gb18030',
    ...emulatorOptions,
  });
  await emulator.start();
  const ledger = createMemoryPrintJobLedger();
  const printer = createPrinter({
    transport: pair.host,
    paperWidthMm: 80,
    encoding: 'gb18030',
    ledger,
    statusTimeoutMs: 200,
    jobTimeoutMs: 1000,
  });
  return { pair, emulator, ledger, printer };
}

describe('printer device (memory link to the emulator)', () => {
  it('connects, identifies and prints a receipt once', async () => {
    const { emulator, printer, ledger } = await setUp();
    const identity = await printer.connect();
    expect(identity).toEqual({
      ok: true,
      value: { model: 'ESC/POS printer (model ID 0x20, type ID 0x02)', serial: null, firmware: 'firmware ID 0x01' },
    });
    const printed = await printer.print(receipt('r1'));
    expect(printed).toMatchObject({ ok: true, value: { receiptId: 'r1' } });
    expect(emulator.receipts).toHaveLength(1);
    expect(emulator.receipts[0]?.text).toContain('受理回执 编号 2025-0042');
    expect(emulator.modes.feedButtonDisabled).toBe(true);
    expect(ledger.entry('r1')?.state).toBe('printed');
    expect(await printer.print(receipt('r1'))).toMatchObject({ ok: false, error: { kind: 'alreadyPrinted' } });
    expect(emulator.receipts).toHaveLength(1);
  });

  it('names a printer that ignores GS I generically', async () => {
    const { printer } = await setUp({ identity: null });
    expect(await printer.connect()).toEqual({
      ok: true,
      value: { model: 'ESC/POS printer', serial: null, firmware: null },
    });
  });

  it('prints concurrent calls with the same id once', async () => {
    const { emulator, printer } = await setUp();
    await printer.connect();
    const results = await Promise.all([
      printer.print(receipt('same')),
      printer.print(receipt('same')),
      printer.print(receipt('same')),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.kind === 'alreadyPrinted')).toHaveLength(2);
    expect(emulator.receipts).toHaveLength(1);
  });

  it('serialises different receipts printed at the same time', async () => {
    const { emulator, printer } = await setUp();
    await printer.connect();
    const results = await Promise.all(['a', 'b', 'c'].map((id) => printer.print(receipt(id, `回执 ${id}`))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(emulator.receipts.map((r) => r.text.split('\n')[0]?.trim())).toEqual(['回执 a', '回执 b', '回执 c']);
  });

  it('refuses without sending a byte when the paper is out, and prints once it is replaced', async () => {
    const { emulator, printer } = await setUp();
    await printer.connect();
    emulator.setPaper('out');
    const before = emulator.bytesReceived;
    expect(await printer.print(receipt('p'))).toMatchObject({
      ok: false,
      error: { kind: 'printerUnavailable', code: 'paperOut' },
    });
    expect(emulator.bytesReceived - before).toBe(12); // DLE EOT 1..4 only
    expect(emulator.receipts).toHaveLength(0);
    emulator.setPaper('ok');
    expect((await printer.print(receipt('p'))).ok).toBe(true);
  });

  it('reports paper out mid-job as uncertain, never prints it again by itself, reprints with 补打', async () => {
    const { emulator, printer } = await setUp();
    await printer.connect();
    emulator.runOutOfPaperAfter(1);
    expect(await printer.print(receipt('mid'))).toMatchObject({
      ok: false,
      error: { kind: 'uncertain', code: 'paperOut' },
    });
    expect(emulator.receipts[0]?.partial).toBe(true);
    expect(await printer.print(receipt('mid'))).toMatchObject({ ok: false, error: { kind: 'alreadyPrinted' } });
    emulator.setPaper('ok');
    expect((await printer.print(receipt('mid'), { reprint: true })).ok).toBe(true);
    expect(emulator.receipts).toHaveLength(2);
    expect(emulator.receipts[1]?.text.split('\n')[0]).toBe('            补打 REPRINT');
  });

  it.each([
    [
      'cover open',
      (e: ReturnType<typeof createPrinterEmulator>) => e.setCover('open'),
      'userError',
      'coverOpen',
      'clear',
    ],
    [
      'cutter error',
      (e: ReturnType<typeof createPrinterEmulator>) => e.setError('cutter'),
      'hardwareError',
      'cutterError',
      'maintenance',
    ],
    ['paper near end', (e: ReturnType<typeof createPrinterEmulator>) => e.setPaper('nearEnd'), 'online', 'ok', 'none'],
  ] as const)('probes %s', async (_name, apply, state, code, action) => {
    const { emulator, printer } = await setUp();
    await printer.connect();
    apply(emulator);
    expect(await printer.probe()).toMatchObject({ ok: true, value: { state, code, action } });
  });

  it('fails connect on a silent printer and on garbled replies', async () => {
    const silent = await setUp();
    silent.emulator.setSilent(true);
    expect(await silent.printer.connect()).toMatchObject({
      ok: false,
      error: { state: 'offline', code: 'noResponse' },
    });
    const garbled = await setUp();
    garbled.emulator.setGarbage(true);
    expect(await garbled.printer.connect()).toMatchObject({ ok: false, error: { code: 'garbledReplies' } });
  });

  it('ignores XON/XOFF and stale bytes on the return channel', async () => {
    const pair = createMemoryTransportPair();
    await pair.device.open();
    pair.device.onData((chunk) => {
      if (chunk[0] === 0x10) void pair.device.write(Uint8Array.of(0x11, 0x13, 0x12));
    });
    const printer = createPrinter({
      transport: pair.host,
      paperWidthMm: 58,
      encoding: 'gbk',
      ledger: createMemoryPrintJobLedger(),
      statusTimeoutMs: 200,
    });
    expect(await printer.connect()).toMatchObject({ ok: true, value: { model: 'ESC/POS printer' } });
    expect(await printer.probe()).toMatchObject({ ok: true, value: { state: 'online' } });
  });

  it('reports an unplug through onLost and refuses to print while disconnected', async () => {
    const { pair, printer } = await setUp();
    await printer.connect();
    const lost = new Promise((resolve) => printer.onLost(resolve));
    pair.unplug();
    expect(await lost).toMatchObject({ state: 'noDevice' });
    expect(await printer.print(receipt('u'))).toMatchObject({
      ok: false,
      error: { kind: 'printerUnavailable', code: 'disconnected' },
    });
    expect(await printer.probe()).toMatchObject({ ok: false, error: { code: 'disconnected' } });
  });
});
