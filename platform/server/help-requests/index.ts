import { err, ok, type Result } from '../../../core/pure/result';
import type { AssistanceStatus } from '../../contract/assistance';
import type { ConsoleUser } from '../../contract/console/users';
import type { ConsoleFailure, ConsoleHandlers, HelpOperationId } from '../console/handler-types';
import { rowIdOf } from '../console/users-store';
import { maySeeStation, stationDirectory, stationName, type StationDirectory } from '../fleet/stations';
import type { PlatformContext } from '../http/types';
import {
  changeAssistanceRequest,
  findAssistanceRow,
  listAssistanceRows,
  type AssistanceChange,
  type AssistanceRow,
  type ChangeRefusal,
} from '../store/assistance-requests';
import { inboxItem, inboxOrder, requestDetail } from './inbox-views';
import { saveStationSettings, stationSettingsView } from './station-settings-store';

/**
 * The work behind the console's help-request endpoints (platform/contract/console/
 * help-endpoints.ts): the inbox of the stations in the user's scope, one request, its steps
 * (accept, contact, complete, cancel) and the station's time limits. Anything outside the
 * user's scope answers notFound, so the answer does not tell that it exists.
 */

export type HelpConsoleContext = Pick<PlatformContext, 'sql' | 'sealer'>;

const OPEN: readonly AssistanceStatus[] = ['received', 'assigned', 'inProgress'];

const REFUSALS: Record<ChangeRefusal, string> = {
  closed: 'this request is already closed',
  notAccepted: 'accept the request first',
  taken: 'another member of staff has already accepted this request',
};
const notFound = (detail: string): Result<never, ConsoleFailure> => err({ kind: 'notFound', detail });

/** The agent's name as the resident hears it at the kiosk. */
export const agentLabel = (name: string): string => `${name}（帮办员）`;

export function createHelpConsoleHandlers(ctx: HelpConsoleContext): ConsoleHandlers<HelpOperationId> {
  const { sql: db, sealer } = ctx;

  const maySee = (user: ConsoleUser, directory: StationDirectory, stationId: string) =>
    maySeeStation(user, directory.stations.get(stationId), stationId);

  /** The stations whose requests the user may list; null: every one (county-wide). */
  const visibleStations = (user: ConsoleUser, directory: StationDirectory): string[] | null => {
    if (user.role === 'countyAdmin') return null;
    if (user.scope.kind === 'station') return [user.scope.stationId];
    return [...directory.stations.keys()].filter((stationId) => maySee(user, directory, stationId));
  };

  const visibleRequest = async (user: ConsoleUser, requestId: string, directory: StationDirectory) => {
    const row = await findAssistanceRow(db, requestId);
    return row && maySee(user, directory, row.stationId) ? row : undefined;
  };

  const detail = (row: AssistanceRow, directory: StationDirectory, now: Date) =>
    requestDetail(db, sealer, row, stationName(directory, row.stationId), now);

  /** Applies one step to a request the user may see, and answers with the request as it is now. */
  const step = async (user: ConsoleUser, requestId: string, now: Date, change: AssistanceChange) => {
    const directory = await stationDirectory(db);
    if (!(await visibleRequest(user, requestId, directory))) return notFound('no such help request');
    const refused = await changeAssistanceRequest(db, sealer, requestId, change, now);
    if (refused !== null) return err({ kind: 'conflict', detail: REFUSALS[refused] } as const);
    const row = await findAssistanceRow(db, requestId);
    if (!row) throw new Error(`${requestId} vanished after a step`);
    return ok(await detail(row, directory, now));
  };

  const staffId = (user: ConsoleUser): number => {
    const id = rowIdOf(user.userId);
    if (id === undefined) throw new Error(`a signed-in user without a row id: ${user.userId}`);
    return id;
  };

  return {
    listHelpRequests: async ({ user, query, now }) => {
      const directory = await stationDirectory(db);
      if (query.station !== undefined && !maySee(user, directory, query.station)) return notFound('no such station');
      const scoped = visibleStations(user, directory);
      const stationIds = query.station === undefined ? scoped : [query.station];
      const status = query.status ?? 'open';
      const statuses = status === 'open' ? OPEN : [status];
      const rows = await listAssistanceRows(db, {
        stationIds,
        statuses: OPEN.concat(['done', 'cancelled']),
        kind: query.kind,
      });
      const all = [];
      for (const row of rows) all.push(await inboxItem(db, sealer, row, stationName(directory, row.stationId), now));
      const requests = all
        .filter((item) => statuses.includes(item.status))
        .filter((item) => query.overdue === undefined || item.overdue === (query.overdue === 'true'))
        .sort(inboxOrder);
      const open = all.filter((item) => OPEN.includes(item.status));
      return ok({
        generatedAt: now.toISOString(),
        requests,
        counts: { open: open.length, overdue: open.filter((item) => item.overdue).length },
      });
    },

    getHelpRequest: async ({ user, params, now }) => {
      const directory = await stationDirectory(db);
      const row = await visibleRequest(user, params.requestId, directory);
      return row ? ok(await detail(row, directory, now)) : notFound('no such help request');
    },

    assignHelpRequest: ({ user, params, body, now }) =>
      step(user, params.requestId, now, {
        kind: 'assign',
        userId: staffId(user),
        assigneeName: body.assignee === 'me' ? user.displayName : agentLabel(body.agentName),
      }),

    addHelpContact: ({ user, params, body, now }) =>
      step(user, params.requestId, now, {
        kind: 'contact',
        userId: staffId(user),
        at: body.at ?? now.toISOString(),
        channel: body.channel,
        outcome: body.outcome,
        note: body.note === undefined || body.note === '' ? null : body.note,
      }),

    completeHelpRequest: ({ user, params, body, now }) =>
      step(user, params.requestId, now, { kind: 'complete', note: body.note }),

    cancelHelpRequest: ({ user, params, body, now }) =>
      step(user, params.requestId, now, { kind: 'cancel', reason: body.reason }),

    getStationSettings: async ({ user, params }) => {
      const directory = await stationDirectory(db);
      if (!maySee(user, directory, params.stationId)) return notFound('no such station');
      return ok(await stationSettingsView(db, params.stationId));
    },

    putStationSettings: async ({ user, params, body, now }) => {
      const directory = await stationDirectory(db);
      if (!maySee(user, directory, params.stationId)) return notFound('no such station');
      await saveStationSettings(db, params.stationId, body, staffId(user), now);
      return ok(await stationSettingsView(db, params.stationId));
    },
  };
}
