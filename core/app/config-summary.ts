import type { LoadedConfig } from '../../kiosk-config/load';
import type { QrScannerConfig } from '../../kiosk-config/schema';

/**
 * The configuration a technician checks against the station sheet. Tokens, the PIN hash and the
 * embedded platform's terminal token are left out on purpose.
 */
export function configSummary(loaded: LoadedConfig): Array<{ key: string; value: string }> {
  const { config } = loaded;
  const device = (name: string, value: { mode: string }, detail: string) => ({
    key: `devices.${name}`,
    value: value.mode === 'emulated' ? 'emulated' : `real: ${detail}`,
  });
  const printer = config.devices.printer;
  const printerDetail =
    printer.mode === 'real'
      ? `${printer.connection.link} ${printer.connection.link === 'tcp' ? `${printer.connection.host}:${printer.connection.port}` : printer.connection.path}, ${printer.paperWidthMm} mm, ${printer.encoding}`
      : '';
  const reader = config.devices.idCardReader;
  const keypad = config.devices.evaluationKeypad;
  const camera = config.devices.documentCamera;
  const scanner = config.devices.qrScanner;
  return [
    { key: 'config file', value: loaded.sourcePath },
    { key: 'data.dir', value: loaded.dataDir },
    // Where the key is, never the key; a systemd credential, when passed, is used instead.
    { key: 'data.keyFile', value: loaded.dataKeyPath },
    {
      key: 'retention',
      value: `delivered ${config.retention.deliveredDays} d, printer output ${config.retention.printerOutputDays} d, logs ${config.retention.logDays} d`,
    },
    { key: 'station', value: `${config.station.name} (${config.station.id})` },
    { key: 'terminal', value: `${config.terminal.name} (${config.terminal.id})` },
    {
      key: 'platform',
      value: config.platform.mode === 'embedded' ? 'embedded reference platform' : config.platform.baseUrl,
    },
    device('idCardReader', reader, reader.mode === 'real' ? `${reader.path} @${reader.baudRate}` : ''),
    device('printer', printer, printerDetail),
    device(
      'evaluationKeypad',
      keypad,
      keypad.mode === 'real' ? `${keypad.link} ${hex(keypad.vendorId)}:${hex(keypad.productId)}` : '',
    ),
    device('documentCamera', camera, camera.mode === 'real' ? (camera.deviceLabel ?? 'first camera') : ''),
    scanner
      ? device('qrScanner', scanner, scanner.mode === 'real' ? scannerDetail(scanner) : '')
      : { key: 'devices.qrScanner', value: 'none' },
    { key: 'station.progressPageUrl', value: config.station.progressPageUrl ?? 'none: receipts carry the bare number' },
    {
      key: 'ui',
      value: `${config.ui.defaultLocale}, ${config.ui.orientation}, idle ${config.ui.attractAfterIdleSeconds} s`,
    },
    {
      key: 'catalog',
      value: `sync every ${config.catalog.syncIntervalMinutes} min, stale after ${config.catalog.staleAfterHours} h`,
    },
    { key: 'technician', value: config.technician ? 'PIN set' : 'no PIN: technician mode disabled' },
  ];
}

const hex = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

function scannerDetail(scanner: Extract<QrScannerConfig, { mode: 'real' }>): string {
  switch (scanner.link) {
    case 'serial':
      return `serial ${scanner.path} @${scanner.baudRate}, suffix ${scanner.suffix}, ${scanner.encoding}`;
    case 'hidPos':
      return `HID POS ${hex(scanner.vendorId)}:${hex(scanner.productId)}, ${scanner.encoding}`;
    case 'keyboardWedge':
      return `keyboard wedge ${hex(scanner.vendorId)}:${hex(scanner.productId)}, ends with ${scanner.terminator}`;
  }
}
