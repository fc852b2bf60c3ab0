import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatConfigError, loadKioskConfig, parseKioskConfig, resolveConfigPath } from './load';

const DEFAULT = join(import.meta.dirname, 'default.json');
const defaults = () => JSON.parse(readFileSync(DEFAULT, 'utf8')) as Record<string, Record<string, unknown>>;

function problemsFor(change: (config: Record<string, Record<string, unknown>>) => void): string[] {
  const config = defaults();
  change(config);
  const result = parseKioskConfig(JSON.stringify(config), '/etc/kiosk.json');
  if (result.ok) throw new Error('expected the config to be refused');
  return [...result.error.problems];
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('kiosk-config', () => {
  it('accepts the shipped default: emulated devices, embedded platform, one sample station', () => {
    const result = loadKioskConfig(DEFAULT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { config } = result.value;
    expect(config.platform.mode).toBe('embedded');
    expect(Object.values(config.devices).every((d) => d.mode === 'emulated')).toBe(true);
    expect(config.station.region.county).toBe('安丘市');
    expect(result.value.dataDir).toBe(join(import.meta.dirname, '..', '.kiosk-data'));
  });

  it('resolves KIOSK_CONFIG relative to the working directory, else the default', () => {
    expect(resolveConfigPath({}, DEFAULT)).toBe(DEFAULT);
    expect(resolveConfigPath({ KIOSK_CONFIG: 'site/kiosk.json' }, DEFAULT, '/srv')).toBe('/srv/site/kiosk.json');
    expect(resolveConfigPath({ KIOSK_CONFIG: '/etc/kiosk.json' }, DEFAULT, '/srv')).toBe('/etc/kiosk.json');
  });

  it('resolves data.dir and the token file against the config file folder', () => {
    const config = defaults();
    config['platform'] = {
      mode: 'remote',
      baseUrl: 'https://platform.example.gov.cn/api/v1',
      tokenFile: 'secrets/token',
    };
    config['data'] = { dir: 'var' };
    const path = join(dir, 'kiosk.json');
    writeFileSync(path, JSON.stringify(config));
    const result = loadKioskConfig(path);
    expect(result.ok && result.value.dataDir).toBe(join(dir, 'var'));
    expect(result.ok && result.value.platformTokenPath).toBe(join(dir, 'secrets/token'));
    expect(result.ok && result.value.config.platform.mode === 'remote' && result.value.config.platform.timeoutMs).toBe(
      10_000,
    );
  });

  it('puts the data key outside the data folder: configured, or beside it by default', () => {
    const shipped = loadKioskConfig(DEFAULT);
    expect(shipped.ok && shipped.value.dataKeyPath).toBe(join(import.meta.dirname, '..', '.kiosk-keys', 'data-key'));

    const config = defaults();
    config['data'] = { dir: 'var/data' };
    const path = join(dir, 'kiosk.json');
    writeFileSync(path, JSON.stringify(config));
    const byDefault = loadKioskConfig(path);
    expect(byDefault.ok && byDefault.value.dataKeyPath).toBe(join(dir, 'var', '.kiosk-keys', 'data-key'));

    config['data'] = { dir: 'var/data', keyFile: '/etc/bianmin-kiosk/data-key' };
    writeFileSync(path, JSON.stringify(config));
    const absolute = loadKioskConfig(path);
    expect(absolute.ok && absolute.value.dataKeyPath).toBe('/etc/bianmin-kiosk/data-key');
  });

  it('refuses a data key inside the data folder, saying where it should go', () => {
    const problems = problemsFor(
      (c) => (c['data'] = { dir: '/var/lib/kiosk', keyFile: '/var/lib/kiosk/keys/data-key' }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\.keyFile: .* is inside data\.dir .*outside the data folder/);
    expect(problemsFor((c) => (c['data'] = { dir: 'data', keyFile: 'data' }))[0]).toMatch(/inside data\.dir/);
  });

  it('refuses the file system root as data.dir with no key file, since the default key would be inside it', () => {
    expect(problemsFor((c) => (c['data'] = { dir: '/' }))).toEqual([
      'data.dir (/) leaves no folder outside it for the data key; set data.keyFile to a file outside it',
    ]);
  });

  it('takes the retention policy with defaults for what is left out, and refuses nonsense', () => {
    const config = defaults();
    delete config['retention'];
    const result = parseKioskConfig(JSON.stringify(config), '/etc/kiosk.json');
    expect(result.ok && result.value.config.retention).toEqual({
      deliveredDays: 30,
      printerOutputDays: 1,
      logDays: 14,
    });
    config['retention'] = { deliveredDays: 0 };
    const partial = parseKioskConfig(JSON.stringify(config), '/etc/kiosk.json');
    expect(partial.ok && partial.value.config.retention).toEqual({
      deliveredDays: 0,
      printerOutputDays: 1,
      logDays: 14,
    });
    expect(problemsFor((c) => (c['retention'] = { deliveredDays: -1 }))).toEqual([
      'retention.deliveredDays: -1 is too small; allowed: at least 0',
    ]);
    expect(problemsFor((c) => (c['retention'] = { logDays: 0 }))).toEqual([
      'retention.logDays: 0 is too small; allowed: at least 1',
    ]);
  });

  it('takes a QR scanner of each kind with the defaults scanners ship with, or none at all', () => {
    const parse = (qrScanner: unknown) => {
      const config = defaults();
      if (qrScanner === undefined) delete config['devices']!['qrScanner'];
      else config['devices']!['qrScanner'] = qrScanner;
      const result = parseKioskConfig(JSON.stringify(config), '/etc/kiosk.json');
      if (!result.ok) throw new Error(result.error.problems.join('\n'));
      return result.value.config.devices.qrScanner;
    };
    expect(parse(undefined)).toBeUndefined();
    expect(parse({ mode: 'emulated' })).toEqual({ mode: 'emulated', link: 'pty', interface: 'serial' });
    expect(parse({ mode: 'real', link: 'serial', path: '/dev/serial/by-id/usb-NLS_scanner-if00' })).toEqual({
      mode: 'real',
      link: 'serial',
      path: '/dev/serial/by-id/usb-NLS_scanner-if00',
      baudRate: 9600,
      suffix: 'CR',
      prefix: '',
      encoding: 'utf-8',
      interCharacterTimeoutMs: 100,
      maxBytes: 2048,
    });
    expect(parse({ mode: 'real', link: 'hidPos', vendorId: 0x0c2e, productId: 0x0b8f, encoding: 'gbk' })).toMatchObject(
      {
        link: 'hidPos',
        encoding: 'gbk',
      },
    );
    expect(parse({ mode: 'real', link: 'keyboardWedge', vendorId: 1, productId: 2 })).toMatchObject({
      terminator: 'Enter',
    });
  });

  it('refuses a scanner setting that cannot work, and a progress page that is not a plain https address', () => {
    const scanner = (qrScanner: unknown) => problemsFor((c) => (c['devices']!['qrScanner'] = qrScanner));
    expect(scanner({ mode: 'real', link: 'serial', path: 'COM4' })).toEqual([
      'devices.qrScanner.path: "COM4" is not allowed; expected a device path under /dev, e.g. /dev/serial/by-id/…',
    ]);
    expect(scanner({ mode: 'real', link: 'serial', path: '/dev/ttyACM0', suffix: 'CR+LF' })).toEqual([
      'devices.qrScanner.suffix: "CR+LF" is not allowed; allowed: "CR", "CRLF", "LF", "TAB", "none"',
    ]);
    expect(scanner({ mode: 'real', link: 'hidPos', vendorId: 70000, productId: 1 })).toEqual([
      'devices.qrScanner.vendorId: 70000 is too big; allowed: at most 65535',
    ]);
    const page = (url: string) => problemsFor((c) => (c['station']!['progressPageUrl'] = url));
    expect(page('http://zwfw.example.gov.cn/progress').join()).toContain('station.progressPageUrl');
    expect(page('https://zwfw.example.gov.cn/progress?case=').join()).toContain(
      'the page address alone, without ?… or #…',
    );
  });

  it('names the field, the value and what is allowed for a wrong enum', () => {
    expect(problemsFor((c) => (c['ui']!['defaultLocale'] = 'fr'))).toEqual([
      'ui.defaultLocale: "fr" is not allowed; allowed: "zh-CN", "en"',
    ]);
  });

  it('explains a wrong baud rate and a port out of range', () => {
    expect(
      problemsFor((c) => {
        c['devices']!['idCardReader'] = { mode: 'real', path: '/dev/ttyUSB0', baudRate: 9601 };
        c['devices']!['printer'] = { mode: 'real', connection: { link: 'tcp', host: '10.0.0.5', port: 70000 } };
      }),
    ).toEqual([
      'devices.idCardReader.baudRate: 9601 is not allowed; allowed: 9600, 19200, 38400, 57600, 115200',
      'devices.printer.connection.port: 70000 is too big; allowed: at most 65535',
    ]);
  });

  it('explains a wrong discriminator, a missing field and a misspelt key', () => {
    const problems = problemsFor((c) => {
      c['platform'] = { mode: 'cloud' };
      delete c['station']!['hotline'];
      c['terminal']!['nmae'] = 'typo';
    });
    expect(problems).toContain('platform.mode: "cloud" is not allowed; allowed: "embedded", "remote"');
    expect(problems).toContain('station.hotline: is missing; expected a string');
    expect(problems).toContain('terminal.nmae: is not a known setting (check the spelling); remove it or rename it');
  });

  it('explains a bad pattern with its own words', () => {
    expect(problemsFor((c) => (c['devices']!['idCardReader'] = { mode: 'real', path: 'COM3' }))).toEqual([
      'devices.idCardReader.path: "COM3" is not allowed; expected a device path under /dev, e.g. /dev/serial/by-id/…',
    ]);
  });

  it('reports a file that is missing or not JSON', () => {
    const missing = loadKioskConfig(join(dir, 'nope.json'));
    expect(!missing.ok && missing.error.problems).toEqual(['cannot read the config file: the file does not exist']);
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "station": ');
    const broken = loadKioskConfig(path);
    expect(!broken.ok && broken.error.problems[0]).toMatch(/^the file is not valid JSON/);
  });

  it('refuses a file nested too deeply to print, naming the field instead of crashing', () => {
    // Found by the fuzzer (npm run fuzz, config/broken-text): showing the value went through
    // JSON.stringify, which overflows the stack on 100 000 nested arrays.
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const whole = parseKioskConfig(deep, '/etc/kiosk.json');
    expect(!whole.ok && whole.error.problems).toEqual([
      '(the whole file): [[[[...]]]] is not allowed; expected an object',
    ]);
    const config = defaults();
    const text = JSON.stringify(config).replace(
      '"platform":{',
      `"platform":${deep.slice(0, 50_000)}1${deep.slice(100_000, 150_000)},"x":{`,
    );
    const nested = parseKioskConfig(text, '/etc/kiosk.json');
    expect(!nested.ok && nested.error.problems[0]).toMatch(/^platform: \[\[\[\[\.\.\.\]\]\]\] is not allowed/);
  });

  it('formats the error for the console with the file path and a way forward', () => {
    const text = formatConfigError({ sourcePath: '/etc/kiosk.json', problems: ['a: b'] });
    expect(text).toBe(
      'kiosk-config: /etc/kiosk.json is not a valid kiosk configuration:\n  - a: b\nFix the file (see kiosk-config/README.md for every setting) and start again.',
    );
  });
});
