import { faultFromTransport } from '../common/transport-fault';
import type { DeviceIdentity } from '../../core/api/devices';
import { err, ok, type Result } from '../../core/pure/result';
import type { DeviceCondition, DeviceFault, SupervisedDevice } from '../common/device';
import { createLock } from '../common/lock';
import type { ByteTransport } from '../transport/byte-transport';
import { createListeners } from '../transport/listeners';
import { identityRequest, statusRequest, type IdentityRequest, type StatusRequest } from './commands';
import { encodeReceipt } from './encode-receipt';
import { withReprintMarker } from './layout';
import type { PrintFailure, PrintOutcome } from './print-result';
import type { PrintJobLedger } from './print-job-ledger';
import type { ReceiptDocument } from './receipt-document';
import { createReplyReader, type ReplyProblem } from './reply-reader';
import {
  blockingCode,
  canPrint,
  decodeStatus,
  isIdentityReply,
  isStatusReply,
  toDeviceCondition,
  type PrinterCondition,
} from './status';
import type { PaperWidthMm, PrinterEncoding } from './text';

/** pino-compatible; drivers cannot import core/logging. */
export interface DriverLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

export interface PrinterOptions {
  readonly transport: ByteTransport;
  readonly paperWidthMm: PaperWidthMm;
  readonly encoding: PrinterEncoding;
  readonly ledger: PrintJobLedger;
  /** Per DLE EOT request. A printer answers within milliseconds, even offline (§6). */
  readonly statusTimeoutMs?: number;
  /**
   * For the first status request after a job: it queues behind the job's bytes on a slow link
   * (a 2 kB receipt takes 2 s at 9600 baud).
   */
  readonly jobTimeoutMs?: number;
  readonly logger?: DriverLogger;
  readonly now?: () => Date;
}

export interface PrintOptions {
  /** An explicit staff decision to print an already printed receipt again, marked 补打. */
  readonly reprint?: boolean;
}

export interface Printer extends SupervisedDevice {
  readonly kind: 'printer';
  print(document: ReceiptDocument, options?: PrintOptions): Promise<Result<PrintOutcome, PrintFailure>>;
}

const DEFAULT_STATUS_TIMEOUT_MS = 1_000;
const DEFAULT_JOB_TIMEOUT_MS = 10_000;
/** GS I is optional (⚠ unverified, commands.ts): a printer that ignores it should not slow connect. */
const IDENTITY_TIMEOUT_MS = 300;
const STATUS_REQUESTS: readonly StatusRequest[] = [1, 2, 3, 4];

const silent: DriverLogger = { info: () => undefined, warn: () => undefined, debug: () => undefined };

