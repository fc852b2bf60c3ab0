import type { z } from 'zod';
import type { ConsoleEndpointOf, ConsoleOperationId } from '../../contract/console/endpoints';
import type { ConsoleUser } from '../../contract/console/users';
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
  readonly body: Field<ConsoleEndpointOf<Id>, 'body'>;
}

export type ConsoleOutput<Id extends ConsoleOperationId> = ConsoleEndpointOf<Id>['response'] extends z.ZodType
  ? z.infer<ConsoleEndpointOf<Id>['response']>
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
export type FleetOperationId = Exclude<ConsoleOperationId, SessionOperationId | UserOperationId>;

export type ConsoleHandlers<Ids extends ConsoleOperationId> = { readonly [Id in Ids]: ConsoleHandler<Id> };
