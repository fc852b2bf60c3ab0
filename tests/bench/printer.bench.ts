import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrinterEmulator } from '../../drivers/printer/emulator/emulator';
import { encodeReceipt } from '../../drivers/printer/encode-receipt';
import { createMemoryPrintJobLedger } from '../../drivers/printer/print-job-ledger';
import { createPrinter } from '../../drivers/printer/printer';
import { sampleQueueTicket } from '../../drivers/printer/sample-receipts';
import { openPtyPair } from '../../drivers/transport/pty-pair';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import { sample, summarise, times, type Summary } from './measure';

const BAUD = 115200;

/**
 * (a) encoding a queue ticket (size-3 number, service, people ahead, wait, time, QR, CODE128);
 * (b) the whole print over a socat PTY to the emulator pacing the line at 115200 baud, from the
 * print call until the emulator has cut the receipt (status before and after included).
 */
export async function printerBenchmarks(): Promise<Summary[]> {
  const results: Summary[] = [];
  const ticket = sampleQueueTicket();
  const format = { paperWidthMm: 80 as const, encoding: 'gb18030' as const };
  encodeReceipt(ticket, format); // warm the character cache, as a running kiosk has
  results.push(
    summarise(
      'printer: encode queue ticket (80 mm, GB18030)',
      await sample(times(2000), () => encodeReceipt(ticket, format)),
    ),
  );

  const dir = mkdtempSync(join(tmpdir(), 'printer-bench-'));
  const pair = await openPtyPair({ dir });
  if (!pair.ok) throw new Error(`socat: ${pair.error.message}`);
  const emulator = createPrinterEmulator({
    transport: createSerialTransport({ path: pair.value.devicePath, baudRate: BAUD }),
    paperWidthMm: 80,
    encoding: 'gb18030',
    baudRate: BAUD,
  });
  const printer = createPrinter({
    transport: createSerialTransport({ path: pair.value.hostPath, baudRate: BAUD }),
    ...format,
    ledger: createMemoryPrintJobLedger(),
  });
  try {
    if (!(await emulator.start()).ok || !(await printer.connect()).ok) throw new Error('printer bench: no link');
    let n = 0;
    const samples = await sample(times(12), async () => {
      n += 1;
      const cut = emulator.nextReceipt();
      const printed = await printer.print(sampleQueueTicket(`bench-${n}`));
      if (!printed.ok) throw new Error(`printer bench: ${printed.error.message}`);
      await cut;
    });
    results.push(summarise(`printer: print queue ticket over PTY @${BAUD} until cut`, samples));
  } finally {
    await printer.disconnect();
    await emulator.stop();
    await pair.value.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
