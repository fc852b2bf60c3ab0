import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationSubmission } from '../../../contract/applications';
import { applicationBody, bookingBody, callbackRequestBody, inspectionBody, ratingBody } from '../../testing/bodies';
import { databaseFiles, findValues } from '../../testing/byte-search';
import {
  ADMIN_TOKEN,
  KIOSK_1,
  makeTempDir,
  manualClock,
  startTestServer,
  type TestServer,
} from '../../testing/harness';
import { migrate } from '../migrate';
import { migration0006 } from './0006-sealed-personal-data';
import { MIGRATIONS } from './index';
import { columns, databaseAt, tableNames, TEST_SEALER } from './testing';

const NAME = '刘玉芬';
const ID_NUMBER = '370784195212250048';
const AGENT_ID = '370784197707070017';
const PHONE = '13800070007';
const ADDRESS = '景芝镇西景芝村二组六号';

const MATERIAL = Buffer.from(`%PDF-1.4 户口簿 ${NAME} ${ID_NUMBER}`, 'utf8');
const MATERIAL_SHA = createHash('sha256').update(MATERIAL).digest('hex');
const SEARCH_PATH = '/api/v1/appointment-searches';
const SEARCH_BODY = JSON.stringify({ idType: 'residentIdCard', idNumber: ID_NUMBER });
const SEARCH_KEY = 'legacy-search-key-0001';
// An answer the earlier platform stored: it names the person (masked), as appointment lists do.
const MASKED_NAME = '刘*芬';
const SEARCH_ANSWER = JSON.stringify({
  appointments: [
    {
      appointmentId: 'AP-20260302-0001',
      status: 'booked',
      servicePointId: 'aq-jingzhi-centre',
      startsAt: '2026-03-03T01:00:00.000Z',
      endsAt: '2026-03-03T01:30:00.000Z',
      matter: { matterCode: 'TEST-001', matterVersion: 1, matterName: '测试事项1' },
      applicantName: MASKED_NAME,
      bookedAt: '2026-03-02T01:00:00.000Z',
      checkedInAt: null,
      cancelledAt: null,
    },
  ],
});
// The masked name too: the column that held it and the stored answer are sealed now.
const LEGACY_SECRETS = [NAME, ID_NUMBER, AGENT_ID, PHONE, ADDRESS, MASKED_NAME];

const legacySubmission = (): ApplicationSubmission =>
  applicationBody({
    localRef: '5b0c7a64-6a4e-4d2b-9a8e-3f1f7d2c9a10',
    applicant: { kind: 'naturalPerson', person: { name: NAME, idType: 'residentIdCard', idNumber: ID_NUMBER } },
    agent: {
      person: { name: '马强', idType: 'residentIdCard', idNumber: AGENT_ID },
      relation: 'family',
      authorisation: { kind: 'letterOfAuthority', materialSha256: MATERIAL_SHA },
    },
    materials: [
      { name: '户口簿', pages: [{ sha256: MATERIAL_SHA, contentType: 'application/pdf', size: MATERIAL.length }] },
    ],
    delivery: {
      method: 'mail',
      recipient: NAME,
      phone: PHONE,
      address: { regionCode: '370784', province: '山东省', city: '潍坊市', county: '安丘市', detail: ADDRESS },
    },
    confirmedAt: '2026-03-02T09:00:00+08:00',
  });

