import { z } from 'zod';
import { IsoDate, IsoDateTime, MatterRef, PhoneNumber, StationId } from '../common';
import { RatingLevel, RatingSubject } from '../ratings';
import { CalendarYear, PublicHoliday } from '../work-calendar';
import { TownshipCode } from './users';

/**
 * What the console shows of 差评 work orders (docs/console.md): every 不满意 / 非常不满意 rating
 * is one, due 15 working days after the platform received the rating (follow_up_by, counted on
 * the published working calendar). Staff record the callback (回访), the fix (整改), then close:
 *
 *   open ──callback──▶ followedUp ──close──▶ closed
 *
 * - The callback is recorded once (when it happened, whether the resident was satisfied, a note).
 * - The fix can be recorded before or after the callback, once, until the order is closed.
 * - Closing needs the callback, and either the fix or a satisfied callback ("no fix needed":
 *   the resident was satisfied with the explanation, so there is nothing to put right).
 * - Overdue: the callback was not recorded by the end of the due day (a callback recorded later
 *   still leaves the order `late`). 回访 is what the 15 working days are for; the fix may follow.
 */

export const WorkOrderNo = z.string().regex(/^WO-[0-9]{8}-[0-9]{4,6}$/, 'WO-YYYYMMDD-NNNN');
export const WorkOrderStatus = z
  .enum(['open', 'followedUp', 'closed'])
  .meta({ id: 'WorkOrderStatus', description: 'open → followedUp (callback recorded) → closed.' });
export type WorkOrderStatus = z.infer<typeof WorkOrderStatus>;

export const WorkOrderClosedAs = z
  .enum(['fixed', 'noFixNeeded'])
  .describe('fixed: a fix was recorded; noFixNeeded: closed on a satisfied callback without a fix');
export type WorkOrderClosedAs = z.infer<typeof WorkOrderClosedAs>;

const Note = z.string().trim().min(1).max(500);
const StaffName = z.string().max(32);

export const WorkOrderSummary = z
  .strictObject({
    workOrderNo: WorkOrderNo,
    stationId: StationId,
    stationName: z.string().max(64),
    createdAt: IsoDateTime,
    level: RatingLevel,
    subjectKind: RatingSubject.shape.kind,
    matterName: z.string().max(128).nullable(),
    status: WorkOrderStatus,
    followUpBy: IsoDate,
    /** Working days left until the due day (0 on the due day); negative once overdue. Null once called back. */
    workingDaysLeft: z.number().int().nullable(),
    overdue: z.boolean().describe('no callback by the end of the due day'),
    late: z.boolean().describe('the callback was recorded after the due day'),
    callbackAt: IsoDateTime.nullable(),
    callbackSatisfied: z.boolean().nullable(),
    rectifiedAt: IsoDateTime.nullable(),
    closedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'WorkOrderSummary', description: 'One 差评 work order in the list.' });
export type WorkOrderSummary = z.infer<typeof WorkOrderSummary>;

export const WorkOrderRatingView = z.strictObject({
  ratingId: z.string().max(64),
  level: RatingLevel,
  levelLabel: z.string().max(8),
  options: z.array(z.strictObject({ code: z.string().max(40), label: z.string().max(32) })),
  comment: z.string().max(300).nullable(),
  matter: MatterRef.nullable(),
  subject: RatingSubject,
  evaluator: z.enum(['applicant', 'agent']),
  callbackPhone: PhoneNumber.nullable().describe('the phone the resident left for the callback'),
  ratedAt: IsoDateTime,
  terminalId: z.string().max(64),
});

export const WorkOrderDetail = z
  .strictObject({
    summary: WorkOrderSummary,
    rating: WorkOrderRatingView,
    callback: z
      .strictObject({ at: IsoDateTime, satisfied: z.boolean(), by: StaffName, note: Note.nullable() })
      .nullable(),
    fix: z.strictObject({ at: IsoDateTime, by: StaffName, text: z.string().max(1000) }).nullable(),
    closing: z.strictObject({ at: IsoDateTime, by: StaffName, closedAs: WorkOrderClosedAs }).nullable(),
  })
  .meta({ id: 'WorkOrderDetail', description: 'A work order with the rating it follows up (unsealed for staff).' });
