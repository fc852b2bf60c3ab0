import { err, ok, type Result } from '../../../core/pure/result';
import type { QueueWindowView } from '../../contract/console/queue-views';
import type { ConsoleUser } from '../../contract/console/users';
import type { ConsoleFailure, ConsoleHandlers, QueueOperationId } from '../console/handler-types';
import { rowIdOf } from '../console/users-store';
import { maySeeStation, stationDirectory, stationName, type StationDirectory } from '../fleet/stations';
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

export type QueueConsoleContext = Pick<PlatformContext, 'sql' | 'queueServices' | 'callFeed'>;

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

type Verb = (
  db: PlatformContext['sql'],
  key: WindowKey,
  actor: Actor,
  now: Date,
) => Promise<Result<VerbOutcome, CallingRefusal>>;

export function createQueueConsoleHandlers(ctx: QueueConsoleContext): ConsoleHandlers<QueueOperationId> {
  const { sql } = ctx;

  const actorOf = (user: ConsoleUser): Actor => {
    const userId = rowIdOf(user.userId);
    if (userId === undefined) throw new Error(`console user id ${user.userId} is not U-<n>`);
    return { userId, admin: user.role === 'countyAdmin' || user.role === 'townshipAdmin' };
  };
  /** A known station (a published service point or a kiosk's) within the user's scope. */
  const mayWorkAt = async (user: ConsoleUser, stationId: string, known?: StationDirectory) => {
    const directory = known ?? (await stationDirectory(sql));
    const station = directory.stations.get(stationId);
    return station !== undefined && maySeeStation(user, station, stationId);
  };

  const view = async (
    user: ConsoleUser,
    key: WindowKey,
    now: Date,
  ): Promise<Result<QueueWindowView, ConsoleFailure>> => {
    const window = await findWindow(sql, key.stationId, key.windowNo);
    if (!window) return err(REFUSALS.noSuchWindow);
    return ok(await windowView(sql, window, ctx.queueServices(key.stationId), actorOf(user).userId, now));
  };

  const verb =
    (run: Verb) =>
    async ({ user, params, now }: { user: ConsoleUser; params: WindowKey; now: Date }) => {
      if (!(await mayWorkAt(user, params.stationId))) return err(REFUSALS.noSuchWindow);
      const outcome = await run(sql, params, actorOf(user), now);
      if (!outcome.ok) return err(REFUSALS[outcome.error]);
      // After commit (run's transaction has ended): every instance's displays of the station hear it.
      if (outcome.value.announced) ctx.callFeed.notify(params.stationId);
      return view(user, params, now);
    };

  return {
    listQueueWindows: async ({ user, query, now }) => {
      const directory = await stationDirectory(sql);
      const stationIds: string[] = [];
      for (const stationId of directory.stations.keys()) {
        if (query.station !== undefined && stationId !== query.station) continue;
        if (await mayWorkAt(user, stationId, directory)) stationIds.push(stationId);
      }
      if (query.station !== undefined && stationIds.length === 0)
        return err({ kind: 'notFound', detail: 'no such station' });
      if (query.station !== undefined) await seedWindows(sql, query.station, ctx.queueServices(query.station), now);
      const userId = actorOf(user).userId;
      const stations = [];
      for (const stationId of stationIds) {
        const windows = await listWindows(sql, stationId);
        stations.push({
          stationId,
          name: stationName(directory, stationId).slice(0, 64),
          services: ctx.queueServices(stationId).map(serviceRef),
          windows: windows.map((window) => windowSummary(window, userId)),
        });
      }
      return ok({ stations });
    },

    defineQueueWindow: async ({ user, params, body, now }) => {
      if (!(await mayWorkAt(user, params.stationId))) return err({ kind: 'notFound', detail: 'no such station' });
      const known = new Set(ctx.queueServices(params.stationId).map((service) => service.serviceCode));
      const unknown = body.serviceCodes.filter((code) => !known.has(code));
      if (unknown.length > 0) return err({ kind: 'invalid', detail: `unknown services: ${unknown.join(', ')}` });
      const window = await defineWindow(sql, { stationId: params.stationId, ...body }, now);
      return ok(windowSummary(window, actorOf(user).userId));
    },

    getQueueWindow: async ({ user, params, now }) => {
      if (!(await mayWorkAt(user, params.stationId))) return err(REFUSALS.noSuchWindow);
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
