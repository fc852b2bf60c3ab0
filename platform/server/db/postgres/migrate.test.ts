import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformSealer } from '../../sealing/sealer';
import { testEngine } from '../../testing/test-database';
import { TEST_SEALER } from '../migrations/testing';
import type { SqlQueries } from '../sql';
import { migratePostgres, postgresSchemaVersion } from './migrate';
import { POSTGRES_MIGRATIONS } from './migrations';
import { openPostgresDb } from './open';
import { postgresSchemaShape, schemaDifferences, type SchemaShape } from './schema-shape';
import { createScratchDatabase, dropScratchDatabases, hasIcuLocale, hasLibcLocale, rawPostgres } from './testing';

/**
 * The PostgreSQL migrations and openPostgresDb on a real cluster: a fresh database, an upgrade
 * from every earlier version with the rows a later migration transforms, and the refusals (a newer
 * schema, another data key, a collation that does not sort by bytes), plus several instances
 * opening one empty database at once.
 */

const NEWEST = POSTGRES_MIGRATIONS.length;
const AT = '2026-03-02T01:00:00.000Z';
const TERMINAL = 'kiosk-anqiu-0001';
const STATION = 'aq-jingzhi';
const ID_NUMBER = '370784195212250048';
const AGENT_ID = '370784197707070017';
const MATERIAL = Buffer.from('%PDF-1.4 户口簿 370784195212250048', 'utf8');
const MATERIAL_SHA = createHash('sha256').update(MATERIAL).digest('hex');
const IDEMPOTENT_BODY = Buffer.from('{"caseNo":"AQ-20260302-0001"}', 'utf8');
const IDEMPOTENT_DIGEST = createHash('sha256').update('POST /api/v1/applications {}').digest();
const APPLICATION_BODY = JSON.stringify({
  applicant: { name: '刘玉芬', idNumber: ID_NUMBER },
  materials: [{ name: '户口簿', pages: [{ sha256: MATERIAL_SHA }] }],
});
const BOOKING_BODY = JSON.stringify({ applicantName: '刘玉芬', idNumber: ID_NUMBER });
const RATING_BODY = JSON.stringify({ comment: '等了很久', phone: '13800070007' });
const REQUEST_BODY = JSON.stringify({ requestedAt: '2026-03-02T08:59:00+08:00', phone: '13800070007' });
const INSPECTION_BODY = JSON.stringify({ inspector: '王师傅' });

async function freshShape(): Promise<SchemaShape> {
  const { url } = await createScratchDatabase();
  const db = rawPostgres(url);
  try {
    const migrated = await migratePostgres(db.pool, POSTGRES_MIGRATIONS, { sealer: TEST_SEALER });
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.error));
    return await postgresSchemaShape(db);
  } finally {
    await db.close();
  }
}

