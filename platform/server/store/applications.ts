import type { SqlQueries } from '../db/sql';
import type {
  ApplicationAccepted,
  ApplicationSubmission,
  CaseProgress,
  CaseSearch,
  CaseSummary,
  DeliveryOnRecord,
} from '../../contract/applications';
import type { Matter } from '../../contract/catalog';
import type { Applicant, Person } from '../../contract/common';
import { maskName, maskPhone } from '../privacy/mask';
import type { PlatformSealer } from '../sealing/sealer';
import { addWorkingDays, chinaDay, compactChinaDay } from '../time';
import { recordArrival } from './arrivals';
import { caseProgress, type CaseRecord } from './case-progress';
import { nextDaySequence } from './day-sequence';
import { currentWorkingDays, findServicePoint } from './published';

/**
 * Applications (办件). The 办件编号 reads `<region>-<YYYYMMDD>-<NNNNNN>`: the catalog's region
 * code, the China day of acceptance and a sequence of that day. One application per (terminal,
 * localRef): a kiosk that sends the same application again under a new Idempotency-Key gets the
 * first answer back, not a second case. The UNIQUE (terminal_id, local_ref) constraint keeps that
 * when two instances receive the same application at once (recordApplication).
 *
 * The submission (names, numbers, phones, addresses, form values) is stored sealed; the people
 * are found by their keyed identity index, never by a stored number. How each person was
 * identified at the kiosk is kept in the clear: staff filter on it.
 */

const SEALED = 'applications.sealed_submission';

/** What the platform records when the kiosk did not say how a person was identified. */
export const NOT_STATED = 'notStated';

const RECEIPT_LINE_MAX = 48;

/** Who an application is for, as searchable identity: the person, or an organisation's representative. */
export function applicantPerson(applicant: Applicant): Person {
  return applicant.kind === 'naturalPerson' ? applicant.person : applicant.representative;
}

interface ApplicationRow {
  caseNo: string;
  localRef: string;
  caseType: 'instant' | 'promised';
  confirmedAt: string;
  acceptedAt: string;
  promisedBy: string | null;
}

interface SealedApplicationRow extends ApplicationRow {
  sealed: Buffer;
}

const COLUMNS = `case_no AS "caseNo", local_ref AS "localRef", case_type AS "caseType", sealed_submission AS sealed,
  confirmed_at AS "confirmedAt", accepted_at AS "acceptedAt", promised_by AS "promisedBy"`;

export function openSubmission(sealer: PlatformSealer, caseNo: string, sealed: Uint8Array): ApplicationSubmission {
  return sealer.openJson<ApplicationSubmission>(SEALED, caseNo, sealed);
}

/** Every sha256 an application refers to: material pages and the agent's 委托书, if captured. */
export function referencedMaterials(submission: ApplicationSubmission): string[] {
  const pages = submission.materials.flatMap((material) => material.pages.map((page) => page.sha256));
  const authorisation = submission.agent?.authorisation.materialSha256;
  return [...new Set(authorisation ? [...pages, authorisation] : pages)];
}

async function pickUpPlace(db: SqlQueries, submission: ApplicationSubmission): Promise<string | null> {
  if (submission.delivery.method !== 'pickUp') return null;
  return (await findServicePoint(db, submission.delivery.servicePointId))?.name ?? null;
}

/** A place the service map does not know is still said in words: a resident cannot read an id. */
export const UNKNOWN_PICK_UP_PLACE = '原受理服务站';

