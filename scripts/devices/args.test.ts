import { describe, expect, it } from 'vitest';
import { parseDevicesArgs } from './args';
import { EXIT } from './exit-codes';
import { runDevices } from './run';

const never = new Promise<void>(() => undefined);

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runDevices(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, never);
  return { code, stdout, stderr };
}

describe('parseDevicesArgs', () => {
  it('parses each device and action with defaults', () => {
    expect(parseDevicesArgs(['list'])).toEqual({ ok: true, value: { kind: 'list', json: false, emulated: false } });
    expect(parseDevicesArgs(['idcard', 'read', '--port', '/dev/ttyUSB0'])).toEqual({
      ok: true,
      value: {
        kind: 'idcard',
        action: 'read',
        port: '/dev/ttyUSB0',
        baud: 115200,
        unmasked: false,
        timeoutSeconds: 15,
        json: false,
        emulated: false,
      },
    });
    expect(parseDevicesArgs(['printer', 'test', '--link', 'tcp', '--port', '10.0.0.5:9100', '--json'])).toMatchObject({
      ok: true,
      value: { kind: 'printer', action: 'test', link: 'tcp', port: '10.0.0.5:9100', paperWidthMm: 80, json: true },
    });
    expect(
      parseDevicesArgs(['keypad', 'listen', '--vid', '0x04d8', '--pid=f00d', '--count', '3', '--wedge']),
    ).toMatchObject({
      ok: true,
      value: { kind: 'keypad', link: 'keyboardWedge', vendorId: 0x04d8, productId: 0xf00d, count: 3 },
    });
  });

  it('accepts options before the device and --emulated without a port', () => {
    expect(parseDevicesArgs(['--json', 'idcard', '--emulated', 'sam', '--baud', '9600'])).toMatchObject({
      ok: true,
      value: { kind: 'idcard', action: 'sam', baud: 9600, emulated: true, json: true, port: null },
    });
    expect(parseDevicesArgs(['keypad', 'listen', '--emulated'])).toMatchObject({ ok: true, value: { vendorId: null } });
  });

  it('answers help for --help anywhere', () => {
    expect(parseDevicesArgs(['idcard', '--help'])).toEqual({ ok: true, value: { kind: 'help' } });
    expect(parseDevicesArgs(['-h'])).toEqual({ ok: true, value: { kind: 'help' } });
  });

  it.each([
    [[], /name a device/],
    [['projector', 'read'], /unknown device projector/],
    [['idcard'], /needs an action: read, sam, status/],
    [['idcard', 'print', '--emulated'], /needs an action/],
    [['idcard', 'read'], /needs --port/],
    [['idcard', 'read', '--port'], /--port needs a value/],
    [['idcard', 'read', '--port', '--json'], /--port needs a value/],
    [['idcard', 'read', '--emulated', '--baud', '12345'], /--baud is one of/],
    [['idcard', 'read', '--emulated', '--timeout', '-1'], /unknown option -1|--timeout needs/],
    [['idcard', 'read', '--emulated', '--timeout', 'soon'], /--timeout needs a whole number/],
    [['idcard', 'read', '--emulated', '--vid', '1'], /unknown option --vid for idcard/],
    [['idcard', 'read', '--emulated', 'now'], /unexpected argument now/],
    [['printer', 'status', '--emulated', '--link', 'bluetooth'], /--link is serial, usb or tcp/],
    [['printer', 'status', '--link', 'tcp', '--port', 'http://x'], /host:port/],
    [['printer', 'status', '--emulated', '--paper', '76'], /--paper is 58 or 80/],
    [['printer', 'status', '--emulated', '--unmasked'], /unknown option --unmasked/],
    [['keypad', 'listen'], /needs --vid and --pid/],
    [['keypad', 'listen', '--vid', 'xyz', '--pid', '1'], /--vid is a USB ID/],
    [['keypad', 'listen', '--emulated', '--count', '0'], /--count must be between/],
    [['list', 'now'], /list takes no action/],
    [['list', '--json=yes'], /--json takes no value/],
    [['idcard', 'read', '--port', 'a', '--port', 'b'], /given twice/],
  ])('%j is a usage error (%s)', (argv, message) => {
    const parsed = parseDevicesArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(message);
  });
});

describe('runDevices with bad arguments', () => {
  it('exits 64 with the reason and the usage text on stderr', async () => {
    const result = await run(['idcard', 'read', '--bogus']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^error: unknown option --bogus for idcard/);
    expect(result.stderr).toContain('usage: npm run devices -- <device> <action>');
    expect(result.stderr).toContain('77  permission denied');
  });

  it('prints the help on stdout with exit 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(EXIT.ok);
    expect(result.stdout).toContain('exit codes');
    expect(result.stdout).toContain('75  busy');
  });
});
