import { describe, expect, it } from 'vitest';
import { migration0005 } from './0005-resident-services';
import { databaseAt, tableNames, TEST_SEALER } from './testing';

function withTerminal(version: number) {
  const db = databaseAt(version);
  db.prepare("INSERT INTO terminals VALUES ('k1', 's1', ?, 't', 't', NULL)").run('a'.repeat(64));
  return db;
}

describe('migration 0005 resident-services', () => {
  it('adds the resident-service tables on top of version 4', () => {
    const before = tableNames(databaseAt(4));
    expect(tableNames(databaseAt(5)).filter((name) => !before.includes(name))).toEqual([
      'applications',
      'appointments',
      'ratings',
      'record_arrivals',
      'ticket_ranges',
      'tickets',
      'work_orders',
    ]);
  });

  it('gives assistance requests stored before it an arrival number, in the order they came', () => {
    const db = withTerminal(4);
    const insert = db.prepare(
      "INSERT INTO assistance_requests VALUES (?, '2026-03-01', ?, 'k1', 's1', 'callback', 'received', '{}', ?, ?)",
    );
    insert.run('AR-20260301-0002', 2, '2026-03-01T02:00:00.000Z', 't');
    insert.run('AR-20260301-0001', 1, '2026-03-01T01:00:00.000Z', 't');
    db.transaction(() => migration0005.up(db, { sealer: TEST_SEALER }))();
    expect(db.prepare('SELECT record_id FROM record_arrivals ORDER BY arrival').pluck().all()).toEqual([
      'AR-20260301-0001',
      'AR-20260301-0002',
    ]);
  });

  it('never stores two tickets with the same number of a service on a day', () => {
    const db = withTerminal(5);
    const insert = db.prepare(
      `INSERT INTO tickets (ticket_id, day, seq, station_id, service_code, number, ticket_no, priority_class,
         priority_weight, source, range_id, terminal_id, appointment_id, matter_code, issued_at, received_at)
       VALUES (?, '2026-03-02', ?, 's1', 'general', ?, 'C001', ?, 0, 'online', NULL, 'k1', NULL, NULL, 't', 't')`,
    );
    insert.run('TK-1', 1, 1, 'normal');
    expect(() => insert.run('TK-2', 2, 1, 'normal')).toThrow(/UNIQUE/);
    expect(() => insert.run('TK-3', 3, 1000, 'normal')).toThrow(/CHECK/);
    expect(() => insert.run('TK-4', 4, 2, 'vip')).toThrow(/CHECK/);
  });

  it('keeps one rating per subject and one application per terminal and localRef', () => {
    const db = withTerminal(5);
    const rating = db.prepare(
      `INSERT INTO ratings VALUES (?, '2026-03-02', ?, 'k1', 's1', 'application', 'C-1', 'C-1', ?, 'v', '{}', 't', 't')`,
    );
    rating.run('RT-1', 1, 5);
    expect(() => rating.run('RT-2', 2, 4)).toThrow(/UNIQUE/);
    expect(() => rating.run('RT-3', 3, 6)).toThrow(/CHECK/);

    const application = db.prepare(
      `INSERT INTO applications (case_no, day, seq, terminal_id, station_id, local_ref, matter_code, matter_version,
         catalog_version, case_type, promised_working_days, delivery_method, applicant_id_type, applicant_id_number,
         body, receipt_lines, confirmed_at, accepted_at, promised_by)
       VALUES (?, '2026-03-02', ?, 'k1', 's1', ?, 'M', 1, 'v', ?, ?, 'pickUp', 'residentIdCard', 'X', '{}', '[]', 't', 't', ?)`,
    );
    application.run('C-1', 1, 'ref-1', 'instant', null, null);
    expect(() => application.run('C-2', 2, 'ref-1', 'instant', null, null)).toThrow(/UNIQUE/);
    expect(() => application.run('C-3', 3, 'ref-3', 'promised', null, '2026-03-09')).toThrow(/CHECK/);
  });
});