/** Rows as the version-5 platform wrote them: plaintext columns and JSON bodies. */
function writeLegacyRows(db: Database.Database): void {
  const at = '2026-03-02T01:00:00.000Z';
  db.prepare("INSERT INTO terminals VALUES (?, ?, ?, 't', 't', NULL)").run(
    KIOSK_1.id,
    KIOSK_1.stationId,
    'a'.repeat(64),
  );
  db.prepare("INSERT INTO materials VALUES (?, ?, 'application/pdf', ?, ?, ?)").run(
    MATERIAL_SHA,
    MATERIAL.length,
    MATERIAL,
    KIOSK_1.id,
    at,
  );
  const fingerprint = createHash('sha256').update(`POST\n${SEARCH_PATH}\n`).update(SEARCH_BODY).digest('hex');
  db.prepare(
    `INSERT INTO idempotency_records VALUES (?, ?, ?, 'POST', ?, 200, '{"content-type":"application/json"}', ?, ?)`,
  ).run(KIOSK_1.id, SEARCH_KEY, fingerprint, SEARCH_PATH, Buffer.from(SEARCH_ANSWER), at);
  db.prepare(
    `INSERT INTO applications (case_no, day, seq, terminal_id, station_id, local_ref, matter_code, matter_version,
       catalog_version, case_type, promised_working_days, delivery_method, applicant_id_type, applicant_id_number,
       agent_id_type, agent_id_number, bundle_ref, body, receipt_lines, confirmed_at, accepted_at, promised_by)
     VALUES ('370784-20260302-000001', '2026-03-02', 1, ?, ?, ?, 'TEST-002', 1, 'test-1', 'promised', 5, 'mail',
       'residentIdCard', ?, 'residentIdCard', ?, NULL, ?, '["请保持电话畅通"]', ?, ?, '2026-03-09')`,
  ).run(
    KIOSK_1.id,
    KIOSK_1.stationId,
    legacySubmission().localRef,
    ID_NUMBER,
    AGENT_ID,
    JSON.stringify(legacySubmission()),
    at,
    at,
  );
  db.prepare(
    `INSERT INTO appointments (appointment_id, day, seq, terminal_id, slot_id, service_point_id, slot_day, starts_at,
       ends_at, matter_code, matter_version, matter_name, applicant_name_masked, applicant_id_type,
       applicant_id_number, agent_id_type, agent_id_number, body, status, booked_at)
     VALUES ('AP-20260302-0001', '2026-03-02', 1, ?, 'aq-jingzhi-centre.20260303T0900', 'aq-jingzhi-centre',
       '2026-03-03', '2026-03-03T01:00:00.000Z', '2026-03-03T01:30:00.000Z', 'TEST-001', 1, '测试事项1', ?,
       'residentIdCard', ?, NULL, NULL, ?, 'booked', ?)`,
  ).run(
    KIOSK_1.id,
    MASKED_NAME,
    ID_NUMBER,
    JSON.stringify(
      bookingBody('aq-jingzhi-centre.20260303T0900', {
        applicant: { name: NAME, idType: 'residentIdCard', idNumber: ID_NUMBER, phone: PHONE },
      }),
    ),
    at,
  );
  db.prepare(
    `INSERT INTO ratings VALUES ('RT-20260302-0001', '2026-03-02', 1, ?, ?, 'application', '370784-20260302-000001',
       '370784-20260302-000001', 1, '2025.1', ?, ?, ?)`,
  ).run(
    KIOSK_1.id,
    KIOSK_1.stationId,
    JSON.stringify(ratingBody({ level: 1, optionCodes: [], callbackPhone: PHONE })),
    at,
    at,
  );
  db.prepare(
    `INSERT INTO work_orders VALUES ('WO-20260302-0001', '2026-03-02', 1, 'RT-20260302-0001', 'open', '2026-03-23', ?)`,
  ).run(at);
  db.prepare(
    `INSERT INTO assistance_requests VALUES ('AR-20260302-0001', '2026-03-02', 1, ?, ?, 'homeVisit', 'received', ?, ?, ?)`,
  ).run(
    KIOSK_1.id,
    KIOSK_1.stationId,
    JSON.stringify({
      ...callbackRequestBody(),
      kind: 'homeVisit',
      address: ADDRESS,
      phone: PHONE,
      preferredDate: null,
    }),
    at,
    at,
  );
  db.prepare(`INSERT INTO inspections VALUES ('INSP-20260302-0001', '2026-03-02', 1, ?, 'normal', ?, ?)`).run(
    KIOSK_1.id,
    JSON.stringify(inspectionBody({ inspector: { name: NAME, staffId: 'T-1' } })),
    at,
  );
  const arrival = db.prepare('INSERT INTO record_arrivals (kind, record_id, received_at) VALUES (?, ?, ?)');
  arrival.run('application', '370784-20260302-000001', at);
  arrival.run('appointment', 'AP-20260302-0001', at);
  arrival.run('rating', 'RT-20260302-0001', at);
}

const temps: Array<{ remove(): void }> = [];
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  temps.splice(0).forEach((temp) => temp.remove());
});

