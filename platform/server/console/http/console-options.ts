import type { ConsoleHandlers, FleetOperationId, StaffOperationId } from '../handler-types';
import { DEFAULT_LOGIN_POLICY, type LoginPolicy } from '../login';
import { DEFAULT_SESSION_POLICY } from '../sessions-store';
import type { SqlDb } from '../../db/sql';
import type { PlatformLog } from '../../http/types';
import type { Clock } from '../../time';

/** How the console's HTTP layer is set up (platform/server/app.ts passes PlatformDeps.console). */
export interface ConsoleOptions {
  /**
   * The fleet operations (platform/server/fleet/console/). Without them only the session, user
   * and audit endpoints exist and the fleet ones answer 404.
   */
  readonly fleet?: ConsoleHandlers<FleetOperationId>;
  /**
   * Station staff's operations (queue calling, displays, help requests, work orders, statistics:
   * platform/server/staff-console.ts). An operation left out answers 404.
   */
  readonly staff?: Partial<ConsoleHandlers<StaffOperationId>>;
  /** Mark the cookie Secure even on plain http (behind a TLS-terminating proxy that does not say so). */
  readonly forceSecureCookie?: boolean;
  /** Believe X-Forwarded-For / -Proto / -Host (only behind a reverse proxy that sets them). */
  readonly trustProxy?: boolean;
  /** Lockout, address limit, scrypt cost and session expiry; tests lower the scrypt cost. */
  readonly policy?: Partial<LoginPolicy>;
}

export interface ConsoleContext {
  /** The platform's database (db/sql.ts): users, sessions, the audit log and the login limits. */
  readonly sql: SqlDb;
  readonly now: Clock;
  readonly log: PlatformLog;
  readonly jsonMaxBytes: number;
  readonly fleet: ConsoleHandlers<FleetOperationId> | undefined;
  readonly staff: Partial<ConsoleHandlers<StaffOperationId>> | undefined;
  readonly forceSecureCookie: boolean;
  readonly trustProxy: boolean;
  readonly policy: LoginPolicy;
}

export function resolveConsoleOptions(
  base: {
    readonly sql: SqlDb;
    readonly now: Clock;
    readonly log: PlatformLog;
    readonly jsonMaxBytes: number;
  },
  options: ConsoleOptions = {},
): ConsoleContext {
  return {
    ...base,
    fleet: options.fleet,
    staff: options.staff,
    forceSecureCookie: options.forceSecureCookie ?? false,
    trustProxy: options.trustProxy ?? false,
    policy: { ...DEFAULT_LOGIN_POLICY, session: DEFAULT_SESSION_POLICY, ...options.policy },
  };
}
