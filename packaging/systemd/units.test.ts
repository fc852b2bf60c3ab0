import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `systemd-analyze verify` on the units as the package installs them. systemd is not PID 1 on the
 * build machines, so the check runs with --root on a temporary root: the host's own system units
 * (sysinit.target, dbus.socket, getty@.service… the units ours name), ours beside them, and
 * executable stand-ins at the release paths the units start, behind a `current` link as on a
 * station. verify exits 0 on mere warnings (an unknown key, a value it cannot parse, both then
 * ignored), so any output at all counts as a failure.
 */
const HERE = import.meta.dirname;
const UNITS = ['bianmin-kiosk.service', 'bianmin-kiosk-display.service'] as const;
const RELEASE_BIN = ['bin/bianmin-kiosk', 'bin/boot-guard'];

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bianmin-units-'));
  cpSync('/lib/systemd/system', join(root, 'lib/systemd/system'), { recursive: true, verbatimSymlinks: true });
  const release = join(root, 'opt/bianmin-kiosk/releases/0.1.0');
  for (const file of RELEASE_BIN) {
    mkdirSync(join(release, 'bin'), { recursive: true });
    writeFileSync(join(release, file), '#!/bin/sh\n');
    chmodSync(join(release, file), 0o755);
  }
  symlinkSync('releases/0.1.0', join(root, 'opt/bianmin-kiosk/current'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function shipped(unit: string): string {
  return readFileSync(join(HERE, unit), 'utf8');
}

function verify(units: Record<string, string>): { status: number | null; output: string } {
  for (const [name, text] of Object.entries(units)) writeFileSync(join(root, 'lib/systemd/system', name), text);
  const run = spawnSync('systemd-analyze', ['verify', '--man=no', `--root=${root}`, ...Object.keys(units)], {
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

function setting(unitText: string, key: string): string {
  const match = new RegExp(`^${key}=(.*)$`, 'm').exec(unitText);
  if (!match?.[1]) throw new Error(`${key}= is not set`);
  return match[1];
}

describe('systemd units', () => {
  it('both units pass systemd-analyze verify without a warning', () => {
    const result = verify(Object.fromEntries(UNITS.map((unit) => [unit, shipped(unit)])));

    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('a misspelt setting fails the check (verify itself only warns and ignores it)', () => {
    const broken = shipped('bianmin-kiosk.service').replace('WatchdogSec=30', 'WatchdogSecs=30');

    const result = verify({ 'bianmin-kiosk.service': broken });

    expect(result.output).toContain("Unknown key 'WatchdogSecs'");
  });

  it('a command the release does not have fails the check', () => {
    const broken = shipped('bianmin-kiosk-display.service').replace('/bin/bianmin-kiosk display', '/bin/kiosk display');

    const result = verify({ 'bianmin-kiosk-display.service': broken });

    expect(result.status).not.toBe(0);
    expect(result.output).toContain('/opt/bianmin-kiosk/current/bin/kiosk is not executable');
  });

  it('the start limit leaves the previous release starts after the boot guard rolls back', () => {
    const service = shipped('bianmin-kiosk.service');
    const guardStarts = Number(
      /^max_failed_starts=(\d+)$/m.exec(readFileSync(join(HERE, '../bin/boot-guard'), 'utf8'))?.[1],
    );
    const burst = Number(setting(service, 'StartLimitBurst'));

    // The failed starts, the start that rolls back, and at least one more for the previous release.
    expect(guardStarts).toBe(3);
    expect(burst).toBeGreaterThan(guardStarts + 2);
  });
});