/** Rows as a platform at `version` wrote them, in that version's shape. */
async function writeRowsAt(db: SqlQueries, version: number): Promise<void> {
  await db.run("INSERT INTO terminals VALUES (?, ?, ?, 't', 't', NULL)", [TERMINAL, STATION, 'a'.repeat(64)]);
  if (version <= 5) {
    await db.run(
      `INSERT INTO idempotency_records (terminal_id, idem_key, fingerprint, method, path, status, headers, body, created_at)
       VALUES (?, 'key-1', ?, 'POST', '/api/v1/applications', 201, '{}', ?, ?)`,
      [TERMINAL, IDEMPOTENT_DIGEST.toString('hex'), IDEMPOTENT_BODY, AT],
    );
  } else {
    await db.run(
      `INSERT INTO idempotency_records (terminal_id, idem_key, fingerprint, method, path, status, headers, sealed_body, created_at)
       VALUES (?, 'key-1', ?, 'POST', '/api/v1/applications', 201, '{}', ?, ?)`,
      [
        TERMINAL,
        TEST_SEALER.requestFingerprint(IDEMPOTENT_DIGEST),
        TEST_SEALER.seal('idempotency_records.sealed_body', `${TERMINAL}\nkey-1`, IDEMPOTENT_BODY),
        AT,
      ],
    );
  }
  if (version >= 3 && version <= 5) {
    await db.run('INSERT INTO materials VALUES (?, ?, ?, ?, ?, ?)', [
      MATERIAL_SHA,
      MATERIAL.length,
      'application/pdf',
      MATERIAL,
      TERMINAL,
      AT,
    ]);
  }
  if (version >= 4 && version <= 5) {
    await db.run("INSERT INTO inspections VALUES ('XJ-20260302-0001', '2026-03-02', 1, ?, 'normal', ?, ?)", [
      TERMINAL,
      INSPECTION_BODY,
      AT,
    ]);
    await db.run(
      `INSERT INTO assistance_requests VALUES ('BD-20260302-0001', '2026-03-02', 1, ?, ?, 'callback', 'received', ?, ?, ?)`,
      [TERMINAL, STATION, REQUEST_BODY, AT, AT],
    );
  }
  if (version === 5) {
    await db.run(
      `INSERT INTO applications (case_no, day, seq, terminal_id, station_id, local_ref, matter_code, matter_version,
         catalog_version, case_type, promised_working_days, delivery_method, applicant_id_type, applicant_id_number,
         agent_id_type, agent_id_number, bundle_ref, body, receipt_lines, confirmed_at, accepted_at, promised_by)
       VALUES ('AQ-20260302-0001', '2026-03-02', 1, ?, ?, 'ref-1', 'M-1', 1, 'c1', 'instant', NULL, 'pickUp',
         'residentIdCard', ?, 'residentIdCard', ?, NULL, ?, '[]', ?, ?, NULL)`,
      [TERMINAL, STATION, ID_NUMBER, AGENT_ID, APPLICATION_BODY, AT, AT],
    );
    await db.run(
      `INSERT INTO appointments (appointment_id, day, seq, terminal_id, slot_id, service_point_id, slot_day, starts_at,
         ends_at, matter_code, matter_version, matter_name, applicant_name_masked, applicant_id_type, applicant_id_number,
         body, status, booked_at)
       VALUES ('AP-20260302-0001', '2026-03-02', 1, ?, 'slot-1', 'sp-1', '2026-03-03', ?, ?, 'M-1', 1, '测试事项',
         '刘*芬', 'residentIdCard', ?, ?, 'booked', ?)`,
      [TERMINAL, AT, AT, ID_NUMBER, BOOKING_BODY, AT],
    );
    await db.run(
      `INSERT INTO ratings VALUES ('PJ-20260302-0001', '2026-03-02', 1, ?, ?, 'application', 'AQ-20260302-0001',
         'AQ-20260302-0001', 1, 'o1', ?, ?, ?)`,
      [TERMINAL, STATION, RATING_BODY, AT, AT],
    );
    await db.run(
      "INSERT INTO work_orders VALUES ('GD-20260302-0001', '2026-03-02', 1, 'PJ-20260302-0001', 'open', ?, ?)",
      [AT, AT],
    );
  }
  if (version >= 5) {
    await db.run(
      `INSERT INTO tickets (ticket_id, day, seq, station_id, service_code, number, ticket_no, priority_class,
         priority_weight, source, terminal_id, issued_at, received_at)
       VALUES ('QH-20260302-0001', '2026-03-02', 1, ?, 'S1', 7, 'A007', 'normal', 0, 'online', ?, ?, ?)`,
      [STATION, TERMINAL, AT, '2026-03-02T01:00:05.000Z'],
    );
  }
}

const opened = (sealed: Buffer, purpose: Parameters<typeof TEST_SEALER.open>[0], id: string): string =>
  TEST_SEALER.open(purpose, id, sealed).toString('utf8');

