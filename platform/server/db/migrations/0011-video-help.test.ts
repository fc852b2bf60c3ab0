import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';
import { columns, databaseAt, tableNames, TEST_SEALER } from './testing';

const terminal = "INSERT INTO terminals VALUES ('k1', 's1', ?, 't', 't', NULL)";
const staff =
  "INSERT INTO console_users (username, display_name, role, scope, password_hash, created_at) VALUES ('li.staff', 'n', 'stationStaff', '{\"kind\":\"station\",\"stationId\":\"s1\"}', 'h', 't')";
const request = `INSERT INTO assistance_requests (request_id, day, seq, terminal_id, station_id, kind, status,
  requested_at, sealed_request, received_at, updated_at) VALUES (?, '2026-03-02', ?, 'k1', 's1', ?, 'received', 't', X'00', 't', 't')`;

describe('migration 0011 video help', () => {
  it('adds the video tables and keeps help requests and their contacts, now with kind video', () => {
    const db = databaseAt(10);
    db.prepare(terminal).run('a'.repeat(64));
    db.prepare(staff).run();
    db.prepare(request).run('AR-20260302-0001', 1, 'callback');
    db.prepare(
      "INSERT INTO assistance_contacts (request_id, at, channel, outcome, staff_user_id, recorded_at) VALUES ('AR-20260302-0001', 't', 'phone', 'reached', 1, 't')",
    ).run();
    const before = tableNames(db);
    const columnsBefore = columns(db, 'assistance_requests');
    expect(() => db.prepare(request).run('AR-20260302-0002', 2, 'video')).toThrow(/CHECK/);

    expect(migrate(db, MIGRATIONS, { sealer: TEST_SEALER }, 11).ok).toBe(true);
    expect(tableNames(db).filter((name) => !before.includes(name))).toEqual([
      'video_agents',
      'video_call_recordings',
      'video_calls',
      'video_relay',
    ]);
    expect(columns(db, 'assistance_requests')).toEqual(columnsBefore);
    db.prepare(request).run('AR-20260302-0002', 2, 'video');
    expect(db.prepare('SELECT request_id, channel FROM assistance_contacts').all()).toEqual([
      { request_id: 'AR-20260302-0001', channel: 'phone' },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(
      db
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'assistance_requests' AND sql IS NOT NULL ORDER BY name",
        )
        .pluck()
        .all(),
    ).toEqual(['assistance_requests_by_requester', 'assistance_requests_by_station', 'assistance_requests_by_update']);
    db.close();
  });

  it('refuses a call that waits with an end, and one that ended without', () => {
    const db = databaseAt(11);
    db.prepare(terminal).run('a'.repeat(64));
    db.prepare(request).run('AR-20260302-0001', 1, 'video');
    db.prepare(request).run('AR-20260302-0002', 2, 'video');
    const call = `INSERT INTO video_calls (call_id, day, seq, request_id, station_id, terminal_id, topic, elder_mode, status,
      requested_at, ended_at, consent_personal_values, consent_document_camera) VALUES (?, '2026-03-02', ?, ?, 's1', 'k1', 'general', 0, ?, 't', ?, 0, 1)`;
    expect(() => db.prepare(call).run('VC-20260302-0001', 1, 'AR-20260302-0001', 'waiting', 't')).toThrow(/CHECK/);
    expect(() => db.prepare(call).run('VC-20260302-0001', 1, 'AR-20260302-0001', 'ended', null)).toThrow(/CHECK/);
    db.prepare(call).run('VC-20260302-0001', 1, 'AR-20260302-0001', 'waiting', null);
    expect(() => db.prepare(call).run('VC-20260302-0002', 2, 'AR-20260302-0001', 'waiting', null)).toThrow(/UNIQUE/);
    db.close();
  });
});
