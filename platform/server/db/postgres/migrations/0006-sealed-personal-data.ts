import type { PlatformSealer, SealPurpose } from '../../../sealing/sealer';
import type { SqlQueries } from '../../sql';
import type { PostgresMigration } from '../migration';

/**
 * PostgreSQL version 6; the same result as db/migrations/0006-sealed-personal-data.ts: residents'
 * bodies sealed into BYTEA columns, ID numbers replaced by keyed HMAC index columns, material
 * bytes and stored idempotent answers sealed in place, idempotency fingerprints keyed, and the
 * data key's check stored. Rows stored before this version are sealed here, inside the
 * migration's transaction, with the same purposes and record ids as on SQLite, so the store reads
 * them the same way. Applications stored before it did not say how people were identified: they
 * read `notStated`, which staff treat as not verified.
 *
 * SQLite has to rebuild these tables; PostgreSQL changes them in place (ADD COLUMN, fill, SET NOT
 * NULL, DROP COLUMN). Columns therefore end up in another order than on SQLite: the store names
 * every column it reads or writes, and the parity test (db/postgres/schema-parity.test.ts)
 * compares columns by name. A dropped column's bytes and an updated row's old version stay in the
 * table's files until VACUUM FULL rewrites them; PostgreSQL support began at version 10, so this
 * path only ever upgrades test databases, but an operator upgrading real data this way would run
 * VACUUM FULL on these tables afterwards.
 */

const NOT_STATED = 'notStated';

interface LegacySubmission {
  materials?: Array<{ pages?: Array<{ sha256?: string }> }>;
  agent?: { authorisation?: { materialSha256?: string | null } } | null;
}

/** The materials an application refers to; the same reading of the body as the SQLite migration. */
function referencedMaterials(body: LegacySubmission): Set<string> {
  const found = new Set<string>();
  for (const material of body.materials ?? [])
    for (const page of material.pages ?? []) if (page.sha256) found.add(page.sha256);
  const letter = body.agent?.authorisation?.materialSha256;
  if (letter) found.add(letter);
  return found;
}

interface LegacyIdentified {
  id: string;
  applicant_id_type: string;
  applicant_id_number: string;
  agent_id_type: string | null;
  agent_id_number: string | null;
  body: string;
}

function indexes(sealer: PlatformSealer, row: LegacyIdentified): { applicant: string; agent: string | null } {
  const hasAgent = row.agent_id_type !== null && row.agent_id_number !== null;
  return {
    applicant: sealer.identityIndex(row.applicant_id_type, row.applicant_id_number),
    agent: hasAgent ? sealer.identityIndex(row.agent_id_type ?? '', row.agent_id_number ?? '') : null,
  };
}

async function sealApplications(tx: SqlQueries, sealer: PlatformSealer): Promise<void> {
  await tx.exec(`
    DROP INDEX applications_by_applicant;
    DROP INDEX applications_by_agent;
    ALTER TABLE applications
      -- HMAC-SHA256 of (id type, id number) under a key derived from the data key.
      ADD COLUMN applicant_index TEXT CHECK (length(applicant_index) = 64),
      ADD COLUMN agent_index TEXT CHECK (agent_index IS NULL OR length(agent_index) = 64),
      -- IdentityEvidence of the contract, or 'notStated' (not a CHECK list, as on SQLite).
      ADD COLUMN applicant_identified_by TEXT CHECK (length(applicant_identified_by) > 0),
      ADD COLUMN agent_identified_by TEXT CHECK (agent_identified_by IS NULL OR length(agent_identified_by) > 0),
      ADD COLUMN sealed_submission BYTEA;
  `);
  const legacy = await tx.all<LegacyIdentified>(
    `SELECT case_no AS id, applicant_id_type, applicant_id_number, agent_id_type, agent_id_number, body
     FROM applications ORDER BY case_no`,
  );
  for (const row of legacy) {
    const index = indexes(sealer, row);
    await tx.run(
      `UPDATE applications SET applicant_index = :applicant, agent_index = :agent, applicant_identified_by = :applicantBy,
         agent_identified_by = :agentBy, sealed_submission = :sealed
       WHERE case_no = :caseNo`,
      {
        caseNo: row.id,
        applicant: index.applicant,
        agent: index.agent,
        applicantBy: NOT_STATED,
        agentBy: index.agent === null ? null : NOT_STATED,
        sealed: sealer.seal('applications.sealed_submission', row.id, Buffer.from(row.body, 'utf8')),
      },
    );
  }
  await tx.exec(`
    ALTER TABLE applications
      ALTER COLUMN applicant_index SET NOT NULL,
      ALTER COLUMN applicant_identified_by SET NOT NULL,
      ALTER COLUMN sealed_submission SET NOT NULL,
      DROP COLUMN applicant_id_type,
      DROP COLUMN applicant_id_number,
      DROP COLUMN agent_id_type,
      DROP COLUMN agent_id_number,
      DROP COLUMN body,
      ADD CHECK ((agent_index IS NULL) = (agent_identified_by IS NULL));
    CREATE INDEX applications_by_applicant ON applications (applicant_index);
    CREATE INDEX applications_by_agent ON applications (agent_index);
    CREATE INDEX applications_by_age ON applications (accepted_at);

    CREATE TABLE application_materials (
      case_no TEXT NOT NULL REFERENCES applications (case_no),
      sha256  TEXT NOT NULL CHECK (length(sha256) = 64),
      PRIMARY KEY (case_no, sha256)
    );
    CREATE INDEX application_materials_by_sha256 ON application_materials (sha256);
  `);
  for (const row of legacy) {
    for (const sha256 of referencedMaterials(JSON.parse(row.body) as LegacySubmission)) {
      await tx.run('INSERT INTO application_materials (case_no, sha256) VALUES (?, ?)', [row.id, sha256]);
    }
  }
}

