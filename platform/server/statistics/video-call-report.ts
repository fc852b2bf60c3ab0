import { addDays } from '../../contract/china-time';
import type { VideoCallReport } from '../../contract/console/statistics-views';
import type { SqlQueries } from '../db/sql';
import { currentCatalog } from '../store/published';
import { scopeParameters } from './figures';
import { inScope, type StatisticsScope } from './scope';
import {
  ALL_CALLS,
  emptyVideoCallFigures,
  videoCallDays,
  videoCallFigures,
  type CallSelection,
} from './video-call-figures';

/**
 * The 视频帮办 part of the statistics page (VideoCallReport): the calls requested on the scope's
 * China days at its stations, in total, per day, per topic and per station.
 */
export async function videoCallReport(db: SqlQueries, scope: StatisticsScope, now: Date): Promise<VideoCallReport> {
  const selection: CallSelection = {
    where: `v.day BETWEEN :from AND :to AND ${inScope(db.engine, 'v.station_id')}`,
    params: scopeParameters(scope, now),
  };
  const totals = (await videoCallFigures(db, selection, 'total')).get(ALL_CALLS) ?? emptyVideoCallFigures();
  const perStation = await videoCallFigures(db, selection, 'station');
  const perTopic = await videoCallFigures(db, selection, 'topic');

  const themes = new Map(((await currentCatalog(db))?.themes ?? []).map((theme) => [theme.id, theme.name]));
  const byTopic = [...perTopic]
    .map(([topic, figures]) => ({ ...figures, topic, topicName: themes.get(topic) ?? null }))
    .sort((a, b) => b.requested - a.requested || (a.topic < b.topic ? -1 : 1));

  const days: string[] = [];
  for (let day = scope.from; day <= scope.to; day = addDays(day, 1)) days.push(day);

  return {
    totals,
    days: await videoCallDays(db, selection, days),
    byTopic,
    stations: scope.visible.map((station) => ({
      ...(perStation.get(station.stationId) ?? emptyVideoCallFigures()),
      stationId: station.stationId,
      name: station.name,
      townshipCode: station.townshipCode,
    })),
  };
}
