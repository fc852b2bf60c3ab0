import type { KioskContract } from '../api/contract';
import type { Handlers } from '../api/types';
import { buildApplicationHandlers } from '../applications/handlers';
import { buildAppointmentHandlers } from '../appointments/handlers';
import { buildHelpHandlers } from '../assistance/handlers';
import { countMatterUse } from '../catalog/count-matter-use';
import { buildFindHandlers } from '../catalog/handlers';
import { createMatterUsage, type MatterUsage } from '../catalog/matter-usage';
import { buildProgressHandlers } from '../progress/handlers';
import { buildQueueHandlers } from '../queue/handlers';
import { startTicketRangeKeeper } from '../queue/ticket-range-keeper';
import { buildRatingHandlers } from '../ratings/handlers';
import { buildTicketByNumberHandlers } from '../ratings/ticket-by-number';
import { buildServiceMapHandlers } from '../service-map/handlers';
import { startPlatformDocumentRefresh } from '../platform-documents/refresh-loop';
import { createResidentSession } from '../session/resident-session';
import { buildStationHandlers } from '../station-hours/handlers';
import { buildSessionHandlers } from '../session/handlers';
import type { ScannedCode } from '../api/scanner';
import { createScanRouter, type ScanRouter } from '../scan/scan-router';
import type { ServiceDeps } from './service-deps';

/** The contract methods the resident journeys own (everything but catalog browsing, devices and technician mode). */
type ResidentMethods =
  | 'catalog.search'
  | 'catalog.lifeEvents'
  | 'catalog.printChecklist'
  | `session.${'state' | 'signInWithCard' | 'signInWithIdNumber' | 'signOut' | 'completedServices'}`
  | `application.${string}`
  | `queue.${string}`
  | `appointment.${string}`
  | `progress.${string}`
  | `rating.${string}`
  | 'assistance.request'
  | 'assistance.mine'
  | 'station.hours'
  | 'serviceMap.points';

export interface ResidentServices {
  readonly deps: ServiceDeps;
  /** What the QR scanner's reads do (scanner.scanned), and the technician's scan test. */
  readonly scans: ScanRouter;
  readonly handlers: Pick<Handlers<KioskContract>, Extract<keyof Handlers<KioskContract>, ResidentMethods>>;
  /** How often each matter is used here; start.ts counts guide openings (catalog.matter) into it too. */
  readonly matterUsage: MatterUsage;
  /** Forgets the resident: who signed in, their card, what they completed (the captures are the caller's). */
  endSession(): void;
  /** Stops the background loops (ticket ranges, rating options and map refresh). */
  stop(): Promise<void>;
}

/**
 * Every resident journey of core over one set of dependencies, and the loops that keep offline
 * work possible: a reserved range of ticket numbers per service, and fresh copies of the 好差评
 * options and the service map. start.ts and the test core build the kiosk from this one place.
 * `loops: false` leaves the loops off (tests that drive them themselves).
 */
export function createResidentServices(
  base: Omit<ServiceDeps, 'session'>,
  options: {
    readonly loops?: boolean;
    readonly deliveryWaitMs?: number;
    readonly cardWaitMs?: number;
    /** Where classified scanner reads go (the `scanner.scanned` event). */
    readonly onScanned?: (code: ScannedCode) => void;
    /** True while a technician has the kiosk: scanner reads are then no resident's. */
    readonly technicianActive?: () => boolean;
  } = {},
): ResidentServices {
  const session = createResidentSession({ devices: base.devices, now: base.now, logger: base.logger });
  const deps: ServiceDeps = { ...base, session };
  const scans = createScanRouter({
    ...deps,
    emit: options.onScanned ?? (() => undefined),
    technicianActive: options.technicianActive ?? (() => false),
  });
  const matterUsage = createMatterUsage({ db: base.db, onVisitEnd: (listener) => session.onEnd(listener) });
  const wait = {
    ...(options.deliveryWaitMs === undefined ? {} : { deliveryWaitMs: options.deliveryWaitMs }),
    licenceScans: scans.licences,
  };
  const handlers = countMatterUse(
    {
      ...buildFindHandlers({ ...deps, usage: matterUsage }),
      ...buildSessionHandlers(deps, options.cardWaitMs === undefined ? {} : { cardWaitMs: options.cardWaitMs }),
      ...buildApplicationHandlers(deps, wait),
      ...buildQueueHandlers(deps),
      ...buildAppointmentHandlers(deps),
      ...buildProgressHandlers(deps),
      ...buildRatingHandlers(deps),
      ...buildTicketByNumberHandlers(deps),
      ...buildHelpHandlers(deps),
      ...buildServiceMapHandlers(deps),
      ...buildStationHandlers(deps),
    },
    matterUsage,
  );
  const loops = options.loops === false ? [] : [startTicketRangeKeeper(deps), startPlatformDocumentRefresh(deps)];
  return {
    deps,
    scans,
    handlers,
    matterUsage,
    endSession: () => session.end(),
    async stop() {
      scans.stop();
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
