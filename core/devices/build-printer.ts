import { join } from 'node:path';
import { err, ok } from '../pure/result';
import type { DevicesConfig } from '../../kiosk-config/schema';
import { createPrinter, createPrinterEmulator, type PrintJobLedger } from '../../drivers/printer';
import type { ByteTransport } from '../../drivers/transport/byte-transport';
import { createDeviceFileTransport } from '../../drivers/transport/device-file-transport';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import { createTcpTransport } from '../../drivers/transport/tcp-transport';
import type { Logger } from '../logging/logger';
import type { Bound, EmulatorControl, PrinterBinding } from './bindings';
import { openEmulatedLink } from '../../drivers/transport/emulated-link';
import type { PrintLedgerStore } from './print-ledger-store';

/** Where the emulated printer's receipts go inside the data folder (purged after retention.printerOutputDays). */
export const EMULATED_PRINTER_FOLDER = 'emulated-printer';
const EMULATED_BAUD = 115200;

/** The driver's async ledger interface over the SQLite ledger (migration 0003). */
export function sqlitePrintJobLedger(store: PrintLedgerStore): PrintJobLedger {
  return {
    claim: (receiptId, options) => Promise.resolve(store.claim(receiptId, options?.reprint ?? false)),
    markPrinted: (receiptId) => Promise.resolve(store.markPrinted(receiptId)),
    markFailed: (receiptId, phase, reason) => Promise.resolve(store.markFailed(receiptId, phase, reason)),
  };
}

/** The byte link to a real printer as configured; also used by `bianmin-kiosk doctor` to probe it. */
export function realTransport(
  connection: Extract<DevicesConfig['printer'], { mode: 'real' }>['connection'],
): ByteTransport {
  switch (connection.link) {
    case 'serial':
      return createSerialTransport({ path: connection.path, baudRate: connection.baudRate });
    case 'usb':
      return createDeviceFileTransport({ path: connection.path });
    case 'tcp':
      return createTcpTransport({ host: connection.host, port: connection.port });
  }
}

export async function buildPrinter(
  config: DevicesConfig['printer'],
  ledger: PrintLedgerStore,
  dataDir: string,
  logger: Logger,
): Promise<{ bound: Bound<PrinterBinding>; close: () => Promise<void> }> {
  const log = logger.child({ component: 'printer' });
  if (config.mode === 'real') {
    const printer = createPrinter({
      transport: realTransport(config.connection),
      paperWidthMm: config.paperWidthMm,
      encoding: config.encoding,
      ledger: sqlitePrintJobLedger(ledger),
      logger: log,
    });
    return {
      bound: { mode: 'real', binding: { device: printer, print: (d, o) => printer.print(d, o) }, emulator: null },
      close: () => Promise.resolve(),
    };
  }

  const link = await openEmulatedLink({
    baudRate: EMULATED_BAUD,
    preferred: config.link,
    onFallback: (error) =>
      log.warn(
        { reason: error.message },
        error.kind === 'socatMissing'
          ? 'socat is not installed: the emulator runs over an in-memory link instead of a PTY pair'
          : 'could not open a PTY pair: the emulator runs over an in-memory link',
      ),
  });
  // What the emulated printer "prints" goes to the data folder as text and PNG, for people to see.
  const emulator = createPrinterEmulator({
    transport: link.device,
    paperWidthMm: config.paperWidthMm,
    encoding: 'gb18030',
    outputDir: join(dataDir, EMULATED_PRINTER_FOLDER),
    baudRate: EMULATED_BAUD,
  });
  const started = await emulator.start();
  if (!started.ok) log.error({ reason: started.error.message }, 'the printer emulator could not open its end');
  emulator.onReceipt((receipt) =>
    log.info({ index: receipt.index, bytes: receipt.bytes }, 'emulated printer cut a receipt'),
  );
  const printer = createPrinter({
    transport: link.host,
    paperWidthMm: config.paperWidthMm,
    encoding: 'gb18030',
    ledger: sqlitePrintJobLedger(ledger),
    logger: log,
  });
  const control: EmulatorControl = {
    actions: [
      'paperOk',
      'paperNearEnd',
      'paperOut',
      'paperOutAfter',
      'coverOpen',
      'coverClosed',
      'silentOn',
      'silentOff',
      'garbageOn',
      'garbageOff',
      'cutterError',
      'clearError',
    ],
    perform(action, argument) {
      switch (action) {
        case 'paperOk':
          emulator.setPaper('ok');
          break;
        case 'paperNearEnd':
          emulator.setPaper('nearEnd');
          break;
        case 'paperOut':
          emulator.setPaper('out');
          break;
        case 'paperOutAfter':
          emulator.runOutOfPaperAfter(Math.max(1, Number(argument ?? 6) || 6));
          break;
        case 'coverOpen':
        case 'coverClosed':
          emulator.setCover(action === 'coverOpen' ? 'open' : 'closed');
          break;
        case 'silentOn':
        case 'silentOff':
          emulator.setSilent(action === 'silentOn');
          break;
        case 'garbageOn':
        case 'garbageOff':
          emulator.setGarbage(action === 'garbageOn');
          break;
        case 'cutterError':
          emulator.setError('cutter');
          break;
        case 'clearError':
          emulator.setError(null);
          break;
        default:
          return err('unknownAction');
      }
      return ok(undefined);
    },
  };
  return {
    bound: { mode: 'emulated', binding: { device: printer, print: (d, o) => printer.print(d, o) }, emulator: control },
    async close() {
      await emulator.stop();
      await link.close();
    },
  };
}
