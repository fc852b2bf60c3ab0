import type { ConsoleUser } from '../../../contract/console/users';
import type { AppContext } from '../../http/types';
import type { AuditOutcome } from '../audit-store';
import type { ActiveSession } from '../sessions-store';

/** What the console's route layer hands each operation, after session, CSRF, role and input checks. */

export interface SignedIn {
  readonly user: ConsoleUser;
  readonly session: ActiveSession;
  /** The cookie's session id (the CSRF token derives from it). */
  readonly token: string;
}

export interface RouteCall {
  readonly c: AppContext;
  readonly ip: string;
  readonly now: Date;
  /** Whether the cookie must be Secure (https, or forced). */
  readonly secure: boolean;
  /** null only for the login, the one endpoint without roles. */
  readonly signedIn: SignedIn | null;
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
}

export interface RouteOutcome {
  readonly response: Response;
  /** How the audit log should record a POST; `recorded`: the operation wrote its own entry. */
  readonly audit: AuditOutcome | 'recorded';
  readonly detail?: string;
}

export type RouteHandler = (call: RouteCall) => RouteOutcome | Promise<RouteOutcome>;