async function sealAppointments(tx: SqlQueries, sealer: PlatformSealer): Promise<void> {
  await tx.exec(`
    DROP INDEX appointments_by_applicant;
    DROP INDEX appointments_by_agent;
    ALTER TABLE appointments
      ADD COLUMN applicant_index TEXT CHECK (length(applicant_index) = 64),
      ADD COLUMN agent_index TEXT CHECK (agent_index IS NULL OR length(agent_index) = 64),
      ADD COLUMN sealed_booking BYTEA;
  `);
  const legacy = await tx.all<LegacyIdentified>(
    `SELECT appointment_id AS id, applicant_id_type, applicant_id_number, agent_id_type, agent_id_number, body
     FROM appointments ORDER BY appointment_id`,
  );
  for (const row of legacy) {
    const index = indexes(sealer, row);
    await tx.run(
      `UPDATE appointments SET applicant_index = :applicant, agent_index = :agent, sealed_booking = :sealed
       WHERE appointment_id = :appointmentId`,
      {
        appointmentId: row.id,
        applicant: index.applicant,
        agent: index.agent,
        sealed: sealer.seal('appointments.sealed_booking', row.id, Buffer.from(row.body, 'utf8')),
      },
    );
  }
  // The masked name column goes too: it is derived from the sealed booking when shown.
  await tx.exec(`
    ALTER TABLE appointments
      ALTER COLUMN applicant_index SET NOT NULL,
      ALTER COLUMN sealed_booking SET NOT NULL,
      DROP COLUMN applicant_name_masked,
      DROP COLUMN applicant_id_type,
      DROP COLUMN applicant_id_number,
      DROP COLUMN agent_id_type,
      DROP COLUMN agent_id_number,
      DROP COLUMN body;
    CREATE INDEX appointments_by_applicant ON appointments (applicant_index);
    CREATE INDEX appointments_by_agent ON appointments (agent_index);
    CREATE INDEX appointments_by_day ON appointments (slot_day);
  `);
}

/**
 * Replaces a plaintext `body` column by a sealed BYTEA column, sealing every row under `purpose`
 * with the row's key as record id (what the store opens it with). Table and column names are
 * this file's constants, never input.
 */
