import { describe, expect, it } from 'vitest';
import { databaseAt, tableNames } from './testing';

const terminal = "INSERT INTO terminals VALUES ('k1', 's1', ?, 't', 't', NULL)";

describe('migration 0008 fleet', () => {
  it('adds the fleet tables on top of version 7', () => {
    const before = tableNames(databaseAt(7));
    const after = tableNames(databaseAt(8));
    expect(after.filter((name) => !before.includes(name))).toEqual([
      'enrolment_codes',
      'enrolments',
      'fleet_alarms',
      'fleet_kiosk_state',
      'fleet_timeline',
      'kiosk_versions',
      'remote_commands',
      'terminal_events',
      'terminal_revocations',
    ]);
  });

  it('stores one event per kiosk and eventId, and one alarm per kiosk, rule and raise time', () => {
    const db = databaseAt(8);
    db.prepare(terminal).run('a'.repeat(64));
    const event = db.prepare("INSERT INTO terminal_events VALUES ('k1', 'e1', ?, 'boot', 't', 't', '{}')");
    event.run(1);
    expect(() => event.run(2)).toThrow(/UNIQUE/);
    const alarm = db.prepare(
      "INSERT INTO fleet_alarms (terminal_id, rule, severity, raised_at) VALUES ('k1', 'offline', ?, 't')",
    );
    alarm.run('major');
    expect(() => alarm.run('major')).toThrow(/UNIQUE/);
    db.close();
  });

  it('keeps a command result whole: outcome, result and time together or none of them', () => {
    const db = databaseAt(8);
    db.prepare(terminal).run('a'.repeat(64));
    const insert = db.prepare(
      "INSERT INTO remote_commands (terminal_id, kind, request, issued_at, issued_by, expires_at, outcome, result, result_at) VALUES ('k1', 'restartApp', '{}', 't', 'u', 't', ?, ?, ?)",
    );
    insert.run(null, null, null);
    insert.run('done', '{}', 't');
    expect(() => insert.run('done', null, 't')).toThrow(/CHECK/);
    expect(() => insert.run('maybe', '{}', 't')).toThrow(/CHECK/);
    db.close();
  });

  it('keeps only the sha256 of an enrolment code, and one enrolment per code', () => {
    const db = databaseAt(8);
    expect(() =>
      db.prepare("INSERT INTO enrolment_codes VALUES ('ABCD-EFGH-JKMN', 's1', 'u', 't', 't', NULL)").run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO enrolment_codes VALUES (?, 's1', 'u', 't', 't', NULL)").run('c'.repeat(64));
    const enrol = db.prepare(
      "INSERT INTO enrolments (code_sha256, terminal_id, station_id, app_version, claim_secret_sha256, requested_at, requested_from, state) VALUES (?, 'k9', 's1', '1.0.0', ?, 't', 'ip', 'pending')",
    );
    enrol.run('c'.repeat(64), 'd'.repeat(64));
    expect(() => enrol.run('c'.repeat(64), 'd'.repeat(64))).toThrow(/UNIQUE/);
    db.close();
  });
});
