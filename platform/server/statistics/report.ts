import { addDays } from '../../contract/china-time';
import type { ApplicationState, StatisticsDay, StatisticsReport } from '../../contract/console/statistics-views';
import type { SqlQueries } from '../db/sql';
import { findCurrentMatter } from '../store/published';
import { APPLICATION_STATES, applicationStateSql } from './application-state';
import { scopeParameters, serviceFigures, TOTAL_KEY } from './figures';
import { inScope, type StatisticsScope } from './scope';
import { videoCallReport } from './video-call-report';

/** Everything the statistics page shows for one scope and range (StatisticsReport). */

const HELP_KINDS = ['callback', 'homeVisit', 'agentAtStation', 'video'] as const;

export async function statisticsReport(db: SqlQueries, scope: StatisticsScope, now: Date): Promise<StatisticsReport> {
  const params = scopeParameters(scope, now);
  const totals = (await serviceFigures(db, scope, 'total', now)).get(TOTAL_KEY);
  if (!totals) throw new Error('the total figures are always made');
  const perStation = await serviceFigures(db, scope, 'station', now);

  const matterCounts = await db.all<{ matterCode: string; count: number }>(
    `SELECT a.matter_code AS "matterCode", count(*) AS count FROM applications a
     WHERE a.day BETWEEN :from AND :to AND ${inScope(db.engine, 'a.station_id')}
     GROUP BY a.matter_code ORDER BY count DESC, a.matter_code`,
    params,
  );
  const byMatter = [];
  for (const row of matterCounts)
    byMatter.push({ ...row, matterName: (await findCurrentMatter(db, row.matterCode))?.name ?? row.matterCode });

  // The state is computed in a derived table and grouped outside it: PostgreSQL groups by a
  // select alias only when no column of the tables has that name.
  const stateCounts = new Map(
    (
      await db.all<{ state: ApplicationState; count: number }>(
        `SELECT state, count(*) AS count FROM (
           SELECT ${applicationStateSql(db.engine, 'a')} AS state FROM applications a
           WHERE a.day BETWEEN :from AND :to AND ${inScope(db.engine, 'a.station_id')}
         ) AS states GROUP BY state`,
        params,
      )
    ).map((row) => [row.state, row.count]),
  );

  const helpCounts = new Map(
    (
      await db.all<{ kind: string; received: number; completed: number }>(
        `SELECT h.kind AS kind, count(*) AS received, count(CASE WHEN h.status = 'done' THEN 1 END) AS completed
         FROM assistance_requests h WHERE h.day BETWEEN :from AND :to AND ${inScope(db.engine, 'h.station_id')}
         GROUP BY h.kind`,
        params,
      )
    ).map((row) => [row.kind, row]),
  );

  const stations = [];
  let empty: Awaited<ReturnType<typeof emptyOf>> | undefined;
  for (const station of scope.visible)
    stations.push({
      ...(perStation.get(station.stationId) ?? (empty ??= await emptyOf(db, scope, now))),
      stationId: station.stationId,
      name: station.name,
      townshipCode: station.townshipCode,
    });

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
    days: await dailySeries(db, scope, now),
    stations,
    videoCalls: await videoCallReport(db, scope, now),
    choices: {
      townships: scope.townships.map((township) => ({ ...township })),
      stations: scope.visible.map(({ stationId, name, townshipCode }) => ({ stationId, name, townshipCode })),
    },
  };
}

/** A station with nothing in the range: the figures of an empty scope. */
async function emptyOf(db: SqlQueries, scope: StatisticsScope, now: Date) {
  const nothing = (await serviceFigures(db, { ...scope, stationIds: [] }, 'total', now)).get(TOTAL_KEY);
  if (!nothing) throw new Error('the total figures are always made');
  return nothing;
}

/** One entry per day of the range, days without records included (charts need the gaps). */
async function dailySeries(db: SqlQueries, scope: StatisticsScope, now: Date): Promise<StatisticsDay[]> {
  const params = scopeParameters(scope, now);
  const perDay = async (sql: string) =>
    new Map((await db.all<{ day: string; n: number }>(sql, params)).map((row) => [row.day, row.n]));
  const count = (table: string, alias: string) =>
    perDay(
      `SELECT ${alias}.day AS day, count(*) AS n FROM ${table} ${alias}
       WHERE ${alias}.day BETWEEN :from AND :to AND ${inScope(db.engine, `${alias}.station_id`)} GROUP BY ${alias}.day`,
    );
  const applications = await count('applications', 'a');
  const ratings = await count('ratings', 'r');
  const help = await count('assistance_requests', 'h');
  const tickets = new Map(
    (
      await db.all<{ day: string; issued: number; called: number; noShow: number }>(
        `SELECT t.day AS day, count(*) AS issued, count(s.first_called_at) AS called,
           count(CASE WHEN s.status = 'noShow' THEN 1 END) AS "noShow"
         FROM tickets t LEFT JOIN ticket_states s ON s.ticket_id = t.ticket_id
         WHERE t.day BETWEEN :from AND :to AND ${inScope(db.engine, 't.station_id')} GROUP BY t.day`,
        params,
      )
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
