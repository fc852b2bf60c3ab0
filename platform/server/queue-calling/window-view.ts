import type {
  CalledTicket,
  QueueServiceRef,
  QueueWindowSummary,
  QueueWindowView,
} from '../../contract/console/queue-views';
import type { PriorityClass } from '../../contract/queue';
import type { SqlQueries } from '../db/sql';
import type { QueueServiceConfig } from '../sample/queue-services';
import { chinaDay } from '../time';
import { waitingForWindow } from './live-queue';
import { listWindows, type WindowRow } from './windows';

/** The window page's data (QueueWindowView), read in one go after every verb and every refresh. */

const NEXT_SHOWN = 5;

export const serviceRef = (service: QueueServiceConfig): QueueServiceRef => ({
  serviceCode: service.serviceCode,
  name: service.name,
  prefix: service.prefix,
});

export function windowSummary(window: WindowRow, userId: number): QueueWindowSummary {
  return {
    stationId: window.stationId,
    windowNo: window.windowNo,
    label: window.label,
    serviceCodes: [...window.serviceCodes],
    status: window.status,
    staffName: window.staffName,
    staffIsMe: window.status !== 'closed' && window.staffUserId === userId,
    updatedAt: window.updatedAt,
  };
}

interface CurrentRow {
  ticketId: string;
  ticketNo: string;
  serviceCode: string;
  priorityClass: PriorityClass;
  status: CalledTicket['status'];
  issuedAt: string;
  calledAt: string | null;
  firstCalledAt: string | null;
  recallCount: number;
  recalledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  noShowAt: string | null;
  transferredAt: string | null;
}

const TICKET_SELECT = `SELECT s.ticket_id AS "ticketId", t.ticket_no AS "ticketNo", s.queue_service AS "serviceCode",
  t.priority_class AS "priorityClass", s.status, t.issued_at AS "issuedAt", s.called_at AS "calledAt",
  s.first_called_at AS "firstCalledAt", s.recall_count AS "recallCount", s.recalled_at AS "recalledAt",
  s.started_at AS "startedAt", s.finished_at AS "finishedAt", s.no_show_at AS "noShowAt",
  s.transferred_at AS "transferredAt"
  FROM ticket_states s JOIN tickets t ON t.ticket_id = s.ticket_id`;

/** A ticket with its times (also what tests and the e2e check read). */
export async function calledTicket(
  db: SqlQueries,
  ticketId: string,
  services: readonly QueueServiceConfig[],
): Promise<CalledTicket | undefined> {
  const row = await db.get<CurrentRow>(`${TICKET_SELECT} WHERE s.ticket_id = ?`, [ticketId]);
  if (!row) return undefined;
  const name = services.find((service) => service.serviceCode === row.serviceCode)?.name ?? row.serviceCode;
  return { ...row, serviceName: name.slice(0, 32) };
}

const count = async (db: SqlQueries, sql: string, params: readonly (string | number)[]): Promise<number> =>
  (await db.get<{ count: number }>(sql, params))?.count ?? 0;

export async function windowView(
  db: SqlQueries,
  window: WindowRow,
  services: readonly QueueServiceConfig[],
  userId: number,
  now: Date,
): Promise<QueueWindowView> {
  const day = chinaDay(now);
  const current = await db.get<{ ticketId: string }>(
    `SELECT ticket_id AS "ticketId" FROM ticket_states WHERE station_id = ? AND day = ? AND window_no = ?
       AND status IN ('called', 'serving')`,
    [window.stationId, day, window.windowNo],
  );
  const waiting = [];
  for (const serviceCode of window.serviceCodes) {
    waiting.push({
      serviceCode,
      name: (services.find((service) => service.serviceCode === serviceCode)?.name ?? serviceCode).slice(0, 32),
      waiting: await count(
        db,
        `SELECT count(*) AS count FROM ticket_states WHERE station_id = ? AND day = ? AND status = 'waiting'
           AND queue_service = ? AND target_window IS NULL`,
        [window.stationId, day, serviceCode],
      ),
    });
  }
  const transferredHere = await count(
    db,
    "SELECT count(*) AS count FROM ticket_states WHERE station_id = ? AND day = ? AND status = 'waiting' AND target_window = ?",
    [window.stationId, day, window.windowNo],
  );
  const servedToday = await count(
    db,
    "SELECT count(*) AS count FROM ticket_states WHERE station_id = ? AND day = ? AND window_no = ? AND status = 'finished'",
    [window.stationId, day, window.windowNo],
  );
  const next = await waitingForWindow(db, window.stationId, day, window, NEXT_SHOWN);
  const windows = await listWindows(db, window.stationId);
  return {
    window: windowSummary(window, userId),
    day,
    generatedAt: now.toISOString(),
    current: current === undefined ? null : ((await calledTicket(db, current.ticketId, services)) ?? null),
    waiting,
    transferredHere,
    next: next.map((ticket) => ticket.ticketNo),
    servedToday,
    services: services.map(serviceRef),
    windows: windows.map((entry) => windowSummary(entry, userId)),
  };
}
