import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDataFolder } from './data-folder-check';
import { checkDisk, DISK_FAIL_BELOW, DISK_WARN_BELOW } from './disk-check';
import type { Exec, ExecOutcome } from './exec';
import { checkPackage, REQUIRED_PACKAGES } from './packages-check';
import { checkServices } from './services-check';
import { lstatOrNull, readdirStrict } from './system-facts';

const answer = (stdout: string, code = 0): ExecOutcome => ({ code, stdout, stderr: '', missing: false });
const missing: ExecOutcome = { code: null, stdout: '', stderr: 'spawn ENOENT', missing: true };
function execAnswering(table: Record<string, ExecOutcome>): Exec & { calls: string[] } {
  const calls: string[] = [];
  const exec = (file: string, args: readonly string[]) => {
    const line = [file, ...args].join(' ');
    calls.push(line);
    return Promise.resolve(table[line] ?? answer('', 1));
  };
  return Object.assign(exec, { calls });
}

describe('services check', () => {
  const both = 'systemctl is-active bianmin-kiosk.service bianmin-kiosk-display.service';

  it('skips with the reason when systemd is not the init system, without asking systemctl', async () => {
    const exec = execAnswering({});
    const report = await checkServices({ exec, systemdRunning: () => false });
    expect(report.results.map((r) => r.status)).toEqual(['skip', 'skip']);
    expect(report.results[0]?.detail).toContain('不是 systemd');
    expect(exec.calls).toEqual([]);
    expect(report.kioskActive).toBe(false);
  });

  it('passes active units and fails a failed one with the journalctl command', async () => {
    const exec = execAnswering({ [both]: answer('active\nfailed\n', 3) });
    const report = await checkServices({ exec, systemdRunning: () => true });
    expect(report.results.map((r) => r.status)).toEqual(['pass', 'fail']);
    expect(report.results[1]?.fix).toContain('journalctl -u bianmin-kiosk-display.service');
    expect(report.kioskActive).toBe(true);
  });

  it('skips when systemctl is missing', async () => {
    const exec = execAnswering({ [both]: missing });
    const report = await checkServices({ exec, systemdRunning: () => true });
    expect(report.results.map((r) => r.status)).toEqual(['skip', 'skip']);
  });
});

describe('packages check', () => {
  const fonts = REQUIRED_PACKAGES[0];
  const query = `dpkg-query -W -f=\${Status} ${fonts.name}`;

  it("passes on dpkg's install ok installed", async () => {
    const exec = execAnswering({ [query]: answer('install ok installed') });
    expect((await checkPackage({ exec, exists: () => false }, fonts)).status).toBe('pass');
  });

  it('falls back to the file when dpkg does not know the package', async () => {
    const exec = execAnswering({ [query]: answer('', 1) });
    const result = await checkPackage({ exec, exists: (path) => path === fonts.file }, fonts);
    expect(result).toMatchObject({ status: 'pass' });
    expect(result.detail).toContain(fonts.file);
  });

  it('fails with the apt-get command when neither dpkg nor the file has it', async () => {
    const exec = execAnswering({ [query]: answer('deinstall ok config-files') });
    const result = await checkPackage({ exec, exists: () => false }, fonts);
    expect(result.status).toBe('fail');
    expect(result.fix).toContain('sudo apt-get install fonts-noto-cjk');
  });
});

describe('disk check', () => {
  const facts = (free: number) => ({ freeBytes: () => free, exists: () => true });
  it('passes above 2 GB, warns below, fails below 500 MB', () => {
    expect(checkDisk(facts(DISK_WARN_BELOW + 1), '/var/lib/x').status).toBe('pass');
    expect(checkDisk(facts(DISK_WARN_BELOW - 1), '/var/lib/x').status).toBe('warn');
    expect(checkDisk(facts(DISK_FAIL_BELOW - 1), '/var/lib/x').status).toBe('fail');
  });

  it('measures the nearest existing parent of a data folder not made yet', () => {
    const asked: string[] = [];
    checkDisk(
      { freeBytes: (path) => (asked.push(path), DISK_WARN_BELOW * 2), exists: (path) => path === '/var' },
      '/var/lib/x/data',
    );
    expect(asked).toEqual(['/var']);
  });
});

describe('data folder check (on a real folder)', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const me = { name: userInfo().username, uid: userInfo().uid };
  const facts = { lstat: lstatOrNull, readdir: readdirStrict };

  function folder(): string {
    dir = mkdtempSync(join(tmpdir(), 'doctor-data-'));
    const data = join(dir, 'data');
    mkdirSync(join(data, 'logs'), { recursive: true, mode: 0o700 });
    chmodSync(data, 0o700);
    writeFileSync(join(data, 'kiosk.sqlite'), '', { mode: 0o600 });
    return data;
  }

  it('passes a 0700 folder of owner-only files', () => {
    expect(checkDataFolder(facts, folder(), me).status).toBe('pass');
  });

  it('fails a file others may read and a folder open to the group, naming them and the chmod', () => {
    const data = folder();
    writeFileSync(join(data, 'logs', 'kiosk.log'), '', { mode: 0o644 });
    chmodSync(join(data, 'logs', 'kiosk.log'), 0o644);
    chmodSync(data, 0o750);
    const result = checkDataFolder(facts, data, me);
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('0750');
    expect(result.detail).toContain('logs/kiosk.log（0644）');
    expect(result.fix).toContain(`sudo chmod -R go-rwx ${data}`);
  });

  it('fails a folder owned by another user than the service user', () => {
    const result = checkDataFolder(facts, folder(), { name: 'bianmin', uid: me.uid + 1 });
    expect(result.status).toBe('fail');
    expect(result.fix).toContain('sudo chown -R bianmin:');
  });

  it('fails a data folder that does not exist', () => {
    expect(checkDataFolder(facts, join(folder(), 'missing'), me).status).toBe('fail');
  });
});
