import type Database from 'better-sqlite3';
import type { PlatformSealer } from '../../sealing/sealer';
import type { Migration } from '../migration';

/**
 * Residents' data sealed at rest. Every body that carries a name, ID number, phone, address or
 * form value becomes one AES-256-GCM sealed BLOB; ID numbers leave their columns and indexes and
 * are found through keyed HMAC index columns instead; material bytes and stored idempotent
 * answers are sealed in place, and idempotency fingerprints are keyed. Applications gain how
 * their applicant and agent were identified at the kiosk, and the materials they refer to (so
 * retention can tell which uploads are still needed without opening every application).
 *
 * Tables whose columns change type are rebuilt (SQLite cannot change a STRICT column's type or
 * drop a column named in a CHECK): new table, rows copied and sealed, old table dropped, new one
 * renamed. Rows stored before this version are sealed here, inside the migration's transaction,
 * so there is never a database at version 6 with plaintext in it. Applications stored before it
 * did not say how people were identified: they read `notStated`, which staff treat as not verified.
 */

export const SEALED_SINCE_VERSION = 6;

const NOT_STATED = 'notStated';

interface LegacyApplication {
  case_no: string;
  applicant_id_type: string;
  applicant_id_number: string;
  agent_id_type: string | null;
  agent_id_number: string | null;
  body: string;
}

interface LegacySubmission {
  materials?: Array<{ pages?: Array<{ sha256?: string }> }>;
  agent?: { authorisation?: { materialSha256?: string | null } } | null;
}

function referencedMaterials(body: LegacySubmission): Set<string> {
  const found = new Set<string>();
  for (const material of body.materials ?? [])
    for (const page of material.pages ?? []) if (page.sha256) found.add(page.sha256);
  const letter = body.agent?.authorisation?.materialSha256;
  if (letter) found.add(letter);
  return found;
}

