import type Database from 'better-sqlite3';
import type { QueueStatus } from '../../platform/contract/queue';
import type { QueueOverview, QueueServiceView } from '../api/queue';
import type { CalendarDayView, StaffPresence } from '../api/station';
import { err, ok, type Result } from '../pure/result';
import type { ServiceDeps } from '../app/service-deps';
import { callPlatform } from '../platform-client/client';
import type { PlatformError } from '../platform-client/http';
import { chinaDay } from '../time/china-time';
import { numbersLeft, readStatus, saveStatus, type CachedStatus } from './queue-store';

/** Today's queues from the platform; a good answer is kept as the last known status. */
export async function fetchQueueStatus(
  deps: Pick<ServiceDeps, 'db' | 'info' | 'platform' | 'now'>,
): Promise<Result<QueueStatus, PlatformError>> {
  const answer = await callPlatform(deps.platform, 'getStationQueues', { params: { stationId: deps.info.station.id } });
  if (!answer.ok) return err(answer.error);
  const status = answer.value.body;
  saveStatus(deps.db, status, deps.now());
  return ok(status);
}

/** When the windows call (null: the platform's hours govern) and what today is. */
export interface CallingHours {
  readonly calling: StaffPresence | null;
  readonly today: CalendarDayView;
}

/**
 * The overview with the station's calling hours. When nobody calls again today every service is
 * closed, whatever the last known status said: its numbers would never be called.
 */
function withHours(overview: Omit<QueueOverview, 'calling' | 'today'>, hours: CallingHours): QueueOverview {
  const ended = hours.calling?.state === 'offDuty';
  return {
    ...overview,
    services: ended ? overview.services.map((service) => ({ ...service, open: false })) : overview.services,
    calling: hours.calling,
    today: hours.today,
  };
}

/** The live status as the renderer shows it, with what this kiosk could still number offline. */
export function liveOverview(
  db: Database.Database,
  status: QueueStatus,
  now: Date,
  hours: CallingHours,
): QueueOverview {
  const today = chinaDay(now);
  return withHours(
    {
      source: 'platform',
      updatedAt: status.updatedAt,
      services: status.services.map((service) => ({
        ...service,
        offlineNumbersLeft: numbersLeft(db, service.serviceCode, today),
      })),
    },
    hours,
  );
}

/**
 * The last known status while the platform is unreachable. Counts from an earlier day are wrong
 * today (the queue starts empty each morning), so they read zero; a service is open when this
 * kiosk still has numbers for it, since that is the only way to get a ticket now.
 */
export function offlineOverview(
  db: Database.Database,
  cached: CachedStatus | null,
  now: Date,
  hours: CallingHours,
): QueueOverview {
  if (!cached) return withHours({ source: 'offline', updatedAt: null, services: [] }, hours);
  const today = chinaDay(now);
  const sameDay = cached.status.date === today;
  const services = cached.status.services.map((service): QueueServiceView => {
    const left = numbersLeft(db, service.serviceCode, today);
    return sameDay
      ? { ...service, open: service.open && left > 0, offlineNumbersLeft: left }
      : { ...service, issuedToday: 0, waiting: 0, estimatedWaitMinutes: 0, open: left > 0, offlineNumbersLeft: left };
  });
  return withHours({ source: 'offline', updatedAt: cached.status.updatedAt, services }, hours);
}

export { readStatus };
