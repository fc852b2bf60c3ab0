import type Database from 'better-sqlite3';
import type {
  CalledTicket,
  QueueServiceRef,
  QueueWindowSummary,
  QueueWindowView,
} from '../../contract/console/queue-views';
import type { PriorityClass } from '../../contract/queue';
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

const TICKET_SELECT = `SELECT s.ticket_id AS ticketId, t.ticket_no AS ticketNo, s.queue_service AS serviceCode,
  t.priority_class AS priorityClass, s.status, t.issued_at AS issuedAt, s.called_at AS calledAt,
  s.first_called_at AS firstCalledAt, s.recall_count AS recallCount, s.recalled_at AS recalledAt,
  s.started_at AS startedAt, s.finished_at AS finishedAt, s.no_show_at AS noShowAt, s.transferred_at AS transferredAt
  FROM ticket_states s JOIN tickets t ON t.ticket_id = s.ticket_id`;

/** A ticket with its times (also what tests and the e2e check read). */
export function calledTicket(
  db: Database.Database,
  ticketId: string,
  services: readonly QueueServiceConfig[],
): CalledTicket | undefined {
  const row = db.prepare(`${TICKET_SELECT} WHERE s.ticket_id = ?`).get(ticketId) as CurrentRow | undefined;
  if (!row) return undefined;
  const name = services.find((service) => service.serviceCode === row.serviceCode)?.name ?? row.serviceCode;
  return { ...row, serviceName: name.slice(0, 32) };
}

export function windowView(
  db: Database.Database,
  window: WindowRow,
  services: readonly QueueServiceConfig[],
  userId: number,
  now: Date,
): QueueWindowView {
  const day = chinaDay(now);
  const currentId = db
    .prepare(
      `SELECT ticket_id FROM ticket_states WHERE station_id = ? AND day = ? AND window_no = ?
         AND status IN ('called', 'serving')`,
    )
    .pluck()
    .get(window.stationId, day, window.windowNo) as string | undefined;
  const waitingCount = db.prepare(
    `SELECT count(*) FROM ticket_states WHERE station_id = ? AND day = ? AND status = 'waiting'
       AND queue_service = ? AND target_window IS NULL`,
  );
  const waiting = window.serviceCodes.map((serviceCode) => ({
    serviceCode,
    name: (services.find((service) => service.serviceCode === serviceCode)?.name ?? serviceCode).slice(0, 32),
    waiting: waitingCount.pluck().get(window.stationId, day, serviceCode) as number,
  }));
  const transferredHere = db
    .prepare(
      "SELECT count(*) FROM ticket_states WHERE station_id = ? AND day = ? AND status = 'waiting' AND target_window = ?",
    )
    .pluck()
    .get(window.stationId, day, window.windowNo) as number;
  const servedToday = db
    .prepare(
      "SELECT count(*) FROM ticket_states WHERE station_id = ? AND day = ? AND window_no = ? AND status = 'finished'",
    )
    .pluck()
    .get(window.stationId, day, window.windowNo) as number;
  return {
    window: windowSummary(window, userId),
    day,
    generatedAt: now.toISOString(),
    current: currentId === undefined ? null : (calledTicket(db, currentId, services) ?? null),
    waiting,
    transferredHere,
    next: waitingForWindow(db, window.stationId, day, window, NEXT_SHOWN).map((ticket) => ticket.ticketNo),
    servedToday,
    services: services.map(serviceRef),
    windows: listWindows(db, window.stationId).map((entry) => windowSummary(entry, userId)),
  };
}