function rebuildApplications(db: Database.Database, sealer: PlatformSealer): void {
  db.exec(`
    CREATE TABLE applications_v6 (
      case_no                 TEXT PRIMARY KEY,
      day                     TEXT NOT NULL,
      seq                     INTEGER NOT NULL CHECK (seq > 0),
      terminal_id             TEXT NOT NULL REFERENCES terminals (terminal_id),
      station_id              TEXT NOT NULL,
      local_ref               TEXT NOT NULL,
      matter_code             TEXT NOT NULL,
      matter_version          INTEGER NOT NULL CHECK (matter_version > 0),
      catalog_version         TEXT NOT NULL,
      case_type               TEXT NOT NULL CHECK (case_type IN ('instant', 'promised')),
      promised_working_days   INTEGER CHECK (promised_working_days IS NULL OR promised_working_days > 0),
      delivery_method         TEXT NOT NULL CHECK (delivery_method IN ('pickUp', 'mail')),
      bundle_ref              TEXT,
      -- HMAC-SHA256 of (id type, id number) under a key derived from the data key.
      applicant_index         TEXT NOT NULL CHECK (length(applicant_index) = 64),
      agent_index             TEXT CHECK (agent_index IS NULL OR length(agent_index) = 64),
      -- IdentityEvidence of the contract, or 'notStated'. Not a CHECK list: a new kind of
      -- evidence is a contract change, and must not need a table rebuild as well.
      applicant_identified_by TEXT NOT NULL CHECK (length(applicant_identified_by) > 0),
      agent_identified_by     TEXT CHECK (agent_identified_by IS NULL OR length(agent_identified_by) > 0),
      sealed_submission       BLOB NOT NULL,
      receipt_lines           TEXT NOT NULL,
      confirmed_at            TEXT NOT NULL,
      accepted_at             TEXT NOT NULL,
      promised_by             TEXT,
      CHECK ((case_type = 'promised') = (promised_working_days IS NOT NULL)),
      CHECK ((case_type = 'promised') = (promised_by IS NOT NULL)),
      CHECK ((agent_index IS NULL) = (agent_identified_by IS NULL)),
      UNIQUE (day, seq),
      UNIQUE (terminal_id, local_ref)
    ) STRICT;
  `);
  const legacy = db
    .prepare(
      `SELECT case_no, applicant_id_type, applicant_id_number, agent_id_type, agent_id_number, body
       FROM applications ORDER BY case_no`,
    )
    .all() as LegacyApplication[];
  const copy = db.prepare(
    `INSERT INTO applications_v6 (case_no, day, seq, terminal_id, station_id, local_ref, matter_code, matter_version,
       catalog_version, case_type, promised_working_days, delivery_method, bundle_ref, applicant_index, agent_index,
       applicant_identified_by, agent_identified_by, sealed_submission, receipt_lines, confirmed_at, accepted_at,
       promised_by)
     SELECT case_no, day, seq, terminal_id, station_id, local_ref, matter_code, matter_version, catalog_version,
       case_type, promised_working_days, delivery_method, bundle_ref, @applicantIndex, @agentIndex, @applicantBy,
       @agentBy, @sealed, receipt_lines, confirmed_at, accepted_at, promised_by
     FROM applications WHERE case_no = @caseNo`,
  );
  const links: Array<{ caseNo: string; sha256: string }> = [];
  for (const row of legacy) {
    const hasAgent = row.agent_id_type !== null && row.agent_id_number !== null;
    copy.run({
      caseNo: row.case_no,
      applicantIndex: sealer.identityIndex(row.applicant_id_type, row.applicant_id_number),
      agentIndex: hasAgent ? sealer.identityIndex(row.agent_id_type ?? '', row.agent_id_number ?? '') : null,
      applicantBy: NOT_STATED,
      agentBy: hasAgent ? NOT_STATED : null,
      sealed: sealer.seal('applications.sealed_submission', row.case_no, Buffer.from(row.body, 'utf8')),
    });
    for (const sha256 of referencedMaterials(JSON.parse(row.body) as LegacySubmission))
      links.push({ caseNo: row.case_no, sha256 });
  }
  db.exec(`
    DROP TABLE applications;
    ALTER TABLE applications_v6 RENAME TO applications;
    CREATE INDEX applications_by_applicant ON applications (applicant_index);
    CREATE INDEX applications_by_agent ON applications (agent_index);
    CREATE INDEX applications_by_age ON applications (accepted_at);

    CREATE TABLE application_materials (
      case_no TEXT NOT NULL REFERENCES applications (case_no),
      sha256  TEXT NOT NULL CHECK (length(sha256) = 64),
      PRIMARY KEY (case_no, sha256)
    ) STRICT;
    CREATE INDEX application_materials_by_sha256 ON application_materials (sha256);
  `);
  const link = db.prepare('INSERT INTO application_materials (case_no, sha256) VALUES (?, ?)');
  for (const entry of links) link.run(entry.caseNo, entry.sha256);
}

interface LegacyAppointment {
  appointment_id: string;
  applicant_id_type: string;
  applicant_id_number: string;
  agent_id_type: string | null;
  agent_id_number: string | null;
  body: string;
}

