import { parsePrintedCode, printedCodeUrl } from '../../core/api/printed-codes';
import {
  createHidScanner,
  createHidScannerEmulator,
  createSerialScanner,
  defaultHidFraming,
  DEFAULT_INTER_CHARACTER_TIMEOUT_MS,
  DEFAULT_MAX_SCAN_BYTES,
  startEmulatedSerialScanner,
  type QrScanner,
  type Scan,
} from '../../drivers/scanner';
import { nodeHidEnumerator, openNodeHidDevice } from '../../drivers/transport/node-hid-transport';
import { createSerialTransport } from '../../drivers/transport/serial-transport';
import type { DevicesCommand } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import { faultFailure, reportFailure, type Io, type LinkKind } from './output';

type ScannerCommand = Extract<DevicesCommand, { kind: 'scanner' }>;

/** With --emulated, a scripted person holds up one sample code after another, this often. */
const EMULATED_SCAN_INTERVAL_MS = 300;
/** The page the emulated samples are printed for when --page is not given. */
const SAMPLE_PAGE = 'https://zwfw.example.gov.cn/anqiu/progress';

/** What the emulator reads: a receipt, a ticket, a slip, and a code of someone else's (Chinese text). */
export function sampleCodes(page: string | null): readonly string[] {
  const on = page ?? SAMPLE_PAGE;
  return [
    printedCodeUrl(on, { kind: 'case', caseNo: 'AQ-20261121-0001' }),
    printedCodeUrl(on, { kind: 'ticket', ticketId: 'TK-20261121-0012' }),
    printedCodeUrl(on, { kind: 'appointment', appointmentId: 'AP-20261121-0007' }),
    '便民服务站扫码测试 QR-TEST-0001',
  ];
}

/** How the kiosk would take a read from a resident (core/scan/scan-router.ts uses the same parser). */
export function recognisedAs(text: string, page: string | null): 'receipt' | 'appointment' | 'ticket' | 'other' {
  const code = parsePrintedCode(text, page);
  if (code === null) return 'other';
  return code.kind === 'case' || code.kind === 'localRef' ? 'receipt' : code.kind;
}

interface Opened {
  readonly scanner: QrScanner;
  /** Makes the emulated scanner read its next sample; null for a real scanner. */
  readonly scanNext: (() => void) | null;
  close(): Promise<void>;
}

async function open(command: ScannerCommand): Promise<Opened | { failed: string }> {
  const samples = sampleCodes(command.page);
  let next = 0;
  const nextSample = () => samples[next++ % samples.length] ?? '';
  if (command.link === 'serial') {
    const framing = {
      suffix: command.suffix,
      prefix: command.prefix,
      encoding: command.encoding,
      maxBytes: DEFAULT_MAX_SCAN_BYTES,
      interCharacterTimeoutMs: DEFAULT_INTER_CHARACTER_TIMEOUT_MS,
    };
    if (command.emulated) {
      const started = await startEmulatedSerialScanner({ ...framing, baudRate: command.baud });
      if (!started.ok) return { failed: started.error.message };
      const emulated = started.value;
      const scanner = createSerialScanner({
        transport: emulated.host,
        framing,
        ...(emulated.hostPath ? { path: emulated.hostPath } : {}),
      });
      return { scanner, scanNext: () => void emulated.scan(nextSample()), close: () => emulated.close() };
    }
    const port = command.port ?? '';
    const scanner = createSerialScanner({
      transport: createSerialTransport({ path: port, baudRate: command.baud }),
      framing,
      path: port,
    });
    return { scanner, scanNext: null, close: () => Promise.resolve() };
  }
  const emulator = command.emulated
    ? createHidScannerEmulator({
        mode: command.link,
        encoding: command.encoding,
        ...(command.vendorId !== null ? { vendorId: command.vendorId } : {}),
        ...(command.productId !== null ? { productId: command.productId } : {}),
      })
    : null;
  const seam = {
    enumerator: emulator?.device ?? nodeHidEnumerator,
    openDevice: emulator?.device.openDevice ?? openNodeHidDevice,
    target: {
      vendorId: emulator?.vendorId ?? command.vendorId ?? 0,
      productId: emulator?.productId ?? command.productId ?? 0,
    },
  };
  const scanner = createHidScanner({ ...seam, ...defaultHidFraming(command.link, command.encoding) });
  // A wedge types ASCII only: its samples are the kiosk's own codes.
  const typable = command.link === 'keyboardWedge' ? samples.filter((s) => /^[\x20-\x7e]+$/.test(s)) : samples;
  return {
    scanner,
    scanNext: emulator ? () => void emulator.scan(typable[next++ % typable.length] ?? '') : null,
    close: () => Promise.resolve(),
  };
}

