import { err, ok, type Result } from '../../../core/pure/result';
import type { QueueWindowView } from '../../contract/console/queue-views';
import type { ConsoleUser } from '../../contract/console/users';
import type { ConsoleFailure, ConsoleHandlers, QueueOperationId } from '../console/handler-types';
import { rowIdOf } from '../console/users-store';
import { maySeeStation, stationDirectory, stationName } from '../fleet/stations';
import type { PlatformContext } from '../http/types';
import {
  callNext,
  closeWindow,
  finish,
  noShow,
  openWindow,
  pauseWindow,
  recall,
  startServing,
  transfer,
  type Actor,
  type CallingRefusal,
  type VerbOutcome,
  type WindowKey,
} from './calling';
import { serviceRef, windowSummary, windowView } from './window-view';
import { defineWindow, findWindow, listWindows, seedWindows } from './windows';

/**
 * The console's queue-calling endpoints (platform/contract/console/queue-endpoints.ts). The HTTP
 * layer has checked session, CSRF, role and input; here every request is checked against the
 * user's scope (a station outside it answers notFound, so the answer does not tell it exists),
 * and after a call or recall has committed the station's call displays are nudged.
 */

export type QueueConsoleContext = Pick<PlatformContext, 'db' | 'queueServices' | 'callFeed'>;

const REFUSALS: Record<CallingRefusal, ConsoleFailure> = {
  noSuchWindow: { kind: 'notFound', detail: 'no such window' },
  windowTaken: { kind: 'conflict', detail: 'windowTaken: someone else is at this window' },
  notAtWindow: { kind: 'conflict', detail: 'notAtWindow: open the window first' },
  windowPaused: { kind: 'conflict', detail: 'windowPaused: resume the window to call' },
  windowBusy: { kind: 'conflict', detail: 'windowBusy: finish, transfer or mark the current ticket first' },
  noTicketWaiting: { kind: 'conflict', detail: 'noTicketWaiting: nobody is waiting for this window' },
  noCurrentTicket: { kind: 'conflict', detail: 'noCurrentTicket: the window has no ticket now' },
  wrongTicketState: { kind: 'conflict', detail: 'wrongTicketState: not possible in the ticket’s state' },
  unknownService: { kind: 'invalid', detail: 'unknownService: the station has no such service' },
  unknownWindow: { kind: 'invalid', detail: 'unknownWindow: no other window with that number' },
};

type Verb = (db: PlatformContext['db'], key: WindowKey, actor: Actor, now: Date) => Result<VerbOutcome, CallingRefusal>;

export function createQueueConsoleHandlers(ctx: QueueConsoleContext): ConsoleHandlers<QueueOperationId> {
  const { db } = ctx;

  const actorOf = (user: ConsoleUser): Actor => {
    const userId = rowIdOf(user.userId);
    if (userId === undefined) throw new Error(`console user id ${user.userId} is not U-<n>`);
    return { userId, admin: user.role === 'countyAdmin' || user.role === 'townshipAdmin' };
  };
  /** A known station (a published service point or a kiosk's) within the user's scope. */
  const mayWorkAt = (user: ConsoleUser, stationId: string, directory = stationDirectory(db)) => {
    const station = directory.stations.get(stationId);
    return station !== undefined && maySeeStation(user, station, stationId);
  };

  const view = (user: ConsoleUser, key: WindowKey, now: Date): Result<QueueWindowView, ConsoleFailure> => {
    const window = findWindow(db, key.stationId, key.windowNo);
    if (!window) return err(REFUSALS.noSuchWindow);
    return ok(windowView(db, window, ctx.queueServices(key.stationId), actorOf(user).userId, now));
  };

  const verb =
    (run: Verb) =>
    ({ user, params, now }: { user: ConsoleUser; params: WindowKey; now: Date }) => {
      if (!mayWorkAt(user, params.stationId)) return err(REFUSALS.noSuchWindow);
      const outcome = run(db, params, actorOf(user), now);
      if (!outcome.ok) return err(REFUSALS[outcome.error]);
      if (outcome.value.announced) ctx.callFeed.notify(params.stationId);
      return view(user, params, now);
    };

  return {
    listQueueWindows: ({ user, query, now }) => {
      const directory = stationDirectory(db);
      const stationIds = [...directory.stations.keys()].filter(
        (stationId) =>
          (query.station === undefined || stationId === query.station) && mayWorkAt(user, stationId, directory),
      );
      if (query.station !== undefined && stationIds.length === 0)
        return err({ kind: 'notFound', detail: 'no such station' });
      if (query.station !== undefined) seedWindows(db, query.station, ctx.queueServices(query.station), now);
      const userId = actorOf(user).userId;
      return ok({
        stations: stationIds.map((stationId) => ({
          stationId,
          name: stationName(directory, stationId).slice(0, 64),
          services: ctx.queueServices(stationId).map(serviceRef),
          windows: listWindows(db, stationId).map((window) => windowSummary(window, userId)),
        })),
      });
    },

    defineQueueWindow: ({ user, params, body, now }) => {
      if (!mayWorkAt(user, params.stationId)) return err({ kind: 'notFound', detail: 'no such station' });
      const known = new Set(ctx.queueServices(params.stationId).map((service) => service.serviceCode));
      const unknown = body.serviceCodes.filter((code) => !known.has(code));
      if (unknown.length > 0) return err({ kind: 'invalid', detail: `unknown services: ${unknown.join(', ')}` });
      const window = defineWindow(db, { stationId: params.stationId, ...body }, now);
      return ok(windowSummary(window, actorOf(user).userId));
    },

    getQueueWindow: ({ user, params, now }) => {
      if (!mayWorkAt(user, params.stationId)) return err(REFUSALS.noSuchWindow);
      return view(user, params, now);
    },

    openQueueWindow: verb(openWindow),
    pauseQueueWindow: verb(pauseWindow),
    closeQueueWindow: verb(closeWindow),
    callNextTicket: verb(callNext),
    recallTicket: verb(recall),
    startTicket: verb(startServing),
    finishTicket: verb(finish),
    noShowTicket: verb(noShow),
    transferTicket: ({ user, params, body, now }) => {
      const services = ctx.queueServices(params.stationId).map((service) => service.serviceCode);
      return verb((database, key, actor, at) => transfer(database, key, actor, body, services, at))({
        user,
        params,
        now,
      });
    },
  };
}
