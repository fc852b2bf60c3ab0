import type { DevicesConfig, MediaDeviceConfig } from '../../kiosk-config/schema';
import type { Logger } from '../logging/logger';
import type { DeviceBindings, MediaBinding } from './bindings';
import { buildIdCard } from './build-id-card';
import { buildKeypad } from './build-keypad';
import { buildPrinter } from './build-printer';
import { buildScanner } from './build-scanner';
import type { PrintLedgerStore } from './print-ledger-store';

/**
 * Every device from config: `real` opens the configured port, `emulated` runs the same driver
 * against a byte-level emulator over a socat PTY pair (docs/design-anchors.md §7.7: one factory
 * chooses, nothing else calls `new SerialPort`). No device failing here stops the kiosk: a missing
 * port is a status (noDevice) the supervisor keeps retrying, not a startup error.
 */
export async function buildDevices(options: {
  config: DevicesConfig;
  ledger: PrintLedgerStore;
  dataDir: string;
  logger: Logger;
}): Promise<DeviceBindings> {
  const { config, logger } = options;
  const [idCard, printer, scanner] = await Promise.all([
    buildIdCard(config.idCardReader, logger),
    buildPrinter(config.printer, options.ledger, options.dataDir, logger),
    buildScanner(config.qrScanner, logger),
  ]);
  const keypad = buildKeypad(config.evaluationKeypad, logger);
  return {
    idCard: idCard.bound,
    printer: printer.bound,
    keypad,
    scanner: scanner?.bound ?? null,
    camera: { mode: config.documentCamera.mode },
    faceCamera: config.faceCamera ? mediaBinding(config.faceCamera) : null,
    microphone: config.microphone ? mediaBinding(config.microphone) : null,
    async close() {
      await Promise.all([idCard.close(), printer.close(), scanner?.close()]);
    },
  };
}

function mediaBinding(config: MediaDeviceConfig): MediaBinding {
  return { mode: config.mode, deviceLabel: config.mode === 'real' ? (config.deviceLabel ?? null) : null };
}
