import { existsSync } from 'node:fs';
import { err, ok } from '../../core/pure/result';
import type { DeviceFault } from '../common/device';
import { faultFromTransport } from '../common/transport-fault';
import type { ByteTransport } from '../transport/byte-transport';
import { createListeners } from '../transport/listeners';
import { createReadClock } from './read-clock';
import { createScanEvents } from './scan-events';
import { silentScannerLogger, type QrScanner, type ScannerLogger, type ScannerState } from './scanner';
import { createSerialScanAssembler, type SerialFraming } from './serial-framing';

export interface SerialScannerOptions {
  readonly transport: ByteTransport;
  readonly framing: SerialFraming;
  /**
   * The port's path, for a real port: the probe checks it is still there, because serialport may
   * not report a USB adapter that was pulled (serialport#2043) and a scanner never answers
   * anything we could time out on.
   */
  readonly path?: string;
  readonly logger?: ScannerLogger;
  readonly now?: () => number;
}

/** Shown as the model: a serial scanner does not say what it is. */
export const SERIAL_SCANNER_MODEL = 'serial QR scanner (CDC-ACM / RS-232)';

/**
 * A scanner on a serial port (USB CDC-ACM /dev/ttyACM*, or RS-232 through an adapter). It only
 * talks: each read arrives as bytes framed as configured (serial-framing.ts). The transport is
 * opened on connect and may be opened again after a loss; the supervisor decides when.
 */
export function createSerialScanner(options: SerialScannerOptions): QrScanner {
  const { transport, framing } = options;
  const logger = options.logger ?? silentScannerLogger;
  const fields = { device: 'qrScanner', link: transport.description };
  const events = createScanEvents(logger, fields);
  const clock = createReadClock(createSerialScanAssembler(framing), events.emit, options.now);
  const lost = createListeners<DeviceFault>();
  let state: ScannerState = { kind: 'disconnected', fault: null };
  let unsubscribeData: (() => void) | null = null;

  transport.onClose((error) => {
    unsubscribeData?.();
    unsubscribeData = null;
    clock.reset();
    if (state.kind !== 'listening') return;
    const fault: DeviceFault = error
      ? faultFromTransport(error)
      : { state: 'noDevice', code: 'disconnected', detail: 'the port closed' };
    state = { kind: 'disconnected', fault };
    logger.warn({ ...fields, event: 'lost', detail: fault.detail }, 'scanner lost');
    lost.emit(fault);
  });

  return {
    kind: 'qrScanner',
    link: transport.description,
    state: () => state,
    async connect() {
      if (transport.isOpen) await transport.close();
      const opened = await transport.open();
      if (!opened.ok) {
        const fault = faultFromTransport(opened.error);
        state = { kind: 'disconnected', fault };
        return err(fault);
      }
      clock.reset();
      events.reset();
      unsubscribeData?.();
      unsubscribeData = transport.onData((chunk) => clock.push(chunk));
      const identity = {
        model: SERIAL_SCANNER_MODEL,
        serial: null,
        firmware: null,
      };
      state = { kind: 'listening', identity };
      logger.info({ ...fields, event: 'connect', suffix: framing.suffix, encoding: framing.encoding }, 'connected');
      return ok(identity);
    },
    probe() {
      if (state.kind !== 'listening') {
        return Promise.resolve(
          err(state.fault ?? { state: 'noDevice', code: 'disconnected', detail: 'the scanner is not connected' }),
        );
      }
      if (!transport.isOpen) {
        return Promise.resolve(err({ state: 'noDevice', code: 'disconnected', detail: 'the port is closed' }));
      }
      if (options.path !== undefined && !existsSync(options.path)) {
        return Promise.resolve(
          err({ state: 'noDevice', code: 'disconnected', detail: `${options.path} is gone (unplugged?)` }),
        );
      }
      return Promise.resolve(ok(events.condition()));
    },
    async disconnect() {
      state = { kind: 'disconnected', fault: null };
      unsubscribeData?.();
      unsubscribeData = null;
      clock.reset();
      await transport.close();
    },
    onLost: (listener) => lost.add(listener),
    onScan: events.onScan,
    onRejected: events.onRejected,
  };
}
