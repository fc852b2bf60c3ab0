import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';
import { migratedTo as migratedToVersion } from '../../testing/memory-store';

const at = '2026-11-21T08:00:00.000Z';

const migratedTo = (version: number): Database.Database => migratedToVersion(version, () => at);

const CONFIRMATION = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

describe('migration 0008 queue and appointments', () => {
  it('creates STRICT tables', () => {
    const db = migratedTo(8);
    for (const table of ['queue_ticket_range', 'queue_ticket_request', 'queue_ticket', 'queue_status_cache']) {
      const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = ?`).pluck().get(table) as string;
      expect(sql, table).toMatch(/\)\s*STRICT$/);
    }
  });

  it('checks ranges: one prefix letter, a day, first <= last, next within first..last+1', () => {
    const db = migratedTo(8);
    const insert = db.prepare(
      `INSERT INTO queue_ticket_range (range_id, service_code, prefix, day, first_number, last_number, next_number, reserved_at)
       VALUES (?, 'SOCIAL', ?, ?, ?, ?, ?, '${at}')`,
    );
    expect(() => insert.run('R-1', 'A', '2026-11-21', 500, 519, 520)).not.toThrow();
    expect(() => insert.run('R-2', 'a', '2026-11-21', 500, 519, 500)).toThrow(/CHECK/);
    expect(() => insert.run('R-3', 'A', '21.11.2026', 500, 519, 500)).toThrow(/CHECK/);
    expect(() => insert.run('R-4', 'A', '2026-11-21', 520, 519, 520)).toThrow(/CHECK/);
    expect(() => insert.run('R-5', 'A', '2026-11-21', 500, 519, 521)).toThrow(/CHECK/);
    expect(() => insert.run('R-6', 'A', '2026-11-21', 500, 1000, 500)).toThrow(/CHECK/);
  });

  it('ties an offline ticket to its range, number and outbox row, once per number', () => {
    const db = migratedTo(8);
    db.prepare(
      `INSERT INTO queue_ticket_range (range_id, service_code, prefix, day, first_number, last_number, next_number, reserved_at)
       VALUES ('R-1', 'SOCIAL', 'A', '2026-11-21', 500, 519, 500, '${at}')`,
    ).run();
    const request = db.prepare(
      `INSERT INTO queue_ticket_request (confirmation_id, idempotency_key, service_code, body, created_at, outcome)
       VALUES (?, ?, 'SOCIAL', '{}', '${at}', ?)`,
    );
    request.run(CONFIRMATION, `ticket-${CONFIRMATION}`, 'offline');
    expect(() => request.run(CONFIRMATION.replace('6f', '7f'), 'ticket-key-000000000001', 'lost')).toThrow(/CHECK/);
    const outbox = db.prepare(
      `INSERT INTO outbox (kind, idempotency_key, method, path, body, created_at) VALUES ('offlineTicket', ?, 'POST', '/t', '{}', '${at}')`,
    );
    const outboxId = Number(outbox.run('key-0000000000000001').lastInsertRowid);

    const ticket = db.prepare(
      `INSERT INTO queue_ticket (confirmation_id, ticket_id, source, range_id, number, ticket, outbox_id, print_output, print_problem, issued_at)
       VALUES (?, ?, ?, ?, ?, '{}', ?, ?, ?, '${at}')`,
    );
    // An offline ticket needs its range, number and outbox row; an online one has none of them.
    expect(() => ticket.run(CONFIRMATION, 'L-1', 'offlineRange', null, null, null, null, null)).toThrow(/CHECK/);
    expect(() => ticket.run(CONFIRMATION, 'L-1', 'offlineRange', 'R-1', 500, null, null, null)).toThrow(/CHECK/);
    expect(() => ticket.run(CONFIRMATION, 'L-1', 'online', 'R-1', 500, outboxId, null, null)).toThrow(/CHECK/);
    expect(() => ticket.run(CONFIRMATION, 'L-1', 'offlineRange', 'R-9', 500, outboxId, null, null)).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => ticket.run(CONFIRMATION, 'L-1', 'offlineRange', 'R-1', 500, outboxId, 'paper', 'paperOut')).toThrow(
      /CHECK/,
    );
    expect(() =>
      ticket.run(CONFIRMATION, 'L-1', 'offlineRange', 'R-1', 500, outboxId, 'screen', 'paperOut'),
    ).not.toThrow();

    const other = CONFIRMATION.replace('6f', '8f');
    request.run(other, `ticket-${other}`, 'offline');
    const secondOutbox = Number(outbox.run('key-0000000000000002').lastInsertRowid);
    expect(() => ticket.run(other, 'L-2', 'offlineRange', 'R-1', 500, secondOutbox, null, null)).toThrow(/UNIQUE/);
    // A ticket belongs to a press that was recorded.
    expect(() => ticket.run(CONFIRMATION.replace('6f', '9f'), 'L-3', 'online', null, null, null, null, null)).toThrow(
      /FOREIGN KEY/,
    );
  });

  it('keeps one queue status row with valid JSON', () => {
    const db = migratedTo(8);
    const insert = db.prepare(
      `INSERT INTO queue_status_cache (id, station_id, day, status, fetched_at) VALUES (?, 'S', '2026-11-21', ?, '${at}')`,
    );
    expect(() => insert.run(1, '{"services":[]}')).not.toThrow();
    expect(() => insert.run(2, '{}')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE queue_status_cache SET status = '{oops'`).run()).toThrow(/CHECK/);
  });

  it('applies on top of a store that already holds outbox rows', () => {
    const db = migratedTo(7);
    db.prepare(
      `INSERT INTO outbox (kind, idempotency_key, method, path, body, created_at) VALUES ('inspection', 'key-0000000000000003', 'POST', '/t', '{}', '${at}')`,
    ).run();
    const result = migrate(db, migrations, () => at);
    expect(result.ok && result.value.applied).toContain('0008-queue-and-appointments');
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
  });
});
