import type Database from 'better-sqlite3';
import { instantAt } from '../../contract/china-time';
import { addDays } from '../../contract/china-time';
import type { ServiceFigures } from '../../contract/console/statistics-views';
import { uptimeBetween } from '../fleet/alarms';
import { kioskRecord } from '../fleet/fleet-monitor';
import { activeTerminals } from '../store/fleet-kiosks';
import { durationsOf, durationsSql, secondsBetween, type DurationRow } from './durations';
import { inScope, stationsParameter, type StatisticsScope } from './scope';

/**
 * The figures of ServiceFigures per group: per station (`g` = station_id) or for the whole scope
 * (`g` = '*'). The same SQL serves both, so a station's row and the total cannot be computed two
 * ways. Every query is an aggregation over the day-indexed tables; nothing is loaded row by row.
 *
 * Which day a record belongs to: applications, tickets, ratings and help requests their own `day`
 * (the China day the platform received them); work orders the day of their rating.
 */

export type Grouping = 'station' | 'total';

const TOTAL = '*';

interface Counts {
  [column: string]: number | string | null;
}

function groupExpr(grouping: Grouping, column: string): string {
  return grouping === 'station' ? column : `'${TOTAL}'`;
}

function emptyFigures(): ServiceFigures {
  return {
    residentsServed: 0,
    applications: 0,
    ticketsIssued: 0,
    ticketsCalled: 0,
    ticketsNoShow: 0,
    ticketsFinished: 0,
    waiting: durationsOf(undefined),
    service: durationsOf(undefined),
    ratings: 0,
    ratingsByLevel: [0, 0, 0, 0, 0],
    satisfactionRate: null,
    badRatings: 0,
    calledBack: 0,
    callbackRate: null,
    helpRequests: 0,
    helpCompleted: 0,
    helpCompletion: durationsOf(undefined),
    kioskUptime: null,
  };
}

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export interface ScopeParameters {
  readonly from: string;
  readonly to: string;
  readonly stations: string | null;
  readonly now: string;
}

export function scopeParameters(scope: StatisticsScope, now: Date): ScopeParameters {
  return { from: scope.from, to: scope.to, stations: stationsParameter(scope), now: now.toISOString() };
}

