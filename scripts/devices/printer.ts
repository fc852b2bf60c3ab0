import { assertNever } from '../../core/pure/result';
import type { DeviceCondition } from '../../drivers/common/device';
import { withTimeout } from '../../drivers/common/timeout';
import type { EmulatedReceipt, PrinterCondition, PrinterEmulator } from '../../drivers/printer';
import { createMemoryPrintJobLedger, createPrinter, createPrinterEmulator } from '../../drivers/printer';
import type { ByteTransport } from '../../drivers/transport/byte-transport';
import { createDeviceFileTransport } from '../../drivers/transport/device-file-transport';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import { createTcpTransport } from '../../drivers/transport/tcp-transport';
import type { DevicesCommand } from './args';
import { openEmulatedLink, type EmulatedLink } from '../../drivers/transport/emulated-link';
import { EXIT, exitCodeForFault, type ExitCode } from './exit-codes';
import { conditionFailure, faultFailure, reportFailure, reportSuccess, type Io } from './output';
import { testReceipt } from './test-receipt';

type PrinterCommand = Extract<DevicesCommand, { kind: 'printer' }>;

/** The raw-printing port of network printers (JetDirect). */
const DEFAULT_TCP_PORT = 9100;
/** How long to wait for the emulator to cut the test page after the driver reported success. */
const EMULATED_CUT_WAIT_MS = 5_000;

/** The DLE EOT flags, named as drivers/printer's PrinterCondition names them. */
type StatusFlags = Readonly<Record<keyof PrinterCondition, boolean>>;

export async function runPrinter(command: PrinterCommand, io: Io): Promise<ExitCode> {
  let link: EmulatedLink | null = null;
  let emulator: PrinterEmulator | null = null;
  if (command.emulated) {
    link = await openEmulatedLink({
      baudRate: command.baud,
      onFallback: (error) => io.stderr(`note: ${error.message}; using an in-memory link instead of a PTY pair\n`),
    });
    emulator = createPrinterEmulator({
      transport: link.device,
      paperWidthMm: command.paperWidthMm,
      encoding: command.encoding,
      baudRate: command.baud,
    });
    const started = await emulator.start();
    if (!started.ok) {
      await link.close();
      return reportFailure(io, command.json, {
        exitCode: EXIT.ioError,
        code: 'emulatorFailed',
        message: started.error.message,
        link: 'serial',
      });
    }
  }
  const transport = link ? link.host : realTransport(command);
  const where = link?.description ?? transport.description;
  const linkKind = command.emulated ? 'serial' : command.link;
  const printer = createPrinter({
    transport,
    paperWidthMm: command.paperWidthMm,
    encoding: command.encoding,
    ledger: createMemoryPrintJobLedger(),
  });
  try {
    const connected = await printer.connect();
    if (!connected.ok) return reportFailure(io, command.json, faultFailure(connected.error, linkKind));
    const identity = connected.value;
    switch (command.action) {
      case 'status': {
        const condition = await printer.probe();
        if (!condition.ok) return reportFailure(io, command.json, faultFailure(condition.error, linkKind));
        const status = statusFlags(condition.value);
        if (condition.value.state !== 'online') {
          if (!command.json) io.stderr(`${describeFlags(status)}\n`);
          return reportFailure(io, command.json, conditionFailure(condition.value, linkKind));
        }
        return reportSuccess(
          io,
          command.json,
          { device: 'printer', link: where, identity, condition: condition.value, status },
          [`Printer on ${where}: online (正常)`, `model: ${identity.model}`, describeFlags(status)],
        );
      }
      case 'test': {
        const nextCut = emulator ? emulator.nextReceipt() : null;
        const document = testReceipt(new Date());
        const printed = await printer.print(document);
        if (!printed.ok) {
          const failure = printed.error;
          switch (failure.kind) {
            case 'alreadyPrinted':
              return reportFailure(io, command.json, {
                exitCode: EXIT.ioError,
                code: failure.kind,
                message: failure.message,
                link: linkKind,
              });
            case 'printerUnavailable':
            case 'uncertain': {
              const exitCode = exitCodeForFault(failure.code);
              const message =
                failure.kind === 'uncertain'
                  ? `${failure.message}; the printer failed during the job, part of the page may be on paper`
                  : failure.message;
              return reportFailure(io, command.json, {
                exitCode: exitCode === EXIT.ok ? EXIT.ioError : exitCode,
                code: failure.code,
                message,
                link: linkKind,
              });
            }
            default:
              return assertNever(failure, 'print failure');
          }
        }
        const paper = nextCut
          ? await withTimeout<EmulatedReceipt | null>(nextCut, EMULATED_CUT_WAIT_MS, () => null)
          : null;
        const emulatedPaper = paper ? { text: paper.text, bytes: paper.bytes } : undefined;
        return reportSuccess(
          io,
          command.json,
          {
            device: 'printer',
            link: where,
            receiptId: printed.value.receiptId,
            printedAt: printed.value.printedAt,
            emulatedPaper,
          },
          [
            `Test page sent to the printer on ${where} (测试页已打印): ${printed.value.receiptId}`,
            ...(paper ? ['--- emulated paper ---', paper.text, '----------------------'] : []),
          ],
        );
      }
      default:
        return assertNever(command.action, 'printer action');
    }
  } finally {
    await printer.disconnect();
    await emulator?.stop();
    await link?.close();
  }
}

function realTransport(command: PrinterCommand): ByteTransport {
  const port = command.port ?? '';
  switch (command.link) {
    case 'serial':
      return createSerialTransport({ path: port, baudRate: command.baud });
    case 'usb':
      return createDeviceFileTransport({ path: port });
    case 'tcp': {
      const [host = '', portText] = port.split(':');
      return createTcpTransport({ host, port: portText ? Number(portText) : DEFAULT_TCP_PORT });
    }
    default:
      return assertNever(command.link, 'printer link');
  }
}

/**
 * The DLE EOT flags behind a condition. The printer driver's `probe` gives a DeviceCondition whose
 * `detail` lists exactly the raised PrinterCondition flags by name ("ready" when none; "offline"
 * for !online; drivers/printer/status.ts). ⚠ Parsing that text couples us to its format: a
 * `Printer.readStatus()` returning PrinterCondition would be better (asked of the printer's owner).
 */
export function statusFlags(condition: DeviceCondition): StatusFlags {
  const raised = new Set(condition.detail === 'ready' ? [] : condition.detail.split(/,\s*/));
  return {
    online: !raised.has('offline'),
    coverOpen: raised.has('coverOpen'),
    paperNearEnd: raised.has('paperNearEnd') || condition.warnings.includes('paperNearEnd'),
    paperOut: raised.has('paperOut'),
    cutterError: raised.has('cutterError'),
    unrecoverableError: raised.has('unrecoverableError'),
    recoverableError: raised.has('recoverableError'),
  };
}

function describeFlags(status: StatusFlags): string {
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  return [
    `online: ${yesNo(status.online)} (联机)`,
    `cover open: ${yesNo(status.coverOpen)} (纸仓盖打开)`,
    `paper near end: ${yesNo(status.paperNearEnd)} (纸将尽)`,
    `paper out: ${yesNo(status.paperOut)} (缺纸)`,
    `cutter error: ${yesNo(status.cutterError)} (切刀故障)`,
    `unrecoverable error: ${yesNo(status.unrecoverableError)} (不可恢复错误)`,
    `recoverable error: ${yesNo(status.recoverableError)} (可恢复错误)`,
  ].join('\n');
}