describe('migration 0006 sealed-personal-data', () => {
  it('leaves no plaintext personal column on a fresh database and records the key check', () => {
    const db = databaseAt(6);
    expect(tableNames(db)).toEqual(expect.arrayContaining(['application_materials', 'data_key_check']));
    expect(columns(db, 'applications')).toEqual(
      expect.arrayContaining([
        'applicant_index',
        'agent_index',
        'applicant_identified_by',
        'agent_identified_by',
        'sealed_submission',
      ]),
    );
    for (const table of ['applications', 'appointments', 'ratings', 'assistance_requests', 'inspections']) {
      const names = columns(db, table);
      expect(
        names.filter((name) => /id_number|^body$|name_masked/.test(name)),
        table,
      ).toEqual([]);
    }
    expect(columns(db, 'materials')).toContain('sealed_bytes');
    expect(columns(db, 'idempotency_records')).toContain('sealed_body');
    expect(db.prepare('SELECT key_check FROM data_key_check').pluck().get()).toBe(TEST_SEALER.keyCheck);
    // STRICT survives the rebuild.
    const loose = (db.pragma('table_list') as Array<{ name: string; strict: number; schema: string }>).filter(
      (table) => table.schema === 'main' && !table.name.startsWith('sqlite_') && table.strict !== 1,
    );
    expect(loose).toEqual([]);
    db.close();
  });

  it('seals and indexes every row stored before it, keeps the links and the arrival order', () => {
    const db = databaseAt(5);
    writeLegacyRows(db);
    db.transaction(() => migration0006.up(db, { sealer: TEST_SEALER }))();

    const application = db
      .prepare(
        `SELECT applicant_index AS applicant, agent_index AS agent, applicant_identified_by AS applicantBy,
           agent_identified_by AS agentBy, sealed_submission AS sealed, case_type AS caseType
         FROM applications`,
      )
      .get() as {
      applicant: string;
      agent: string;
      applicantBy: string;
      agentBy: string;
      sealed: Buffer;
      caseType: string;
    };
    expect(application).toMatchObject({
      applicant: TEST_SEALER.identityIndex('residentIdCard', ID_NUMBER),
      agent: TEST_SEALER.identityIndex('residentIdCard', AGENT_ID),
      applicantBy: 'notStated',
      agentBy: 'notStated',
      caseType: 'promised',
    });
    expect(
      TEST_SEALER.openJson('applications.sealed_submission', '370784-20260302-000001', application.sealed),
    ).toEqual(legacySubmission());
    expect(db.prepare('SELECT case_no, sha256 FROM application_materials').all()).toEqual([
      { case_no: '370784-20260302-000001', sha256: MATERIAL_SHA },
    ]);

    const appointment = db
      .prepare('SELECT applicant_index AS applicant, agent_index AS agent, sealed_booking AS sealed FROM appointments')
      .get() as { applicant: string; agent: string | null; sealed: Buffer };
    expect(appointment.applicant).toBe(TEST_SEALER.identityIndex('residentIdCard', ID_NUMBER));
    expect(appointment.agent).toBeNull();
    expect(TEST_SEALER.openJson('appointments.sealed_booking', 'AP-20260302-0001', appointment.sealed)).toMatchObject({
      applicant: { name: NAME, phone: PHONE },
    });

    const rating = db.prepare('SELECT sealed_rating FROM ratings').pluck().get() as Buffer;
    expect(TEST_SEALER.openJson('ratings.sealed_rating', 'RT-20260302-0001', rating)).toMatchObject({
      callbackPhone: PHONE,
    });
    expect(db.prepare('SELECT rating_id FROM work_orders').pluck().all()).toEqual(['RT-20260302-0001']);
    expect((db.pragma('foreign_key_list(work_orders)') as Array<{ table: string }>).map((fk) => fk.table)).toEqual([
      'ratings',
    ]);

    const request = db
      .prepare('SELECT requested_at AS requestedAt, sealed_request AS sealed FROM assistance_requests')
      .get() as {
      requestedAt: string;
      sealed: Buffer;
    };
    expect(request.requestedAt).toBe(callbackRequestBody().requestedAt);
    expect(
      TEST_SEALER.openJson('assistance_requests.sealed_request', 'AR-20260302-0001', request.sealed),
    ).toMatchObject({
      address: ADDRESS,
    });
    const report = db.prepare('SELECT sealed_report FROM inspections').pluck().get() as Buffer;
    expect(TEST_SEALER.openJson('inspections.sealed_report', 'INSP-20260302-0001', report)).toMatchObject({
      inspector: { name: NAME },
    });

    const material = db.prepare('SELECT sealed_bytes FROM materials').pluck().get() as Buffer;
    expect(TEST_SEALER.open('materials.sealed_bytes', MATERIAL_SHA, material)).toEqual(MATERIAL);
    const stored = db.prepare('SELECT fingerprint, sealed_body AS body FROM idempotency_records').get() as {
      fingerprint: string;
      body: Buffer;
    };
    const digest = createHash('sha256').update(`POST\n${SEARCH_PATH}\n`).update(SEARCH_BODY).digest();
    expect(stored.fingerprint).toBe(TEST_SEALER.requestFingerprint(digest));
    expect(
      TEST_SEALER.open('idempotency_records.sealed_body', `${KIOSK_1.id}\n${SEARCH_KEY}`, stored.body).toString(),
    ).toBe(SEARCH_ANSWER);

    expect(db.prepare('SELECT kind FROM record_arrivals ORDER BY arrival').pluck().all()).toEqual([
      'application',
      'appointment',
      'rating',
    ]);
    db.close();
  });

  it('upgrades a version-5 database left by a crash, its rows still in the WAL', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const running = join(temp.dir, 'running.db');
    const legacy = new Database(running);
    legacy.pragma('journal_mode = WAL');
    legacy.pragma('wal_autocheckpoint = 0');
    expect(migrate(legacy, MIGRATIONS, { sealer: TEST_SEALER }, 5).ok).toBe(true);
    writeLegacyRows(legacy);
    // The power cut: the files as they are on disk while the connection is still open.
    const dbPath = join(temp.dir, 'platform.db');
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${running}${suffix}`, `${dbPath}${suffix}`);
    legacy.close();
    expect(findValues('wal', readFileSync(`${dbPath}-wal`), [ID_NUMBER])).not.toEqual([]);

    server = await startTestServer({ dbPath, now: manualClock('2026-03-02T10:00:00+08:00').now });
    const cases = await server.request('POST', '/api/v1/case-searches', {
      body: { idType: 'residentIdCard', idNumber: ID_NUMBER },
    });
    expect(cases.json()).toMatchObject({ cases: [{ caseNo: '370784-20260302-000001' }] });
    await server.close();
    expect(databaseFiles(dbPath).flatMap(({ file, bytes }) => findValues(file, bytes, LEGACY_SECRETS))).toEqual([]);
  });

  it('upgrades a version-5 database file at start: found by ID number, replays old answers, no plaintext left', async () => {
    const temp = makeTempDir();
    temps.push(temp);
    const dbPath = join(temp.dir, 'platform.db');
    const legacy = new Database(dbPath);
    legacy.pragma('journal_mode = WAL');
    const migrated = migrate(legacy, MIGRATIONS, { sealer: TEST_SEALER }, 5);
    expect(migrated.ok).toBe(true);
    writeLegacyRows(legacy);
    legacy.close();
    const before = databaseFiles(dbPath).flatMap(({ file, bytes }) => findValues(file, bytes, LEGACY_SECRETS));
    expect(new Set(before.map((finding) => finding.value))).toEqual(new Set(LEGACY_SECRETS));

    server = await startTestServer({ dbPath, now: manualClock('2026-03-02T10:00:00+08:00').now });
    const cases = await server.request('POST', '/api/v1/case-searches', {
      body: { idType: 'residentIdCard', idNumber: AGENT_ID },
    });
    expect(cases.json()).toMatchObject({ cases: [{ caseNo: '370784-20260302-000001' }] });
    const replay = await server.request('POST', SEARCH_PATH, {
      body: JSON.parse(SEARCH_BODY) as unknown,
      idempotencyKey: SEARCH_KEY,
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(SEARCH_ANSWER);
    const records = await server.request('GET', '/_admin/records', { token: ADMIN_TOKEN });
    expect(records.json()).toMatchObject({
      applications: [{ identity: { applicant: 'notStated', agent: 'notStated' }, identityCheckNeeded: true }],
    });

    await server.close();
    expect(databaseFiles(dbPath).flatMap(({ file, bytes }) => findValues(file, bytes, LEGACY_SECRETS))).toEqual([]);
  });
});