function rebuildAppointments(db: Database.Database, sealer: PlatformSealer): void {
  // The masked name column goes too: it is derived from the sealed booking when shown.
  db.exec(`
    CREATE TABLE appointments_v6 (
      appointment_id   TEXT PRIMARY KEY,
      day              TEXT NOT NULL,
      seq              INTEGER NOT NULL CHECK (seq > 0),
      terminal_id      TEXT NOT NULL REFERENCES terminals (terminal_id),
      slot_id          TEXT NOT NULL,
      service_point_id TEXT NOT NULL,
      slot_day         TEXT NOT NULL,
      starts_at        TEXT NOT NULL,
      ends_at          TEXT NOT NULL,
      matter_code      TEXT NOT NULL,
      matter_version   INTEGER NOT NULL CHECK (matter_version > 0),
      matter_name      TEXT NOT NULL,
      applicant_index  TEXT NOT NULL CHECK (length(applicant_index) = 64),
      agent_index      TEXT CHECK (agent_index IS NULL OR length(agent_index) = 64),
      sealed_booking   BLOB NOT NULL,
      status           TEXT NOT NULL CHECK (status IN ('booked', 'checkedIn', 'cancelled', 'noShow')),
      booked_at        TEXT NOT NULL,
      checked_in_at    TEXT,
      cancelled_at     TEXT,
      cancel_reason    TEXT CHECK (cancel_reason IN ('residentRequest', 'cannotAttend', 'other')),
      ticket_id        TEXT REFERENCES tickets (ticket_id),
      CHECK ((status = 'checkedIn') = (checked_in_at IS NOT NULL AND ticket_id IS NOT NULL)),
      CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
      UNIQUE (day, seq)
    ) STRICT;
  `);
  const legacy = db
    .prepare(
      `SELECT appointment_id, applicant_id_type, applicant_id_number, agent_id_type, agent_id_number, body
       FROM appointments ORDER BY appointment_id`,
    )
    .all() as LegacyAppointment[];
  const copy = db.prepare(
    `INSERT INTO appointments_v6 (appointment_id, day, seq, terminal_id, slot_id, service_point_id, slot_day, starts_at,
       ends_at, matter_code, matter_version, matter_name, applicant_index, agent_index, sealed_booking, status,
       booked_at, checked_in_at, cancelled_at, cancel_reason, ticket_id)
     SELECT appointment_id, day, seq, terminal_id, slot_id, service_point_id, slot_day, starts_at, ends_at,
       matter_code, matter_version, matter_name, @applicantIndex, @agentIndex, @sealed, status, booked_at,
       checked_in_at, cancelled_at, cancel_reason, ticket_id
     FROM appointments WHERE appointment_id = @appointmentId`,
  );
  for (const row of legacy) {
    const hasAgent = row.agent_id_type !== null && row.agent_id_number !== null;
    copy.run({
      appointmentId: row.appointment_id,
      applicantIndex: sealer.identityIndex(row.applicant_id_type, row.applicant_id_number),
      agentIndex: hasAgent ? sealer.identityIndex(row.agent_id_type ?? '', row.agent_id_number ?? '') : null,
      sealed: sealer.seal('appointments.sealed_booking', row.appointment_id, Buffer.from(row.body, 'utf8')),
    });
  }
  db.exec(`
    DROP TABLE appointments;
    ALTER TABLE appointments_v6 RENAME TO appointments;
    CREATE INDEX appointments_by_slot ON appointments (slot_id, status);
    CREATE INDEX appointments_by_applicant ON appointments (applicant_index);
    CREATE INDEX appointments_by_agent ON appointments (agent_index);
    CREATE INDEX appointments_by_day ON appointments (slot_day);
  `);
}

/**
 * Ratings are the parent of work_orders, so both are rebuilt: the new work_orders points at the
 * new ratings, the old pair is dropped child first, and renaming the new ratings rewrites the
 * reference in the new work_orders (ALTER TABLE RENAME, legacy_alter_table off). Foreign keys
 * stay on throughout and are checked at the end.
 */
