import { err, ok, type Result } from '../../../core/pure/result';
import { daysBetween } from '../../contract/china-time';
import type { StationView } from '../../contract/console/fleet-views';
import { STATISTICS_MAX_DAYS, type StatisticsQuery } from '../../contract/console/statistics-views';
import type { ConsoleUser } from '../../contract/console/users';
import type { ConsoleFailure } from '../console/handler-types';
import type { SqlEngine, SqlQueries } from '../db/sql';
import { maySeeStation, stationDirectory } from '../fleet/stations';

/**
 * Which stations and days a statistics request covers, within what the user may see: a county
 * admin anything; a township admin its township or one of its stations; station staff its own
 * station. Neither station nor township asked: the user's whole scope. Anything outside it is
 * notFound, as in the fleet pages, so the answer does not tell that it exists.
 */

export interface StatisticsScope {
  readonly kind: 'county' | 'township' | 'station';
  readonly code: string | null;
  readonly name: string;
  /** null: every station (county-wide, including stations the service map does not know). */
  readonly stationIds: readonly string[] | null;
  readonly from: string;
  readonly to: string;
  /** The stations the user may see, for the per-station rows and the pickers. */
  readonly visible: readonly StationView[];
  readonly townships: ReadonlyArray<{ townshipCode: string; name: string }>;
}

const notFound = (detail: string): Result<never, ConsoleFailure> => err({ kind: 'notFound', detail });

export async function resolveScope(
  db: SqlQueries,
  user: ConsoleUser,
  query: StatisticsQuery,
): Promise<Result<StatisticsScope, ConsoleFailure>> {
  const span = daysBetween(query.from, query.to);
  if (span < 0) return err({ kind: 'invalid', detail: 'from is after to' });
  if (span + 1 > STATISTICS_MAX_DAYS)
    return err({ kind: 'invalid', detail: `at most ${STATISTICS_MAX_DAYS} days at a time` });

  const directory = await stationDirectory(db);
  const visible = [...directory.stations.values()]
    .filter((station) => maySeeStation(user, station, station.stationId))
    .sort((a, b) => (a.stationId < b.stationId ? -1 : 1));
  const townshipCodes = new Set(visible.map((station) => station.townshipCode));
  const townships = [...directory.townships.values()].filter((township) => townshipCodes.has(township.townshipCode));
  const base = { from: query.from, to: query.to, visible, townships };

  if (query.station !== undefined) {
    const station = directory.stations.get(query.station);
    if (!maySeeStation(user, station, query.station)) return notFound('no such station');
    return ok({
      ...base,
      kind: 'station',
      code: query.station,
      name: station?.name ?? query.station,
      stationIds: [query.station],
      visible: visible.filter((entry) => entry.stationId === query.station),
    });
  }
  const township =
    query.township ?? (user.role !== 'countyAdmin' && user.scope.kind === 'township' ? user.scope.townshipCode : null);
  if (township !== null) {
    if (user.role !== 'countyAdmin' && !(user.scope.kind === 'township' && user.scope.townshipCode === township))
      return notFound('no such township');
    const inTownship = visible.filter((station) => station.townshipCode === township);
    return ok({
      ...base,
      kind: 'township',
      code: township,
      name: directory.townships.get(township)?.name ?? township,
      stationIds: inTownship.map((station) => station.stationId),
      visible: inTownship,
    });
  }
  if (user.role === 'countyAdmin') return ok({ ...base, kind: 'county', code: null, name: '全县', stationIds: null });
  if (user.scope.kind === 'station') {
    const stationId = user.scope.stationId;
    const station = directory.stations.get(stationId);
    return ok({
      ...base,
      kind: 'station',
      code: stationId,
      name: station?.name ?? stationId,
      stationIds: [stationId],
      visible: visible.filter((entry) => entry.stationId === stationId),
    });
  }
  // A township admin or station staff scoped county-wide is misconfigured (fleet/stations.ts): nothing.
  return notFound('no stations in your scope');
}

/** The JSON array bound as :stations, or null for every station. */
export function stationsParameter(scope: StatisticsScope): string | null {
  return scope.stationIds === null ? null : JSON.stringify(scope.stationIds);
}

/**
 * A WHERE condition on a station column for the :stations parameter (a JSON array of ids, or
 * NULL for every station). The array is unpacked by each engine's JSON function; PostgreSQL
 * needs the parameter typed (docs/county-scale.md).
 */
export function inScope(engine: SqlEngine, column: string): string {
  return engine === 'sqlite'
    ? `(:stations IS NULL OR ${column} IN (SELECT value FROM json_each(:stations)))`
    : `(CAST(:stations AS TEXT) IS NULL OR ${column} IN (SELECT json_array_elements_text(CAST(:stations AS JSON))))`;
}
