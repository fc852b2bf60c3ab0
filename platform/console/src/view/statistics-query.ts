import { addDays, dayIn } from '../../../contract/china-time';
import type { StatisticsQuery } from '../../../contract/console/statistics-views';

/**
 * The statistics page's query lives in the URL (?from=…&to=…&station=… or &township=…), so a
 * range can be bookmarked and sent to a colleague. Missing or malformed dates: the last 30 China
 * days up to today.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_DAYS = 30;

export function statisticsQueryFrom(search: string, now: Date): StatisticsQuery {
  const params = new URLSearchParams(search);
  const today = dayIn(now);
  const to = DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : today;
  const from = DAY.test(params.get('from') ?? '') ? (params.get('from') as string) : addDays(to, -(DEFAULT_DAYS - 1));
  const station = params.get('station') ?? undefined;
  const township = station === undefined ? (params.get('township') ?? undefined) : undefined;
  return { from, to, ...(station ? { station } : {}), ...(township ? { township } : {}) };
}

export function statisticsSearch(query: StatisticsQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.station) params.set('station', query.station);
  else if (query.township) params.set('township', query.township);
  return `?${params.toString()}`;
}

/** The picker's value for a scope: '' (the user's whole scope), 't:<code>' or 's:<id>'. */
export function scopeValue(query: StatisticsQuery): string {
  if (query.station) return `s:${query.station}`;
  if (query.township) return `t:${query.township}`;
  return '';
}

export function withScope(query: StatisticsQuery, value: string): StatisticsQuery {
  const { from, to } = query;
  if (value.startsWith('s:')) return { from, to, station: value.slice(2) };
  if (value.startsWith('t:')) return { from, to, township: value.slice(2) };
  return { from, to };
}