function rebuildRatings(db: Database.Database, sealer: PlatformSealer): void {
  db.exec(`
    CREATE TABLE ratings_v6 (
      rating_id       TEXT PRIMARY KEY,
      day             TEXT NOT NULL,
      seq             INTEGER NOT NULL CHECK (seq > 0),
      terminal_id     TEXT NOT NULL REFERENCES terminals (terminal_id),
      station_id      TEXT NOT NULL,
      subject_kind    TEXT NOT NULL
                      CHECK (subject_kind IN ('application', 'ticket', 'appointment', 'progressQuery', 'assistance')),
      subject_ref     TEXT NOT NULL,
      submitted_ref   TEXT NOT NULL,
      level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      options_version TEXT NOT NULL,
      sealed_rating   BLOB NOT NULL,
      rated_at        TEXT NOT NULL,
      accepted_at     TEXT NOT NULL,
      UNIQUE (subject_kind, subject_ref),
      UNIQUE (day, seq)
    ) STRICT;

    CREATE TABLE work_orders_v6 (
      work_order_no TEXT PRIMARY KEY,
      day           TEXT NOT NULL,
      seq           INTEGER NOT NULL CHECK (seq > 0),
      rating_id     TEXT NOT NULL UNIQUE REFERENCES ratings_v6 (rating_id),
      status        TEXT NOT NULL CHECK (status IN ('open', 'followedUp', 'closed')),
      follow_up_by  TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      UNIQUE (day, seq)
    ) STRICT;
  `);
  const legacy = db.prepare('SELECT rating_id AS ratingId, body FROM ratings ORDER BY rating_id').all() as Array<{
    ratingId: string;
    body: string;
  }>;
  const copy = db.prepare(
    `INSERT INTO ratings_v6 (rating_id, day, seq, terminal_id, station_id, subject_kind, subject_ref, submitted_ref,
       level, options_version, sealed_rating, rated_at, accepted_at)
     SELECT rating_id, day, seq, terminal_id, station_id, subject_kind, subject_ref, submitted_ref, level,
       options_version, @sealed, rated_at, accepted_at
     FROM ratings WHERE rating_id = @ratingId`,
  );
  for (const row of legacy) {
    copy.run({
      ratingId: row.ratingId,
      sealed: sealer.seal('ratings.sealed_rating', row.ratingId, Buffer.from(row.body, 'utf8')),
    });
  }
  db.exec(`
    INSERT INTO work_orders_v6 SELECT work_order_no, day, seq, rating_id, status, follow_up_by, created_at FROM work_orders;
    DROP TABLE work_orders;
    DROP TABLE ratings;
    ALTER TABLE ratings_v6 RENAME TO ratings;
    ALTER TABLE work_orders_v6 RENAME TO work_orders;
    CREATE INDEX ratings_by_age ON ratings (accepted_at);
  `);
}

function rebuildAssistanceRequests(db: Database.Database, sealer: PlatformSealer): void {
  // requested_at (the kiosk's own timestamp, part of the natural key) moves out of the body.
  db.exec(`
    CREATE TABLE assistance_requests_v6 (
      request_id     TEXT PRIMARY KEY,
      day            TEXT NOT NULL,
      seq            INTEGER NOT NULL CHECK (seq > 0),
      terminal_id    TEXT NOT NULL REFERENCES terminals (terminal_id),
      station_id     TEXT NOT NULL,
      kind           TEXT NOT NULL CHECK (kind IN ('callback', 'homeVisit', 'agentAtStation')),
      status         TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'inProgress', 'done', 'cancelled')),
      requested_at   TEXT NOT NULL,
      sealed_request BLOB NOT NULL,
      received_at    TEXT NOT NULL,
      updated_at     TEXT NOT NULL,
      UNIQUE (day, seq)
    ) STRICT;
  `);
  const legacy = db
    .prepare('SELECT request_id AS requestId, body FROM assistance_requests ORDER BY request_id')
    .all() as Array<{ requestId: string; body: string }>;
  const copy = db.prepare(
    `INSERT INTO assistance_requests_v6 (request_id, day, seq, terminal_id, station_id, kind, status, requested_at,
       sealed_request, received_at, updated_at)
     SELECT request_id, day, seq, terminal_id, station_id, kind, status, json_extract(body, '$.requestedAt'), @sealed,
       received_at, updated_at
     FROM assistance_requests WHERE request_id = @requestId`,
  );
  for (const row of legacy) {
    copy.run({
      requestId: row.requestId,
      sealed: sealer.seal('assistance_requests.sealed_request', row.requestId, Buffer.from(row.body, 'utf8')),
    });
  }
  db.exec(`
    DROP TABLE assistance_requests;
    ALTER TABLE assistance_requests_v6 RENAME TO assistance_requests;
    CREATE INDEX assistance_requests_by_update ON assistance_requests (updated_at);
  `);
}

