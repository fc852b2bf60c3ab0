import type { ConditionalOperation } from '../platform-client/operations';
import type { ServiceDeps } from '../app/service-deps';
import { describePlatformError } from '../platform-client/http';
import { RATING_OPTIONS } from '../ratings/rating-options';
import { WORK_CALENDAR } from '../station-hours/station-hours';
import { refreshPlatformDocument, type PlatformDocumentSpec } from './fetch';
import { SERVICE_POINTS } from '../service-map/service-points';

export interface PlatformDocumentRefresh {
  /** Stops the timer and waits for a round in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Keeps the 好差评 options, the service map and the working calendar fresh in the store, so the
 * rating screen, the map and the station's hours work when the platform is down (a calendar the
 * county republishes reaches the kiosk on the next round): once at start, then every `intervalMs` (30 min). A failed
 * attempt only waits for the next round; the stored copies stay as they are.
 */
export function startPlatformDocumentRefresh(
  deps: Pick<ServiceDeps, 'db' | 'platform' | 'logger' | 'now'>,
  options: { readonly intervalMs?: number } = {},
): PlatformDocumentRefresh {
  const intervalMs = options.intervalMs ?? 30 * 60_000;
  const log = deps.logger.child({ component: 'platform-documents' });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const refreshOne = async <Op extends ConditionalOperation>(spec: PlatformDocumentSpec<Op>) => {
    try {
      const result = await refreshPlatformDocument(deps, spec);
      if (!result.ok) log.info({ kind: spec.kind, reason: describePlatformError(result.error) }, 'refresh failed');
    } catch (error) {
      log.error({ err: error, kind: spec.kind }, 'care cache refresh crashed');
    }
  };
  const refreshAll = async () => {
    await refreshOne(RATING_OPTIONS);
    await refreshOne(SERVICE_POINTS);
    await refreshOne(WORK_CALENDAR);
  };

  const round = () => {
    running = refreshAll().finally(() => {
      running = null;
      if (stopped) return;
      timer = setTimeout(round, intervalMs);
      timer.unref?.();
    });
  };
  round();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
