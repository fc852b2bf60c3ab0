import type { KioskContract } from '../api/contract';
import { ok } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { stationHoursView } from './station-hours';

/** `station.hours`: whether staff are on duty, for the screens that promise what staff will do. */
export function buildStationHandlers(deps: ServiceDeps): Pick<Handlers<KioskContract>, 'station.hours'> {
  return { 'station.hours': () => Promise.resolve(ok(stationHoursView(deps))) };
}
