import { spawn } from 'node:child_process';
import { openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openPtyPair } from '../../drivers/transport/pty-pair';
import { parseDevicesArgs } from './args';

/** `npm run devices -- scanner …` end to end: the real entry point in a child process. */
const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function devices(args: string[], onStderr: (text: string) => void = () => undefined): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['scripts/devices.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr(stderr);
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('scanner arguments', () => {
  it('takes the framing a scanner is set to, with the defaults scanners ship with', () => {
    expect(parseDevicesArgs(['scanner', 'listen', '--port', '/dev/ttyACM0'])).toMatchObject({
      ok: true,
      value: { kind: 'scanner', link: 'serial', baud: 9600, suffix: 'CR', prefix: '', encoding: 'utf-8' },
    });
    expect(parseDevicesArgs(['scanner', 'test', '--link', 'hidpos', '--vid', '0c2e', '--pid', '0b8f'])).toMatchObject({
      ok: true,
      value: {
        kind: 'scanner',
        action: 'test',
        link: 'hidPos',
        vendorId: 0x0c2e,
        productId: 0x0b8f,
        timeoutSeconds: 30,
      },
    });
    const refused = (argv: string[]) => {
      const parsed = parseDevicesArgs(argv);
      return parsed.ok ? null : parsed.error.message;
    };
    expect(refused(['scanner', 'listen'])).toContain('scanner needs --port');
    expect(refused(['scanner', 'listen', '--link', 'wedge'])).toContain('needs --vid and --pid');
    expect(refused(['scanner', 'listen', '--emulated', '--suffix', 'CR+LF'])).toContain('--suffix is one of');
    expect(refused(['scanner', 'listen', '--emulated', '--encoding', 'big5'])).toBe('--encoding is utf-8 or gbk');
    expect(refused(['scanner', 'listen', '--emulated', '--page', 'https://x.example/p?case='])).toContain('--page');
    expect(refused(['scanner', 'scan', '--emulated'])).toBe('scanner needs an action: listen, test');
  });
});

// Several tsx processes start at once on a busy two-core machine: the limit is for a hang.
describe.concurrent('npm run devices -- scanner (spawned)', { timeout: 60_000 }, () => {
  it('listen --emulated reads the samples over a PTY and says how the kiosk would take each', async () => {
    const { code, stdout } = await devices(['scanner', 'listen', '--emulated', '--count', '4', '--json']);
    expect(code).toBe(0);
    const reads = lines(stdout);
    expect(reads.map((read) => read['recognisedAs'])).toEqual(['receipt', 'ticket', 'appointment', 'other']);
    expect(reads[0]).toMatchObject({ text: 'https://zwfw.example.gov.cn/anqiu/progress?case=AQ-20261121-0001' });
    expect(reads[3]).toMatchObject({ text: '便民服务站扫码测试 QR-TEST-0001', characters: 22 });
  });

  it('test --emulated with GBK and CRLF framing decodes the read; HID POS too', async () => {
    const serial = await devices(['scanner', 'test', '--emulated', '--encoding', 'gbk', '--suffix', 'CRLF', '--json']);
    expect(serial.code).toBe(0);
    expect(lines(serial.stdout)).toEqual([expect.objectContaining({ recognisedAs: 'receipt', characters: 64 })]);
    const hid = await devices(['scanner', 'listen', '--emulated', '--link', 'hidpos', '--count', '4', '--json']);
    expect(hid.code).toBe(0);
    expect(lines(hid.stdout)[3]).toMatchObject({ text: '便民服务站扫码测试 QR-TEST-0001', symbology: 'qr' });
  });

  it('test on a real port: a read written at the byte level is shown; none in time exits 74', async () => {
    const pair = await openPtyPair();
    if (!pair.ok) throw new Error(pair.error.message);
    try {
      const page = 'https://zwfw.example.gov.cn/anqiu/progress';
      let written = false;
      const read = await devices(
        ['scanner', 'test', '--port', pair.value.hostPath, '--encoding', 'gbk', '--page', page, '--timeout', '20'],
        (stderr) => {
          if (written || !stderr.includes('Listening')) return;
          written = true;
          // What a scanner set to GBK and CR sends for a slip's code: bytes, then CR.
          const fd = openSync(pair.value.devicePath, 'w');
          writeSync(
            fd,
            Buffer.concat([iconv.encode(`${page}?appointment=AP-20261121-0007`, 'gbk'), Buffer.from([0x0d])]),
          );
          closeSync(fd);
        },
      );
      expect(read.code).toBe(0);
      expect(read.stdout).toBe(
        `read (unknown, 71 characters, the kiosk takes it as appointment): ${page}?appointment=AP-20261121-0007\n`,
      );

      const silent = await devices(['scanner', 'test', '--port', pair.value.hostPath, '--timeout', '1']);
      expect(silent.code).toBe(74);
      expect(silent.stderr).toContain('error (timeout): no read within 1 s');
    } finally {
      await pair.value.close();
    }
  });
});
