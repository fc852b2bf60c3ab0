/**
 * The station devices udev gives a stable name (/dev/bianmin/<role>), by USB vendor and product
 * id. packaging/udev/generate-rules.ts writes 70-bianmin-kiosk.rules from this table; the test
 * fails when the committed rules differ from what the table says (packaging/udev/rules.test.ts).
 *
 * To add a device: append an entry with its ids as `lsusb` prints them (4 lowercase hex digits),
 * the nodes it makes (`tty` for /dev/ttyUSB* and /dev/ttyACM*, `usbmisc` for /dev/usb/lp*,
 * `hidraw`), and where the ids come from; then run `npx tsx packaging/udev/generate-rules.ts`.
 */

export type DeviceRole = 'idcard' | 'printer' | 'keypad' | 'scanner';

/** The kernel subsystem of the node the kiosk opens (what SUBSYSTEM== matches in the rule). */
export type NodeSubsystem = 'tty' | 'usbmisc' | 'hidraw';

/** Where an entry's ids come from. Unconfirmed ids never ship (they may only be examples). */
export type IdSource =
  { readonly confirmed: true; readonly ref: string } | { readonly confirmed: false; readonly why: string };

export interface KnownDevice {
  readonly role: DeviceRole;
  /** 4 lowercase hex digits, as `lsusb` and ATTRS{idVendor} show them. */
  readonly vendorId: string;
  readonly productId: string;
  readonly name: string;
  readonly subsystems: readonly NodeSubsystem[];
  /**
   * `shipped`: a rule in /lib/udev/rules.d/70-bianmin-kiosk.rules on every station.
   * `station-local`: only a commented example in /etc/udev/rules.d/71-bianmin-kiosk-local.rules,
   * because the ids alone do not say what the device is (a generic USB-serial bridge) or are an
   * example (no public ids exist for the device class).
   */
  readonly scope: 'shipped' | 'station-local';
  readonly source: IdSource;
}

/** systemd's hwdb, imported from http://www.linux-usb.org/usb.ids (/lib/udev/hwdb.d/20-usb-vendor-model.hwdb). */
const USB_IDS = 'usb.ids (linux-usb.org), as shipped in systemd 252 /lib/udev/hwdb.d/20-usb-vendor-model.hwdb';
const PRINTER_DESCRIPTORS = 'https://github.com/sintrb/USB-Printer-Descriptors (README, device descriptors)';

/**
 * USB-serial bridge chips. Thousands of unrelated products carry them (Arduino clones, GPS
 * mice, PLC cables, and the serial models of 二代证 readers), so a shipped rule naming every
 * CH340 `bianmin/idcard` would point the kiosk at the wrong port as soon as a second one is
 * plugged in, and would hide real modems from ModemManager. A station names its own bridged
 * reader by serial number or USB port in the local rules file instead.
 */
export const GENERIC_USB_SERIAL_BRIDGES: readonly { vendorId: string; productId: string; chip: string }[] = [
  { vendorId: '1a86', productId: '7523', chip: 'WCH CH340' },
  { vendorId: '1a86', productId: '7522', chip: 'WCH CH340' },
  { vendorId: '1a86', productId: '5523', chip: 'WCH CH341 (serial mode)' },
  { vendorId: '1a86', productId: '55d4', chip: 'WCH CH9102' },
  { vendorId: '067b', productId: '2303', chip: 'Prolific PL2303' },
  { vendorId: '10c4', productId: 'ea60', chip: 'Silicon Labs CP210x' },
  { vendorId: '0403', productId: '6001', chip: 'FTDI FT232R' },
  { vendorId: '0403', productId: '6015', chip: 'FTDI FT-X' },
];

const bridgedReader = (vendorId: string, productId: string, chip: string): KnownDevice => ({
  role: 'idcard',
  vendorId,
  productId,
  name: `二代证阅读器 behind a ${chip} USB-serial bridge (serial models of 华视 CVR-100, 神思 SS628, 精伦 iDR210, 新中新 DKQ-A16D, 国腾 …)`,
  subsystems: ['tty'],
  scope: 'station-local',
  source: {
    confirmed: false,
    why: `the bridge id is from ${USB_IDS}; which reader models carry which bridge is not published by their makers`,
  },
});

/**
 * Newland (新大陆) scanner engines: usb.ids lists each engine three times, the low byte of the
 * product id saying the interface mode set by configuration barcode: 03 keyboard (HID), 06 USB
 * CDC serial, 10 HID POS.
 */
const newland = (productPrefix: string, model: string): KnownDevice[] => [
  {
    role: 'scanner',
    vendorId: '1eab',
    productId: `${productPrefix}06`,
    name: `新大陆 Newland ${model} (USB CDC serial)`,
    subsystems: ['tty'],
    scope: 'shipped',
    source: { confirmed: true, ref: USB_IDS },
  },
  {
    role: 'scanner',
    vendorId: '1eab',
    productId: `${productPrefix}10`,
    name: `新大陆 Newland ${model} (HID POS)`,
    subsystems: ['hidraw'],
    scope: 'shipped',
    source: { confirmed: true, ref: USB_IDS },
  },
  {
    role: 'scanner',
    vendorId: '1eab',
    productId: `${productPrefix}03`,
    name: `新大陆 Newland ${model} (keyboard)`,
    subsystems: ['hidraw'],
    scope: 'shipped',
    source: { confirmed: true, ref: USB_IDS },
  },
];

