import type { DeviceKind } from '../../../core/api/devices';
import { buildIdCard } from '../../../core/devices/build-id-card';
import { buildKeypad } from '../../../core/devices/build-keypad';
import { realTransport } from '../../../core/devices/build-printer';
import { buildScanner } from '../../../core/devices/build-scanner';
import { silentLogger } from '../../../core/logging/logger';
import type { DevicesConfig } from '../../../kiosk-config/schema';
import type { SupervisedDevice } from '../../../drivers/common/device';
import { createMemoryPrintJobLedger, createPrinter } from '../../../drivers/printer';

/** One device the config names, as the doctor checks it. */
export type ConfiguredDevice =
  | { readonly kind: DeviceKind; readonly mode: 'emulated' }
  /** A driver the doctor can connect and probe; `path` is the device file, for "who holds it". */
  | {
      readonly kind: DeviceKind;
      readonly mode: 'real';
      readonly where: string;
      readonly path: string | null;
      readonly device: SupervisedDevice;
    }
  /** The document camera: the screen (getUserMedia) drives it, so only its video device can be looked for. */
  | { readonly kind: 'documentCamera'; readonly mode: 'realCamera'; readonly label: string | null };

const hidWhere = (vendorId: number, productId: number) =>
  `USB HID ${vendorId.toString(16).padStart(4, '0')}:${productId.toString(16).padStart(4, '0')}`;

/**
 * The real drivers, built by the kiosk's own factories (core/devices/build-*.ts) so the doctor
 * opens and probes exactly what the kiosk would; nothing is opened here. The printer's ledger is an
 * in-memory one: the doctor never prints.
 */
export async function configuredDevices(config: DevicesConfig): Promise<ConfiguredDevice[]> {
  const logger = silentLogger();
  const devices: ConfiguredDevice[] = [];

  const card = config.idCardReader;
  if (card.mode === 'emulated') devices.push({ kind: 'idCardReader', mode: 'emulated' });
  else {
    const built = await buildIdCard(card, logger);
    devices.push({
      kind: 'idCardReader',
      mode: 'real',
      where: card.path,
      path: card.path,
      device: built.bound.binding.device,
    });
  }

  const printer = config.printer;
  if (printer.mode === 'emulated') devices.push({ kind: 'printer', mode: 'emulated' });
  else {
    const connection = printer.connection;
    const device = createPrinter({
      transport: realTransport(connection),
      paperWidthMm: printer.paperWidthMm,
      encoding: printer.encoding,
      ledger: createMemoryPrintJobLedger(),
    });
    const path = connection.link === 'tcp' ? null : connection.path;
    const where = connection.link === 'tcp' ? `tcp ${connection.host}:${connection.port}` : connection.path;
    devices.push({ kind: 'printer', mode: 'real', where, path, device });
  }

  const keypad = config.evaluationKeypad;
  if (keypad.mode === 'emulated') devices.push({ kind: 'evaluationKeypad', mode: 'emulated' });
  else {
    const bound = buildKeypad(keypad, logger);
    devices.push({
      kind: 'evaluationKeypad',
      mode: 'real',
      where: hidWhere(keypad.vendorId, keypad.productId),
      // hidraw is not exclusive: the doctor reads beside the kiosk without taking it away.
      path: null,
      device: bound.binding.device,
    });
  }

  const scanner = config.qrScanner;
  if (scanner?.mode === 'emulated') devices.push({ kind: 'qrScanner', mode: 'emulated' });
  else if (scanner) {
    const built = await buildScanner(scanner, logger);
    if (built) {
      const serial = scanner.link === 'serial';
      devices.push({
        kind: 'qrScanner',
        mode: 'real',
        where: serial ? scanner.path : hidWhere(scanner.vendorId, scanner.productId),
        path: serial ? scanner.path : null,
        device: built.bound.binding.device,
      });
    }
  }

  const camera = config.documentCamera;
  devices.push(
    camera.mode === 'emulated'
      ? { kind: 'documentCamera', mode: 'emulated' }
      : { kind: 'documentCamera', mode: 'realCamera', label: camera.deviceLabel ?? null },
  );
  return devices;
}