/** ServiceFigures by group key (station id, or '*' for the total). */
export function serviceFigures(
  db: Database.Database,
  scope: StatisticsScope,
  grouping: Grouping,
  now: Date,
): Map<string, ServiceFigures> {
  const params = scopeParameters(scope, now);
  const figures = new Map<string, ServiceFigures>();
  const of = (g: string): ServiceFigures => {
    let found = figures.get(g);
    if (!found) {
      found = emptyFigures();
      figures.set(g, found);
    }
    return found;
  };
  const rows = (sql: string) => db.prepare(sql).all(params) as Counts[];
  const num = (value: number | string | null | undefined) => Number(value ?? 0);

  const application = groupExpr(grouping, 'a.station_id');
  for (const row of rows(
    `SELECT ${application} AS g, count(*) AS n FROM applications a
     WHERE a.day BETWEEN :from AND :to AND ${inScope('a.station_id')} GROUP BY g`,
  ))
    of(String(row['g'])).applications = num(row['n']);

  const ticket = groupExpr(grouping, 't.station_id');
  const ticketScope = `t.day BETWEEN :from AND :to AND ${inScope('t.station_id')}`;
  for (const row of rows(
    `SELECT ${ticket} AS g, count(*) AS issued, count(s.first_called_at) AS called,
       coalesce(sum(s.status = 'noShow'), 0) AS noShow, coalesce(sum(s.status = 'finished'), 0) AS finished
     FROM tickets t LEFT JOIN ticket_states s ON s.ticket_id = t.ticket_id
     WHERE ${ticketScope} GROUP BY g`,
  )) {
    const entry = of(String(row['g']));
    entry.ticketsIssued = num(row['issued']);
    entry.ticketsCalled = num(row['called']);
    entry.ticketsNoShow = num(row['noShow']);
    entry.ticketsFinished = num(row['finished']);
  }
  const durations = (valuesSql: string) => db.prepare(durationsSql(valuesSql)).all(params) as DurationRow[];
  for (const row of durations(
    `SELECT ${ticket} AS g, ${secondsBetween('t.issued_at', 's.first_called_at')} AS value
     FROM tickets t JOIN ticket_states s ON s.ticket_id = t.ticket_id
     WHERE ${ticketScope} AND s.first_called_at IS NOT NULL`,
  ))
    of(row.g).waiting = durationsOf(row);
  for (const row of durations(
    `SELECT ${ticket} AS g, ${secondsBetween('s.started_at', 's.finished_at')} AS value
     FROM tickets t JOIN ticket_states s ON s.ticket_id = t.ticket_id
     WHERE ${ticketScope} AND s.started_at IS NOT NULL AND s.finished_at IS NOT NULL`,
  ))
    of(row.g).service = durationsOf(row);

  const rating = groupExpr(grouping, 'r.station_id');
  for (const row of rows(
    `SELECT ${rating} AS g, r.level AS level, count(*) AS n FROM ratings r
     WHERE r.day BETWEEN :from AND :to AND ${inScope('r.station_id')} GROUP BY g, r.level`,
  )) {
    const entry = of(String(row['g']));
    const level = num(row['level']);
    entry.ratingsByLevel[level - 1] = num(row['n']);
  }
  for (const row of rows(
    `SELECT ${rating} AS g, count(*) AS n, count(w.callback_at) AS calledBack
     FROM work_orders w JOIN ratings r ON r.rating_id = w.rating_id
     WHERE r.day BETWEEN :from AND :to AND ${inScope('r.station_id')} GROUP BY g`,
  )) {
    const entry = of(String(row['g']));
    entry.badRatings = num(row['n']);
    entry.calledBack = num(row['calledBack']);
  }

  const help = groupExpr(grouping, 'h.station_id');
  const helpScope = `h.day BETWEEN :from AND :to AND ${inScope('h.station_id')}`;
  for (const row of rows(
    `SELECT ${help} AS g, count(*) AS n, coalesce(sum(h.status = 'done'), 0) AS done
     FROM assistance_requests h WHERE ${helpScope} GROUP BY g`,
  )) {
    const entry = of(String(row['g']));
    entry.helpRequests = num(row['n']);
    entry.helpCompleted = num(row['done']);
  }
  for (const row of durations(
    `SELECT ${help} AS g, ${secondsBetween('h.received_at', 'h.completed_at')} AS value
     FROM assistance_requests h WHERE ${helpScope} AND h.status = 'done' AND h.completed_at IS NOT NULL`,
  ))
    of(row.g).helpCompletion = durationsOf(row);

  // Residents served (ServiceFigures.residentsServed): identities once, anonymous visits one each.
  for (const row of rows(
    `SELECT g, count(DISTINCT person) AS people FROM (
       SELECT ${application} AS g, a.applicant_index AS person FROM applications a
       WHERE a.day BETWEEN :from AND :to AND ${inScope('a.station_id')}
       UNION ALL
       SELECT ${help} AS g, h.requester_index AS person FROM assistance_requests h
       WHERE ${helpScope} AND h.status = 'done' AND h.requester_index IS NOT NULL
     ) GROUP BY g`,
  ))
    of(String(row['g'])).residentsServed += num(row['people']);
  for (const row of rows(
    `SELECT ${help} AS g, count(*) AS n FROM assistance_requests h
     WHERE ${helpScope} AND h.status = 'done' AND h.requester_index IS NULL GROUP BY g`,
  ))
    of(String(row['g'])).residentsServed += num(row['n']);

  for (const entry of figures.values()) {
    entry.residentsServed += entry.ticketsFinished;
    entry.ratings = entry.ratingsByLevel.reduce((sum, n) => sum + n, 0);
    entry.satisfactionRate = rate((entry.ratingsByLevel[3] ?? 0) + (entry.ratingsByLevel[4] ?? 0), entry.ratings);
    entry.callbackRate = rate(entry.calledBack, entry.badRatings);
  }

  for (const [g, uptime] of kioskUptime(db, scope, grouping, now)) of(g).kioskUptime = uptime;
  if (grouping === 'total') of(TOTAL);
  return figures;
}

export const TOTAL_KEY = TOTAL;

/**
 * Kiosk uptime over the range (platform/server/fleet/alarms/report.ts: online or degraded over the
 * observed time), summed over the scope's kiosks before dividing, so a kiosk seen for an hour does
 * not weigh as much as one seen all year. Read from the alarm engine's per-kiosk records: one row
 * per kiosk, not per day.
 */
function kioskUptime(
  db: Database.Database,
  scope: StatisticsScope,
  grouping: Grouping,
  now: Date,
): Map<string, number | null> {
  const start = instantAt(scope.from, 0).getTime();
  const end = instantAt(addDays(scope.to, 1), 0).getTime();
  const wanted = scope.stationIds === null ? null : new Set(scope.stationIds);
  const sums = new Map<string, { observed: number; up: number }>();
  for (const terminal of activeTerminals(db)) {
    if (wanted !== null && !wanted.has(terminal.stationId)) continue;
    const history = kioskRecord(db, terminal.terminalId)?.history;
    if (!history) continue;
    const { observedMs, upMs } = uptimeBetween(history, start, end, now);
    const g = grouping === 'station' ? terminal.stationId : TOTAL;
    const sum = sums.get(g) ?? { observed: 0, up: 0 };
    sums.set(g, { observed: sum.observed + observedMs, up: sum.up + upMs });
  }
  return new Map([...sums].map(([g, sum]) => [g, sum.observed > 0 ? sum.up / sum.observed : null]));
}
