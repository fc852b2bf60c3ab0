import type { ConsoleUser } from '../../contract/console/users';
import type { WorkOrderDetail } from '../../contract/console/work-order-views';
import { err, ok, type Result } from '../../../core/pure/result';
import type { ConsoleFailure, ConsoleHandlers, WorkOrderOperationId } from '../console/handler-types';
import { rowIdOf } from '../console/users-store';
import {
  maySeeStation,
  stationDirectory,
  stationName,
  UNASSIGNED_TOWNSHIP,
  type StationDirectory,
} from '../fleet/stations';
import type { PlatformContext } from '../http/types';
import { currentWorkingDays } from '../store/published';
import { chinaDay } from '../time';
import { calendarSummary, describeCalendarRefusal, publishNewerCalendar } from './calendar-publishing';
import { kpisByStation } from './work-order-kpis';
import {
  closeWorkOrder,
  detail,
  findWorkOrder,
  findWorkOrders,
  recordCallback,
  recordFix,
  summarize,
  type WorkOrderRow,
} from './work-order-store';

/**
 * The console operations of 差评 work orders and the working calendar. Work orders are scoped
 * by the rating's station: one outside the user's scope is notFound, as if it did not exist.
 */

/** The list shows at most this many; filters narrow it (a county's year of 差评 is a few hundred). */
const LIST_LIMIT = 500;

export function createWorkOrderConsoleHandlers(ctx: PlatformContext): ConsoleHandlers<WorkOrderOperationId> {
  const { sql: db, sealer } = ctx;

  const visible = (user: ConsoleUser, directory: StationDirectory) => (row: WorkOrderRow) =>
    maySeeStation(user, directory.stations.get(row.stationId), row.stationId);

  const loadVisible = async (
    user: ConsoleUser,
    workOrderNo: string,
  ): Promise<Result<{ row: WorkOrderRow; directory: StationDirectory }, ConsoleFailure>> => {
    const row = await findWorkOrder(db, workOrderNo);
    const directory = await stationDirectory(db);
    if (!row || !visible(user, directory)(row)) return err({ kind: 'notFound', detail: 'no such work order' });
    return ok({ row, directory });
  };

  const detailOf = async (workOrderNo: string, directory: StationDirectory, now: Date): Promise<WorkOrderDetail> => {
    const row = await findWorkOrder(db, workOrderNo);
    if (!row) throw new Error(`work order ${workOrderNo} vanished`);
    const summary = summarize(
      sealer,
      row,
      stationName(directory, row.stationId),
      chinaDay(now),
      await currentWorkingDays(db),
    );
    return detail(db, sealer, row, summary);
  };

  const userRow = (user: ConsoleUser): number => {
    const rowId = rowIdOf(user.userId);
    if (rowId === undefined) throw new Error(`signed-in user with a malformed id ${user.userId}`);
    return rowId;
  };

  return {
    listWorkOrders: async ({ user, query, now }) => {
      const directory = await stationDirectory(db);
      const today = chinaDay(now);
      const days = await currentWorkingDays(db);
      const rows = (
        await findWorkOrders(db, {
          status: query.status,
          stationId: query.station,
          from: query.from,
          to: query.to,
        })
      ).filter(visible(user, directory));
      const summaries = rows
        .map((row) => summarize(sealer, row, stationName(directory, row.stationId), today, days))
        .filter((summary) => query.overdue === undefined || summary.overdue === (query.overdue === 'true'))
        // Overdue first, then open before followed up before closed, then by due day.
        .sort(
          (a, b) =>
            Number(b.overdue) - Number(a.overdue) ||
            STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
            a.followUpBy.localeCompare(b.followUpBy) ||
            a.workOrderNo.localeCompare(b.workOrderNo),
        );
      return ok({ workOrders: summaries.slice(0, LIST_LIMIT), truncated: summaries.length > LIST_LIMIT });
    },

    getWorkOrder: async ({ user, params, now }) => {
      const found = await loadVisible(user, params.workOrderNo);
      if (!found.ok) return found;
      return ok(await detailOf(found.value.row.workOrderNo, found.value.directory, now));
    },

    recordWorkOrderCallback: async ({ user, params, body, now }) => {
      const found = await loadVisible(user, params.workOrderNo);
      if (!found.ok) return found;
      const recorded = await recordCallback(db, sealer, found.value.row, body, userRow(user), now);
      if (!recorded.ok) return recorded;
      return ok(await detailOf(params.workOrderNo, found.value.directory, now));
    },

    recordWorkOrderFix: async ({ user, params, body, now }) => {
      const found = await loadVisible(user, params.workOrderNo);
      if (!found.ok) return found;
      const recorded = await recordFix(db, sealer, found.value.row, body.text, userRow(user), now);
      if (!recorded.ok) return recorded;
      return ok(await detailOf(params.workOrderNo, found.value.directory, now));
    },

    closeWorkOrder: async ({ user, params, now }) => {
      const found = await loadVisible(user, params.workOrderNo);
      if (!found.ok) return found;
      const closed = await closeWorkOrder(db, found.value.row, userRow(user), now);
      if (!closed.ok) return closed;
      return ok(await detailOf(params.workOrderNo, found.value.directory, now));
    },

    getWorkOrderKpis: async ({ user, query, now }) => {
      if (query.from > query.to) return err({ kind: 'invalid', detail: 'from is after to' });
      const directory = await stationDirectory(db);
      const rows = (await findWorkOrders(db, { stationId: query.station, from: query.from, to: query.to })).filter(
        visible(user, directory),
      );
      return ok(
        kpisByStation(
          rows,
          { from: query.from, to: query.to },
          chinaDay(now),
          (stationId) =>
            directory.stations.get(stationId) ?? {
              stationId,
              name: stationId,
              townshipCode: UNASSIGNED_TOWNSHIP,
              location: null,
            },
          (townshipCode) => directory.townships.get(townshipCode) ?? { townshipCode, name: townshipCode },
        ),
      );
    },

    getWorkCalendarSummary: async () => ok(await calendarSummary(db)),

    publishWorkCalendar: async ({ body, now }) => {
      const published = await publishNewerCalendar(db, body, now);
      if (!published.ok)
        return err({
          kind: published.error.kind === 'invalid' ? 'invalid' : 'conflict',
          detail: describeCalendarRefusal(published.error),
        });
      ctx.log('info', 'work calendar published', { ...published.value });
      return ok(published.value);
    },
  };
}

const STATUS_ORDER = { open: 0, followedUp: 1, closed: 2 } as const;
