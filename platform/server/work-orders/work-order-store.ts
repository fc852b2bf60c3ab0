import type {
  CallbackRecord,
  WorkOrderClosedAs,
  WorkOrderDetail,
  WorkOrderStatus,
  WorkOrderSummary,
} from '../../contract/console/work-order-views';
import { RATING_LEVEL_LABELS, type RatingLevel, type RatingSubmission } from '../../contract/ratings';
import type { WorkingDays } from '../../contract/working-days';
import { err, ok, type Result } from '../../../core/pure/result';
import type { SqlQueries } from '../db/sql';
import type { PlatformSealer } from '../sealing/sealer';
import { ratingOptionsVersion } from '../store/published';
import { chinaDay } from '../time';

/**
 * 差评 work orders as staff work them (the states and rules: platform/contract/console/
 * work-order-views.ts). Each step is one conditional UPDATE whose WHERE holds the step's whole
 * precondition, so two staff (on one platform instance or two) recording the same step at once
 * cannot both succeed: on PostgreSQL the second UPDATE waits for the first's row lock and then
 * re-checks its WHERE on the committed row (READ COMMITTED), on SQLite writers take turns; the
 * row count tells the loser, who gets a conflict. Notes are sealed (they name people and what was said);
 * the rating they follow up is unsealed only for the detail view.
 */

export interface WorkOrderRow {
  readonly workOrderNo: string;
  readonly day: string;
  readonly status: WorkOrderStatus;
  readonly followUpBy: string;
  readonly createdAt: string;
  readonly ratingId: string;
  readonly stationId: string;
  readonly terminalId: string;
  readonly level: number;
  readonly subjectKind: WorkOrderSummary['subjectKind'];
  readonly sealedRating: Buffer;
  readonly callbackAt: string | null;
  readonly callbackSatisfied: number | null;
  readonly callbackBy: string | null;
  readonly sealedCallbackNote: Buffer | null;
  readonly rectifiedAt: string | null;
  readonly rectifiedBy: string | null;
  readonly sealedRectification: Buffer | null;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
}

const SELECT = `
  SELECT w.work_order_no AS "workOrderNo", w.day, w.status, w.follow_up_by AS "followUpBy",
         w.created_at AS "createdAt", r.rating_id AS "ratingId", r.station_id AS "stationId",
         r.terminal_id AS "terminalId", r.level, r.subject_kind AS "subjectKind", r.sealed_rating AS "sealedRating",
         w.callback_at AS "callbackAt", w.callback_satisfied AS "callbackSatisfied", cb.display_name AS "callbackBy",
         w.sealed_callback_note AS "sealedCallbackNote", w.rectified_at AS "rectifiedAt",
         rb.display_name AS "rectifiedBy", w.sealed_rectification AS "sealedRectification",
         w.closed_at AS "closedAt", cl.display_name AS "closedBy"
  FROM work_orders w
  JOIN ratings r ON r.rating_id = w.rating_id
  LEFT JOIN console_users cb ON cb.user_id = w.callback_by
  LEFT JOIN console_users rb ON rb.user_id = w.rectified_by
  LEFT JOIN console_users cl ON cl.user_id = w.closed_by`;

export interface WorkOrderFilter {
  readonly status?: WorkOrderStatus;
  readonly stationId?: string;
  /** Created on or after / on or before these China days. */
  readonly from?: string;
  readonly to?: string;
}

export function findWorkOrders(db: SqlQueries, filter: WorkOrderFilter): Promise<WorkOrderRow[]> {
  const where: string[] = [];
  const args: string[] = [];
  if (filter.status) {
    where.push('w.status = ?');
    args.push(filter.status);
  }
  if (filter.stationId) {
    where.push('r.station_id = ?');
    args.push(filter.stationId);
  }
  if (filter.from) {
    where.push('w.day >= ?');
    args.push(filter.from);
  }
  if (filter.to) {
    where.push('w.day <= ?');
    args.push(filter.to);
  }
  const clause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  return db.all<WorkOrderRow>(`${SELECT}${clause} ORDER BY w.follow_up_by, w.work_order_no`, args);
}

export function findWorkOrder(db: SqlQueries, workOrderNo: string): Promise<WorkOrderRow | undefined> {
  return db.get<WorkOrderRow>(`${SELECT} WHERE w.work_order_no = ?`, [workOrderNo]);
}

