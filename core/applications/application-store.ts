import type Database from 'better-sqlite3';
import { bookkeepingWrite } from '../store/bookkeeping-write';
import { ApplicationAccepted, type Delivery, type FormValues } from '../../platform/contract/applications';
import type { Agent, Applicant, MatterRef } from '../../platform/contract/common';
import type { PrintResult } from '../api/resident';
import type { DataSealer } from '../outbox/data-sealer';
import type { OutboxState } from '../outbox/outbox-store';

/**
 * The application tables (migration 0007): rows map to types here and nowhere else. Personal data
 * is sealed in `sealed_people` and `sealed_form`; the 办件编号 of each matter is the platform's
 * answer stored on its outbox row, read through a join so it is there as soon as delivery stored it.
 */

export interface StoredMatter {
  readonly index: number;
  readonly submissionRef: string;
  readonly matter: MatterRef;
  readonly promisedWorkingDays: number | null;
  readonly outboxId: number;
  readonly outboxState: OutboxState;
  /** From the platform's answer; null until delivered. */
  readonly accepted: ApplicationAccepted | null;
}

export interface StoredApplication {
  readonly localRef: string;
  readonly confirmationId: string;
  readonly lifeEventId: string | null;
  readonly catalogVersion: string;
  readonly submittedAt: string;
  readonly offline: boolean;
  readonly deliveryMethod: Delivery['method'];
  readonly matters: readonly StoredMatter[];
  /** Null until the receipt went to paper or screen (or the kiosk stopped before printing). */
  readonly print: PrintResult | null;
}

export interface SealedPeople {
  readonly applicant: Applicant;
  readonly agent: Agent | null;
}

export interface SealedForm {
  readonly form: FormValues;
  readonly delivery: Delivery;
}

export type ApplicationStatus = 'delivered' | 'savedOffline' | 'refused';

interface ApplicationRow {
  local_ref: string;
  confirmation_id: string;
  life_event_id: string | null;
  catalog_version: string;
  submitted_at: string;
  offline: number;
  delivery_method: Delivery['method'];
  print_output: PrintResult['output'] | null;
  print_problem: PrintResult['problem'];
}

interface MatterRow {
  idx: number;
  submission_ref: string;
  matter_code: string;
  matter_version: number;
  matter_name: string;
  promised_working_days: number | null;
  outbox_id: number;
  state: OutboxState;
  response: string | null;
}

export function localRefOfConfirmation(db: Database.Database, confirmationId: string): string | null {
  const row = db.prepare('SELECT local_ref FROM application WHERE confirmation_id = ?').pluck().get(confirmationId);
  return typeof row === 'string' ? row : null;
}

export function loadApplication(db: Database.Database, localRef: string): StoredApplication | null {
  const row = db
    .prepare(
      `SELECT local_ref, confirmation_id, life_event_id, catalog_version, submitted_at, offline, delivery_method,
         print_output, print_problem
       FROM application WHERE local_ref = ?`,
    )
    .get(localRef) as ApplicationRow | undefined;
  if (!row) return null;
  const matters = db
    .prepare(
      `SELECT m.idx, m.submission_ref, m.matter_code, m.matter_version, m.matter_name, m.promised_working_days,
         m.outbox_id, o.state, o.response
       FROM application_matter m JOIN outbox o ON o.id = m.outbox_id
       WHERE m.local_ref = ? ORDER BY m.idx`,
    )
    .all(localRef) as MatterRow[];
  return {
    localRef: row.local_ref,
    confirmationId: row.confirmation_id,
    lifeEventId: row.life_event_id,
    catalogVersion: row.catalog_version,
    submittedAt: row.submitted_at,
    offline: row.offline === 1,
    deliveryMethod: row.delivery_method,
    matters: matters.map(toStoredMatter),
    print: row.print_output === null ? null : { output: row.print_output, problem: row.print_problem },
  };
}

