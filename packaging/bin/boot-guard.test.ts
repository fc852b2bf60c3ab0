import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeReleaseLayout, type ReleaseLayout } from './release-layout';

let layout: ReleaseLayout | null = null;
afterEach(() => {
  layout?.remove();
  layout = null;
});

/** 0.1.0 ran well and was current before the upgrade; 0.2.0 is the new release, not yet good. */
function upgradedStation(): ReleaseLayout {
  layout = makeReleaseLayout(['0.1.0', '0.2.0'], '0.2.0');
  layout.markGood('0.1.0');
  layout.recordPrevious('0.1.0');
  return layout;
}

describe('boot-guard', () => {
  it('starts a release that reached READY before without counting or switching anything', () => {
    const station = upgradedStation();
    station.markGood('0.2.0');

    const run = station.run('boot-guard');

    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(station.currentTarget()).toBe('releases/0.2.0');
    expect(station.stateFiles()).toEqual(['good-0.1.0', 'good-0.2.0', 'previous']);
  });

  it('gives a new release three starts, then rolls back to the previous good release and records it', () => {
    const station = upgradedStation();

    for (const attempt of [1, 2, 3]) {
      const run = station.run('boot-guard');
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(`start ${attempt} of 3`);
      expect(station.currentTarget()).toBe('releases/0.2.0');
      expect(station.read('attempts-0.2.0')).toBe(`${attempt}\n`);
      expect(station.rollbackRecords()).toEqual([]);
    }

    const fourth = station.run('boot-guard');

    expect(fourth.status).toBe(0);
    expect(station.currentTarget()).toBe('releases/0.1.0');
    expect(fourth.stderr).toMatch(/ROLLBACK: release 0\.2\.0 did not reach READY in 3 starts/);
    const records = station.rollbackRecords();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      from: '0.2.0',
      to: '0.1.0',
      reason: 'release 0.2.0 did not reach READY in 3 starts',
    });
    expect(records[0]?.['at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Math.abs(Date.parse(records[0]?.['at'] ?? '') - Date.now())).toBeLessThan(60_000);
    // No half-written record or temporary link is left behind.
    expect(station.stateFiles().filter((name) => name.endsWith('.tmp'))).toEqual([]);

    // The start after the rollback runs the previous release, which is good: nothing more happens.
    const fifth = station.run('boot-guard');
    expect(fifth.stderr).toBe('');
    expect(station.currentTarget()).toBe('releases/0.1.0');
    expect(station.rollbackRecords()).toHaveLength(1);
  });

  it('keeps trying the release when no previous release is recorded, and says so', () => {
    layout = makeReleaseLayout(['0.1.0'], '0.1.0');

    const runs = [1, 2, 3, 4, 5].map(() => layout?.run('boot-guard'));

    expect(runs.every((run) => run?.status === 0)).toBe(true);
    expect(runs[3]?.stderr).toContain('no previous release is recorded, so no rollback is possible');
    expect(layout.currentTarget()).toBe('releases/0.1.0');
    expect(layout.read('attempts-0.1.0')).toBe('5\n');
    expect(layout.rollbackRecords()).toEqual([]);
  });

  it('does not go back to a previous release that never reached READY', () => {
    layout = makeReleaseLayout(['0.1.0', '0.2.0'], '0.2.0');
    layout.recordPrevious('0.1.0');

    for (let i = 0; i < 4; i += 1) layout.run('boot-guard');

    expect(layout.currentTarget()).toBe('releases/0.2.0');
    expect(layout.rollbackRecords()).toEqual([]);
    expect(layout.run('boot-guard').stderr).toContain('the previous release 0.1.0 never reached READY either');
  });

  it('does not go back to a previous release that is no longer installed', () => {
    layout = makeReleaseLayout(['0.2.0'], '0.2.0');
    layout.recordPrevious('0.1.0');
    layout.markGood('0.1.0');

    const runs = [1, 2, 3, 4].map(() => layout?.run('boot-guard'));

    expect(runs[3]?.stderr).toContain('the previous release 0.1.0 is no longer installed');
    expect(layout.currentTarget()).toBe('releases/0.2.0');
    expect(layout.rollbackRecords()).toEqual([]);
  });

  it('gives the state folder to the service user, so the kiosk can write its READY marker', () => {
    const station = upgradedStation();
    const nobody = 65534;

    station.run('boot-guard', [], { BIANMIN_USER: 'nobody' });
    for (const name of ['', 'attempts-0.2.0', 'previous']) {
      expect(statSync(join(station.stateDir, name)).uid).toBe(nobody);
    }
    expect(statSync(station.stateDir).mode & 0o777).toBe(0o700);

    for (let i = 0; i < 3; i += 1) station.run('boot-guard', [], { BIANMIN_USER: 'nobody' });
    const [record] = station.stateFiles().filter((name) => name.startsWith('rollback-'));
    expect(record).toBeDefined();
    expect(statSync(join(station.stateDir, record ?? '')).uid).toBe(nobody);
  });

  it('lets the start go ahead when there is no current release to guard', () => {
    layout = makeReleaseLayout(['0.1.0'], '0.9.9');

    const run = layout.run('boot-guard');

    expect(run.status).toBe(0);
    expect(run.stderr).toContain('does not point at an installed release');
    expect(layout.stateFiles()).toEqual([]);
  });
});
