import { faultFromTransport } from '../common/transport-fault';
import type { DeviceIdentity, IdCardEvent } from '../../core/api/devices';
import { err, ok, type Result } from '../../core/pure/result';
import { ONLINE, type DeviceCondition, type DeviceFault, type SupervisedDevice } from '../common/device';
import type { ByteTransport } from '../transport/byte-transport';
import { createListeners } from '../transport/listeners';
import type { IdCard, WltPhotoDecoder } from './card';
import { createExchange, silentDriverLogger, type DriverLogger, type ExchangeError } from './exchange';
import type { Scheduler } from './frame-stream';
import { createPollLoop, type CardFailureCode } from './poll-loop';
import { decodeSamId } from './sam-id';
import { describeSw3, SW3 } from './sw3';

export const READER_MODEL = 'SAM (GA/T 467) reader';

export interface IdCardReaderOptions {
  readonly transport: ByteTransport;
  /**
   * How often to ask a reader that does not answer (or reports a SAM problem); one that answers is
   * asked again after a short gap (docs/devices/id-card.md §11).
   */
  readonly pollIntervalMs: number;
  /** Timeout for short commands (status, find, select). Default 500 ms. */
  readonly requestTimeoutMs?: number;
  /** Timeout for 30 01 (1295 bytes: 112 ms of wire time at 115200, 1.35 s at 9600). Default 2000 ms. */
  readonly readTimeoutMs?: number;
  readonly photoDecoder?: WltPhotoDecoder;
  /** Never receives names, numbers or card text: only codes and counts. */
  readonly logger?: DriverLogger;
  /** Reads a placement tries before reporting `failed` and waiting for the card to be lifted. Default 2. */
  readonly readAttemptsPerPlacement?: number;
  readonly scheduler?: Scheduler;
}

export type WaitForCardError =
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'deviceUnavailable'; readonly message: string }
  | { readonly kind: 'readFailed'; readonly code: CardFailureCode; readonly message: string };

export type SamIdError = ExchangeError | { readonly kind: 'status'; readonly sw3: number; readonly detail: string };

export interface IdCardReader extends SupervisedDevice {
  startPolling(): void;
  /** Stops the loop and waits for a poll in progress to finish. */
  stopPolling(): Promise<void>;
  readonly polling: boolean;
  /** 'read' events carry the full card as the second argument; other events pass null. */
  onCardEvent(listener: (event: IdCardEvent, card: IdCard | null) => void): () => void;
  readSamId(): Promise<Result<string, SamIdError>>;
  /** The next card placed and read (starts polling for the wait if it was not running). */
  waitForCard(timeoutMs: number): Promise<Result<IdCard, WaitForCardError>>;
  /** The photo as BMP through the configured licensed decoder; null without one. */
  decodePhoto(card: IdCard): Promise<Uint8Array | null>;
}