/**
 * `scanner listen` prints every read (the decoded text: this is the technician's tool, as the
 * kiosk's own scan test) until --count reads or Ctrl+C; `scanner test` waits --timeout seconds
 * for one. Reads the driver refuses (noise, a wrong --encoding or --suffix) are said too.
 */
export async function runScanner(command: ScannerCommand, io: Io, interrupted: Promise<void>): Promise<ExitCode> {
  const linkKind: LinkKind = command.link === 'serial' ? 'serial' : 'hid';
  // The emulator's samples are printed for the sample page; a real scanner's reads only count as
  // the kiosk's own for the page the technician names.
  const page = command.page ?? (command.emulated ? SAMPLE_PAGE : null);
  const opened = await open(command);
  if ('failed' in opened) {
    return reportFailure(io, command.json, {
      exitCode: EXIT.ioError,
      code: 'emulatorFailed',
      message: opened.failed,
      link: linkKind,
    });
  }
  const { scanner } = opened;
  let timer: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  try {
    const connected = await scanner.connect();
    if (!connected.ok) return reportFailure(io, command.json, faultFailure(connected.error, linkKind));
    const limit = command.action === 'test' ? 1 : command.count;
    if (!command.json) {
      io.stderr(
        `Listening to ${connected.value.model} on ${scanner.link}${command.emulated ? ' (emulated)' : ''}: ` +
          (command.action === 'test'
            ? `scan any code within ${command.timeoutSeconds} s (请在 ${command.timeoutSeconds} 秒内扫描任意二维码)\n`
            : 'scan codes; Ctrl+C to stop (请扫码)\n'),
      );
      if (page === null) io.stderr('Without --page no read counts as the kiosk’s own receipt, slip or ticket.\n');
    }
    let seen = 0;
    const done = new Promise<ExitCode>((resolve) => {
      scanner.onScan((scan) => {
        seen += 1;
        io.stdout(`${formatScan(scan, page, command.json)}\n`);
        if (limit !== null && seen >= limit) resolve(EXIT.ok);
      });
      scanner.onRejected((rejected) => {
        const line = command.json
          ? JSON.stringify({ rejected: rejected.reason, bytes: rejected.byteCount, at: new Date().toISOString() })
          : `refused: ${rejected.byteCount} bytes, ${rejected.reason} (check --encoding, --suffix, --prefix)`;
        io.stdout(`${line}\n`);
      });
      scanner.onLost((fault) => resolve(reportFailure(io, command.json, faultFailure(fault, linkKind))));
      void interrupted.then(() => resolve(EXIT.ok));
      if (command.action === 'test') {
        deadline = setTimeout(
          () =>
            resolve(
              reportFailure(io, command.json, {
                exitCode: EXIT.ioError,
                code: 'timeout',
                message: `no read within ${command.timeoutSeconds} s`,
                link: linkKind,
              }),
            ),
          command.timeoutSeconds * 1000,
        );
      }
    });
    if (opened.scanNext) timer = setInterval(opened.scanNext, EMULATED_SCAN_INTERVAL_MS);
    return await done;
  } finally {
    clearInterval(timer);
    clearTimeout(deadline);
    await scanner.disconnect();
    await opened.close();
  }
}

export function formatScan(scan: Scan, page: string | null, json: boolean): string {
  const kind = recognisedAs(scan.text, page);
  if (json) {
    return JSON.stringify({
      text: scan.text,
      symbology: scan.symbology,
      characters: scan.text.length,
      recognisedAs: kind,
      at: new Date().toISOString(),
    });
  }
  return `read (${scan.symbology}, ${scan.text.length} characters, the kiosk takes it as ${kind}): ${scan.text}`;
}