/** Inspection reports name the inspector: staff are people too. */
function rebuildInspections(db: Database.Database, sealer: PlatformSealer): void {
  db.exec(`
    CREATE TABLE inspections_v6 (
      inspection_id TEXT PRIMARY KEY,
      day           TEXT NOT NULL,
      seq           INTEGER NOT NULL CHECK (seq > 0),
      terminal_id   TEXT NOT NULL REFERENCES terminals (terminal_id),
      outcome       TEXT NOT NULL CHECK (outcome IN ('normal', 'fixedOnSite', 'needsRepair')),
      sealed_report BLOB NOT NULL,
      received_at   TEXT NOT NULL,
      UNIQUE (day, seq)
    ) STRICT;
  `);
  const legacy = db
    .prepare('SELECT inspection_id AS inspectionId, body FROM inspections ORDER BY inspection_id')
    .all() as Array<{ inspectionId: string; body: string }>;
  const copy = db.prepare(
    `INSERT INTO inspections_v6 (inspection_id, day, seq, terminal_id, outcome, sealed_report, received_at)
     SELECT inspection_id, day, seq, terminal_id, outcome, @sealed, received_at
     FROM inspections WHERE inspection_id = @inspectionId`,
  );
  for (const row of legacy) {
    copy.run({
      inspectionId: row.inspectionId,
      sealed: sealer.seal('inspections.sealed_report', row.inspectionId, Buffer.from(row.body, 'utf8')),
    });
  }
  db.exec(`
    DROP TABLE inspections;
    ALTER TABLE inspections_v6 RENAME TO inspections;
  `);
}

/** One material at a time: scans are megabytes, and a county may hold many. */
function sealMaterials(db: Database.Database, sealer: PlatformSealer): void {
  db.exec('ALTER TABLE materials RENAME COLUMN bytes TO sealed_bytes');
  db.exec('CREATE INDEX materials_by_age ON materials (stored_at)');
  const names = db.prepare('SELECT sha256 FROM materials ORDER BY sha256').pluck().all() as string[];
  const read = db.prepare('SELECT sealed_bytes FROM materials WHERE sha256 = ?').pluck();
  const write = db.prepare('UPDATE materials SET sealed_bytes = ? WHERE sha256 = ?');
  for (const sha256 of names) {
    const plain = read.get(sha256) as Buffer;
    write.run(sealer.seal('materials.sealed_bytes', sha256, plain), sha256);
  }
}

function sealIdempotencyRecords(db: Database.Database, sealer: PlatformSealer): void {
  db.exec('ALTER TABLE idempotency_records RENAME COLUMN body TO sealed_body');
  const rows = db
    .prepare(
      'SELECT terminal_id AS terminalId, idem_key AS key, fingerprint, sealed_body AS body FROM idempotency_records',
    )
    .all() as Array<{ terminalId: string; key: string; fingerprint: string; body: Buffer }>;
  const write = db.prepare(
    'UPDATE idempotency_records SET fingerprint = ?, sealed_body = ? WHERE terminal_id = ? AND idem_key = ?',
  );
  for (const row of rows) {
    // The stored fingerprint was the plain sha256; the keyed one is the HMAC of that same digest.
    write.run(
      sealer.requestFingerprint(Buffer.from(row.fingerprint, 'hex')),
      // The record id the idempotency store seals under: terminal and key, joined by a newline.
      sealer.seal('idempotency_records.sealed_body', `${row.terminalId}\n${row.key}`, row.body),
      row.terminalId,
      row.key,
    );
  }
}

export const migration0006: Migration = {
  version: 6,
  name: 'sealed-personal-data',
  up(db, { sealer }) {
    db.exec(`
      CREATE TABLE data_key_check (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        key_check TEXT NOT NULL CHECK (length(key_check) = 64)
      ) STRICT;
    `);
    db.prepare('INSERT INTO data_key_check (id, key_check) VALUES (1, ?)').run(sealer.keyCheck);
    rebuildApplications(db, sealer);
    rebuildAppointments(db, sealer);
    rebuildRatings(db, sealer);
    rebuildAssistanceRequests(db, sealer);
    rebuildInspections(db, sealer);
    sealMaterials(db, sealer);
    sealIdempotencyRecords(db, sealer);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`foreign keys broken after rebuilding tables: ${JSON.stringify(broken)}`);
  },
};
