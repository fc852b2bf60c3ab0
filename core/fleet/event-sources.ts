import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { ReleaseVersion } from '../../platform/contract/terminals';
import { IsoDateTime } from '../../platform/contract/common';
import type { DevicesSnapshot } from '../api/devices';
import type { Logger } from '../logging/logger';
import type { EventRecorder } from './event-recorder';

/**
 * Turns what the kiosk already observes into catalogue events: device state changes, a new
 * catalog version, the appliance's rollback records. Each watcher records only real changes.
 */

type DeviceMark = { state: string; code: string };

/**
 * Device status changes, codes only (never a driver's detail text). A snapshot in which a
 * device's state and code are what they were records nothing: the manager republishes a whole
 * snapshot when one device changes, and a warning appearing is not a state change.
 */
export function watchDevices(
  initial: DevicesSnapshot,
  subscribe: (listener: (snapshot: DevicesSnapshot) => void) => () => void,
  recorder: EventRecorder,
): () => void {
  const last = new Map<string, DeviceMark>(initial.devices.map((d) => [d.device, { state: d.state, code: d.code }]));
  return subscribe((snapshot) => {
    for (const device of snapshot.devices) {
      const before = last.get(device.device);
      last.set(device.device, { state: device.state, code: device.code });
      if (!before || before.state === device.state) continue;
      recorder.record({
        kind: 'deviceStatusChanged',
        device: device.device,
        from: before.state as typeof device.state,
        to: device.state,
        code: device.code,
      });
    }
  });
}

/** A catalog version other than the one served before: `catalogUpdated`, once per change. */
export function catalogVersionWatcher(initial: string | null, recorder: EventRecorder) {
  let served = initial;
  return (version: string | null) => {
    if (version === null || version === served) return;
    recorder.record({ kind: 'catalogUpdated', from: served, to: version });
    served = version;
  };
}

/** packaging/bin/release-lib.sh write_rollback_record: `{"from","to","reason","at"}`. */
const RollbackRecord = z.object({
  from: ReleaseVersion,
  to: ReleaseVersion,
  reason: z.enum(['startFailed', 'manual']),
  at: IsoDateTime,
});

/** Where the appliance keeps its release state (docs/appliance.md §4); BIANMIN_RELEASE_STATE_DIR as the scripts read it. */
export function releaseStateDir(env: NodeJS.ProcessEnv): string {
  return env['BIANMIN_RELEASE_STATE_DIR'] || '/var/lib/bianmin-kiosk/release';
}

/**
 * Each rollback record the appliance wrote becomes one `rollback` event, once: the records are
 * remembered by file name in the store (migration 0016). A record that does not parse is logged
 * and remembered too, so it is not read at every start. No folder (a development checkout): nothing.
 */
export function reportRollbacks(
  db: Database.Database,
  dir: string,
  recorder: EventRecorder,
  now: Date,
  logger: Logger,
): number {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /^rollback-.*\.json$/.test(name));
  } catch {
    return 0;
  }
  const known = db.prepare('SELECT 1 FROM fleet_rollback_reported WHERE record = ?').pluck();
  const remember = db.prepare('INSERT INTO fleet_rollback_reported (record, reported_at) VALUES (?, ?)');
  let reported = 0;
  for (const name of names.sort()) {
    if (known.get(name)) continue;
    let parsed: ReturnType<typeof RollbackRecord.safeParse>;
    try {
      parsed = RollbackRecord.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    } catch (error) {
      logger.warn({ record: name, err: error }, 'rollback record unreadable; not reported');
      remember.run(name, now.toISOString());
      continue;
    }
    if (!parsed.success) {
      logger.warn({ record: name }, 'rollback record does not have the expected fields; not reported');
      remember.run(name, now.toISOString());
      continue;
    }
    db.transaction(() => {
      remember.run(name, now.toISOString());
      const recorded = recorder.record({ kind: 'rollback', ...parsed.data });
      if (!recorded.ok) throw new Error(`rollback record ${name} is not a valid event`);
    })();
    reported += 1;
  }
  return reported;
}