export function createPrinter(options: PrinterOptions): Printer {
  const { transport, ledger } = options;
  const statusTimeoutMs = options.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS;
  const jobTimeoutMs = options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
  const logger = options.logger ?? silent;
  const now = options.now ?? (() => new Date());
  const format = { paperWidthMm: options.paperWidthMm, encoding: options.encoding };
  const lock = createLock();
  const replies = createReplyReader(transport);
  const lost = createListeners<DeviceFault>((error) => logger.warn({ error }, 'printer onLost listener threw'));

  transport.onClose((error) => {
    replies.interrupt();
    if (error) {
      logger.warn({ link: transport.description, error: error.message }, 'printer link lost');
      lost.emit(faultFromTransport(error));
    }
  });

  /** DLE EOT 1..4 (or the first `count`), the first one allowed `firstTimeoutMs`. */
  async function queryStatus(firstTimeoutMs = statusTimeoutMs): Promise<Result<PrinterCondition, DeviceFault>> {
    const bytes: Partial<Record<StatusRequest, number>> = {};
    for (const n of STATUS_REQUESTS) {
      const reply = await replies.request(statusRequest(n), isStatusReply, n === 1 ? firstTimeoutMs : statusTimeoutMs);
      if (!reply.ok) return err(faultFromReply(reply.error, `DLE EOT ${n}`));
      bytes[n] = reply.value;
    }
    return ok(decodeStatus({ 1: bytes[1] ?? 0, 2: bytes[2] ?? 0, 3: bytes[3] ?? 0, 4: bytes[4] ?? 0 }));
  }

  async function readIdentity(): Promise<DeviceIdentity> {
    const ids: number[] = [];
    for (const n of [1, 2, 3] as IdentityRequest[]) {
      const reply = await replies.request(
        identityRequest(n),
        isIdentityReply,
        Math.min(IDENTITY_TIMEOUT_MS, statusTimeoutMs),
      );
      if (!reply.ok) break;
      ids.push(reply.value);
    }
    const hex = (value: number | undefined) => `0x${(value ?? 0).toString(16).padStart(2, '0')}`;
    if (ids.length === 0) return { model: 'ESC/POS printer', serial: null, firmware: null };
    return {
      model: `ESC/POS printer (model ID ${hex(ids[0])}${ids.length > 1 ? `, type ID ${hex(ids[1])}` : ''})`,
      serial: null,
      firmware: ids.length > 2 ? `firmware ID ${hex(ids[2])}` : null,
    };
  }

  async function printLocked(document: ReceiptDocument, reprint: boolean): Promise<Result<PrintOutcome, PrintFailure>> {
    const id = document.id;
    const refuse = async (code: PrintFailure & { kind: 'printerUnavailable' }) => {
      await ledger.markFailed(id, 'beforeSend', code.message);
      logger.info({ receiptId: id, code: code.code }, 'print refused before sending');
      return err(code);
    };
    const uncertain = async (failure: PrintFailure & { kind: 'uncertain' }) => {
      await ledger.markFailed(id, 'afterSend', failure.message);
      logger.warn({ receiptId: id, code: failure.code }, 'print outcome uncertain');
      return err(failure);
    };

    if (!transport.isOpen) {
      return refuse({ kind: 'printerUnavailable', code: 'disconnected', message: 'printer is not connected' });
    }
    const before = await queryStatus();
    if (!before.ok)
      return refuse({ kind: 'printerUnavailable', code: before.error.code, message: before.error.detail });
    if (!canPrint(before.value)) {
      const condition = toDeviceCondition(before.value);
      return refuse({ kind: 'printerUnavailable', code: condition.code, message: condition.detail });
    }

    let bytes: Uint8Array;
    try {
      bytes = encodeReceipt(reprint ? withReprintMarker(document) : document, format);
    } catch (error) {
      await ledger.markFailed(id, 'beforeSend', `encoding failed: ${(error as Error).message}`);
      throw error;
    }
    const written = await transport.write(bytes);
    if (!written.ok) {
      // Some bytes may have reached the printer before the link failed.
      return uncertain({ kind: 'uncertain', code: 'disconnected', message: `write failed: ${written.error.message}` });
    }

    // Known gap: DLE EOT is answered in real time (§6), so on a printer with a large receive
    // buffer this can run before the last lines are printed; a paper end after it goes unseen.
    const after = await queryStatus(jobTimeoutMs);
    if (!after.ok) return uncertain({ kind: 'uncertain', code: after.error.code, message: after.error.detail });
    if (!canPrint(after.value)) {
      return uncertain({
        kind: 'uncertain',
        code: blockingCode(after.value),
        message: toDeviceCondition(after.value).detail,
      });
    }
    await ledger.markPrinted(id);
    logger.info({ receiptId: id, bytes: bytes.length, reprint }, 'receipt printed');
    return ok({ receiptId: id, printedAt: now().toISOString() });
  }

  return {
    kind: 'printer',
    link: transport.description,

    async connect() {
      const opened = await transport.open();
      if (!opened.ok) return err(faultFromTransport(opened.error));
      const answered = await lock.run(() =>
        replies.request(statusRequest(1), isStatusReply, statusTimeoutMs).then((reply) => ({ reply })),
      );
      if (!answered.reply.ok) {
        const fault = faultFromReply(answered.reply.error, 'DLE EOT 1');
        await transport.close();
        return err(fault);
      }
      const identity = await lock.run(readIdentity);
      logger.info({ link: transport.description, model: identity.model }, 'printer connected');
      return ok(identity);
    },

    async probe(): Promise<Result<DeviceCondition, DeviceFault>> {
      if (!transport.isOpen)
        return err({ state: 'noDevice', code: 'disconnected', detail: 'printer is not connected' });
      const status = await lock.run(() => queryStatus());
      return status.ok ? ok(toDeviceCondition(status.value)) : err(status.error);
    },

    async disconnect() {
      replies.interrupt();
      await transport.close();
    },

    onLost: (listener) => lost.add(listener),

    async print(document, printOptions = {}) {
      const reprint = printOptions.reprint ?? false;
      const claim = await ledger.claim(document.id, { reprint });
      if (claim === 'alreadyPrinted') {
        return err({ kind: 'alreadyPrinted', message: `receipt ${document.id} was already printed` });
      }
      if (claim === 'inProgress') {
        return err({ kind: 'alreadyPrinted', message: `receipt ${document.id} is being printed` });
      }
      return lock.run(() => printLocked(document, reprint));
    },
  };
}

function faultFromReply(problem: ReplyProblem, what: string): DeviceFault {
  switch (problem.kind) {
    case 'timeout':
      return problem.garbled
        ? { state: 'offline', code: 'garbledReplies', detail: `${what}: replies did not match the DLE EOT pattern` }
        : { state: 'offline', code: 'noResponse', detail: `${what}: no reply` };
    case 'writeFailed':
      return faultFromTransport(problem.error);
    case 'closed':
      return { state: 'noDevice', code: 'disconnected', detail: `${what}: link closed` };
  }
}