function toStoredMatter(row: MatterRow): StoredMatter {
  return {
    index: row.idx,
    submissionRef: row.submission_ref,
    matter: { matterCode: row.matter_code, matterVersion: row.matter_version, matterName: row.matter_name },
    promisedWorkingDays: row.promised_working_days,
    outboxId: row.outbox_id,
    outboxState: row.state,
    accepted: row.state === 'sent' ? acceptedOf(row.response) : null,
  };
}

/** The platform's answer as stored; an off-contract answer counts as "no case number yet". */
function acceptedOf(response: string | null): ApplicationAccepted | null {
  if (response === null) return null;
  const parsed = ApplicationAccepted.safeParse(JSON.parse(response));
  return parsed.success ? parsed.data : null;
}

export function statusOf(application: StoredApplication): ApplicationStatus {
  if (application.matters.some((m) => m.outboxState === 'deadLetter')) return 'refused';
  return application.matters.every((m) => m.outboxState === 'sent') ? 'delivered' : 'savedOffline';
}

/**
 * Where the receipt went. Bookkeeping (core/store/bookkeeping-write.ts): lost in a power cut, the
 * receipt is only printed again if the same submission is ever answered again.
 */
export function recordPrint(db: Database.Database, localRef: string, print: PrintResult): void {
  bookkeepingWrite(db, () =>
    db
      .prepare('UPDATE application SET print_output = ?, print_problem = ? WHERE local_ref = ?')
      .run(print.output, print.problem, localRef),
  );
}

/** The latest application of a person at this kiosk (by the keyed hash of their ID number). */
export function latestOfApplicant(
  db: Database.Database,
  sealer: DataSealer,
  applicantKey: string,
): { submittedAt: string; form: SealedForm } | null {
  const row = db
    .prepare(
      `SELECT submitted_at, sealed_form FROM application WHERE applicant_key = ?
       ORDER BY submitted_at DESC, rowid DESC LIMIT 1`,
    )
    .get(applicantKey) as { submitted_at: string; sealed_form: Buffer } | undefined;
  if (!row) return null;
  // Written by commitApplication from validated values and sealed (authenticated) since.
  const form = JSON.parse(sealer.open(row.sealed_form).toString('utf8')) as SealedForm;
  return { submittedAt: row.submitted_at, form };
}

export interface ApplicationRef {
  readonly localRef: string;
  readonly caseNo: string | null;
  readonly matterName: string;
  readonly submittedAt: string;
  readonly status: ApplicationStatus;
}

/**
 * For the progress lookup: an application by its local reference (the UUID, or the 8-character
 * short form printed on the receipt), by one of its matters' submission references, or by the
 * 办件编号 the platform gave it. A bundle found by its local reference answers its first matter;
 * found by a case number or submission reference, that matter.
 */
export function applicationByRef(db: Database.Database, ref: string): ApplicationRef | null {
  const trimmed = ref.trim();
  const lower = trimmed.toLowerCase();
  const found = db
    .prepare(
      `SELECT m.local_ref, m.idx FROM application_matter m JOIN outbox o ON o.id = m.outbox_id
       JOIN application a ON a.local_ref = m.local_ref
       WHERE (m.local_ref = @lower AND m.idx = 0)
          OR m.submission_ref = @lower
          OR (o.state = 'sent' AND json_extract(o.response, '$.caseNo') = @ref)
          OR (length(@lower) = 8 AND substr(m.local_ref, 1, 8) = @lower AND m.idx = 0)
       ORDER BY a.submitted_at DESC LIMIT 1`,
    )
    .get({ lower, ref: trimmed }) as { local_ref: string; idx: number } | undefined;
  if (!found) return null;
  const application = loadApplication(db, found.local_ref);
  const matter = application?.matters.find((m) => m.index === found.idx);
  if (!application || !matter) return null;
  return {
    localRef: application.localRef,
    caseNo: matter.accepted?.caseNo ?? null,
    matterName: matter.matter.matterName,
    submittedAt: application.submittedAt,
    status: statusOf(application),
  };
}

/** The short local reference printed on a receipt and typed at the progress lookup. */
export const shortLocalRef = (localRef: string) => localRef.slice(0, 8).toUpperCase();