/** What the rows written at `version` look like at the newest version. */
async function checkRowsFrom(db: SqlQueries, version: number): Promise<void> {
  const record = await db.get<{ fingerprint: string; body: Buffer }>(
    "SELECT fingerprint, sealed_body AS body FROM idempotency_records WHERE idem_key = 'key-1'",
  );
  expect(record?.fingerprint).toBe(TEST_SEALER.requestFingerprint(IDEMPOTENT_DIGEST));
  expect(
    TEST_SEALER.open('idempotency_records.sealed_body', `${TERMINAL}\nkey-1`, record?.body ?? Buffer.alloc(0)),
  ).toEqual(IDEMPOTENT_BODY);
  const keyCheck = await db.get<{ keyCheck: string }>('SELECT key_check AS "keyCheck" FROM data_key_check');
  expect(keyCheck?.keyCheck).toBe(TEST_SEALER.keyCheck);

  const material = await db.get<{ bytes: Buffer }>('SELECT sealed_bytes AS bytes FROM materials');
  if (version >= 3 && version <= 5) {
    expect(material?.bytes.includes(MATERIAL)).toBe(false);
    expect(TEST_SEALER.open('materials.sealed_bytes', MATERIAL_SHA, material?.bytes ?? Buffer.alloc(0))).toEqual(
      MATERIAL,
    );
  } else expect(material).toBeUndefined();

  const inspection = await db.get<{ report: Buffer }>('SELECT sealed_report AS report FROM inspections');
  const request = await db.get<{ requestedAt: string; sealed: Buffer; requester: string | null }>(
    'SELECT requested_at AS "requestedAt", sealed_request AS sealed, requester_index AS requester FROM assistance_requests',
  );
  const arrivals = await db.all<{ kind: string; recordId: string }>(
    'SELECT kind, record_id AS "recordId" FROM record_arrivals',
  );
  if (version >= 4 && version <= 5) {
    expect(opened(inspection?.report ?? Buffer.alloc(0), 'inspections.sealed_report', 'XJ-20260302-0001')).toBe(
      INSPECTION_BODY,
    );
    expect(request?.requestedAt).toBe('2026-03-02T08:59:00+08:00');
    expect(request?.requester).toBeNull();
    expect(opened(request?.sealed ?? Buffer.alloc(0), 'assistance_requests.sealed_request', 'BD-20260302-0001')).toBe(
      REQUEST_BODY,
    );
    // Migration 5 put requests stored before it into the arrival order; from 5 on the store does.
    expect(arrivals).toEqual(version === 4 ? [{ kind: 'assistanceRequest', recordId: 'BD-20260302-0001' }] : []);
  } else {
    expect([inspection, request]).toEqual([undefined, undefined]);
    expect(arrivals).toEqual([]);
  }

  const application = await db.get<{
    applicant: string;
    agent: string | null;
    applicantBy: string;
    agentBy: string | null;
    sealed: Buffer;
  }>(
    `SELECT applicant_index AS applicant, agent_index AS agent, applicant_identified_by AS "applicantBy",
       agent_identified_by AS "agentBy", sealed_submission AS sealed FROM applications`,
  );
  const links = await db.all('SELECT case_no, sha256 FROM application_materials');
  const appointment = await db.get<{ applicant: string; agent: string | null; sealed: Buffer }>(
    'SELECT applicant_index AS applicant, agent_index AS agent, sealed_booking AS sealed FROM appointments',
  );
  const rating = await db.get<{ sealed: Buffer }>('SELECT sealed_rating AS sealed FROM ratings');
  const workOrder = await db.get<{ status: string; closedAt: string | null }>(
    'SELECT status, closed_at AS "closedAt" FROM work_orders',
  );
  if (version === 5) {
    expect(application).toEqual({
      applicant: TEST_SEALER.identityIndex('residentIdCard', ID_NUMBER),
      agent: TEST_SEALER.identityIndex('residentIdCard', AGENT_ID),
      applicantBy: 'notStated',
      agentBy: 'notStated',
      sealed: expect.any(Buffer) as Buffer,
    });
    expect(opened(application?.sealed ?? Buffer.alloc(0), 'applications.sealed_submission', 'AQ-20260302-0001')).toBe(
      APPLICATION_BODY,
    );
    expect(links).toEqual([{ case_no: 'AQ-20260302-0001', sha256: MATERIAL_SHA }]);
    expect(appointment?.applicant).toBe(TEST_SEALER.identityIndex('residentIdCard', ID_NUMBER));
    expect(appointment?.agent).toBeNull();
    expect(opened(appointment?.sealed ?? Buffer.alloc(0), 'appointments.sealed_booking', 'AP-20260302-0001')).toBe(
      BOOKING_BODY,
    );
    expect(opened(rating?.sealed ?? Buffer.alloc(0), 'ratings.sealed_rating', 'PJ-20260302-0001')).toBe(RATING_BODY);
    expect(workOrder).toEqual({ status: 'open', closedAt: null });
  } else {
    expect([application, appointment, rating, workOrder]).toEqual([undefined, undefined, undefined, undefined]);
    expect(links).toEqual([]);
  }

  const states = await db.all('SELECT ticket_id, queue_service, status, window_no, updated_at FROM ticket_states');
  if (version >= 5 && version <= 8) {
    // Migration 9 starts tickets stored before it as waiting in their service's queue.
    expect(states).toEqual([
      {
        ticket_id: 'QH-20260302-0001',
        queue_service: 'S1',
        status: 'waiting',
        window_no: null,
        updated_at: '2026-03-02T01:00:05.000Z',
      },
    ]);
  } else expect(states).toEqual([]);
}

