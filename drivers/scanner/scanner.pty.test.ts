import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DeviceFault } from '../common/device';
import { startEmulatedSerialScanner, type EmulatedSerialScanner } from './emulated-serial-scanner';
import type { Scan } from './scan';
import type { QrScanner } from './scanner';
import { REFUSALS_BEFORE_WARNING } from './scan-events';
import type { SerialFraming } from './serial-framing';
import { createSerialScanner } from './serial-scanner';

/**
 * The serial scanner driver and the byte-level emulator on the two ends of a socat PTY pair, each
 * through the real serialport binding: termios, chunking and the unplug of a USB scanner are the
 * real ones.
 */
const socatMissing = spawnSync('socat', ['-V']).error !== undefined;
if (socatMissing) console.warn('scanner.pty.test.ts skipped: socat is not installed (apt-get install socat)');

const BAUD = 9600;
const FRAMING: SerialFraming = {
  suffix: 'CR',
  prefix: '',
  encoding: 'utf-8',
  maxBytes: 2048,
  interCharacterTimeoutMs: 80,
};

async function rig(framing: SerialFraming = FRAMING): Promise<{ link: EmulatedSerialScanner; scanner: QrScanner }> {
  const started = await startEmulatedSerialScanner({ ...framing, baudRate: BAUD, preferred: 'pty' });
  if (!started.ok) throw new Error(started.error.message);
  const link = started.value;
  expect(link.hostPath).not.toBeNull();
  const scanner = createSerialScanner({ transport: link.host, framing, path: link.hostPath ?? undefined });
  return { link, scanner };
}

function nextScans(scanner: QrScanner, count: number): Promise<Scan[]> {
  return new Promise((resolve) => {
    const seen: Scan[] = [];
    const stop = scanner.onScan((scan) => {
      seen.push(scan);
      if (seen.length === count) {
        stop();
        resolve(seen);
      }
    });
  });
}

const RECEIPT = 'https://zwfw.example.gov.cn/anqiu/progress?case=AQ-20261121-0001';

describe.skipIf(socatMissing)('serial QR scanner over a socat PTY pair at 9600 baud', () => {
  it('reads codes whole however the wire splits them, and says so when a read is garbled', async () => {
    const { link, scanner } = await rig();
    try {
      expect(await scanner.connect()).toMatchObject({ ok: true, value: { model: expect.stringContaining('serial') } });
      expect(scanner.state()).toMatchObject({ kind: 'listening' });

      let scans = nextScans(scanner, 2);
      expect((await link.scan(RECEIPT)).ok).toBe(true);
      // Three bytes per write, 20 ms apart: under the 80 ms gap, so still one read.
      expect((await link.scan('AQ-20261121-0002', { chunkBytes: 3, gapMs: 20 })).ok).toBe(true);
      expect(await scans).toEqual([
        { text: RECEIPT, symbology: 'unknown' },
        { text: 'AQ-20261121-0002', symbology: 'unknown' },
      ]);

      const refused: string[] = [];
      scanner.onRejected((r) => refused.push(r.reason));
      for (let i = 0; i < REFUSALS_BEFORE_WARNING; i += 1) expect((await link.garbage()).ok).toBe(true);
      await expect.poll(() => refused.length).toBe(REFUSALS_BEFORE_WARNING);
      expect(await scanner.probe()).toMatchObject({
        ok: true,
        value: { state: 'online', warnings: ['garbledReplies'] },
      });
      scans = nextScans(scanner, 1);
      await link.scan('AQ-3');
      expect(await scans).toEqual([{ text: 'AQ-3', symbology: 'unknown' }]);
      expect(await scanner.probe()).toMatchObject({ ok: true, value: { state: 'online', warnings: [] } });
    } finally {
      await scanner.disconnect();
      await link.close();
    }
  });

  it('decodes GBK, and ends a read without a suffix by the gap', async () => {
    const { link, scanner } = await rig({ ...FRAMING, suffix: 'none', encoding: 'gbk', prefix: '#' });
    try {
      expect((await scanner.connect()).ok).toBe(true);
      const scans = nextScans(scanner, 2);
      await link.scan('东埠村便民服务站');
      await new Promise((resolve) => setTimeout(resolve, 200));
      await link.scan('AQ-4');
      expect((await scans).map((s) => s.text)).toEqual(['东埠村便民服务站', 'AQ-4']);
    } finally {
      await scanner.disconnect();
      await link.close();
    }
  });

  it('unplug: the port vanishes and the probe says disconnected; replug: reads again', async () => {
    const { link, scanner } = await rig();
    try {
      expect((await scanner.connect()).ok).toBe(true);
      const lost: DeviceFault[] = [];
      scanner.onLost((fault) => lost.push(fault));
      await link.unplug();
      expect(existsSync(link.hostPath ?? '')).toBe(false);
      // The read fails (EIO) when socat goes; where serialport emits nothing (serialport#2043) the
      // probe notices the path is gone. Either way the manager disconnects and reconnects.
      const probed = await scanner.probe();
      expect(probed.ok).toBe(false);
      if (!probed.ok) {
        expect(probed.error).toMatchObject({ state: expect.stringMatching(/noDevice|offline/), code: 'disconnected' });
      }
      expect(lost.length).toBeLessThanOrEqual(1);
      await scanner.disconnect();
      expect(scanner.state()).toEqual({ kind: 'disconnected', fault: null });
      expect((await scanner.connect()).ok).toBe(false);
      expect(scanner.state()).toMatchObject({
        kind: 'disconnected',
        fault: { state: 'noDevice', code: 'portMissing' },
      });

      expect((await link.replug()).ok).toBe(true);
      expect((await scanner.connect()).ok).toBe(true);
      const scans = nextScans(scanner, 1);
      await link.scan('AQ-5');
      expect(await scans).toEqual([{ text: 'AQ-5', symbology: 'unknown' }]);
    } finally {
      await scanner.disconnect();
      await link.close();
    }
  });
});
