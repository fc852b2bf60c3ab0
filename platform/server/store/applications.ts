import type Database from 'better-sqlite3';
import type {
  ApplicationAccepted,
  ApplicationSubmission,
  CaseProgress,
  CaseSearch,
  CaseSummary,
} from '../../contract/applications';
import type { Matter } from '../../contract/catalog';
import type { Applicant, Person } from '../../contract/common';
import { addWorkingDays, chinaDay, compactChinaDay } from '../time';
import { recordArrival } from './arrivals';
import { caseProgress, type CaseRecord } from './case-progress';
import { nextDaySequence } from './day-sequence';
import { findServicePoint } from './published';

/**
 * Applications (办件). The 办件编号 reads `<region>-<YYYYMMDD>-<NNNNNN>`: the catalog's region
 * code, the China day of acceptance and a sequence of that day. One application per (terminal,
 * localRef): a kiosk that sends the same application again under a new Idempotency-Key gets the
 * first answer back, not a second case.
 */

const RECEIPT_LINE_MAX = 48;

/** Who an application is for, as searchable identity: the person, or an organisation's representative. */
export function applicantPerson(applicant: Applicant): Person {
  return applicant.kind === 'naturalPerson' ? applicant.person : applicant.representative;
}

interface ApplicationRow {
  caseNo: string;
  localRef: string;
  caseType: 'instant' | 'promised';
  body: string;
  confirmedAt: string;
  acceptedAt: string;
  promisedBy: string | null;
}

const COLUMNS = `case_no AS caseNo, local_ref AS localRef, case_type AS caseType, body,
  confirmed_at AS confirmedAt, accepted_at AS acceptedAt, promised_by AS promisedBy`;

function pickUpPlace(db: Database.Database, submission: ApplicationSubmission): string | null {
  if (submission.delivery.method !== 'pickUp') return null;
  return findServicePoint(db, submission.delivery.servicePointId)?.name ?? null;
}

function receiptLines(
  db: Database.Database,
  submission: ApplicationSubmission,
  matter: Matter,
  promisedBy: string | null,
): string[] {
  const lines: string[] = [];
  if (promisedBy === null) lines.push('即办件: 已当场办结');
  else lines.push(`承诺${matter.promisedWorkingDays ?? 0}个工作日内办结(${promisedBy}前)`);
  if (submission.delivery.method === 'pickUp') {
    lines.push(`领取地点: ${pickUpPlace(db, submission) ?? submission.delivery.servicePointId}`);
  } else {
    lines.push('办结后邮寄到您填写的地址');
  }
  if (submission.bundle) {
    lines.push(`一件事: 第${submission.bundle.index + 1}项, 共${submission.bundle.count}项`);
  }
  lines.push('请保持电话畅通', '凭办件编号或身份证可查询办理进度');
  return lines.map((line) => line.slice(0, RECEIPT_LINE_MAX));
}

function accepted(row: ApplicationRow, lines: string[]): ApplicationAccepted {
  return {
    caseNo: row.caseNo,
    localRef: row.localRef,
    acceptedAt: row.acceptedAt,
    state: row.caseType === 'instant' ? 'completed' : 'accepted',
    promisedBy: row.promisedBy,
    receiptLines: lines,
  };
}

