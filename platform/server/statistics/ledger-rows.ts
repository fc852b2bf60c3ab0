import { RATING_LEVEL_LABELS, type RatingLevel } from '../../contract/ratings';
import type { ConsoleUser } from '../../contract/console/users';
import type { ApplicationState } from '../../contract/console/statistics-views';
import type { SqlQueries } from '../db/sql';
import { maskName } from '../privacy/mask';
import type { PlatformSealer } from '../sealing/sealer';
import { openSubmission } from '../store/applications';
import { APPLICATION_STATE_NAMES, applicationStateSql } from './application-state';
import { inScope, type StatisticsScope } from './scope';
import { scopeParameters } from './figures';

/**
 * The 台账 of applications, one row per application of the range, in the columns a county
 * reports. Rows are read a page at a time by keyset ((day, seq) after the last one; written as
 * the range's lower bound moves to the last day, so SQLite seeks in the (day, seq) index instead of
 * scanning from the first day for every page, which made a year quadratic), so an export
 * never holds a cursor open across the awaits of a slow download (better-sqlite3 would refuse
 * every other statement of the platform meanwhile; on PostgreSQL each page is one statement on
 * whichever pooled connection is free) and never holds more than a page in memory.
 * Names are sealed in the application's submission: each row is opened on its own.
 */

export const LEDGER_HEADER = [
  '日期',
  '事项',
  '办件编号',
  '申请人',
  '渠道',
  '办理方式',
  '状态',
  '评价',
  '回访',
] as const;

export type LedgerRow = readonly [string, string, string, string, string, string, string, string, string];

/**
 * Who may see applicants' full names in a 台账: station staff, for their own station (they met the
 * resident and keep the paper 台账 of the station anyway). Admins export to report upward, where
 * a masked name (张*明) is enough to recognise a row and not enough to identify a person.
 */
export function showsFullNames(user: ConsoleUser, scope: StatisticsScope): boolean {
  return (
    user.role === 'stationStaff' &&
    user.scope.kind === 'station' &&
    scope.kind === 'station' &&
    scope.code === user.scope.stationId
  );
}

export const LEDGER_PAGE_SIZE = 500;

interface SourceRow {
  caseNo: string;
  day: string;
  seq: number;
  caseType: 'instant' | 'promised';
  promisedWorkingDays: number | null;
  deliveryMethod: 'pickUp' | 'mail';
  hasAgent: number;
  sealed: Buffer;
  state: ApplicationState;
  level: number | null;
  orderStatus: 'open' | 'followedUp' | 'closed' | null;
  callbackAt: string | null;
  callbackSatisfied: number | null;
  followUpBy: string | null;
}

function wayOfHandling(row: SourceRow): string {
  const kind = row.caseType === 'instant' ? '即办件' : `承诺件（${row.promisedWorkingDays ?? 0}个工作日）`;
  return `${kind}·${row.deliveryMethod === 'pickUp' ? '窗口领取' : '邮寄送达'}`;
}

function callback(row: SourceRow): string {
  if (row.orderStatus === null) return '';
  if (row.callbackAt !== null) {
    const satisfied = row.callbackSatisfied === 1 ? '满意' : '不满意';
    return `已回访（${satisfied}）${row.orderStatus === 'closed' ? '，已办结' : ''}`;
  }
  return `待回访（限${row.followUpBy ?? ''}前）`;
}

export interface LedgerSource {
  /** How many rows the export will have (counted before the first is written, for the audit). */
  readonly total: number;
  /** The next page of rows; empty when done. */
  nextPage(): Promise<LedgerRow[]>;
}

export async function ledgerSource(
  db: SqlQueries,
  sealer: PlatformSealer,
  scope: StatisticsScope,
  fullNames: boolean,
  now: Date,
): Promise<LedgerSource> {
  const params = scopeParameters(scope, now);
  const inStations = inScope(db.engine, 'a.station_id');
  const counted = await db.get<{ count: number }>(
    `SELECT count(*) AS count FROM applications a WHERE a.day BETWEEN :from AND :to AND ${inStations}`,
    params,
  );
  const total = counted?.count ?? 0;
  const page = `SELECT a.case_no AS "caseNo", a.day AS day, a.seq AS seq, a.case_type AS "caseType",
       a.promised_working_days AS "promisedWorkingDays", a.delivery_method AS "deliveryMethod",
       CASE WHEN a.agent_index IS NOT NULL THEN 1 ELSE 0 END AS "hasAgent", a.sealed_submission AS sealed,
       ${applicationStateSql(db.engine, 'a')} AS state,
       r.level AS level, w.status AS "orderStatus", w.callback_at AS "callbackAt",
       w.callback_satisfied AS "callbackSatisfied", w.follow_up_by AS "followUpBy"
     FROM applications a
     LEFT JOIN ratings r ON r.subject_kind = 'application' AND r.subject_ref = a.case_no
     LEFT JOIN work_orders w ON w.rating_id = r.rating_id
     WHERE a.day BETWEEN :lower AND :to AND ${inStations} AND (a.day > :afterDay OR a.seq > :afterSeq)
     ORDER BY a.day, a.seq LIMIT ${LEDGER_PAGE_SIZE}`;
  let after = { afterDay: '', afterSeq: 0 };
  return {
    total,
    nextPage: async () => {
      const lower = after.afterDay > params.from ? after.afterDay : params.from;
      const rows = await db.all<SourceRow>(page, { ...params, ...after, lower });
      const last = rows[rows.length - 1];
      if (last) after = { afterDay: last.day, afterSeq: last.seq };
      return rows.map((row): LedgerRow => {
        const submission = openSubmission(sealer, row.caseNo, row.sealed);
        const applicant = submission.applicant;
        const person = applicant.kind === 'naturalPerson' ? applicant.person.name : null;
        const name =
          person === null
            ? // An organisation's name is public (营业执照); its representative is not named here.
              applicant.kind === 'legalPerson'
              ? applicant.organisation.name
              : ''
            : fullNames
              ? person
              : maskName(person);
        return [
          row.day,
          submission.matter.matterName,
          row.caseNo,
          name,
          row.hasAgent ? '自助终端·代办' : '自助终端',
          wayOfHandling(row),
          APPLICATION_STATE_NAMES[row.state],
          row.level === null ? '' : RATING_LEVEL_LABELS[row.level as RatingLevel],
          callback(row),
        ];
      });
    },
  };
}