/** No callback by the end of the due day (China days: the due day itself is still in time). */
export function isOverdue(row: Pick<WorkOrderRow, 'callbackAt' | 'followUpBy'>, today: string): boolean {
  return row.callbackAt === null && today > row.followUpBy;
}

export function isLate(row: Pick<WorkOrderRow, 'callbackAt' | 'followUpBy'>): boolean {
  return row.callbackAt !== null && chinaDay(new Date(row.callbackAt)) > row.followUpBy;
}

/** A fix recorded, or closed on a satisfied callback: the 差评 was answered (整改率's numerator). */
export function isRectified(row: Pick<WorkOrderRow, 'rectifiedAt' | 'closedAt' | 'callbackSatisfied'>): boolean {
  return row.rectifiedAt !== null || (row.closedAt !== null && row.callbackSatisfied === 1);
}

export function closedAs(row: Pick<WorkOrderRow, 'rectifiedAt' | 'closedAt'>): WorkOrderClosedAs | null {
  if (row.closedAt === null) return null;
  return row.rectifiedAt !== null ? 'fixed' : 'noFixNeeded';
}

function openRating(sealer: PlatformSealer, row: WorkOrderRow): RatingSubmission {
  return sealer.openJson<RatingSubmission>('ratings.sealed_rating', row.ratingId, row.sealedRating);
}

export function summarize(
  sealer: PlatformSealer,
  row: WorkOrderRow,
  stationName: string,
  today: string,
  days: WorkingDays,
): WorkOrderSummary {
  const rating = openRating(sealer, row);
  let workingDaysLeft: number | null = null;
  if (row.callbackAt === null)
    workingDaysLeft =
      today <= row.followUpBy
        ? days.workingDaysBetween(today, row.followUpBy)
        : -days.workingDaysBetween(row.followUpBy, today);
  return {
    workOrderNo: row.workOrderNo,
    stationId: row.stationId,
    stationName,
    createdAt: row.createdAt,
    level: row.level,
    subjectKind: row.subjectKind,
    matterName: rating.matter?.matterName ?? null,
    status: row.status,
    followUpBy: row.followUpBy,
    workingDaysLeft,
    overdue: isOverdue(row, today),
    late: isLate(row),
    callbackAt: row.callbackAt,
    callbackSatisfied: row.callbackSatisfied === null ? null : row.callbackSatisfied === 1,
    rectifiedAt: row.rectifiedAt,
    closedAt: row.closedAt,
  };
}

export async function detail(
  db: SqlQueries,
  sealer: PlatformSealer,
  row: WorkOrderRow,
  summary: WorkOrderSummary,
): Promise<WorkOrderDetail> {
  const rating = openRating(sealer, row);
  const offered = (await ratingOptionsVersion(db, rating.optionsVersion))?.levels.find(
    (entry) => entry.level === row.level,
  );
  const label = (code: string) => offered?.options.find((option) => option.code === code)?.label ?? code;
  const callbackNote =
    row.sealedCallbackNote === null
      ? null
      : sealer.openJson<string>('work_orders.sealed_callback_note', row.workOrderNo, row.sealedCallbackNote);
  const fixText =
    row.sealedRectification === null
      ? ''
      : sealer.openJson<string>('work_orders.sealed_rectification', row.workOrderNo, row.sealedRectification);
  const kind = closedAs(row);
  return {
    summary,
    rating: {
      ratingId: row.ratingId,
      level: row.level,
      levelLabel: RATING_LEVEL_LABELS[row.level as RatingLevel],
      options: rating.optionCodes.map((code) => ({ code, label: label(code) })),
      comment: rating.comment ?? null,
      matter: rating.matter,
      subject: rating.subject,
      evaluator: rating.evaluator,
      callbackPhone: rating.callbackPhone ?? null,
      ratedAt: rating.ratedAt,
      terminalId: row.terminalId,
    },
    callback:
      row.callbackAt === null
        ? null
        : {
            at: row.callbackAt,
            satisfied: row.callbackSatisfied === 1,
            by: row.callbackBy ?? '',
            note: callbackNote,
          },
    fix: row.rectifiedAt === null ? null : { at: row.rectifiedAt, by: row.rectifiedBy ?? '', text: fixText },
    closing:
      row.closedAt === null || kind === null ? null : { at: row.closedAt, by: row.closedBy ?? '', closedAs: kind },
  };
}

