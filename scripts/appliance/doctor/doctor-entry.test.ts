import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIdCardEmulator } from '../../../drivers/idcard';
import { openPtyPair } from '../../../drivers/transport/pty-pair';
import { createSerialTransport } from '../../../drivers/transport/serial-transport';
import type { DoctorReport } from './print';

/**
 * The real entry, as a technician runs it (from sources here; the package runs its bundle): the
 * JSON report's shape, and a real serial device — the ID card emulator on the far end of a socat
 * PTY pair — answering the doctor's SAM probe byte for byte, or not answering at all.
 */
const ENTRY = 'scripts/appliance/doctor.ts';
const sample = JSON.parse(readFileSync('kiosk-config/default.json', 'utf8')) as {
  devices: Record<string, unknown>;
} & Record<string, unknown>;
const work = mkdtempSync(join(tmpdir(), 'doctor-entry-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeConfig(name: string, devices: Record<string, unknown>): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'data'), { recursive: true, mode: 0o700 });
  const path = join(dir, 'kiosk.json');
  writeFileSync(
    path,
    JSON.stringify({
      ...sample,
      devices: { ...sample.devices, ...devices },
      data: { dir: 'data', keyFile: 'keys/data-key' },
    }),
  );
  return path;
}

/** Asynchronous: the emulator answering the doctor lives in this process's event loop. */
function runDoctor(args: readonly string[]): Promise<{ code: number; report: DoctorReport; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile('npx', ['tsx', ENTRY, ...args], { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      try {
        resolve({ code, report: JSON.parse(stdout) as DoctorReport, stderr });
      } catch {
        reject(new Error(`doctor printed no JSON (exit ${code}): ${stdout}\n${stderr}`));
      }
    });
  });
}

const check = (report: DoctorReport, id: string) => report.checks.find((c) => c.id === id);

// Each run starts tsx and loads the kiosk's modules: seconds, on a machine shared by several builds.
const SLOW = { timeout: 120_000 };

describe('bianmin-kiosk doctor, the real entry', SLOW, () => {
  it('prints the JSON report with stable fields for a config of emulated devices, exit code matching', async () => {
    const { code, report } = await runDoctor(['--json', '--config', writeConfig('emulated', {})]);
    for (const item of report.checks) {
      expect(Object.keys(item)).toEqual(['id', 'status', 'title', 'detail', 'fix']);
      expect(['pass', 'fail', 'warn', 'skip']).toContain(item.status);
      if (item.status === 'fail') expect(item.fix).toBeTruthy();
    }
    expect(check(report, 'config')?.status).toBe('pass');
    expect(check(report, 'device.idCardReader')?.status).toBe('skip');
    expect(check(report, 'disk.free')).toBeDefined();
    expect(check(report, 'outbox')?.status).toBe('skip');
    expect(check(report, 'service.kiosk')?.status).toBe('skip');
    expect(report.ok).toBe(!report.checks.some((c) => c.status === 'fail'));
    expect(code).toBe(report.ok ? 0 : 1);
  });

  it('fails an invalid config and skips what needs it, exit 1; a usage error exits 2', async () => {
    const broken = join(work, 'broken.json');
    writeFileSync(broken, '{"devices": {}}');
    const { code, report } = await runDoctor(['--json', '--config', broken]);
    expect(code).toBe(1);
    expect(check(report, 'config')?.status).toBe('fail');
    expect(check(report, 'outbox')?.status).toBe('skip');
    const usage = spawnSync('npx', ['tsx', ENTRY, '--bogus'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('用法');
  });
});

const socatMissing = spawnSync('socat', ['-V']).error !== undefined;
if (socatMissing) console.warn('doctor-entry PTY tests skipped: socat is not installed');

describe.skipIf(socatMissing)('bianmin-kiosk doctor against a serial ID card reader on a socat PTY pair', SLOW, () => {
  // The config only takes device paths under /dev: the pair's links go in /dev/shm.
  async function pair() {
    const dir = mkdtempSync('/dev/shm/doctor-pty-');
    const opened = await openPtyPair({ dir });
    if (!opened.ok) throw new Error(opened.error.message);
    return { ...opened.value, dir };
  }
  const readerAt = (path: string) => ({ idCardReader: { mode: 'real', path, baudRate: 115200 } });

  it('passes when the reader answers its SAM probe', async () => {
    const link = await pair();
    const emulator = createIdCardEmulator({
      transport: createSerialTransport({ path: link.devicePath, baudRate: 115200 }),
      baudRate: 115200,
    });
    expect((await emulator.start()).ok).toBe(true);
    try {
      const { report } = await runDoctor([
        '--json',
        '--device-timeout',
        '5',
        '--config',
        writeConfig('answering', readerAt(link.hostPath)),
      ]);
      const reader = check(report, 'device.idCardReader');
      expect(reader?.status).toBe('pass');
      expect(reader?.detail).toContain('已打开并回答了探测');
      expect(reader?.detail).toContain(link.hostPath);
    } finally {
      await emulator.stop();
      await link.close();
      rmSync(link.dir, { recursive: true, force: true });
    }
  });

  it('fails when nothing answers on the port, and when the port does not exist', async () => {
    const link = await pair();
    try {
      const { code, report } = await runDoctor([
        '--json',
        '--device-timeout',
        '2',
        '--config',
        writeConfig('silent', readerAt(link.hostPath)),
      ]);
      expect(code).toBe(1);
      const reader = check(report, 'device.idCardReader');
      expect(reader?.status).toBe('fail');
      expect(reader?.fix).toContain('baudRate');
    } finally {
      await link.close();
      rmSync(link.dir, { recursive: true, force: true });
    }
    const { report } = await runDoctor([
      '--json',
      '--config',
      writeConfig('absent', readerAt('/dev/shm/doctor-no-such-port')),
    ]);
    expect(check(report, 'device.idCardReader')).toMatchObject({ status: 'fail' });
    expect(check(report, 'device.idCardReader')?.detail).toContain('找不到设备');
  });
});
