import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';
import { columns, databaseAt, tableNames, TEST_SEALER } from './testing';

const terminal = "INSERT INTO terminals VALUES ('k1', 's1', ?, 't', 't', NULL)";
const ticket = `INSERT INTO tickets (ticket_id, day, seq, station_id, service_code, number, ticket_no, priority_class,
  priority_weight, source, terminal_id, issued_at, received_at)
  VALUES (?, '2026-03-02', ?, 's1', 'A', ?, ?, 'normal', 0, 'online', 'k1', 't', 't')`;

describe('migration 0009 station staff', () => {
  it('adds the calling, help and station tables and the work-order and help-request columns', () => {
    const before = tableNames(databaseAt(8));
    const db = databaseAt(9);
    expect(tableNames(db).filter((name) => !before.includes(name))).toEqual([
      'assistance_contacts',
      'queue_windows',
      'station_settings',
      'ticket_events',
      'ticket_states',
    ]);
    expect(columns(db, 'work_orders')).toEqual(
      expect.arrayContaining(['callback_at', 'callback_satisfied', 'sealed_rectification', 'closed_at', 'closed_by']),
    );
    expect(columns(db, 'assistance_requests')).toEqual(
      expect.arrayContaining(['requester_index', 'assignee_user_id', 'assignee_name', 'accepted_at', 'completed_at']),
    );
    db.close();
  });

  it('starts tickets stored before it as waiting in their own service', () => {
    const db = databaseAt(8);
    db.prepare(terminal).run('a'.repeat(64));
    db.prepare(ticket).run('T-1', 1, 1, 'A001');
    db.prepare(ticket).run('T-2', 2, 2, 'A002');
    const upgraded = migrate(db, MIGRATIONS, { sealer: TEST_SEALER }, 9);
    expect(upgraded.ok).toBe(true);
    expect(
      db.prepare('SELECT ticket_id, queue_service, status, window_no FROM ticket_states ORDER BY ticket_id').all(),
    ).toEqual([
      { ticket_id: 'T-1', queue_service: 'A', status: 'waiting', window_no: null },
      { ticket_id: 'T-2', queue_service: 'A', status: 'waiting', window_no: null },
    ]);
    db.close();
  });

  it('lets a window hold one called or serving ticket at a time, on a day', () => {
    const db = databaseAt(9);
    db.prepare(terminal).run('a'.repeat(64));
    const state = db.prepare(
      "INSERT INTO ticket_states (ticket_id, station_id, day, queue_service, status, window_no, called_at, updated_at) VALUES (?, 's1', '2026-03-02', 'A', ?, ?, 't', 't')",
    );
    for (const [id, seq] of [
      ['T-1', 1],
      ['T-2', 2],
      ['T-3', 3],
    ] as const) {
      db.prepare(ticket).run(id, seq, seq, `A00${seq}`);
    }
    state.run('T-1', 'called', 1);
    expect(() => state.run('T-2', 'serving', 1)).toThrow(/UNIQUE/);
    state.run('T-2', 'called', 2);
    expect(() => state.run('T-3', 'called', null)).toThrow(/CHECK/);
    db.close();
  });

  it('refuses a finished ticket without its time and a work-order callback that is neither yes nor no', () => {
    const db = databaseAt(9);
    db.prepare(terminal).run('a'.repeat(64));
    db.prepare(ticket).run('T-1', 1, 1, 'A001');
    expect(() =>
      db
        .prepare(
          "INSERT INTO ticket_states (ticket_id, station_id, day, queue_service, status, window_no, updated_at) VALUES ('T-1', 's1', '2026-03-02', 'A', 'finished', 1, 't')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare("INSERT INTO station_settings (station_id, settings, updated_at) VALUES ('s1', 'not json', 't')")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
