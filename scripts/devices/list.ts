import { readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { createKeypadEmulator, nodeHidEnumerator, type HidDeviceInfo } from '../../drivers/keypad';
import { openPtyPair, ptyTarget } from '../../drivers/transport/pty-pair';
import type { DevicesCommand } from './args';
import { EXIT, type ExitCode } from './exit-codes';
import { reportSuccess, type Io } from './output';

type ListCommand = Extract<DevicesCommand, { kind: 'list' }>;

interface SerialEntry {
  readonly path: string;
  /** /dev/serial/by-id/… pointing at it: the stable name to put in the kiosk config. */
  readonly byId: string | null;
  readonly vidPid: string | null;
  readonly manufacturer: string | null;
  readonly serialNumber: string | null;
}

interface HidEntry {
  readonly vidPid: string;
  readonly path: string | null;
  readonly product: string | null;
  readonly manufacturer: string | null;
  readonly serialNumber: string | null;
  readonly usagePage: string | null;
}

/** The part of serialport's PortInfo we print. */
interface ListedPort {
  readonly path: string;
  readonly manufacturer?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly vendorId?: string | undefined;
  readonly productId?: string | undefined;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');
const BY_ID_DIR = '/dev/serial/by-id';
const USB_PRINTER_DIR = '/dev/usb';

/** `list`: what is attached, so the technician can copy the right path or IDs into the config. */
export async function runList(command: ListCommand, io: Io): Promise<ExitCode> {
  const problems: string[] = [];
  const attempt = async <T>(what: string, task: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await task();
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  };

  const serialPorts = await attempt('serial ports', () => (command.emulated ? emulatedSerial() : realSerial()));
  const hidDevices = await attempt('HID devices', async () =>
    (command.emulated ? await createKeypadEmulator().devicesAsync() : await nodeHidEnumerator.devicesAsync()).map(
      hidEntry,
    ),
  );
  const usbPrinters = command.emulated ? [] : await attempt('USB printers', usbPrinterFiles);

  const lines = [
    'Serial ports (串口):',
    ...(serialPorts.length === 0
      ? ['  none found']
      : serialPorts.map((p) =>
          `  ${p.path}${p.byId ? `  ← ${p.byId}` : ''}  ${p.vidPid ?? ''}  ${p.manufacturer ?? ''}`.trimEnd(),
        )),
    'HID devices (HID 设备):',
    ...(hidDevices.length === 0
      ? ['  none found']
      : hidDevices.map(
          (d) => `  ${d.vidPid}  ${d.path ?? ''}  ${[d.manufacturer, d.product].filter(Boolean).join(' ')}`,
        )),
    'USB printers (USB 打印机):',
    ...(usbPrinters.length === 0 ? ['  none found'] : usbPrinters.map((path) => `  ${path}`)),
    ...problems.map((problem) => `could not list ${problem}`),
  ];
  reportSuccess(io, command.json, { serialPorts, hidDevices, usbPrinters, problems }, lines);
  // A listing that could not look everywhere is an I/O problem, but what was found is still printed.
  return problems.length > 0 ? EXIT.ioError : EXIT.ok;
}

async function realSerial(): Promise<SerialEntry[]> {
  const byId = await byIdLinks();
  const ports = (await SerialPort.list()) as unknown as readonly ListedPort[];
  return ports.map((port) => ({
    path: port.path,
    byId: byId.get(port.path) ?? null,
    vidPid: port.vendorId && port.productId ? `${port.vendorId}:${port.productId}` : null,
    manufacturer: port.manufacturer ?? null,
    serialNumber: port.serialNumber ?? null,
  }));
}

/** Real device path → its /dev/serial/by-id name (udev makes these only for USB serial devices). */
async function byIdLinks(): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(BY_ID_DIR);
  } catch {
    return links; // no USB serial device attached, or no udev (containers)
  }
  for (const name of names) {
    const link = join(BY_ID_DIR, name);
    const target = await realpath(link).catch(() => null);
    if (target) links.set(target, link);
  }
  return links;
}

async function emulatedSerial(): Promise<SerialEntry[]> {
  const pair = await openPtyPair();
  if (!pair.ok) return [];
  const entry: SerialEntry = {
    path: ptyTarget(pair.value.hostPath),
    byId: null,
    vidPid: null,
    manufacturer: 'emulator (socat PTY pair; one is opened per --emulated command)',
    serialNumber: null,
  };
  await pair.value.close();
  return [entry];
}

function hidEntry(info: HidDeviceInfo): HidEntry {
  return {
    vidPid: `${hex4(info.vendorId)}:${hex4(info.productId)}`,
    path: info.path ?? null,
    product: info.product ?? null,
    manufacturer: info.manufacturer ?? null,
    serialNumber: info.serialNumber ?? null,
    usagePage: info.usagePage === undefined ? null : `0x${hex4(info.usagePage)}`,
  };
}

async function usbPrinterFiles(): Promise<string[]> {
  try {
    return (await readdir(USB_PRINTER_DIR))
      .filter((name) => /^lp[0-9]+$/.test(name))
      .sort()
      .map((name) => join(USB_PRINTER_DIR, name));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return []; // usblp not loaded: no printer attached
    throw error;
  }
}