export function createIdCardReader(options: IdCardReaderOptions): IdCardReader {
  const { transport } = options;
  const logger = options.logger ?? silentDriverLogger;
  const shortTimeout = options.requestTimeoutMs ?? 500;
  const exchange = createExchange({ transport, logger, scheduler: options.scheduler });
  const lost = createListeners<DeviceFault>();
  let disconnecting = false;
  let lostReported = false;
  let samId: string | null = null;

  const poll = createPollLoop({
    exchange,
    logger,
    pollIntervalMs: options.pollIntervalMs,
    shortTimeoutMs: shortTimeout,
    readTimeoutMs: options.readTimeoutMs ?? 2000,
    readAttempts: options.readAttemptsPerPlacement ?? 2,
    onDisconnected: (detail) => reportLost(detail),
  });

  const reportLost = (detail: string) => {
    if (disconnecting || lostReported) return;
    lostReported = true;
    exchange.abort(detail);
    void poll.stop();
    logger.warn({ link: transport.description }, 'id card reader: lost');
    lost.emit({ state: 'noDevice', code: 'disconnected', detail: `transport closed: ${detail}` });
    // A write error may not close the port by itself (serialport#2043): make sure it is closed.
    void transport.close().catch(() => undefined);
  };

  transport.onClose((error) => {
    if (!disconnecting) reportLost(error?.message ?? 'closed by the other side');
  });

  const readSamId = async (): Promise<Result<string, SamIdError>> => {
    const answer = await exchange.send('samId', shortTimeout);
    if (!answer.ok) return answer;
    if (answer.value.sw3 !== SW3.OK) {
      return err({ kind: 'status', sw3: answer.value.sw3, detail: describeSw3(answer.value.sw3).meaning });
    }
    const decoded = decodeSamId(answer.value.data);
    return decoded.ok ? decoded : err({ kind: 'noResponse', garbled: true, detail: decoded.error.detail });
  };

  return {
    kind: 'idCardReader',
    link: transport.description,
    get polling() {
      return poll.running;
    },
    async connect(): Promise<Result<DeviceIdentity, DeviceFault>> {
      disconnecting = false;
      lostReported = false;
      const opened = await transport.open();
      if (!opened.ok) return err(faultFromTransport(opened.error));
      const status = await exchange.send('samStatus', shortTimeout);
      if (!status.ok) {
        disconnecting = true;
        await transport.close().catch(() => undefined);
        return err(faultFromExchange(status.error));
      }
      // A reader whose SAM answers 60/66 is still connected: probe() reports the SAM's condition.
      const id = await readSamId();
      samId = id.ok ? id.value : null;
      logger.info(
        { link: transport.description, sw3: status.value.sw3, samId: samId ?? 'unknown' },
        'id card reader: connected',
      );
      return ok({ model: READER_MODEL, serial: samId, firmware: null });
    },
    async probe(): Promise<Result<DeviceCondition, DeviceFault>> {
      const status = await exchange.send('samStatus', shortTimeout);
      if (!status.ok) return err(faultFromExchange(status.error));
      return ok(conditionFromSw3(status.value.sw3));
    },
    async disconnect() {
      disconnecting = true;
      try {
        await poll.stop();
        exchange.abort('disconnect requested');
        await transport.close();
      } catch (error) {
        logger.warn({ error: (error as Error).message }, 'id card reader: error while disconnecting');
      }
    },
    onLost: (listener) => lost.add(listener),
    startPolling: () => poll.start(),
    stopPolling: () => poll.stop(),
    onCardEvent: (listener) => poll.onEvent(listener),
    readSamId,
    waitForCard(timeoutMs) {
      return new Promise((resolve) => {
        if (!transport.isOpen) {
          resolve(err({ kind: 'deviceUnavailable', message: 'the ID card reader is not connected' }));
          return;
        }
        const startedHere = !poll.running;
        const finish = (result: Result<IdCard, WaitForCardError>) => {
          clearTimeout(timer);
          stopEvents();
          stopLost();
          if (startedHere) void poll.stop();
          resolve(result);
        };
        const timer = setTimeout(
          () => finish(err({ kind: 'timeout', message: `no card was read within ${timeoutMs} ms` })),
          timeoutMs,
        );
        const stopEvents = poll.onEvent((event, card) => {
          if (event.type === 'read' && card) finish(ok(card));
          if (event.type === 'failed')
            finish(
              err({ kind: 'readFailed', code: event.code, message: `the card could not be read (${event.code})` }),
            );
        });
        const stopLost = lost.add(() => finish(err({ kind: 'deviceUnavailable', message: 'the reader went away' })));
        if (startedHere) poll.start();
      });
    },
    async decodePhoto(card) {
      if (!options.photoDecoder || samId === null) return null;
      try {
        return await options.photoDecoder.decode(card.photoWlt, samId);
      } catch (error) {
        logger.warn({ error: (error as Error).message }, 'id card reader: photo decoder failed');
        return null;
      }
    },
  };
}

function conditionFromSw3(sw3: number): DeviceCondition {
  if (sw3 === SW3.OK) return ONLINE;
  const entry = describeSw3(sw3);
  const detail = `SAM status 0x${sw3.toString(16).padStart(2, '0')}: ${entry.meaning}`;
  switch (entry.outcome) {
    case 'samUnauthorised':
    case 'samFault':
      // Only the vendor can re-authorise or replace a SAM: an engineer, not station staff.
      return { state: 'hardwareError', code: entry.deviceCode, action: 'maintenance', warnings: [], detail };
    default:
      return { state: 'hardwareError', code: 'readerError', action: 'maintenance', warnings: [], detail };
  }
}

function faultFromExchange(error: ExchangeError): DeviceFault {
  if (error.kind === 'disconnected') return { state: 'noDevice', code: 'disconnected', detail: error.detail };
  return { state: 'offline', code: error.garbled ? 'garbledReplies' : 'noResponse', detail: error.detail };
}
