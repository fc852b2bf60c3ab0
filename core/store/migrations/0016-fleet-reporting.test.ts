import { describe, expect, it } from 'vitest';
import { migratedTo } from '../../testing/memory-store';
import { migrations } from '.';
import { migration0016 } from './0016-fleet-reporting';

describe('migration 0016 fleet reporting', () => {
  it('starts the event sequence at 0 in a single row and adds STRICT tables keyed once', () => {
    const db = migratedTo(15);
    db.transaction(() => migration0016.up(db))();
    expect(db.prepare('SELECT id, last FROM fleet_event_sequence').all()).toEqual([{ id: 1, last: 0 }]);
    expect(() => db.prepare('INSERT INTO fleet_event_sequence (id, last) VALUES (2, 0)').run()).toThrow(/CHECK/);
    db.prepare(`INSERT INTO fleet_command VALUES ('CMD-1', '2026-11-21T08:00:00.000Z', 'done')`).run();
    expect(() =>
      db.prepare(`INSERT INTO fleet_command VALUES ('CMD-1', '2026-11-21T08:01:00.000Z', 'done')`).run(),
    ).toThrow(/UNIQUE/);
    for (const table of ['fleet_event_sequence', 'fleet_command', 'fleet_rollback_reported', 'fleet_self_inspection']) {
      const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table) as string;
      expect(sql).toMatch(/\)\s*STRICT$/);
    }
  });

  it('is in the list as version 16', () => {
    expect(migrations.find((m) => m.version === 16)).toBe(migration0016);
  });
});
