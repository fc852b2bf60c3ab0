import { instantAt } from '../../contract/china-time';
import { addDays } from '../../contract/china-time';
import type { ServiceFigures } from '../../contract/console/statistics-views';
import type { SqlQueries } from '../db/sql';
import { uptimeBetween } from '../fleet/alarms';
import { kioskRecord } from '../fleet/fleet-monitor';
import { activeTerminals } from '../store/fleet-kiosks';
import { durationsOf, durationsSql, secondsBetween as secondsBetweenIn, type DurationRow } from './durations';
import { inScope as inEngineScope, stationsParameter, type StatisticsScope } from './scope';

/**
 * The figures of ServiceFigures per group: per station (`g` = station_id) or for the whole scope
 * (`g` = '*'). The same SQL serves both, so a station's row and the total cannot be computed two
 * ways. Every query is an aggregation over the day-indexed tables; nothing is loaded row by row.
 *
 * Which day a record belongs to: applications, tickets, ratings and help requests their own `day`
 * (the China day the platform received them); work orders the day of their rating.
 *
 * Written for both engines (docs/county-scale.md): conditional counts as count(CASE …) (PostgreSQL
 * has no sum over a comparison), camelCase aliases quoted, derived tables named.
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

/** A type, not an interface: it is passed as a statement's named parameters (a record). */
export type ScopeParameters = {
  readonly from: string;
  readonly to: string;
  readonly stations: string | null;
  readonly now: string;
};

export function scopeParameters(scope: StatisticsScope, now: Date): ScopeParameters {
  return { from: scope.from, to: scope.to, stations: stationsParameter(scope), now: now.toISOString() };
}