/** The earlier answer for this terminal's localRef, when it already sent the application. */
export function findAcceptedApplication(
  db: Database.Database,
  terminalId: string,
  localRef: string,
): ApplicationAccepted | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS}, receipt_lines AS lines FROM applications WHERE terminal_id = ? AND local_ref = ?`)
    .get(terminalId, localRef) as (ApplicationRow & { lines: string }) | undefined;
  return row && accepted(row, JSON.parse(row.lines) as string[]);
}

export function recordApplication(
  db: Database.Database,
  terminalId: string,
  submission: ApplicationSubmission,
  matter: Matter,
  regionCode: string,
  now: Date,
): ApplicationAccepted {
  const day = chinaDay(now);
  const seq = nextDaySequence(db, 'applications', day);
  const caseNo = `${regionCode}-${compactChinaDay(now)}-${String(seq).padStart(6, '0')}`;
  const promisedBy =
    matter.caseType === 'promised' && matter.promisedWorkingDays !== null
      ? addWorkingDays(chinaDay(new Date(submission.confirmedAt)), matter.promisedWorkingDays)
      : null;
  const person = applicantPerson(submission.applicant);
  const row: ApplicationRow = {
    caseNo,
    localRef: submission.localRef,
    caseType: promisedBy === null ? 'instant' : 'promised',
    body: JSON.stringify(submission),
    confirmedAt: submission.confirmedAt,
    acceptedAt: now.toISOString(),
    promisedBy,
  };
  const lines = receiptLines(db, submission, matter, promisedBy);
  db.prepare(
    `INSERT INTO applications (case_no, day, seq, terminal_id, station_id, local_ref, matter_code, matter_version,
       catalog_version, case_type, promised_working_days, delivery_method, applicant_id_type, applicant_id_number,
       agent_id_type, agent_id_number, bundle_ref, body, receipt_lines, confirmed_at, accepted_at, promised_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    caseNo,
    day,
    seq,
    terminalId,
    submission.stationId,
    submission.localRef,
    submission.matter.matterCode,
    submission.matter.matterVersion,
    submission.catalogVersion,
    row.caseType,
    promisedBy === null ? null : matter.promisedWorkingDays,
    submission.delivery.method,
    person.idType,
    person.idNumber,
    submission.agent?.person.idType ?? null,
    submission.agent?.person.idNumber ?? null,
    submission.bundle?.bundleRef ?? null,
    row.body,
    JSON.stringify(lines),
    row.confirmedAt,
    row.acceptedAt,
    promisedBy,
  );
  recordArrival(db, 'application', caseNo, now);
  return accepted(row, lines);
}

function toRecord(db: Database.Database, row: ApplicationRow): CaseRecord {
  const submission = JSON.parse(row.body) as ApplicationSubmission;
  return {
    caseNo: row.caseNo,
    matter: submission.matter,
    caseType: row.caseType,
    confirmedAt: row.confirmedAt,
    acceptedAt: row.acceptedAt,
    promisedBy: row.promisedBy,
    delivery: submission.delivery,
    pickUpPlace: pickUpPlace(db, submission),
  };
}

export function findCaseProgress(db: Database.Database, caseNo: string, now: Date): CaseProgress | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM applications WHERE case_no = ?`).get(caseNo) as
    ApplicationRow | undefined;
  return row && caseProgress(toRecord(db, row), now);
}

/** The person's cases as applicant (or legal representative) or as 经办人, newest first. */
export function searchCases(db: Database.Database, search: CaseSearch, now: Date): CaseSummary[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM applications
       WHERE ((applicant_id_number = ? AND applicant_id_type = ?) OR (agent_id_number = ? AND agent_id_type = ?))
         AND day >= ?
       ORDER BY accepted_at DESC, seq DESC`,
    )
    .all(
      search.idNumber,
      search.idType,
      search.idNumber,
      search.idType,
      search.since ?? '0000-00-00',
    ) as ApplicationRow[];
  return rows.map((row) => {
    const progress = caseProgress(toRecord(db, row), now);
    return {
      caseNo: progress.caseNo,
      matter: progress.matter,
      state: progress.state,
      stateName: progress.stateName,
      submittedAt: progress.submittedAt,
      promisedBy: progress.promisedBy,
    };
  });
}

/** For a rating: the 办件编号 of a case number, or of this terminal's localRef. */
export function resolveCaseRef(db: Database.Database, terminalId: string, ref: string): string | undefined {
  const byCaseNo = db.prepare('SELECT case_no FROM applications WHERE case_no = ?').pluck().get(ref);
  if (typeof byCaseNo === 'string') return byCaseNo;
  const byLocalRef = db
    .prepare('SELECT case_no FROM applications WHERE terminal_id = ? AND lower(local_ref) = lower(?)')
    .pluck()
    .get(terminalId, ref);
  return typeof byLocalRef === 'string' ? byLocalRef : undefined;
}

export function applicationRowCount(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM applications').pluck().get() as number;
}
