import { err, ok, type Result } from '../../core/pure/result';

/**
 * Hand-written argument parsing for `npm run devices -- <device> <action> [options]` (no new
 * packages). Every mistake is a usage error (exit 64) with a one-line reason.
 */

export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;
export type BaudRate = (typeof BAUD_RATES)[number];

interface Common {
  readonly json: boolean;
  readonly emulated: boolean;
}

export type DevicesCommand =
  | { readonly kind: 'help' }
  | ({ readonly kind: 'list' } & Common)
  | ({
      readonly kind: 'idcard';
      readonly action: 'read' | 'sam' | 'status';
      readonly port: string | null;
      readonly baud: BaudRate;
      readonly unmasked: boolean;
      readonly timeoutSeconds: number;
    } & Common)
  | ({
      readonly kind: 'printer';
      readonly action: 'status' | 'test';
      readonly link: 'serial' | 'usb' | 'tcp';
      readonly port: string | null;
      readonly baud: BaudRate;
      readonly paperWidthMm: 58 | 80;
      readonly encoding: 'gb18030' | 'gbk';
    } & Common)
  | ({
      readonly kind: 'keypad';
      readonly action: 'listen';
      readonly link: 'hid' | 'keyboardWedge';
      readonly vendorId: number | null;
      readonly productId: number | null;
      readonly reportByte: number;
      readonly count: number | null;
    } & Common)
  | ({
      readonly kind: 'scanner';
      /** listen: every read until Ctrl+C or --count; test: one read within --timeout. */
      readonly action: 'listen' | 'test';
      readonly link: 'serial' | 'hidPos' | 'keyboardWedge';
      readonly port: string | null;
      readonly baud: BaudRate;
      readonly suffix: ScannerSuffix;
      readonly prefix: string;
      readonly encoding: 'utf-8' | 'gbk';
      readonly vendorId: number | null;
      readonly productId: number | null;
      readonly count: number | null;
      readonly timeoutSeconds: number;
      /** station.progressPageUrl: which reads the kiosk would take as its own receipts, slips, tickets. */
      readonly page: string | null;
    } & Common);

export const SCANNER_SUFFIXES = ['CR', 'CRLF', 'LF', 'TAB', 'none'] as const;
export type ScannerSuffix = (typeof SCANNER_SUFFIXES)[number];

export interface UsageError {
  readonly message: string;
}

const ACTIONS: Readonly<Record<string, readonly string[]>> = {
  list: [],
  idcard: ['read', 'sam', 'status'],
  printer: ['status', 'test'],
  keypad: ['listen'],
  scanner: ['listen', 'test'],
};

/** Options each device accepts besides --json, --emulated and --help. Flags take no value. */
const OPTIONS: Readonly<Record<string, Readonly<Record<string, 'flag' | 'value'>>>> = {
  list: {},
  idcard: { '--port': 'value', '--baud': 'value', '--unmasked': 'flag', '--timeout': 'value' },
  printer: { '--port': 'value', '--baud': 'value', '--link': 'value', '--paper': 'value', '--encoding': 'value' },
  keypad: { '--vid': 'value', '--pid': 'value', '--count': 'value', '--wedge': 'flag', '--report-byte': 'value' },
  scanner: {
    '--port': 'value',
    '--baud': 'value',
    '--link': 'value',
    '--suffix': 'value',
    '--prefix': 'value',
    '--encoding': 'value',
    '--vid': 'value',
    '--pid': 'value',
    '--count': 'value',
    '--timeout': 'value',
    '--page': 'value',
  },
};
const COMMON: Readonly<Record<string, 'flag'>> = {
  '--json': 'flag',
  '--emulated': 'flag',
  '--help': 'flag',
  '-h': 'flag',
};

