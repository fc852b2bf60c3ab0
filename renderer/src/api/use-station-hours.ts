import type { StationHours } from '../../../core/api/station';
import { useApiQuery } from './use-api-query';
import { useStationNow } from './use-station-time';

/**
 * Whether staff are on duty at the station now and when they next are (station.hours), asked
 * again each minute so a screen left open over 17:30 changes with the station. Null until known
 * or when the kiosk cannot say: screens then keep their ordinary words.
 */
export function useStationHours(): StationHours | null {
  const minute = Math.floor(useStationNow(60_000).getTime() / 60_000);
  const hours = useApiQuery('station.hours', {}, String(minute));
  return hours.status === 'ok' ? hours.value : null;
}