export type StepRefusal = { readonly kind: 'conflict' | 'invalid'; readonly detail: string };

/** A callback may be noted a few minutes ahead of the platform's clock (a staff PC's clock drifts). */
const CLOCK_SLACK_MS = 5 * 60 * 1000;

const MINUTE_MS = 60_000;

export async function recordCallback(
  db: SqlQueries,
  sealer: PlatformSealer,
  row: WorkOrderRow,
  callback: CallbackRecord,
  userRowId: number,
  now: Date,
): Promise<Result<void, StepRefusal>> {
  const at = new Date(callback.at);
  if (at.getTime() > now.getTime() + CLOCK_SLACK_MS)
    return err({ kind: 'invalid', detail: 'the callback time is in the future' });
  // The form takes the time to the minute: a callback in the minute the 差评 arrived is not before it.
  if (at.getTime() < Math.floor(new Date(row.createdAt).getTime() / MINUTE_MS) * MINUTE_MS)
    return err({ kind: 'invalid', detail: 'the callback time is before the work order was created' });
  // Only an open order without a callback takes one: of two at once, one changes the row.
  const { changes: changed } = await db.run(
    `UPDATE work_orders SET status = 'followedUp', callback_at = ?, callback_satisfied = ?, callback_by = ?,
       sealed_callback_note = ?
     WHERE work_order_no = ? AND status = 'open' AND callback_at IS NULL`,
    [
      at.toISOString(),
      callback.satisfied ? 1 : 0,
      userRowId,
      sealer.sealJson('work_orders.sealed_callback_note', row.workOrderNo, callback.note),
      row.workOrderNo,
    ],
  );
  return changed === 1
    ? ok(undefined)
    : err({ kind: 'conflict', detail: 'the callback is already recorded (or the work order is closed)' });
}

export async function recordFix(
  db: SqlQueries,
  sealer: PlatformSealer,
  row: WorkOrderRow,
  text: string,
  userRowId: number,
  now: Date,
): Promise<Result<void, StepRefusal>> {
  // One fix per order, never after closing: of two at once, one changes the row.
  const { changes: changed } = await db.run(
    `UPDATE work_orders SET rectified_at = ?, rectified_by = ?, sealed_rectification = ?
     WHERE work_order_no = ? AND status <> 'closed' AND rectified_at IS NULL`,
    [
      now.toISOString(),
      userRowId,
      sealer.sealJson('work_orders.sealed_rectification', row.workOrderNo, text),
      row.workOrderNo,
    ],
  );
  return changed === 1
    ? ok(undefined)
    : err({ kind: 'conflict', detail: 'the fix is already recorded (or the work order is closed)' });
}

export async function closeWorkOrder(
  db: SqlQueries,
  row: WorkOrderRow,
  userRowId: number,
  now: Date,
): Promise<Result<WorkOrderClosedAs, StepRefusal>> {
  if (row.status === 'closed') return err({ kind: 'conflict', detail: 'the work order is already closed' });
  if (row.callbackAt === null) return err({ kind: 'conflict', detail: 'record the callback (回访) before closing' });
  if (row.rectifiedAt === null && row.callbackSatisfied !== 1)
    return err({
      kind: 'conflict',
      detail: 'the resident was not satisfied at the callback: record the fix (整改) before closing',
    });
  // The checks above read `row`, which another instance may have changed since: the WHERE repeats
  // them on the row as it is now, so only a called-back order that may close is closed, and only
  // once. RETURNING tells how it closed (a fix may have been recorded since `row` was read).
  const closed = await db.get<{ rectifiedAt: string | null }>(
    `UPDATE work_orders SET status = 'closed', closed_at = ?, closed_by = ?
     WHERE work_order_no = ? AND status = 'followedUp' AND callback_at IS NOT NULL
       AND (rectified_at IS NOT NULL OR callback_satisfied = 1)
     RETURNING rectified_at AS "rectifiedAt"`,
    [now.toISOString(), userRowId, row.workOrderNo],
  );
  if (!closed) return err({ kind: 'conflict', detail: 'the work order changed meanwhile; reload it' });
  return ok(closed.rectifiedAt !== null ? 'fixed' : 'noFixNeeded');
}
