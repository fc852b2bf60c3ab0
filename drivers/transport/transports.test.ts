import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ByteTransport, TransportError } from './byte-transport';
import { transportErrorFrom } from './byte-transport';
import { createDeviceFileTransport } from './device-file-transport';
import { createMemoryTransportPair } from './memory-transport';
import { openPtyPair } from './pty-pair';
import { createSerialTransport } from './serial-transport';
import { createTcpTransport } from './tcp-transport';

const hasSocat = ['/usr/bin/socat', '/bin/socat'].some((p) => existsSync(p));

function collect(transport: ByteTransport) {
  const chunks: number[] = [];
  transport.onData((chunk) => chunks.push(...chunk));
  return chunks;
}
const until = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('memory transport pair', () => {
  it('carries bytes both ways, asynchronously, and reports an unplug on both ends', async () => {
    const pair = createMemoryTransportPair();
    await pair.host.open();
    await pair.device.open();
    const atDevice = collect(pair.device);
    await pair.host.write(new Uint8Array([1, 2, 3]));
    expect(atDevice).toEqual([]); // not synchronous, like a real port
    await until(() => atDevice.length === 3);
    const closes: Array<TransportError | null> = [];
    pair.host.onClose((error) => closes.push(error));
    pair.unplug();
    expect(closes).toEqual([{ code: 'notFound', message: 'device unplugged' }]);
    expect(await pair.host.write(new Uint8Array([4]))).toMatchObject({ ok: false, error: { code: 'closed' } });
  });
});

describe.skipIf(!hasSocat)('serial transport over a socat PTY pair', () => {
  it('opens both ends with the real binding, carries bytes, and notices the cable going away', async () => {
    const pair = await openPtyPair();
    if (!pair.ok) throw new Error(pair.error.message);
    const host = createSerialTransport({ path: pair.value.hostPath, baudRate: 115200 });
    const device = createSerialTransport({ path: pair.value.devicePath, baudRate: 115200 });
    expect(await host.open()).toEqual({ ok: true, value: undefined });
    expect(await device.open()).toEqual({ ok: true, value: undefined });
    const atDevice = collect(device);
    await host.write(new Uint8Array([0xaa, 0xaa, 0xaa, 0x96, 0x69]));
    await until(() => atDevice.length === 5);
    const closes: Array<TransportError | null> = [];
    host.onClose((error) => closes.push(error));
    await pair.value.close();
    // serialport may not report the close until the next write (serialport#2043): try one.
    await until(() => {
      if (closes.length === 0) void host.write(new Uint8Array([0]));
      return closes.length > 0;
    });
    expect(closes[0]).not.toBeNull();
    expect(host.isOpen).toBe(false);
    await device.close();
  });

  it('names a missing port as notFound', async () => {
    const missing = createSerialTransport({ path: '/dev/ttyNOPE-kiosk', baudRate: 115200 });
    expect(await missing.open()).toMatchObject({ ok: false, error: { code: 'notFound' } });
  });
});

describe('tcp transport', () => {
  it('talks to a raw port-9100 style server and reports refusal plainly', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.on('data', (chunk) => socket.write(Buffer.from([chunk.length])));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const tcp = createTcpTransport({ host: '127.0.0.1', port });
    expect((await tcp.open()).ok).toBe(true);
    const replies = collect(tcp);
    await tcp.write(new Uint8Array([0x10, 0x04, 0x01]));
    await until(() => replies.length === 1);
    expect(replies).toEqual([3]);
    const closes: Array<TransportError | null> = [];
    tcp.onClose((error) => closes.push(error));
    for (const socket of sockets) socket.destroy();
    await until(() => closes.length === 1);
    expect(closes[0]).toMatchObject({ code: 'closed' });
    await new Promise((resolve) => server.close(resolve));
    expect(await createTcpTransport({ host: '127.0.0.1', port }).open()).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
  });
});

describe('device file transport (USB printer class)', () => {
  it('writes to and polls a device file; a FIFO stands in for /dev/usb/lp0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-lp-'));
    const fifo = join(dir, 'lp0');
    execFileSync('mkfifo', [fifo]);
    const transport = createDeviceFileTransport({ path: fifo, pollMs: 5 });
    expect((await transport.open()).ok).toBe(true);
    const read = collect(transport);
    // A FIFO echoes what is written to it back to the reader: enough to exercise both paths.
    expect((await transport.write(new Uint8Array([0x10, 0x04, 0x04]))).ok).toBe(true);
    await until(() => read.length === 3);
    expect(read).toEqual([0x10, 0x04, 0x04]);
    await transport.close();
    expect(transport.isOpen).toBe(false);
    rmSync(dir, { recursive: true, force: true });
    expect(await createDeviceFileTransport({ path: '/dev/usb/lp99' }).open()).toMatchObject({
      ok: false,
      error: { code: 'notFound' },
    });
  });
});

describe('transport errors', () => {
  it('maps system errors to codes a technician can act on', () => {
    expect(transportErrorFrom({ code: 'EACCES', message: 'x' }).code).toBe('permissionDenied');
    expect(transportErrorFrom({ code: 'EBUSY', message: 'x' }).code).toBe('busy');
    expect(transportErrorFrom(new Error('Error: No such file or directory, cannot open /dev/ttyUSB9')).code).toBe(
      'notFound',
    );
    expect(transportErrorFrom(new Error('Error Resource temporarily unavailable Cannot lock port')).code).toBe('busy');
    expect(transportErrorFrom(new Error('something odd')).code).toBe('ioError');
  });
});