async function receiptLines(
  db: SqlQueries,
  submission: ApplicationSubmission,
  matter: Matter,
  promisedBy: string | null,
): Promise<string[]> {
  const lines: string[] = [];
  if (promisedBy === null) lines.push('即办件：已当场办结');
  else lines.push(`承诺${matter.promisedWorkingDays ?? 0}个工作日内办结（${promisedBy}前）`);
  if (submission.delivery.method === 'pickUp') {
    lines.push(`领取地点：${(await pickUpPlace(db, submission)) ?? UNKNOWN_PICK_UP_PLACE}`);
  } else {
    lines.push('办结后邮寄到您填写的地址');
  }
  if (submission.bundle) {
    lines.push(`一件事：第${submission.bundle.index + 1}项，共${submission.bundle.count}项`);
  }
  const licences = submission.licenceReferences?.length ?? 0;
  if (licences > 0) lines.push(`已提交电子证照${licences}项, 受理前由工作人员核验`);
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
export async function findAcceptedApplication(
  db: SqlQueries,
  terminalId: string,
  localRef: string,
): Promise<ApplicationAccepted | undefined> {
  const row = await db.get<ApplicationRow & { lines: string }>(
    `SELECT case_no AS "caseNo", local_ref AS "localRef", case_type AS "caseType", confirmed_at AS "confirmedAt",
       accepted_at AS "acceptedAt", promised_by AS "promisedBy", receipt_lines AS lines
     FROM applications WHERE terminal_id = ? AND local_ref = ?`,
    [terminalId, localRef],
  );
  return row && accepted(row, JSON.parse(row.lines) as string[]);
}

/**
 * Stores the application under the next 办件编号 of the day, or, when this terminal's localRef is
 * already stored, answers with that case instead (callers look first: findAcceptedApplication).
 * Call inside the transaction that stores the idempotent answer.
 */
export async function recordApplication(
  db: SqlQueries,
  sealer: PlatformSealer,
  terminalId: string,
  submission: ApplicationSubmission,
  matter: Matter,
  regionCode: string,
  now: Date,
): Promise<ApplicationAccepted> {
  const day = chinaDay(now);
  const seq = await nextDaySequence(db, 'applications', day);
  const caseNo = `${regionCode}-${compactChinaDay(now)}-${String(seq).padStart(6, '0')}`;
  const promisedBy =
    matter.caseType === 'promised' && matter.promisedWorkingDays !== null
      ? addWorkingDays(
          chinaDay(new Date(submission.confirmedAt)),
          matter.promisedWorkingDays,
          await currentWorkingDays(db),
        )
      : null;
  const person = applicantPerson(submission.applicant);
  const agent = submission.agent?.person ?? null;
  const row: ApplicationRow = {
    caseNo,
    localRef: submission.localRef,
    caseType: promisedBy === null ? 'instant' : 'promised',
    confirmedAt: submission.confirmedAt,
    acceptedAt: now.toISOString(),
    promisedBy,
  };
  const lines = await receiptLines(db, submission, matter, promisedBy);
  // One case per (terminal, localRef), kept by UNIQUE (terminal_id, local_ref), not by the look
  // the caller took before: two instances storing the same application at once both get past that
  // look. ON CONFLICT DO NOTHING makes the second wait for the first to commit and then insert
  // nothing (no error, so its transaction stays usable on PostgreSQL); it answers with the first
  // case, which its next statement sees at READ COMMITTED. The number it drew stays unused: case
  // numbers are unique and increasing, not gapless.
  const inserted = await db.get<{ caseNo: string }>(
    `INSERT INTO applications (case_no, day, seq, terminal_id, station_id, local_ref, matter_code, matter_version,
       catalog_version, case_type, promised_working_days, delivery_method, bundle_ref, applicant_index, agent_index,
       applicant_identified_by, agent_identified_by, sealed_submission, receipt_lines, confirmed_at, accepted_at,
       promised_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (terminal_id, local_ref) DO NOTHING
     RETURNING case_no AS "caseNo"`,
    [
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
      submission.bundle?.bundleRef ?? null,
      sealer.identityIndex(person.idType, person.idNumber),
      agent === null ? null : sealer.identityIndex(agent.idType, agent.idNumber),
      submission.identity?.applicant ?? NOT_STATED,
      agent === null ? null : (submission.identity?.agent ?? NOT_STATED),
      sealer.sealJson(SEALED, caseNo, submission),
      JSON.stringify(lines),
      row.confirmedAt,
      row.acceptedAt,
      promisedBy,
    ],
  );
  if (inserted === undefined) {
    const earlier = await findAcceptedApplication(db, terminalId, submission.localRef);
    if (!earlier) throw new Error(`application ${submission.localRef} conflicted but no stored case was found`);
    return earlier;
  }
  for (const sha256 of referencedMaterials(submission)) {
    await db.run('INSERT INTO application_materials (case_no, sha256) VALUES (?, ?)', [caseNo, sha256]);
  }
  await recordArrival(db, 'application', caseNo, now);
  return accepted(row, lines);
}

/**
 * Delivery as progress answers show it: any terminal may read a case by its number, and numbers
 * run in sequence, so a mailed result shows the recipient, phone and region masked.
 */
function deliveryOnRecord(submission: ApplicationSubmission): DeliveryOnRecord {
  const delivery = submission.delivery;
  if (delivery.method === 'pickUp') return delivery;
  const { regionCode, province, city, county } = delivery.address;
  return {
    method: 'mail',
    recipient: maskName(delivery.recipient),
    phone: maskPhone(delivery.phone),
    region: { regionCode, province, city, county },
  };
}

async function toRecord(db: SqlQueries, sealer: PlatformSealer, row: SealedApplicationRow): Promise<CaseRecord> {
  const submission = openSubmission(sealer, row.caseNo, row.sealed);
  return {
    caseNo: row.caseNo,
    matter: submission.matter,
    caseType: row.caseType,
    confirmedAt: row.confirmedAt,
    acceptedAt: row.acceptedAt,
    promisedBy: row.promisedBy,
    delivery: deliveryOnRecord(submission),
    pickUpPlace: await pickUpPlace(db, submission),
  };
}

export async function findCaseProgress(
  db: SqlQueries,
  sealer: PlatformSealer,
  caseNo: string,
  now: Date,
): Promise<CaseProgress | undefined> {
  const row = await db.get<SealedApplicationRow>(`SELECT ${COLUMNS} FROM applications WHERE case_no = ?`, [caseNo]);
  return row && caseProgress(await toRecord(db, sealer, row), now);
}

/** The person's cases as applicant (or legal representative) or as 经办人, newest first. */
export async function searchCases(
  db: SqlQueries,
  sealer: PlatformSealer,
  search: CaseSearch,
  now: Date,
): Promise<CaseSummary[]> {
  const index = sealer.identityIndex(search.idType, search.idNumber);
  const rows = await db.all<SealedApplicationRow>(
    `SELECT ${COLUMNS} FROM applications
     WHERE (applicant_index = ? OR agent_index = ?) AND day >= ?
     ORDER BY accepted_at DESC, seq DESC`,
    [index, index, search.since ?? '0000-00-00'],
  );
  const cases: CaseSummary[] = [];
  for (const row of rows) {
    const progress = caseProgress(await toRecord(db, sealer, row), now);
    cases.push({
      caseNo: progress.caseNo,
      matter: progress.matter,
      state: progress.state,
      stateName: progress.stateName,
      submittedAt: progress.submittedAt,
      promisedBy: progress.promisedBy,
    });
  }
  return cases;
}

/** For a rating: the 办件编号 of a case number, or of this terminal's localRef. */
export async function resolveCaseRef(db: SqlQueries, terminalId: string, ref: string): Promise<string | undefined> {
  const byCaseNo = await db.get<{ case_no: string }>('SELECT case_no FROM applications WHERE case_no = ?', [ref]);
  if (byCaseNo) return byCaseNo.case_no;
  const byLocalRef = await db.get<{ case_no: string }>(
    'SELECT case_no FROM applications WHERE terminal_id = ? AND lower(local_ref) = lower(?)',
    [terminalId, ref],
  );
  return byLocalRef?.case_no;
}

export async function applicationRowCount(db: SqlQueries): Promise<number> {
  const row = await db.get<{ count: number }>('SELECT count(*) AS count FROM applications');
  return row?.count ?? 0;
}
