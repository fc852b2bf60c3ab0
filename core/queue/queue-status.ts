import type Database from 'better-sqlite3';
import { QueueStatus } from '../../platform/contract/queue';
import type { QueueOverview, QueueServiceView } from '../api/queue';
import { err, ok, type Result } from '../api/result';
import type { ServiceDeps } from '../app/service-deps';
import { platformRequest, type PlatformError } from '../platform-client/http';
import { chinaDay } from '../time/china-time';
import { numbersLeft, readStatus, saveStatus, type CachedStatus } from './queue-store';

/** Today's queues from the platform; a good answer is kept as the last known status. */
export async function fetchQueueStatus(
  deps: Pick<ServiceDeps, 'db' | 'info' | 'platform' | 'now'>,
): Promise<Result<QueueStatus, PlatformError>> {
  const answer = await platformRequest(deps.platform, {
    method: 'GET',
    path: `/stations/${encodeURIComponent(deps.info.station.id)}/queues`,
    schema: QueueStatus,
  });
  if (!answer.ok) return err(answer.error);
  const status = answer.value.body as QueueStatus;
  saveStatus(deps.db, status, deps.now());
  return ok(status);
}

/** The live status as the renderer shows it, with what this kiosk could still number offline. */
export function liveOverview(db: Database.Database, status: QueueStatus, now: Date): QueueOverview {
  const today = chinaDay(now);
  return {
    source: 'platform',
    updatedAt: status.updatedAt,
    services: status.services.map((service) => ({
      ...service,
      offlineNumbersLeft: numbersLeft(db, service.serviceCode, today),
    })),
  };
}

/**
 * The last known status while the platform is unreachable. Counts from an earlier day are wrong
 * today (the queue starts empty each morning), so they read zero; a service is open when this
 * kiosk still has numbers for it, since that is the only way to get a ticket now.
 */
export function offlineOverview(db: Database.Database, cached: CachedStatus | null, now: Date): QueueOverview {
  if (!cached) return { source: 'offline', updatedAt: null, services: [] };
  const today = chinaDay(now);
  const sameDay = cached.status.date === today;
  const services = cached.status.services.map((service): QueueServiceView => {
    const left = numbersLeft(db, service.serviceCode, today);
    return sameDay
      ? { ...service, open: service.open && left > 0, offlineNumbersLeft: left }
      : { ...service, issuedToday: 0, waiting: 0, estimatedWaitMinutes: 0, open: left > 0, offlineNumbersLeft: left };
  });
  return { source: 'offline', updatedAt: cached.status.updatedAt, services };
}

export { readStatus };