// Asked before the tests are collected: only then can the libc case be skipped where the
// operating system has no such locale (this CI image has only C and POSIX).
const libcEnUs = testEngine() === 'postgres' && (await hasLibcLocale('en_US.utf8'));

// Each test makes and migrates whole databases on a cluster shared with other test files, which
// takes seconds on a busy machine: the limits are generous, nothing here measures time.
describe.skipIf(testEngine() !== 'postgres')('PostgreSQL migrations', { timeout: 120_000 }, () => {
  afterEach(dropScratchDatabases, 120_000);

  let fresh: Promise<SchemaShape> | undefined;

  it('migrate a fresh database to the newest version, one schema_migrations row per migration', async () => {
    const { url } = await createScratchDatabase();
    const result = await openPostgresDb({ url }, TEST_SEALER);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const db = result.value;
    try {
      expect(await postgresSchemaVersion(db)).toBe(NEWEST);
      const rows = await db.all<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(rows).toEqual(POSTGRES_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      expect(NEWEST).toBe(11);
    } finally {
      await db.close();
    }
  });

  it.each(Array.from({ length: NEWEST - 1 }, (_, index) => index + 1))(
    'upgrade a database at version %i with its rows to the newest version',
    async (version) => {
      const freshSchema = await (fresh ??= freshShape());
      const { url } = await createScratchDatabase();
      const early = rawPostgres(url);
      try {
        const partial = await migratePostgres(early.pool, POSTGRES_MIGRATIONS, { sealer: TEST_SEALER }, version);
        expect(partial).toEqual({ ok: true, value: { from: 0, to: version } });
        expect(await postgresSchemaVersion(early)).toBe(version);
        await writeRowsAt(early, version);
      } finally {
        await early.close();
      }
      const result = await openPostgresDb({ url }, TEST_SEALER);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const db = result.value;
      try {
        expect(await postgresSchemaVersion(db)).toBe(NEWEST);
        expect(
          schemaDifferences(freshSchema, await postgresSchemaShape(db), ['fresh', `upgraded from ${version}`]),
        ).toEqual([]);
        await checkRowsFrom(db, version);
      } finally {
        await db.close();
      }
    },
  );

  it('refuses a database written by a newer schema, and changes nothing in it', async () => {
    const { url } = await createScratchDatabase();
    const setup = rawPostgres(url);
    try {
      await migratePostgres(setup.pool, POSTGRES_MIGRATIONS, { sealer: TEST_SEALER });
      await setup.exec(`
        INSERT INTO schema_migrations (version, name, applied_at) VALUES (${NEWEST + 1}, 'from-the-future', '2030-01-01');
        CREATE TABLE from_the_future (x BIGINT);
        INSERT INTO from_the_future VALUES (7);
      `);
      const before = await postgresSchemaShape(setup);

      const result = await openPostgresDb({ url }, TEST_SEALER);
      expect(result).toEqual({ ok: false, error: { kind: 'schemaTooNew', found: NEWEST + 1, known: NEWEST } });
      // The runner refuses by itself too, for callers that migrate without openPostgresDb.
      const direct = await migratePostgres(setup.pool, POSTGRES_MIGRATIONS, { sealer: TEST_SEALER });
      expect(direct).toEqual({ ok: false, error: { kind: 'schemaTooNew', found: NEWEST + 1, known: NEWEST } });

      expect(await postgresSchemaShape(setup)).toEqual(before);
      expect(await setup.all('SELECT version FROM schema_migrations WHERE version > ?', [NEWEST])).toEqual([
        { version: NEWEST + 1 },
      ]);
      expect(await setup.all('SELECT x FROM from_the_future')).toEqual([{ x: 7 }]);
    } finally {
      await setup.close();
    }
  });

  it('refuses a database sealed under another data key before migrating it', async () => {
    const { url } = await createScratchDatabase();
    const setup = rawPostgres(url);
    try {
      // At version 7, so a wrong-key open would have migrations to run: it must run none.
      await migratePostgres(setup.pool, POSTGRES_MIGRATIONS, { sealer: TEST_SEALER }, 7);
    } finally {
      await setup.close();
    }
    const otherKey = createPlatformSealer(Buffer.alloc(32, 9));
    expect(await openPostgresDb({ url }, otherKey)).toEqual({ ok: false, error: { kind: 'wrongDataKey' } });

    const check = rawPostgres(url);
    try {
      expect(await postgresSchemaVersion(check)).toBe(7);
      expect(await check.get('SELECT key_check FROM data_key_check')).toEqual({ key_check: TEST_SEALER.keyCheck });
    } finally {
      await check.close();
    }
    const right = await openPostgresDb({ url }, TEST_SEALER);
    if (!right.ok) throw new Error(JSON.stringify(right.error));
    await right.value.close();
  });

  const refusesCollation = async (options: string, said: RegExp): Promise<void> => {
    const { url } = await createScratchDatabase(options);
    const result = await openPostgresDb({ url }, TEST_SEALER);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('wrongCollation');
    if (result.error.kind === 'wrongCollation') expect(result.error.collation).toMatch(said);
    const check = rawPostgres(url);
    try {
      expect(await postgresSchemaVersion(check)).toBe(0);
    } finally {
      await check.close();
    }
  };

  // An ICU database keeps a libc datcollate (C.UTF-8 here) while sorting by the ICU locale.
  it('refuses a database that sorts by an ICU language collation, before creating anything', async () => {
    expect(await hasIcuLocale('en-US')).toBe(true);
    await refusesCollation(
      "TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C.UTF-8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'",
      /ICU locale/,
    );
  });

  it.skipIf(!libcEnUs)('refuses a database with the libc collation en_US.UTF-8', async () => {
    await refusesCollation("TEMPLATE template0 ENCODING 'UTF8' LOCALE 'en_US.UTF-8'", /en_US/);
  });

  it('lets several instances open one empty database at once, each migration applied once', async () => {
    const { url } = await createScratchDatabase();
    const results = await Promise.all(Array.from({ length: 4 }, () => openPostgresDb({ url }, TEST_SEALER)));
    try {
      expect(results.map((result) => result.ok)).toEqual([true, true, true, true]);
      const first = results[0];
      if (!first?.ok) return;
      const rows = await first.value.all<{ version: number; count: number }>(
        'SELECT version, count(*) AS count FROM schema_migrations GROUP BY version ORDER BY version',
      );
      expect(rows).toEqual(POSTGRES_MIGRATIONS.map((m) => ({ version: m.version, count: 1 })));
      expect(await first.value.all('SELECT id FROM data_key_check')).toEqual([{ id: 1 }]);
    } finally {
      for (const result of results) if (result.ok) await result.value.close();
    }
  });
});
