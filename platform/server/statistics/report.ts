import type Database from 'better-sqlite3';
import { addDays } from '../../contract/china-time';
import type { ApplicationState, StatisticsDay, StatisticsReport } from '../../contract/console/statistics-views';
import { findCurrentMatter } from '../store/published';
import { APPLICATION_STATES, applicationStateSql } from './application-state';
import { scopeParameters, serviceFigures, TOTAL_KEY } from './figures';
import { inScope, type StatisticsScope } from './scope';

/** Everything the statistics page shows for one scope and range (StatisticsReport). */

const HELP_KINDS = ['callback', 'homeVisit', 'agentAtStation'] as const;

export function statisticsReport(db: Database.Database, scope: StatisticsScope, now: Date): StatisticsReport {
  const params = scopeParameters(scope, now);
  const totals = serviceFigures(db, scope, 'total', now).get(TOTAL_KEY);
  if (!totals) throw new Error('the total figures are always made');
  const perStation = serviceFigures(db, scope, 'station', now);

  const byMatter = (
    db
      .prepare(
        `SELECT a.matter_code AS matterCode, count(*) AS count FROM applications a
         WHERE a.day BETWEEN :from AND :to AND ${inScope('a.station_id')}
         GROUP BY a.matter_code ORDER BY count DESC, a.matter_code`,
      )
      .all(params) as Array<{ matterCode: string; count: number }>
  ).map((row) => ({ ...row, matterName: findCurrentMatter(db, row.matterCode)?.name ?? row.matterCode }));

  const stateCounts = new Map(
    (
      db
        .prepare(
          `SELECT ${applicationStateSql('a')} AS state, count(*) AS count FROM applications a
           WHERE a.day BETWEEN :from AND :to AND ${inScope('a.station_id')} GROUP BY state`,
        )
        .all(params) as Array<{ state: ApplicationState; count: number }>
    ).map((row) => [row.state, row.count]),
  );

  const helpCounts = new Map(
    (
      db
        .prepare(
          `SELECT h.kind AS kind, count(*) AS received, coalesce(sum(h.status = 'done'), 0) AS completed
           FROM assistance_requests h WHERE h.day BETWEEN :from AND :to AND ${inScope('h.station_id')} GROUP BY h.kind`,
        )
        .all(params) as Array<{ kind: string; received: number; completed: number }>
    ).map((row) => [row.kind, row]),
  );

  const stations = scope.visible.map((station) => ({
    ...(perStation.get(station.stationId) ?? emptyOf(db, scope, now)),
    stationId: station.stationId,
    name: station.name,
    townshipCode: station.townshipCode,
  }));

  return {
    scope: { kind: scope.kind, code: scope.code, name: scope.name },
    from: scope.from,
    to: scope.to,
    generatedAt: now.toISOString(),
    totals,
    applicationsByMatter: byMatter,
    applicationsByState: APPLICATION_STATES.map((state) => ({ state, count: stateCounts.get(state) ?? 0 })),
    helpByKind: HELP_KINDS.map((kind) => ({
      kind,
      received: helpCounts.get(kind)?.received ?? 0,
      completed: helpCounts.get(kind)?.completed ?? 0,
    })),
    days: dailySeries(db, scope, now),
    stations,
    choices: {
      townships: scope.townships.map((township) => ({ ...township })),
      stations: scope.visible.map(({ stationId, name, townshipCode }) => ({ stationId, name, townshipCode })),
    },
  };
}

/** A station with nothing in the range: the figures of an empty scope. */
function emptyOf(db: Database.Database, scope: StatisticsScope, now: Date) {
  const nothing = serviceFigures(db, { ...scope, stationIds: [] }, 'total', now).get(TOTAL_KEY);
  if (!nothing) throw new Error('the total figures are always made');
  return nothing;
}

/** One entry per day of the range, days without records included (charts need the gaps). */
function dailySeries(db: Database.Database, scope: StatisticsScope, now: Date): StatisticsDay[] {
  const params = scopeParameters(scope, now);
  const perDay = (sql: string) =>
    new Map((db.prepare(sql).all(params) as Array<{ day: string; n: number }>).map((row) => [row.day, row.n]));
  const count = (table: string, alias: string) =>
    perDay(
      `SELECT ${alias}.day AS day, count(*) AS n FROM ${table} ${alias}
       WHERE ${alias}.day BETWEEN :from AND :to AND ${inScope(`${alias}.station_id`)} GROUP BY ${alias}.day`,
    );
  const applications = count('applications', 'a');
  const ratings = count('ratings', 'r');
  const help = count('assistance_requests', 'h');
  const tickets = new Map(
    (
      db
        .prepare(
          `SELECT t.day AS day, count(*) AS issued, count(s.first_called_at) AS called,
             coalesce(sum(s.status = 'noShow'), 0) AS noShow
           FROM tickets t LEFT JOIN ticket_states s ON s.ticket_id = t.ticket_id
           WHERE t.day BETWEEN :from AND :to AND ${inScope('t.station_id')} GROUP BY t.day`,
        )
        .all(params) as Array<{ day: string; issued: number; called: number; noShow: number }>
    ).map((row) => [row.day, row]),
  );
  const days: StatisticsDay[] = [];
  for (let day = scope.from; day <= scope.to; day = addDays(day, 1)) {
    const ticket = tickets.get(day);
    days.push({
      day,
      applications: applications.get(day) ?? 0,
      ticketsIssued: ticket?.issued ?? 0,
      ticketsCalled: ticket?.called ?? 0,
      ticketsNoShow: ticket?.noShow ?? 0,
      ratings: ratings.get(day) ?? 0,
      helpRequests: help.get(day) ?? 0,
    });
  }
  return days;
}