export type WorkOrderDetail = z.infer<typeof WorkOrderDetail>;

export const WorkOrderQuery = z
  .object({
    status: WorkOrderStatus.optional(),
    overdue: z.enum(['true', 'false']).optional().describe('true: only overdue ones; false: only those in time'),
    station: StationId.optional(),
    from: IsoDate.optional().describe('created on or after this China day'),
    to: IsoDate.optional().describe('created on or before this China day'),
  })
  .meta({ id: 'WorkOrderQuery', description: 'Filters of the work-order list.' });

export const WorkOrderList = z
  .strictObject({ workOrders: z.array(WorkOrderSummary), truncated: z.boolean() })
  .meta({ id: 'WorkOrderList', description: 'Work orders the user may see, overdue first, then by due day.' });
export type WorkOrderList = z.infer<typeof WorkOrderList>;

export const WorkOrderPathParams = z.object({ workOrderNo: WorkOrderNo });

export const CallbackRecord = z.strictObject({ at: IsoDateTime, satisfied: z.boolean(), note: Note }).meta({
  id: 'CallbackRecord',
  description: 'The 回访: when it happened, whether the resident was satisfied, a note.',
});
export type CallbackRecord = z.infer<typeof CallbackRecord>;

export const FixRecord = z
  .strictObject({ text: z.string().trim().min(1).max(1000) })
  .meta({ id: 'FixRecord', description: 'The 整改: what was done.' });
export type FixRecord = z.infer<typeof FixRecord>;

export const WorkOrderKpiQuery = z
  .object({ from: IsoDate, to: IsoDate, station: StationId.optional() })
  .meta({ id: 'WorkOrderKpiQuery', description: 'Work orders created from `from` to `to` (China days, inclusive).' });

export const WorkOrderKpi = z
  .strictObject({
    created: z.number().int().min(0),
    calledBack: z.number().int().min(0),
    /** calledBack / created; null when nothing was created. */
    callbackRate: z.number().min(0).max(1).nullable(),
    rectified: z.number().int().min(0).describe('a fix recorded, or closed on a satisfied callback'),
    /** rectified / created: every 差评 needs a fix or a satisfied resident. */
    rectificationRate: z.number().min(0).max(1).nullable(),
    closed: z.number().int().min(0),
    overdue: z.number().int().min(0).describe('no callback, past the due day'),
    late: z.number().int().min(0).describe('called back after the due day'),
  })
  .meta({ id: 'WorkOrderKpi', description: '回访率, 整改率 and counts of one station, township or the county.' });
export type WorkOrderKpi = z.infer<typeof WorkOrderKpi>;

export const WorkOrderKpis = z
  .strictObject({
    from: IsoDate,
    to: IsoDate,
    asOf: IsoDate.describe('overdue is counted as of this day'),
    stations: z.array(
      z.strictObject({ stationId: StationId, name: z.string().max(64), townshipCode: TownshipCode, kpi: WorkOrderKpi }),
    ),
    townships: z.array(z.strictObject({ townshipCode: TownshipCode, name: z.string().max(64), kpi: WorkOrderKpi })),
    total: WorkOrderKpi,
  })
  .meta({ id: 'WorkOrderKpis', description: 'Work-order KPIs per station, rolled up per township and in total.' });
export type WorkOrderKpis = z.infer<typeof WorkOrderKpis>;

export const CalendarSummary = z
  .strictObject({
    current: z
      .strictObject({
        version: z.string().max(40),
        publishedAt: IsoDateTime,
        storedAt: IsoDateTime,
        years: z.array(CalendarYear),
        holidays: z.array(PublicHoliday),
      })
      .nullable()
      .describe('null before any calendar is published: working days are then Monday to Friday'),
  })
  .meta({ id: 'CalendarSummary', description: 'The working calendar kiosks and due dates use now.' });
export type CalendarSummary = z.infer<typeof CalendarSummary>;

export const CalendarPublished = z
  .strictObject({ version: z.string().max(40), previousVersion: z.string().max(40).nullable() })
  .meta({ id: 'CalendarPublished', description: 'The new calendar version is current; kiosks fetch it.' });
export type CalendarPublished = z.infer<typeof CalendarPublished>;