export function parseDevicesArgs(argv: readonly string[]): Result<DevicesCommand, UsageError> {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const device = argv.find((a) => Object.hasOwn(ACTIONS, a));
  const accepted = { ...COMMON, ...(device ? OPTIONS[device] : {}) };

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const kind = accepted[name];
    if (!kind) return usage(`unknown option ${name}${device ? ` for ${device}` : ''}`);
    if (kind === 'flag') {
      if (eq > 0) return usage(`${name} takes no value`);
      flags.add(name);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[(i += 1)];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      return usage(`${name} needs a value`);
    }
    if (values.has(name)) return usage(`${name} given twice`);
    values.set(name, value);
  }

  if (flags.has('--help') || flags.has('-h')) return ok({ kind: 'help' });
  const [deviceName, action, extra] = positional;
  if (deviceName === undefined) return usage('name a device: list, idcard, printer, keypad or scanner');
  const actions = ACTIONS[deviceName];
  if (!actions) return usage(`unknown device ${deviceName} (list, idcard, printer, keypad, scanner)`);
  if (actions.length === 0 && action !== undefined) return usage(`${deviceName} takes no action`);
  if (actions.length > 0 && (action === undefined || !actions.includes(action))) {
    return usage(`${deviceName} needs an action: ${actions.join(', ')}`);
  }
  if (extra !== undefined) return usage(`unexpected argument ${extra}`);

  const common: Common = { json: flags.has('--json'), emulated: flags.has('--emulated') };
  const port = values.get('--port') ?? null;

  switch (deviceName) {
    case 'list':
      return ok({ kind: 'list', ...common });
    case 'idcard': {
      const baud = parseBaud(values.get('--baud'));
      if (!baud.ok) return baud;
      const timeout = parseInteger(values.get('--timeout') ?? '15', '--timeout', 1, 3600);
      if (!timeout.ok) return timeout;
      if (!common.emulated && port === null) return usage('idcard needs --port <path> (or --emulated)');
      return ok({
        kind: 'idcard',
        action: action as 'read' | 'sam' | 'status',
        port,
        baud: baud.value,
        unmasked: flags.has('--unmasked'),
        timeoutSeconds: timeout.value,
        ...common,
      });
    }
    case 'printer': {
      const baud = parseBaud(values.get('--baud'));
      if (!baud.ok) return baud;
      const link = values.get('--link') ?? 'serial';
      if (link !== 'serial' && link !== 'usb' && link !== 'tcp') return usage('--link is serial, usb or tcp');
      const paper = values.get('--paper') ?? '80';
      if (paper !== '58' && paper !== '80') return usage('--paper is 58 or 80 (mm)');
      const encoding = values.get('--encoding') ?? 'gb18030';
      if (encoding !== 'gb18030' && encoding !== 'gbk') return usage('--encoding is gb18030 or gbk');
      if (!common.emulated && port === null) {
        return usage(`printer needs --port <${link === 'tcp' ? 'host:port' : 'path'}> (or --emulated)`);
      }
      if (port !== null && link === 'tcp' && !/^[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(port)) {
        return usage('--port for tcp is host or host:port, e.g. 10.0.0.5:9100');
      }
      return ok({
        kind: 'printer',
        action: action as 'status' | 'test',
        link,
        port,
        baud: baud.value,
        paperWidthMm: paper === '58' ? 58 : 80,
        encoding,
        ...common,
      });
    }
    case 'keypad': {
      const vid = parseId(values.get('--vid'), '--vid');
      if (!vid.ok) return vid;
      const pid = parseId(values.get('--pid'), '--pid');
      if (!pid.ok) return pid;
      if (!common.emulated && (vid.value === null || pid.value === null)) {
        return usage('keypad needs --vid and --pid (e.g. --vid 0x1234 --pid 0x5678; see `list`), or --emulated');
      }
      const count = values.has('--count') ? parseInteger(values.get('--count'), '--count', 1, 1_000_000) : ok(null);
      if (!count.ok) return count;
      const reportByte = parseInteger(values.get('--report-byte') ?? '0', '--report-byte', 0, 63);
      if (!reportByte.ok) return reportByte;
      return ok({
        kind: 'keypad',
        action: 'listen',
        link: flags.has('--wedge') ? 'keyboardWedge' : 'hid',
        vendorId: vid.value,
        productId: pid.value,
        reportByte: reportByte.value,
        count: count.value,
        ...common,
      });
    }
    case 'scanner':
      return parseScanner(action as 'listen' | 'test', values, common);
    default:
      return usage(`unknown device ${deviceName}`);
  }
}

