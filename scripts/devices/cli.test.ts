import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** End to end: the real entry point in a child process, emulators over socat PTY pairs. */
const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function devices(...args: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['scripts/devices.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

// Eight tsx processes start at once here: on a two-core machine busy with the rest of the suite that
// takes longer than vitest's default 5 s per test. The limit is for a hang, not a speed target.
describe.concurrent('npm run devices (spawned)', { timeout: 60_000 }, () => {
  it('idcard read --emulated prints the fixture card masked', async () => {
    const { code, stdout, stderr } = await devices('idcard', 'read', '--emulated', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = json(stdout);
    expect(out).toMatchObject({
      ok: true,
      masked: true,
      card: {
        cardType: 'resident',
        name: '王*例',
        idNumber: '3707**********0035',
        photoWlt: { bytes: 1024, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    });
    expect(stdout).not.toContain('370784194803150035');
    expect(stdout).not.toContain('王示例');
  });

  it('idcard read --emulated --unmasked prints the full card', async () => {
    const { code, stdout } = await devices('idcard', 'read', '--emulated', '--unmasked', '--json');
    expect(code).toBe(0);
    expect(json(stdout)).toMatchObject({
      masked: false,
      card: { name: '王示例', idNumber: '370784194803150035' },
    });
  });

  it('idcard sam --emulated reports the SAM ID', async () => {
    const { code, stdout } = await devices('idcard', 'sam', '--emulated', '--json');
    expect(code).toBe(0);
    expect(json(stdout)).toMatchObject({ ok: true, samId: '05.01-20260101-0001234567-0089012345' });
  });

  it('printer status --emulated decodes DLE EOT', async () => {
    const { code, stdout } = await devices('printer', 'status', '--emulated', '--json');
    expect(code).toBe(0);
    expect(json(stdout)).toMatchObject({
      ok: true,
      condition: { state: 'online', code: 'ok' },
      status: { online: true, coverOpen: false, paperNearEnd: false, paperOut: false, cutterError: false },
    });
  });

  it('printer test --emulated prints the test page the emulator cuts', async () => {
    const { code, stdout } = await devices('printer', 'test', '--emulated', '--json');
    expect(code).toBe(0);
    const out = json(stdout);
    expect(out).toMatchObject({ ok: true, receiptId: expect.stringMatching(/^printer-test-/) });
    const paper = (out['emulatedPaper'] as { text: string }).text;
    expect(paper).toContain('打印机测试页 Printer test');
    expect(paper).toContain('[QR: https://www.gov.cn/]');
    expect(paper).toMatch(/\[CODE128: TEST[0-9]{12}\]/);
  });

  it('keypad listen --emulated --count 2 prints two presses and stops', async () => {
    const { code, stdout } = await devices('keypad', 'listen', '--emulated', '--count', '2', '--json');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map(json);
    expect(lines).toEqual([
      { level: 5, key: 'report:0x01', at: expect.any(String) },
      { level: 4, key: 'report:0x02', at: expect.any(String) },
    ]);
  });

  it('a missing real port exits 69 with plain words', async () => {
    const { code, stdout, stderr } = await devices('idcard', 'status', '--port', '/dev/ttyNOPE');
    expect(code).toBe(69);
    expect(stdout).toBe('');
    expect(stderr).toContain('error (portMissing)');
    expect(stderr).toContain('Device not found');
  });

  it('bad arguments exit 64 with the usage', async () => {
    const { code, stderr } = await devices('printer', 'explode');
    expect(code).toBe(64);
    expect(stderr).toContain('printer needs an action: status, test');
    expect(stderr).toContain('usage: npm run devices');
  });
});
