import type { z } from 'zod';
import type { ConsoleEndpointOf, ConsoleOperationId } from '../../contract/console/endpoints';
import type { ConsoleUser } from '../../contract/console/users';
import type { DISPLAY_ENDPOINTS } from '../../contract/console/display-endpoints';
import type { HELP_ENDPOINTS } from '../../contract/console/help-endpoints';
import type { QUEUE_ENDPOINTS } from '../../contract/console/queue-endpoints';
import type { STAFF_ENDPOINTS } from '../../contract/console/staff-endpoints';
import type { STATISTICS_ENDPOINTS } from '../../contract/console/statistics-endpoints';
import type { VIDEO_ENDPOINTS } from '../../contract/console/video-endpoints';
import type { WORK_ORDER_ENDPOINTS } from '../../contract/console/work-order-endpoints';
import type { Result } from '../../../core/pure/result';

/**
 * The seam between the console's HTTP layer (platform/server/console/http/: sessions, CSRF, role
 * check, audit) and the work behind each console endpoint (fleet: platform/server/fleet/console/).
 * The HTTP layer has already checked the session, the CSRF token, the role and the input's
 * shape; a handler still checks the user's scope against what it touches (a township admin asks
 * for a kiosk of another township: notFound, so the answer does not tell that it exists).
 */

type Schema<T> = T extends z.ZodType ? z.infer<T> : undefined;
type Field<E, K extends string> = E extends Record<K, infer S> ? Schema<S> : undefined;

export interface ConsoleCall<Id extends ConsoleOperationId> {
  readonly user: ConsoleUser;
  /** Where the request came from (the socket's address; a proxy's X-Forwarded-For only when configured). */
  readonly ip: string;
  readonly now: Date;
  readonly params: Field<ConsoleEndpointOf<Id>, 'pathParams'>;
  readonly query: Field<ConsoleEndpointOf<Id>, 'query'>;
  /** An upload endpoint's (`upload` in the table) body is its bytes. */
  readonly body: ConsoleEndpointOf<Id> extends { readonly upload: object }
    ? Uint8Array
    : Field<ConsoleEndpointOf<Id>, 'body'>;
}

/** A file the handler streams as it makes it (response 'download'). */
export interface ConsoleDownload {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: ReadableStream<Uint8Array>;
}

export type ConsoleOutput<Id extends ConsoleOperationId> = ConsoleEndpointOf<Id>['response'] extends z.ZodType
  ? z.infer<ConsoleEndpointOf<Id>['response']>
  : ConsoleEndpointOf<Id>['response'] extends 'download'
    ? ConsoleDownload
    : Uint8Array;

/** Expected refusals; the HTTP layer turns them into problem responses and audit outcomes. */
export type ConsoleFailure =
  | { readonly kind: 'notFound'; readonly detail: string }
  | { readonly kind: 'forbidden'; readonly detail: string }
  | { readonly kind: 'conflict'; readonly detail: string }
  | { readonly kind: 'invalid'; readonly detail: string };

export type ConsoleHandler<Id extends ConsoleOperationId> = (
  call: ConsoleCall<Id>,
) => Result<ConsoleOutput<Id>, ConsoleFailure> | Promise<Result<ConsoleOutput<Id>, ConsoleFailure>>;

/** Session operations (login, getSession, logout, changePassword) belong to the HTTP layer itself. */
export type SessionOperationId = 'login' | 'getSession' | 'logout' | 'changePassword';
export type UserOperationId = 'listUsers' | 'createUser' | 'setUserDisabled' | 'getAudit';
type IdsOf<Table extends readonly { readonly operationId: string }[]> = Table[number]['operationId'];
/** Station staff's areas (platform/contract/console/*-endpoints.ts), each with its own handlers. */
export type QueueOperationId = IdsOf<typeof QUEUE_ENDPOINTS>;
export type DisplayOperationId = IdsOf<typeof DISPLAY_ENDPOINTS>;
export type HelpOperationId = IdsOf<typeof HELP_ENDPOINTS>;
export type WorkOrderOperationId = IdsOf<typeof WORK_ORDER_ENDPOINTS>;
export type StatisticsOperationId = IdsOf<typeof STATISTICS_ENDPOINTS>;
export type VideoOperationId = IdsOf<typeof VIDEO_ENDPOINTS>;
export type StaffOperationId = IdsOf<typeof STAFF_ENDPOINTS>;
export type FleetOperationId = Exclude<
  Exclude<ConsoleOperationId, SessionOperationId | UserOperationId>,
  StaffOperationId
>;

export type ConsoleHandlers<Ids extends ConsoleOperationId> = { readonly [Id in Ids]: ConsoleHandler<Id> };
