import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeReleaseLayout, type ReleaseLayout } from './release-layout';

let layout: ReleaseLayout | null = null;
afterEach(() => {
  layout?.remove();
  layout = null;
});

function upgradedStation(): ReleaseLayout {
  layout = makeReleaseLayout(['0.1.0', '0.2.0', '0.3.0'], '0.3.0');
  layout.markGood('0.1.0');
  layout.markGood('0.2.0');
  layout.recordPrevious('0.2.0');
  return layout;
}

function expectUnchanged(station: ReleaseLayout, target: string) {
  expect(station.currentTarget()).toBe(target);
  expect(station.rollbackRecords()).toEqual([]);
}

describe('bianmin-kiosk rollback', () => {
  it('goes back to the previous release, records it as manual and says what it did', () => {
    const station = upgradedStation();
    writeFileSync(join(station.stateDir, 'attempts-0.2.0'), '7\n');

    const run = station.run('rollback');

    expect(run.status).toBe(0);
    expect(station.currentTarget()).toBe('releases/0.2.0');
    const records = station.rollbackRecords();
    expect(records).toEqual([{ from: '0.3.0', to: '0.2.0', reason: 'manual', at: expect.any(String) }]);
    expect(run.stdout).toContain('rolled back: 0.3.0 -> 0.2.0');
    expect(run.stdout).toContain('systemd is not running here');
    // A fresh set of starts for the release gone back to.
    expect(station.read('attempts-0.2.0')).toBeNull();
  });

  it('goes to a named installed release', () => {
    const station = upgradedStation();

    const run = station.run('rollback', ['0.1.0']);

    expect(run.status).toBe(0);
    expect(station.currentTarget()).toBe('releases/0.1.0');
    expect(station.rollbackRecords()).toEqual([
      { from: '0.3.0', to: '0.1.0', reason: 'manual', at: expect.any(String) },
    ]);
  });

  it('restarts the service through systemctl when systemd runs', () => {
    const station = upgradedStation();
    const fakeBin = join(station.root, '..', 'fake-bin');
    const systemdDir = join(station.root, '..', 'run-systemd-system');
    mkdirSync(fakeBin);
    mkdirSync(systemdDir);
    const calls = join(fakeBin, 'calls');
    writeFileSync(join(fakeBin, 'systemctl'), `#!/bin/sh\necho "$*" >> "${calls}"\n`);
    chmodSync(join(fakeBin, 'systemctl'), 0o755);

    const run = station.run('rollback', [], {
      BIANMIN_SYSTEMD_DIR: systemdDir,
      PATH: `${fakeBin}:${process.env['PATH']}`,
    });

    expect(run.status).toBe(0);
    expect(readFileSync(calls, 'utf8')).toBe('restart bianmin-kiosk.service\n');
    expect(run.stdout).toContain('restarted bianmin-kiosk.service');
    expect(station.currentTarget()).toBe('releases/0.2.0');
  });

  describe('refuses, changing nothing', () => {
    it('when no previous release is recorded', () => {
      layout = makeReleaseLayout(['0.1.0', '0.2.0'], '0.2.0');

      const run = layout.run('rollback');

      expect(run.status).toBe(1);
      expect(run.stderr).toContain('nothing to roll back to: no previous release is recorded (installed: 0.1.0 0.2.0');
      expectUnchanged(layout, 'releases/0.2.0');
    });

    it('when the previous release is already the current one (after a rollback)', () => {
      const station = upgradedStation();
      expect(station.run('rollback').status).toBe(0);
      const records = station.rollbackRecords();

      const again = station.run('rollback');

      expect(again.status).toBe(1);
      expect(again.stderr).toContain('the current release 0.2.0 is already the previous one');
      expect(station.currentTarget()).toBe('releases/0.2.0');
      expect(station.rollbackRecords()).toEqual(records);
    });

    it('when the named release is not installed, or is not a release name', () => {
      const station = upgradedStation();

      for (const name of ['0.0.9', '../0.1.0', 'releases/0.1.0', '..', '']) {
        const run = station.run('rollback', [name]);
        expect(run.status, name).toBe(1);
        expect(run.stderr).toContain(`no installed release named '${name}' (installed: 0.1.0 0.2.0 0.3.0`);
      }
      expectUnchanged(station, 'releases/0.3.0');
    });

    it('when the named release is the current one', () => {
      const station = upgradedStation();

      const run = station.run('rollback', ['0.3.0']);

      expect(run.status).toBe(1);
      expect(run.stderr).toContain('release 0.3.0 is already the current one');
      expectUnchanged(station, 'releases/0.3.0');
    });

    it('when not run as root', () => {
      const station = upgradedStation();

      const run = station.run('rollback', [], {}, 'nobody');

      expect(run.status).toBe(1);
      expect(run.stderr).toContain('run it as root');
      expectUnchanged(station, 'releases/0.3.0');
    });

    it('when given more than one release', () => {
      const station = upgradedStation();

      const run = station.run('rollback', ['0.1.0', '0.2.0']);

      expect(run.status).toBe(2);
      expect(run.stderr).toContain('usage: bianmin-kiosk rollback [<version>]');
      expectUnchanged(station, 'releases/0.3.0');
    });
  });
});
