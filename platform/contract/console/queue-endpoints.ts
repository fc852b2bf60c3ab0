import { ADMINS, STATION_WORKERS, type ConsoleEndpoint } from './endpoint-shape';
import {
  NoBody,
  QueueStationPathParams,
  QueueWindowDefinition,
  QueueWindowList,
  QueueWindowPathParams,
  QueueWindowsQuery,
  QueueWindowSummary,
  QueueWindowView,
  TicketTransfer,
} from './queue-views';

const WINDOW = '/queue/stations/{stationId}/windows/{windowNo}';

/** A staff verb at a window: its own POST, answering the window as it now is. */
const windowVerb = <Id extends string, P extends string>(operationId: Id, path: P, summary: string) =>
  ({
    operationId,
    method: 'post',
    path,
    summary,
    roles: STATION_WORKERS,
    pathParams: QueueWindowPathParams,
    body: NoBody,
    status: 200,
    response: QueueWindowView,
  }) as const;

/** Queue calling at the windows (叫号): the window page and the windows a station has. Part of CONSOLE_ENDPOINTS (endpoints.ts). */
export const QUEUE_ENDPOINTS = [
  {
    operationId: 'listQueueWindows',
    method: 'get',
    path: '/queue/windows',
    summary: 'The stations the user may work at and their windows',
    roles: STATION_WORKERS,
    query: QueueWindowsQuery,
    status: 200,
    response: QueueWindowList,
  },
  {
    operationId: 'defineQueueWindow',
    method: 'post',
    path: '/queue/stations/{stationId}/windows',
    summary: 'Create or change a window (its label and the services it calls)',
    roles: ADMINS,
    pathParams: QueueStationPathParams,
    body: QueueWindowDefinition,
    status: 200,
    response: QueueWindowSummary,
  },
  {
    operationId: 'getQueueWindow',
    method: 'get',
    path: WINDOW,
    summary: 'A window: its current ticket, the queue beside it, today’s count',
    roles: STATION_WORKERS,
    pathParams: QueueWindowPathParams,
    status: 200,
    response: QueueWindowView,
  },
  windowVerb('openQueueWindow', `${WINDOW}/open`, 'Sit at the window (it calls under my name)'),
  windowVerb('pauseQueueWindow', `${WINDOW}/pause`, 'Pause calling (stay at the window)'),
  windowVerb('closeQueueWindow', `${WINDOW}/close`, 'Leave the window'),
  windowVerb('callNextTicket', `${WINDOW}/call-next`, 'Call the next ticket (priority first, then by issue)'),
  windowVerb('recallTicket', `${WINDOW}/recall`, 'Call the current ticket again'),
  windowVerb('startTicket', `${WINDOW}/start`, 'The resident has come: start serving'),
  windowVerb('finishTicket', `${WINDOW}/finish`, 'Finished serving'),
  windowVerb('noShowTicket', `${WINDOW}/no-show`, 'The resident did not come'),
  {
    operationId: 'transferTicket',
    method: 'post',
    path: `${WINDOW}/transfer`,
    summary: 'Send the current ticket to another service’s queue or to one window; it keeps its number',
    roles: STATION_WORKERS,
    pathParams: QueueWindowPathParams,
    body: TicketTransfer,
    status: 200,
    response: QueueWindowView,
  },
] as const satisfies readonly ConsoleEndpoint[];