function parseScanner(
  action: 'listen' | 'test',
  values: ReadonlyMap<string, string>,
  common: Common,
): Result<DevicesCommand, UsageError> {
  const linkName = values.get('--link') ?? 'serial';
  const links = { serial: 'serial', hidpos: 'hidPos', wedge: 'keyboardWedge' } as const;
  const link = Object.hasOwn(links, linkName) ? links[linkName as keyof typeof links] : null;
  if (link === null) return usage('--link is serial, hidpos or wedge');
  // Scanners ship at 9600 baud, unlike the card reader.
  const baud = parseBaud(values.get('--baud') ?? '9600');
  if (!baud.ok) return baud;
  const suffix = values.get('--suffix') ?? 'CR';
  if (!(SCANNER_SUFFIXES as readonly string[]).includes(suffix)) {
    return usage(`--suffix is one of ${SCANNER_SUFFIXES.join(', ')}`);
  }
  const encoding = values.get('--encoding') ?? 'utf-8';
  if (encoding !== 'utf-8' && encoding !== 'gbk') return usage('--encoding is utf-8 or gbk');
  const vid = parseId(values.get('--vid'), '--vid');
  if (!vid.ok) return vid;
  const pid = parseId(values.get('--pid'), '--pid');
  if (!pid.ok) return pid;
  const port = values.get('--port') ?? null;
  if (!common.emulated && link === 'serial' && port === null) {
    return usage('scanner needs --port <path> (e.g. /dev/serial/by-id/usb-…-if00), --link hidpos|wedge, or --emulated');
  }
  if (!common.emulated && link !== 'serial' && (vid.value === null || pid.value === null)) {
    return usage(`scanner --link ${linkName} needs --vid and --pid (see \`list\`), or --emulated`);
  }
  const count = values.has('--count') ? parseInteger(values.get('--count'), '--count', 1, 1_000_000) : ok(null);
  if (!count.ok) return count;
  const timeout = parseInteger(values.get('--timeout') ?? '30', '--timeout', 1, 3600);
  if (!timeout.ok) return timeout;
  const page = values.get('--page') ?? null;
  if (page !== null && !/^https:\/\/[^\s?#]+$/.test(page)) {
    return usage('--page is the progress page as in kiosk-config (station.progressPageUrl), https and without ?…');
  }
  return ok({
    kind: 'scanner',
    action,
    link,
    port,
    baud: baud.value,
    suffix: suffix as ScannerSuffix,
    prefix: values.get('--prefix') ?? '',
    encoding,
    vendorId: vid.value,
    productId: pid.value,
    count: count.value,
    timeoutSeconds: timeout.value,
    page,
    ...common,
  });
}

function usage(message: string): Result<never, UsageError> {
  return err({ message });
}

function parseInteger(raw: string | undefined, name: string, min: number, max: number): Result<number, UsageError> {
  if (raw === undefined || !/^[0-9]+$/.test(raw)) return usage(`${name} needs a whole number`);
  const value = Number(raw);
  if (value < min || value > max) return usage(`${name} must be between ${min} and ${max}`);
  return ok(value);
}

function parseBaud(raw: string | undefined): Result<BaudRate, UsageError> {
  if (raw === undefined) return ok(115200);
  const value = BAUD_RATES.find((rate) => String(rate) === raw);
  return value === undefined ? usage(`--baud is one of ${BAUD_RATES.join(', ')}`) : ok(value);
}

/** USB IDs as `lsusb` prints them (hex, with or without 0x) — a bare "1234" is hex too. */
function parseId(raw: string | undefined, name: string): Result<number | null, UsageError> {
  if (raw === undefined) return ok(null);
  const match = /^(?:0x)?([0-9a-fA-F]{1,4})$/.exec(raw);
  if (!match?.[1]) return usage(`${name} is a USB ID in hex, e.g. 0x1234 or 1234 (as lsusb shows it)`);
  return ok(Number.parseInt(match[1], 16));
}