async function sealBodies(
  tx: SqlQueries,
  sealer: PlatformSealer,
  target: {
    readonly table: string;
    readonly key: string;
    readonly column: string;
    readonly purpose: SealPurpose;
  },
): Promise<void> {
  const { table, key, column, purpose } = target;
  await tx.exec(`ALTER TABLE ${table} ADD COLUMN ${column} BYTEA`);
  const legacy = await tx.all<{ id: string; body: string }>(`SELECT ${key} AS id, body FROM ${table} ORDER BY ${key}`);
  for (const row of legacy) {
    await tx.run(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`, [
      sealer.seal(purpose, row.id, Buffer.from(row.body, 'utf8')),
      row.id,
    ]);
  }
  await tx.exec(`ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL, DROP COLUMN body`);
}

/** One material at a time: scans are megabytes, and a county may hold many. */
async function sealMaterials(tx: SqlQueries, sealer: PlatformSealer): Promise<void> {
  await tx.exec(`
    ALTER TABLE materials RENAME COLUMN bytes TO sealed_bytes;
    CREATE INDEX materials_by_age ON materials (stored_at);
  `);
  const names = await tx.all<{ sha256: string }>('SELECT sha256 FROM materials ORDER BY sha256');
  for (const { sha256 } of names) {
    const plain = await tx.get<{ bytes: Buffer }>('SELECT sealed_bytes AS bytes FROM materials WHERE sha256 = ?', [
      sha256,
    ]);
    if (plain === undefined) throw new Error(`material ${sha256} vanished during the migration`);
    await tx.run('UPDATE materials SET sealed_bytes = ? WHERE sha256 = ?', [
      sealer.seal('materials.sealed_bytes', sha256, plain.bytes),
      sha256,
    ]);
  }
}

async function sealIdempotencyRecords(tx: SqlQueries, sealer: PlatformSealer): Promise<void> {
  await tx.exec('ALTER TABLE idempotency_records RENAME COLUMN body TO sealed_body');
  const rows = await tx.all<{ terminalId: string; key: string; fingerprint: string; body: Buffer }>(
    'SELECT terminal_id AS "terminalId", idem_key AS key, fingerprint, sealed_body AS body FROM idempotency_records',
  );
  for (const row of rows) {
    await tx.run(
      'UPDATE idempotency_records SET fingerprint = ?, sealed_body = ? WHERE terminal_id = ? AND idem_key = ?',
      [
        // The stored fingerprint was the plain sha256; the keyed one is the HMAC of that same digest.
        sealer.requestFingerprint(Buffer.from(row.fingerprint, 'hex')),
        // The record id the idempotency store seals under: terminal and key, joined by a newline.
        sealer.seal('idempotency_records.sealed_body', `${row.terminalId}\n${row.key}`, row.body),
        row.terminalId,
        row.key,
      ],
    );
  }
}

export const postgresMigration0006: PostgresMigration = {
  version: 6,
  name: 'sealed-personal-data',
  async up(tx, { sealer }) {
    // One row, id 1: an identity would add nothing.
    await tx.exec(`
      CREATE TABLE data_key_check (
        id        BIGINT PRIMARY KEY CHECK (id = 1),
        key_check TEXT NOT NULL CHECK (length(key_check) = 64)
      );
    `);
    await tx.run('INSERT INTO data_key_check (id, key_check) VALUES (1, ?)', [sealer.keyCheck]);
    await sealApplications(tx, sealer);
    await sealAppointments(tx, sealer);
    await sealBodies(tx, sealer, {
      table: 'ratings',
      key: 'rating_id',
      column: 'sealed_rating',
      purpose: 'ratings.sealed_rating',
    });
    await tx.exec('CREATE INDEX ratings_by_age ON ratings (accepted_at)');
    // requested_at (the kiosk's own timestamp, part of the natural key) moves out of the body.
    await tx.exec(`
      ALTER TABLE assistance_requests ADD COLUMN requested_at TEXT;
      UPDATE assistance_requests SET requested_at = CAST(body AS JSON) ->> 'requestedAt';
      ALTER TABLE assistance_requests ALTER COLUMN requested_at SET NOT NULL;
      CREATE INDEX assistance_requests_by_update ON assistance_requests (updated_at);
    `);
    await sealBodies(tx, sealer, {
      table: 'assistance_requests',
      key: 'request_id',
      column: 'sealed_request',
      purpose: 'assistance_requests.sealed_request',
    });
    // Inspection reports name the inspector: staff are people too.
    await sealBodies(tx, sealer, {
      table: 'inspections',
      key: 'inspection_id',
      column: 'sealed_report',
      purpose: 'inspections.sealed_report',
    });
    await sealMaterials(tx, sealer);
    await sealIdempotencyRecords(tx, sealer);
  },
};