const usbPrinter = (vendorId: string, productId: string, name: string, ref: string): KnownDevice => ({
  role: 'printer',
  vendorId,
  productId,
  name,
  // usblp makes /dev/usb/lp* only for a printer-class interface, so an id another product
  // shares (0483 is STMicroelectronics' vendor id) cannot give a non-printer this name.
  subsystems: ['usbmisc'],
  scope: 'shipped',
  source: { confirmed: true, ref },
});

export const KNOWN_DEVICES: readonly KnownDevice[] = [
  // ── ID card readers (二代证阅读器) ──
  // The serial (SAM UART) models our driver speaks sit behind generic bridges: station-local only.
  // Readers with their own id (0400:c35a, "native SAM USB") talk bulk USB, not serial, and are out
  // of scope (docs/devices/id-card.md §2), so they get no name here.
  bridgedReader('1a86', '7523', 'WCH CH340'),
  bridgedReader('067b', '2303', 'Prolific PL2303'),
  bridgedReader('10c4', 'ea60', 'Silicon Labs CP210x'),
  bridgedReader('0403', '6001', 'FTDI FT232R'),

  // ── Receipt printers (USB printer class, /dev/usb/lp*) ──
  usbPrinter('6868', '0200', '佳博 Gprinter GP-58 (GP-58MBIII+)', PRINTER_DESCRIPTORS),
  usbPrinter('6868', '0500', '佳博 Gprinter ZH-380 / GP-R222C', PRINTER_DESCRIPTORS),
  usbPrinter(
    '6868',
    '0600',
    '佳博 Gprinter GP-58MB (printer + USB disk)',
    'http://tongxinmao.com/Article/Detail/id/306 (USB descriptor dump)',
  ),
  usbPrinter('0483', '5743', '芯烨 Xprinter XP-T58H', PRINTER_DESCRIPTORS),
  usbPrinter(
    '0416',
    '5011',
    'POS-58 class printers on a Winbond USB controller (sold under many brands, Xprinter among them)',
    'https://github.com/lsongdev/node-escpos examples/index.js',
  ),
  usbPrinter(
    '04b8',
    '0202',
    'Epson UB-U05 interface (TM-T88IV, TM-T70, M129C)',
    `${USB_IDS}; odoo addons/hw_escpos/xmlescpos/supported_devices.py`,
  ),
  usbPrinter('04b8', '0e03', 'Epson TM-T20', `${USB_IDS}; odoo addons/hw_escpos/xmlescpos/supported_devices.py`),
  usbPrinter('04b8', '0e15', 'Epson TM-T20II', 'odoo addons/hw_escpos/xmlescpos/supported_devices.py'),

  // ── Evaluation keypads (好差评评价器) ──
  // No maker publishes ids (docs/devices/keypad.md §2). This entry is an example with a test id
  // of pid.codes; a station puts its keypad's ids in the local rules file.
  {
    role: 'keypad',
    vendorId: '1209',
    productId: '0001',
    name: 'example: a HID 评价器 (replace with the ids `lsusb` shows)',
    subsystems: ['hidraw'],
    scope: 'station-local',
    source: { confirmed: false, why: 'example only: 1209:0001 is a pid.codes test id, no 评价器 maker publishes ids' },
  },

  // ── QR / barcode scanners (扫码器) ──
  ...newland('1d', 'FM430 (kiosk module)'),
  ...newland('82', 'EM3080-01 / EM3095 / FR20 / FM30'),
  ...newland('1c', 'HR2150'),
  ...newland('83', 'HR2160'),
  ...newland('1e', 'HR42'),
  ...newland('16', 'FM100-M / 3250'),
  ...newland('0d', 'EM2028'),
  {
    role: 'scanner',
    vendorId: '0c2e',
    productId: '0b6a',
    name: '霍尼韦尔 Honeywell Vuquest 3310g (USB CDC serial)',
    subsystems: ['tty'],
    scope: 'shipped',
    source: {
      confirmed: true,
      ref: `${USB_IDS}; https://github.com/mik3y/usb-serial-for-android/issues/334 (CDC-ACM)`,
    },
  },
  {
    role: 'scanner',
    vendorId: '0c2e',
    productId: '0907',
    name: '霍尼韦尔 Honeywell Xenon 1900 (HID POS)',
    subsystems: ['hidraw'],
    scope: 'shipped',
    source: { confirmed: true, ref: 'https://github.com/nyholku/purejavahidapi/pull/70 (device dump)' },
  },
  {
    role: 'scanner',
    vendorId: '05e0',
    productId: '1200',
    name: 'Zebra (Symbol) bar code scanner (HID)',
    subsystems: ['hidraw'],
    scope: 'shipped',
    source: { confirmed: true, ref: USB_IDS },
  },
  {
    role: 'scanner',
    vendorId: '05e0',
    productId: '1701',
    name: 'Zebra (Symbol) bar code scanner (USB CDC serial)',
    subsystems: ['tty'],
    scope: 'shipped',
    source: { confirmed: true, ref: USB_IDS },
  },
];
