import type { KioskContract } from '../api/contract';
import { err, ok } from '../pure/result';
import type { Handlers } from '../api/types';
import type { ServiceDeps } from '../app/service-deps';
import { readPlatformDocument } from '../platform-documents/fetch';
import { herePointId, SERVICE_POINTS } from './service-points';

export interface ServiceMapOptions {
  /** How long the map screen waits for the platform before showing the stored list. */
  readonly platformWaitMs?: number;
}

/** The offline map of service points (政务服务地图). */
export function buildServiceMapHandlers(
  deps: ServiceDeps,
  options: ServiceMapOptions = {},
): Pick<Handlers<KioskContract>, 'serviceMap.points'> {
  const waitMs = options.platformWaitMs ?? 2_000;
  return {
    'serviceMap.points': async () => {
      const read = await readPlatformDocument(deps, SERVICE_POINTS, waitMs);
      if (!read) {
        return err({
          code: 'notAvailable' as const,
          message: 'the service map has not been received from the platform yet',
        });
      }
      return ok({
        ...read.document,
        source: read.source,
        herePointId: herePointId(read.document.servicePoints, deps.info.station),
      });
    },
  };
}