/** ServiceFigures by group key (station id, or '*' for the total). */
export async function serviceFigures(
  db: SqlQueries,
  scope: StatisticsScope,
  grouping: Grouping,
  now: Date,
): Promise<Map<string, ServiceFigures>> {
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
  const rows = (sql: string) => db.all<Counts>(sql, params);
  const inScope = (column: string) => inEngineScope(db.engine, column);
  const secondsBetween = (from: string, to: string) => secondsBetweenIn(db.engine, from, to);
  const num = (value: number | string | null | undefined) => Number(value ?? 0);

  const application = groupExpr(grouping, 'a.station_id');
  for (const row of await rows(
    `SELECT ${application} AS g, count(*) AS n FROM applications a
     WHERE a.day BETWEEN :from AND :to AND ${inScope('a.station_id')} GROUP BY g`,
  ))
    of(String(row['g'])).applications = num(row['n']);

  const ticket = groupExpr(grouping, 't.station_id');
  const ticketScope = `t.day BETWEEN :from AND :to AND ${inScope('t.station_id')}`;
  for (const row of await rows(
    `SELECT ${ticket} AS g, count(*) AS issued, count(s.first_called_at) AS called,
       count(CASE WHEN s.status = 'noShow' THEN 1 END) AS "noShow",
       count(CASE WHEN s.status = 'finished' THEN 1 END) AS finished
     FROM tickets t LEFT JOIN ticket_states s ON s.ticket_id = t.ticket_id
     WHERE ${ticketScope} GROUP BY g`,
  )) {
    const entry = of(String(row['g']));
    entry.ticketsIssued = num(row['issued']);
    entry.ticketsCalled = num(row['called']);
    entry.ticketsNoShow = num(row['noShow']);
    entry.ticketsFinished = num(row['finished']);
  }
  const durations = (valuesSql: string) => db.all<DurationRow>(durationsSql(valuesSql), params);
  for (const row of await durations(
    `SELECT ${ticket} AS g, ${secondsBetween('t.issued_at', 's.first_called_at')} AS value
     FROM tickets t JOIN ticket_states s ON s.ticket_id = t.ticket_id
     WHERE ${ticketScope} AND s.first_called_at IS NOT NULL`,
  ))
    of(row.g).waiting = durationsOf(row);
  for (const row of await durations(
    `SELECT ${ticket} AS g, ${secondsBetween('s.started_at', 's.finished_at')} AS value
     FROM tickets t JOIN ticket_states s ON s.ticket_id = t.ticket_id
     WHERE ${ticketScope} AND s.started_at IS NOT NULL AND s.finished_at IS NOT NULL`,
  ))
    of(row.g).service = durationsOf(row);

  const rating = groupExpr(grouping, 'r.station_id');
  for (const row of await rows(
    `SELECT ${rating} AS g, r.level AS level, count(*) AS n FROM ratings r
     WHERE r.day BETWEEN :from AND :to AND ${inScope('r.station_id')} GROUP BY g, r.level`,
  )) {
    const entry = of(String(row['g']));
    const level = num(row['level']);
    entry.ratingsByLevel[level - 1] = num(row['n']);
  }
  for (const row of await rows(
    `SELECT ${rating} AS g, count(*) AS n, count(w.callback_at) AS "calledBack"
     FROM work_orders w JOIN ratings r ON r.rating_id = w.rating_id
     WHERE r.day BETWEEN :from AND :to AND ${inScope('r.station_id')} GROUP BY g`,
  )) {
    const entry = of(String(row['g']));
    entry.badRatings = num(row['n']);
    entry.calledBack = num(row['calledBack']);
  }

  const help = groupExpr(grouping, 'h.station_id');
  const helpScope = `h.day BETWEEN :from AND :to AND ${inScope('h.station_id')}`;
  for (const row of await rows(
    `SELECT ${help} AS g, count(*) AS n, count(CASE WHEN h.status = 'done' THEN 1 END) AS done
     FROM assistance_requests h WHERE ${helpScope} GROUP BY g`,
  )) {
    const entry = of(String(row['g']));
    entry.helpRequests = num(row['n']);
    entry.helpCompleted = num(row['done']);
  }
  for (const row of await durations(
    `SELECT ${help} AS g, ${secondsBetween('h.received_at', 'h.completed_at')} AS value
     FROM assistance_requests h WHERE ${helpScope} AND h.status = 'done' AND h.completed_at IS NOT NULL`,
  ))
    of(row.g).helpCompletion = durationsOf(row);

  // Residents served (ServiceFigures.residentsServed): identities once, anonymous visits one each.
  for (const row of await rows(
    `SELECT g, count(DISTINCT person) AS people FROM (
       SELECT ${application} AS g, a.applicant_index AS person FROM applications a
       WHERE a.day BETWEEN :from AND :to AND ${inScope('a.station_id')}
       UNION ALL
       SELECT ${help} AS g, h.requester_index AS person FROM assistance_requests h
       WHERE ${helpScope} AND h.status = 'done' AND h.requester_index IS NOT NULL
     ) AS people_of GROUP BY g`,
  ))
    of(String(row['g'])).residentsServed += num(row['people']);
  for (const row of await rows(
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

  for (const [g, uptime] of await kioskUptime(db, scope, grouping, now)) of(g).kioskUptime = uptime;
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
async function kioskUptime(
  db: SqlQueries,
  scope: StatisticsScope,
  grouping: Grouping,
  now: Date,
): Promise<Map<string, number | null>> {
  const start = instantAt(scope.from, 0).getTime();
  const end = instantAt(addDays(scope.to, 1), 0).getTime();
  const wanted = scope.stationIds === null ? null : new Set(scope.stationIds);
  const sums = new Map<string, { observed: number; up: number }>();
  for (const terminal of await activeTerminals(db)) {
    if (wanted !== null && !wanted.has(terminal.stationId)) continue;
    const history = (await kioskRecord(db, terminal.terminalId))?.history;
    if (!history) continue;
    const { observedMs, upMs } = uptimeBetween(history, start, end, now);
    const g = grouping === 'station' ? terminal.stationId : TOTAL;
    const sum = sums.get(g) ?? { observed: 0, up: 0 };
    sums.set(g, { observed: sum.observed + observedMs, up: sum.up + upMs });
  }
  return new Map([...sums].map(([g, sum]) => [g, sum.observed > 0 ? sum.up / sum.observed : null]));
}
