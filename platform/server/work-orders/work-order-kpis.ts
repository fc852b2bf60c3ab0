import type { WorkOrderKpi, WorkOrderKpis } from '../../contract/console/work-order-views';
import type { StationView, TownshipView } from '../../contract/console/fleet-views';
import { isLate, isOverdue, isRectified, type WorkOrderRow } from './work-order-store';

/**
 * Work-order KPIs of the work orders created in a period (their `day`), per station, rolled up
 * per township and in total:
 *
 * - 回访率 = work orders with a callback / work orders created;
 * - 整改率 = work orders answered (a fix recorded, or closed on a satisfied callback) / work
 *   orders created: every 差评 needs one or the other, so they all count in the denominator;
 * - overdue: without a callback past the due day, as of `today`; late: called back after it.
 *
 * Rates are null when nothing was created (no 差评 is not 0 %).
 */

type Counted = Pick<WorkOrderRow, 'callbackAt' | 'followUpBy' | 'rectifiedAt' | 'closedAt' | 'callbackSatisfied'>;

export function kpiOf(rows: readonly Counted[], today: string): WorkOrderKpi {
  const created = rows.length;
  const calledBack = rows.filter((row) => row.callbackAt !== null).length;
  const rectified = rows.filter(isRectified).length;
  const rate = (part: number) => (created === 0 ? null : part / created);
  return {
    created,
    calledBack,
    callbackRate: rate(calledBack),
    rectified,
    rectificationRate: rate(rectified),
    closed: rows.filter((row) => row.closedAt !== null).length,
    overdue: rows.filter((row) => isOverdue(row, today)).length,
    late: rows.filter(isLate).length,
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function kpisByStation(
  rows: readonly WorkOrderRow[],
  period: { readonly from: string; readonly to: string },
  today: string,
  stationOf: (stationId: string) => StationView,
  townshipOf: (townshipCode: string) => TownshipView,
): WorkOrderKpis {
  const perStation = groupBy(rows, (row) => row.stationId);
  const stations = [...perStation.entries()]
    .map(([stationId, stationRows]) => {
      const station = stationOf(stationId);
      return { stationId, name: station.name, townshipCode: station.townshipCode, kpi: kpiOf(stationRows, today) };
    })
    .sort((a, b) => a.townshipCode.localeCompare(b.townshipCode) || a.stationId.localeCompare(b.stationId));
  const perTownship = groupBy(rows, (row) => stationOf(row.stationId).townshipCode);
  const townships = [...perTownship.entries()]
    .map(([townshipCode, townshipRows]) => ({
      townshipCode,
      name: townshipOf(townshipCode).name,
      kpi: kpiOf(townshipRows, today),
    }))
    .sort((a, b) => a.townshipCode.localeCompare(b.townshipCode));
  return { from: period.from, to: period.to, asOf: today, stations, townships, total: kpiOf(rows, today) };
}
